package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.culturekit.Main;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Response;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;
import org.culturekit.scoring.Scorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Opens HTML reports in headless Chromium at desktop (1280 px) and phone (390 px) widths and proves that nothing
 * is cut off: no table is wider than its box, no element reaches past the viewport, no cell hides part of its
 * text. Then prints each report to A4 and to US Letter, portrait, with Chromium and proves with {@code pdftotext} that every figure
 * of every table row is on the printed pages, in the row's order (a clipped column drops the row's last figures,
 * a closed {@code <details>} drops whole rows).
 *
 * <p>Screenshots and PDFs are left in {@code target/layout/} for a human to look at; turn PDF pages into
 * pictures with {@code pdftoppm -png -r 50}. Skipped like {@link BrowserSafetyIT} where Chromium is missing.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ReportLayoutIT {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
    private static final Path OUT = Path.of("target/layout").toAbsolutePath();
    private static final Duration OVERALL = Duration.ofSeconds(230);
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;
    /**
     * The papers a report is printed on, in inches as DevTools wants them: the report's {@code @page} rule sets
     * portrait and leaves the size to the printer, so both must hold every figure.
     */
    private enum Paper {
        A4(8.27, 11.69),
        LETTER(8.5, 11);

        final double width;
        final double height;

        Paper(double width, double height) {
            this.width = width;
            this.height = height;
        }
    }
    /** How many lines of the printed text one table row may take: its figures sit on its first line. */
    private static final int ROW_LINES = 3;
    /** Words whose vertical middles are this close, in pt, stand on one printed line. */
    private static final double SAME_LINE = 2.5;
    /** One word of {@code pdftotext -bbox}: its box and its text. */
    private static final Pattern WORD = Pattern.compile("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
            + "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");

    private static WebDriver browser;
    private static String skipReason;

    @BeforeAll
    static void startBrowser() throws Exception {
        skipReason = WebDriver.unavailable(CHROMEDRIVER, "ReportLayoutIT");
        if (skipReason == null && !Files.isExecutable(PDFTOTEXT)) {
            skipReason = PDFTOTEXT + " is missing (Debian: apt-get install poppler-utils); ReportLayoutIT skipped.";
        }
        if (skipReason != null) {
            return;
        }
        Files.createDirectories(OUT);
        browser = WebDriver.start(CHROMEDRIVER, OUT.resolve("chromedriver.log"), Instant.now().plus(OVERALL));
    }

    @BeforeEach
    void needBrowser() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theExampleReportFitsScreenPhoneAndPaper() throws Exception {
        // the two example waves, as docs/reports.md runs them, so that the change and trend tables are there too
        Path baseline = OUT.resolve("example-2026-q2");
        culturekit("report", "examples/survey-2026-q2.csv", "--wave", "2026-Q2", "-f", "json", "-o",
                baseline.toString());
        Path output = OUT.resolve("example");
        culturekit("report", "examples/survey.csv", "--wave", "2026-Q4", "--baseline",
                baseline.resolve("results.json").toString(), "--history", baseline.toString(), "-f", "html", "-o",
                output.toString());

        Layout layout = check(output.resolve("report.html"), "example");

        // the example has five segments of ten indices: the heatmaps are the wide tables the issue was about
        assertEquals(5, layout.heatmaps(), "one heatmap per segment");
        assertTrue(layout.heatmapRows() >= 20, "heatmap rows checked: " + layout.heatmapRows());
    }

    @Test
    void theStoreReportWithCustomerOutcomesFitsScreenPhoneAndPaper() throws Exception {
        // the store example as docs/reports.md runs it: with a baseline, so the cross-lagged tables are there too
        Path baseline = OUT.resolve("stores-2026-q2");
        culturekit("report", "examples/stores-2026-q2.csv", "--wave", "2026-Q2", "-f", "json", "-o",
                baseline.toString());
        Path output = OUT.resolve("stores");
        culturekit("report", "examples/stores.csv", "--wave", "2026-Q4", "--outcomes",
                "examples/customer-outcomes.csv", "--baseline", baseline.resolve("results.json").toString(), "-f",
                "html", "-o", output.toString());
        String html = Files.readString(output.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<section id=\"outcomes\">") && html.contains("Culture earlier"),
                "the report has the outcomes section with its lagged view");

        check(output.resolve("report.html"), "stores");
    }

    private static void culturekit(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute(args);
        assertEquals(0, code, () -> "culturekit " + String.join(" ", args) + " failed:\n" + out);
    }

    @Test
    void manyIndicesGroupsAndLongNamesFitScreenPhoneAndPaper() throws Exception {
        ReportModel model = ReportModel.of(WIDE, Scorer.score(WIDE, wideResponses()),
                new ReportOptions("2026 autumn wave", OptionalLong.empty(), true));
        assertTrue(model.spots().stream().anyMatch(s -> s.kind().equals("hot-spot")), "the fixture has hot spots");
        assertTrue(model.spots().stream().anyMatch(s -> s.kind().equals("bright-spot")), "and bright spots");
        Path file = OUT.resolve("wide").resolve("report.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ReportRenderer(null).render(model, ReportFormat.HTML), StandardCharsets.UTF_8);

        Layout layout = check(file, "wide");

        assertEquals(WIDE.segments().size(), layout.heatmaps(), "one heatmap per segment");
        assertTrue(layout.heatmapRows() >= UNITS.size(), "heatmap rows checked: " + layout.heatmapRows());
    }

    @Test
    void hostileNamesFitScreenPhoneAndPaper() throws Exception {
        Path file = OUT.resolve("hostile").resolve("report.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ReportRenderer(null).render(BrowserSafetyIT.hostileModel(), ReportFormat.HTML),
                StandardCharsets.UTF_8);

        check(file, "hostile");
    }

    /** What {@link #check} looked at. */
    private record Layout(int heatmaps, int heatmapRows) {}

    /** Checks one report at both widths and on paper, saving screenshots and the PDF as {@code name}-…. */
    private static Layout check(Path file, String name) throws Exception {
        for (int width : List.of(DESKTOP, PHONE)) {
            JsonNode problems = open(file, width, OUT.resolve(name + "-" + width + ".png")).get("problems");
            assertEquals(0, problems.size(), () -> name + " at " + width + " px: " + problems.size()
                    + " elements cut off or overflowing, e.g. " + first(problems, 12));
        }
        // the figures as the desktop page shows them, row by row
        JsonNode rows = open(file, DESKTOP, null).get("rows");
        Layout layout = null;
        for (Paper paper : Paper.values()) {
            layout = printed(file, name + "-" + paper.name().toLowerCase(java.util.Locale.ROOT), rows, paper);
        }
        return layout;
    }

    /** Prints {@code file} on {@code paper} and finds every row of {@code rows} on one printed line, in order. */
    private static Layout printed(Path file, String name, JsonNode rows, Paper paper) throws Exception {
        byte[] pdf = print(file, paper);
        Path pdfFile = OUT.resolve(name + ".pdf");
        Files.write(pdfFile, pdf);
        List<String> lines = pdfLines(pdfFile);

        int heatmaps = 0;
        int heatmapRows = 0;
        int cursor = 0;
        String lastTable = "";
        for (JsonNode row : rows) {
            List<String> figures = new ArrayList<>();
            row.get("figures").forEach(f -> figures.add(f.asText()));
            int from = cursor;
            int at = findRow(lines, from, figures);
            assertTrue(at >= 0, () -> name + ": the printed pages lack, in order on one row, the figures "
                    + figures + " of table " + row.get("table").asText() + " row “" + row.get("head").asText()
                    + "” (searched from printed line " + (from + 1) + " of " + lines.size() + "; see " + pdfFile
                    + ")");
            cursor = at;
            if (row.get("heatmap").asBoolean()) {
                heatmapRows++;
                if (!row.get("table").asText().equals(lastTable)) {
                    heatmaps++;
                }
            }
            lastTable = row.get("table").asText();
        }
        assertTrue(rows.size() > 10, name + ": only " + rows.size() + " table rows with figures");
        return new Layout(heatmaps, heatmapRows);
    }

    /**
     * Opens {@code file} in a viewport {@code width} px wide and measures it from inside; saves a full-page
     * screenshot to {@code png} when it is not null.
     */
    private static JsonNode open(Path file, int width, Path png) throws Exception {
        browser.devTools("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
        browser.command("POST", "/url", Map.of("url", file.toUri().toString()));
        if (png != null) {
            // as a reader first sees it, folded sections closed
            int height = browser.execute("return document.documentElement.scrollHeight").asInt();
            browser.devTools("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            Files.write(png, browser.screenshot());
        }
        return browser.execute(PROBE);
    }

    /**
     * Prints {@code file} on {@code paper} in portrait, with its backgrounds (the band colours), as Chromium's print
     * does. It is loaded afresh, so its {@code <details>} are closed, as a reader who prints at once has them.
     */
    private static byte[] print(Path file, Paper paper) throws Exception {
        browser.devTools("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.command("POST", "/url", Map.of("url", file.toUri().toString()));
        assertEquals(0, browser.execute("return document.querySelectorAll('details[open]').length").asInt(),
                "folded sections start closed");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("paperWidth", paper.width);
        params.put("paperHeight", paper.height);
        params.put("landscape", false);
        params.put("printBackground", true);
        params.put("preferCSSPageSize", true);
        JsonNode result = browser.devTools("Page.printToPDF", params);
        return Base64.getDecoder().decode(result.get("data").asText());
    }

    /**
     * The PDF's words, line by line as they stand on the pages: words whose vertical middles lie within
     * {@value #SAME_LINE} pt of each other, left to right. Built from {@code pdftotext -bbox} because its
     * {@code -layout} mode loses the rows of a page that also holds rotated text (the heatmap headings).
     */
    private static List<String> pdfLines(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PDFTOTEXT.toString(), "-bbox", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String xhtml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "pdftotext did not finish");
        assertEquals(0, process.exitValue(), () -> "pdftotext failed: " + xhtml);
        List<String> lines = new ArrayList<>();
        for (String page : xhtml.split("<page ")) {
            List<double[]> boxes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            Matcher word = WORD.matcher(page);
            while (word.find()) {
                boxes.add(new double[] {Double.parseDouble(word.group(1)),
                    (Double.parseDouble(word.group(2)) + Double.parseDouble(word.group(4))) / 2});
                texts.add(unescape(word.group(5)));
            }
            List<Integer> order = new ArrayList<>();
            for (int w = 0; w < boxes.size(); w++) {
                order.add(w);
            }
            order.sort(Comparator.comparingDouble((Integer w) -> boxes.get(w)[1]));
            int first = 0;
            while (first < order.size()) {
                int last = first;
                double middle = boxes.get(order.get(first))[1];
                while (last + 1 < order.size() && boxes.get(order.get(last + 1))[1] - middle <= SAME_LINE) {
                    last++;
                }
                List<Integer> line = new ArrayList<>(order.subList(first, last + 1));
                line.sort(Comparator.comparingDouble((Integer w) -> boxes.get(w)[0]));
                lines.add(String.join(" ", line.stream().map(texts::get).toList()));
                first = last + 1;
            }
        }
        return lines;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /**
     * The first line at or after {@code from} where {@code figures} appear in order, as whole words, within
     * {@value #ROW_LINES} lines; or −1.
     */
    static int findRow(List<String> lines, int from, List<String> figures) {
        for (int start = from; start < lines.size(); start++) {
            if (matches(lines, start, figures)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matches(List<String> lines, int start, List<String> figures) {
        if (!words(lines.get(start)).contains(figures.get(0))) {
            return false;
        }
        int next = 0;
        for (int l = start; l < Math.min(lines.size(), start + ROW_LINES) && next < figures.size(); l++) {
            for (String word : words(lines.get(l))) {
                if (next < figures.size() && word.equals(figures.get(next))) {
                    next++;
                }
            }
        }
        return next == figures.size();
    }

    private static List<String> words(String line) {
        return List.of(line.trim().split("\\s+"));
    }

    private static String first(JsonNode array, int n) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(n, array.size()); i++) {
            shown.add(array.get(i).asText());
        }
        return String.join("\n  ", shown);
    }

    /**
     * Measures the page from inside. {@code problems}: every element that reaches past the viewport's sides,
     * every table (and its scrolling box) wider than its box, every cell whose content is wider than the cell,
     * and a page that scrolls sideways, with every {@code <details>} opened. Elements of a table head that a phone layout hides for screen readers
     * only are skipped. {@code rows}: for each table row with figures, the figures of its number cells, word by
     * word, in order.
     */
    private static final String PROBE = """
            // a reader may open every folded section; what is in them must fit too
            document.querySelectorAll('details').forEach(d => d.open = true);
            const vw = document.documentElement.clientWidth;
            const problems = [];
            const describe = e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
                ? '.' + e.className.trim().replace(/\\s+/g, '.') : '') + ' “' + (e.textContent || '').trim()
                .replace(/\\s+/g, ' ').slice(0, 40) + '”';
            const hiddenHead = e => { const h = e.closest('thead'); return h !== null
                && h.getBoundingClientRect().width <= 1; };
            if (document.documentElement.scrollWidth > vw) {
              problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
            }
            for (const e of document.body.querySelectorAll('*')) {
              if (hiddenHead(e)) continue;
              const r = e.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (r.right > vw + 0.5 || r.left < -0.5) {
                problems.push(describe(e) + ' spans ' + Math.round(r.left) + '–' + Math.round(r.right)
                    + ' of ' + vw + ' px');
              }
            }
            for (const e of document.querySelectorAll('table, .table-wrap')) {
              if (e.scrollWidth > e.clientWidth) {
                problems.push(describe(e) + ' is ' + e.scrollWidth + ' px wide in a box of ' + e.clientWidth);
              }
            }
            for (const e of document.querySelectorAll('td, th')) {
              if (hiddenHead(e) || e.getClientRects().length === 0) continue;
              if (e.scrollWidth > e.clientWidth + 1) {
                problems.push(describe(e) + ' holds ' + e.scrollWidth + ' px in ' + e.clientWidth);
              }
            }
            const rows = [];
            document.querySelectorAll('table').forEach((table, t) => {
              const id = (table.closest('section') || {id: '?'}).id + ' #' + t;
              for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
                const figures = [];
                for (const td of tr.querySelectorAll('td.num')) {
                  for (const word of td.textContent.trim().split(/\\s+/)) {
                    if (/[0-9]/.test(word)) figures.push(word);
                  }
                }
                if (figures.length > 0) {
                  rows.push({table: id, heatmap: table.classList.contains('heatmap')
                      && table.closest('#groups') !== null, head: tr.cells[0].textContent.trim().slice(0, 60),
                      figures: figures});
                }
              }
            });
            return {problems: problems, rows: rows};
            """;

    // ---- a report with many indices, many groups and long names ----

    private static final List<String> UNITS = List.of(
            "Customer Operations and Complaints Handling (North)",
            "Customer Operations and Complaints Handling (South)",
            "Finance, Legal, Procurement & Regulatory Affairs",
            "Product Engineering — Platform Reliability",
            "Product Engineering — Mobile Applications",
            "Sales: Enterprise Accounts & Strategic Partnerships",
            "Field Service Technicians",
            "People & Culture",
            "Data Science and Business Intelligence");

    private static final List<String> INDEX_NAMES = List.of(
            "Psychological safety when raising problems with senior leadership",
            "Trust within the immediate team",
            "Feedback culture, upwards and across teams",
            "Customer empathy and active listening",
            "Ethics and customer well-being over short-term targets",
            "Alignment on the end-to-end customer journey",
            "Empowerment of front-line colleagues",
            "Continuous learning after incidents",
            "Measurement and accountability",
            "Recognition of behind-the-scenes work",
            "Inclusion and belonging across locations",
            "Workload sustainability");

    static final Questionnaire WIDE = wideQuestionnaire();

    private static Questionnaire wideQuestionnaire() {
        List<Item> items = new ArrayList<>();
        List<Index> indices = new ArrayList<>();
        for (int x = 0; x < INDEX_NAMES.size(); x++) {
            String a = "i" + x + "a";
            String b = "i" + x + "b";
            items.add(new Item(a, INDEX_NAMES.get(x) + ": the first statement, worded at some length to wrap.",
                    "agree5", false, List.of()));
            items.add(new Item(b, INDEX_NAMES.get(x) + ": the second statement, reverse-worded.", "agree5", true,
                    List.of()));
            // mostly the usual three bands; one index with two, one with five, so every tone is used
            List<Band> bands = x == 0
                    ? List.of(new Band(OptionalDouble.of(60), "Needs attention"), new Band(OptionalDouble.empty(),
                            "Healthy"))
                    : x == 1
                            ? List.of(new Band(OptionalDouble.of(30), "Critical"), new Band(OptionalDouble.of(45),
                                    "Weak"), new Band(OptionalDouble.of(60), "Fair"), new Band(OptionalDouble.of(75),
                                    "Good"), new Band(OptionalDouble.empty(), "Excellent"))
                            : List.of(new Band(OptionalDouble.of(50), "At risk"), new Band(OptionalDouble.of(70),
                                    "Developing"), new Band(OptionalDouble.empty(), "Strong"));
            indices.add(new Index("i" + x, INDEX_NAMES.get(x), List.of(a, b), bands, List.of()));
        }
        List<SayDoPair> pairs = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            items.add(new Item("say" + v, "Leaders say value " + v + " matters", "agree5", false, List.of()));
            items.add(new Item("do" + v, "Leaders' decisions show value " + v, "agree5", false, List.of()));
            pairs.add(new SayDoPair("v" + v, List.of("We put customers first in every decision we take",
                    "We learn from mistakes", "We speak up").get(v), "say" + v, "do" + v));
        }
        items.add(new Item("nps", "How likely are you to recommend working here?", "likelihood", false, List.of()));
        return new Questionnaire("wide", "A culture survey with many indices, groups and long names", "1", "en",
                List.of(new Scale("agree5", 1, 5, List.of("SD", "D", "N", "A", "SA"), List.of(4, 5), List.of(),
                                List.of(), Map.of()),
                        new Scale("likelihood", 0, 10, List.of(), List.of(9, 10), List.of(), List.of(), Map.of())),
                items, indices, pairs, Optional.of("nps"),
                List.of(new Segment("business unit", List.of("Unit"), List.of(), Map.of()),
                        new Segment("level", List.of("Level"), List.of("Senior leadership team member"), Map.of())),
                Optional.empty(), List.of(), new Reporting(5, 5));
    }

    /**
     * Twenty respondents per unit. Answers follow a fixed pattern, not chance: each unit leans up or down on some
     * indices, so that the heatmaps have bright and hot spots in every band.
     */
    private static List<Response> wideResponses() {
        List<Response> responses = new ArrayList<>();
        int line = 2;
        for (int u = 0; u < UNITS.size(); u++) {
            for (int r = 0; r < 20; r++) {
                int[] answers = new int[WIDE.items().size()];
                for (int x = 0; x < INDEX_NAMES.size(); x++) {
                    int lean = (u * 7 + x * 3) % 9 == 0 ? 2 : (u + 2 * x) % 11 == 0 ? -2 : 0;
                    int v = clamp(1 + (u + x) % 4 + r % 2 + lean);
                    answers[2 * x] = v;
                    answers[2 * x + 1] = clamp(6 - v + (r % 3 == 0 ? 1 : 0));
                }
                int base = 2 * INDEX_NAMES.size();
                for (int v = 0; v < 3; v++) {
                    answers[base + 2 * v] = clamp(3 + (r + v) % 3);
                    answers[base + 2 * v + 1] = clamp(2 + (u + r + v) % 3);
                }
                answers[base + 6] = (u * 3 + r * 5) % 11;
                responses.add(new Response("wide.csv", line++, answers,
                        List.of(UNITS.get(u), r < 6 ? "Senior leadership team member" : "Everyone else"), List.of()));
            }
        }
        return responses;
    }

    private static int clamp(int v) {
        return Math.max(1, Math.min(5, v));
    }
}
