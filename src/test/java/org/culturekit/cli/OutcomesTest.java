package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.culturekit.export.xlsx.XlsxFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --outcomes} on the store example: two waves of 40 stores (some hidden) and their customer
 * outcomes with a period column, whose built-in relation lets culture lead by one wave (examples/GenerateExample).
 */
class OutcomesTest {
    private static final String OUTCOMES = "examples/customer-outcomes.csv";

    @TempDir Path dir;

    private Path q2() {
        Path out = dir.resolve("q2");
        CliRun.of("report", "examples/stores-2026-q2.csv", "--wave", "2026-Q2", "-f", "json", "-o", out.toString())
                .assertExit(ExitCodes.OK);
        return out.resolve("results.json");
    }

    private CliRun q4(Path out, String outcomes, String... extra) {
        List<String> args = new ArrayList<>(List.of("report", "examples/stores.csv", "--wave", "2026-Q4",
                "--outcomes", outcomes, "-f", "html,md,json,csv", "-o", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void theLaggedViewPairsThePreviousWavesCultureWithThisWavesOutcomes() throws IOException {
        Path baseline = q2();
        Path out = dir.resolve("q4");
        q4(out, OUTCOMES, "--baseline", baseline.toString()).assertExit(ExitCodes.OK);
        JsonNode results = json(out.resolve("results.json"));
        JsonNode then = json(baseline);
        Set<String> lags = new HashSet<>();
        for (JsonNode o : results.get("outcomes")) {
            lags.add(o.get("lag").asText());
            String lag = o.get("lag").asText();
            boolean cultureThen = lag.equals("culture-earlier") || lag.equals("previous-wave");
            boolean outcomesThen = lag.equals("outcomes-earlier") || lag.equals("previous-wave");
            assertEquals(cultureThen ? "2026-Q2" : "2026-Q4", o.get("cultureWave").asText());
            assertEquals(outcomesThen ? "2026-Q2" : "2026-Q4", o.get("outcomeWave").asText());
            // every point is a group shown in the culture's wave, with that wave's published figure
            JsonNode culture = cultureThen ? then : results;
            for (JsonNode point : o.get("points")) {
                JsonNode group = group(culture, o.get("segment").asText(), point.get("group").asText());
                assertFalse(group.get("suppressed").asBoolean(), point.toString());
                assertEquals(figure(group, o.get("measure").asText()), point.get("culture").asDouble(), 0.0);
            }
            assertEquals(o.get("points").size(), o.get("n").asInt());
        }
        assertEquals(Set.of("same-wave", "culture-earlier", "outcomes-earlier", "previous-wave"), lags);
        // the built-in relation runs through safety and empathy: with culture leading, the lagged r is defined
        // and positive for customer NPS
        JsonNode lagged = find(results, "customer_nps", "empathy", "culture-earlier");
        assertTrue(lagged.get("n").asInt() >= 10);
        assertTrue(lagged.get("ciLow").asDouble() > 0, lagged.toString());
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Culture earlier"));
        assertTrue(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8).contains("| Culture earlier |"));
    }

    @Test
    void historyGivesTheLatestEarlierWaveAsThePreviousOne() throws IOException {
        Path history = dir.resolve("history");
        CliRun.of("report", "examples/stores-2026-q2.csv", "--wave", "2026-Q2", "-f", "json", "-o",
                history.resolve("q2").toString()).assertExit(ExitCodes.OK);
        Path out = dir.resolve("q4");
        q4(out, OUTCOMES, "--history", history.toString()).assertExit(ExitCodes.OK);
        JsonNode lagged = find(json(out.resolve("results.json")), "csat", "safety", "culture-earlier");
        assertEquals("2026-Q2", lagged.get("cultureWave").asText());
        assertEquals("2026-Q4", lagged.get("outcomeWave").asText());
    }

    @Test
    void hiddenStoresAreNeverPointsNorNamedInTheSection() throws IOException {
        Path out = dir.resolve("q4");
        q4(out, OUTCOMES).assertExit(ExitCodes.OK);
        JsonNode results = json(out.resolve("results.json"));
        List<String> hidden = new ArrayList<>();
        results.at("/segments/0/groups").forEach(g -> {
            if (g.get("suppressed").asBoolean()) {
                hidden.add(g.get("value").asText());
            }
        });
        assertTrue(hidden.contains("Durham Market Place"), hidden.toString());
        for (JsonNode o : results.get("outcomes")) {
            o.get("points").forEach(p -> assertFalse(hidden.contains(p.get("group").asText()), p.toString()));
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        String section = html.substring(html.indexOf("<section id=\"outcomes\">"),
                html.indexOf("</section>", html.indexOf("<section id=\"outcomes\">")));
        for (String store : hidden) {
            assertFalse(section.contains(store), store + " is named in the outcomes section");
        }
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        String mdSection = md.substring(md.indexOf("## Culture and customer outcomes"), md.indexOf("## Items"));
        for (String store : hidden) {
            // the Markdown escapes spaces nowhere, so a hidden store's label would appear as written
            assertFalse(mdSection.contains(store), store + " is named in the Markdown outcomes section");
        }
        String csv = Files.readString(out.resolve("scores.csv"), StandardCharsets.UTF_8);
        for (String line : csv.split("\n")) {
            if (line.contains("outcome/")) {
                hidden.forEach(store -> assertFalse(line.contains(store), line));
            }
        }
    }

    @Test
    void anXlsxSheetGivesTheSameResultsAsTheSameDataInCsv() throws IOException {
        Path baseline = q2();
        Path xlsx = XlsxFixtures.written(dir.resolve("customer-outcomes.xlsx"), "KPIs", sheet -> {
            try (CSVParser csv = CSVParser.parse(Path.of(OUTCOMES), StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
                int r = 0;
                for (CSVRecord record : csv) {
                    for (int c = 0; c < record.size(); c++) {
                        String value = record.get(c);
                        // as a spreadsheet holds them: figures as numbers, blanks as no cell
                        if (r > 0 && c > 1 && !value.isEmpty()) {
                            sheet.value(r, c, Double.parseDouble(value));
                        } else if (!value.isEmpty()) {
                            sheet.value(r, c, value);
                        }
                    }
                    r++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path fromCsv = dir.resolve("csv");
        Path fromXlsx = dir.resolve("xlsx");
        q4(fromCsv, OUTCOMES, "--baseline", baseline.toString()).assertExit(ExitCodes.OK);
        q4(fromXlsx, xlsx.toString(), "--baseline", baseline.toString()).assertExit(ExitCodes.OK);
        JsonNode outcomes = json(fromXlsx.resolve("results.json")).get("outcomes");
        assertTrue(outcomes.size() > 100 && outcomes.findValues("customers").size() > 1000, outcomes.toString());
        for (String file : List.of("results.json", "report.md", "scores.csv")) {
            assertEquals(Files.readString(fromCsv.resolve(file), StandardCharsets.UTF_8),
                    Files.readString(fromXlsx.resolve(file), StandardCharsets.UTF_8), file);
        }
    }

    @Test
    void theContentsListLinksToTheSectionJustBeforeItems() throws IOException {
        Path out = dir.resolve("q4");
        q4(out, OUTCOMES).assertExit(ExitCodes.OK);
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        int nav = html.indexOf("<nav aria-label=\"Contents\">");
        Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(html.substring(nav, html.indexOf("</nav>", nav)));
        List<String> targets = new ArrayList<>();
        while (link.find()) {
            targets.add(link.group(1));
            assertTrue(html.contains("id=\"" + link.group(1) + "\""), link.group() + " has no target");
        }
        assertEquals(targets.indexOf("outcomes") + 1, targets.indexOf("items"), targets.toString());
        assertTrue(html.indexOf("id=\"outcomes\"") < html.indexOf("id=\"items\""), "the section comes before Items");
    }

    @Test
    void thePdfHasTheSectionInItsContentsWithEveryShownStoreAndNoHiddenOne() throws IOException {
        Path out = dir.resolve("q4");
        q4(out, OUTCOMES, "-f", "pdf").assertExit(ExitCodes.OK);
        JsonNode results = json(out.resolve("results.json"));
        Set<String> hidden = new HashSet<>();
        Set<String> points = new HashSet<>();
        results.at("/segments/0/groups").forEach(g -> {
            if (g.get("suppressed").asBoolean()) {
                hidden.add(g.get("value").asText());
            }
        });
        Set<String> metrics = new HashSet<>();
        for (JsonNode o : results.get("outcomes")) {
            metrics.add(o.get("metric").asText() + " by " + o.get("segment").asText());
            o.get("points").forEach(p -> points.add(p.get("group").asText()));
        }
        assertFalse(hidden.isEmpty() || points.isEmpty(), "the example hides stores and shows others");

        String text;
        List<String> bookmarks = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(pdf);
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
        }
        assertTrue(bookmarks.contains("Culture and customer outcomes"), bookmarks.toString());
        assertTrue(text.lines().anyMatch(l -> l.matches("Culture and customer outcomes\\s*\\.+\\s*\\d+")),
                "the contents list the section with its page");
        int start = text.lastIndexOf("Culture and customer outcomes");
        String section = text.substring(start, text.indexOf("\nItems", start));
        for (String metric : metrics) {
            assertTrue(section.contains(metric), metric);
        }
        for (String store : points) {
            assertTrue(section.contains(store), store + " is a point in the PDF");
        }
        for (String store : hidden) {
            assertFalse(section.contains(store), store + " is named in the PDF's outcomes section");
        }
        assertTrue(section.contains("Every measure against") && section.contains("Reading these figures"), section);
    }

    @Test
    void theOrderOfTheOutcomeRowsDoesNotChangeAByte() throws IOException {
        Path first = dir.resolve("a");
        q4(first, OUTCOMES).assertExit(ExitCodes.OK);
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(OUTCOMES), StandardCharsets.UTF_8));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(rows);
        Collections.shuffle(rows, new Random(7));
        Path shuffled = dir.resolve("outcomes.csv");
        Files.writeString(shuffled, lines.get(0) + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Path second = dir.resolve("b");
        q4(second, shuffled.toString()).assertExit(ExitCodes.OK);
        for (String file : List.of("report.html", "report.md", "scores.csv")) {
            assertEquals(Files.readString(first.resolve(file), StandardCharsets.UTF_8),
                    Files.readString(second.resolve(file), StandardCharsets.UTF_8), file);
        }
        // results.json names no input file; compare it whole too
        assertEquals(Files.readString(first.resolve("results.json"), StandardCharsets.UTF_8),
                Files.readString(second.resolve("results.json"), StandardCharsets.UTF_8));
    }

    @Test
    void fewerThanTenUnitsShowThePointsAndNoR() throws IOException {
        Path outcomes = dir.resolve("teams.csv");
        Files.writeString(outcomes, "team,customer_nps\nSales,30\nBilling,-12\nOnboarding,41\nLegal,5\n"
                + "Customer Support,12\nProduct,20\nNowhere,3\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("small");
        CliRun run = CliRun.of("report", "examples/survey.csv", "--outcomes", outcomes.toString(), "-o",
                out.toString()).assertExit(ExitCodes.OK);
        run.assertErrContains("'Nowhere'").assertErrContains("have no row: 'Data & Analytics'");
        JsonNode results = json(out.resolve("results.json"));
        JsonNode safety = find(results, "customer_nps", "safety", "same-wave");
        assertNull(safety.get("r").numberValue());
        assertTrue(safety.get("reason").asText().contains("fewer than 10"));
        // six rows name surveyed teams; the points are exactly those of them the report shows
        List<String> shown = new ArrayList<>();
        for (String team : List.of("Billing", "Customer Support", "Legal", "Onboarding", "Product", "Sales")) {
            if (!group(results, "team", team).get("suppressed").asBoolean()) {
                shown.add(team);
            }
        }
        List<String> points = new ArrayList<>();
        safety.get("points").forEach(p -> points.add(p.get("group").asText()));
        assertEquals(shown, points);
        assertTrue(shown.size() < 6, "the example hides some of these teams");
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("no correlation is given"), md);
    }

    @Test
    void withoutOutcomesThereIsNoKeyAndNoSection() throws IOException {
        Path out = dir.resolve("plain");
        CliRun.of("report", "examples/survey.csv", "-o", out.toString()).assertExit(ExitCodes.OK);
        assertNull(json(out.resolve("results.json")).get("outcomes"));
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains("id=\"outcomes\""));
        assertFalse(html.contains("href=\"#outcomes\""), "no contents entry without the section");
    }

    @Test
    void badOutcomeFilesExitOneWithLineAndColumn() throws IOException {
        bad("team,csat\nSales,\"4,5\"\n", "bad.csv:2:2: '4,5' is not a number; write the decimal with a point (4.5)");
        bad("store,csat\nSales,4\n", "bad.csv:1:1: the first column's header 'store' is not a segment");
        bad("team,csat\nSales,4\nSales,5\n", "bad.csv:3:1: team 'Sales' has a row already, on line 2");
        bad("team,csat,nps\nSales,4,\n", "bad.csv:1:3: metric 'nps' has no value in any row");
        bad("team,csat,n_csat\nSales,4,-1\n", "bad.csv:2:3: '-1' is not a number of customers");
        bad("team,period,csat\nSales,2026-Q4,4\n", "has a period column, so the run needs --wave LABEL");
    }

    private void bad(String text, String message) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("report", "examples/survey.csv", "--outcomes", file.toString(), "-o",
                dir.resolve("out").toString()).assertExit(ExitCodes.INVALID_INPUT).assertErrContains(message);
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("out/report.html")));
    }

    private static JsonNode find(JsonNode results, String metric, String measure, String lag) {
        for (JsonNode o : results.get("outcomes")) {
            if (o.get("metric").asText().equals(metric) && o.get("measure").asText().equals(measure)
                    && o.get("lag").asText().equals(lag)) {
                return o;
            }
        }
        throw new AssertionError("no outcome " + metric + "/" + measure + "/" + lag);
    }

    private static JsonNode group(JsonNode results, String segment, String value) {
        for (JsonNode s : results.get("segments")) {
            if (s.get("id").asText().equals(segment)) {
                for (JsonNode g : s.get("groups")) {
                    if (g.get("value").asText().equals(value)) {
                        return g;
                    }
                }
            }
        }
        throw new AssertionError("no group " + value);
    }

    private static double figure(JsonNode group, String measure) {
        if (measure.equals("enps")) {
            return group.at("/enps/score").asDouble();
        }
        for (JsonNode cell : group.get("indices")) {
            if (cell.get("id").asText().equals(measure)) {
                assertNotNull(cell.get("mean"), cell.toString());
                return cell.get("mean").asDouble();
            }
        }
        throw new AssertionError("no index " + measure);
    }
}
