package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.culturekit.Main;
import org.culturekit.model.Action;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Reporting;
import org.culturekit.model.Response;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;
import org.culturekit.report.ReportModel.GroupRow;
import org.culturekit.scoring.Scorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens HTML reports in a real headless Chromium and checks that hostile survey text stays text: no script runs,
 * no request leaves the file, the console stays clean, the page renders and carries its Content-Security-Policy
 * (docs/templates.md).
 *
 * <p>Chromium is driven through Debian's {@code chromedriver} over the W3C WebDriver HTTP API with the JDK's
 * {@link HttpClient} and Jackson, so the build needs no Selenium. CI installs {@code chromium} and
 * {@code chromium-driver} in {@code .ci/run}; elsewhere the test is skipped when {@code /usr/bin/chromedriver}
 * is missing. Screenshots are left in {@code target/browser/} for a human to look at.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class BrowserSafetyIT {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target/browser").toAbsolutePath();
    /** Everything in this class, browser start included, must finish within this; no call can hang past it. */
    private static final Duration OVERALL = Duration.ofSeconds(60);
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Markup, script, URL and template-injection payloads; each must come out as visible text. */
    static final List<String> HOSTILE = List.of(
            "<script>document.title='PWNED';window.__pwned=1</script>",
            "<img src=x onerror=\"window.__pwned=2\">",
            "<svg onload=\"window.__pwned=3\">",
            "\"><iframe src=\"https://example.com/\">",
            "<a href=\"javascript:window.__pwned=4\">x</a>",
            "<link rel=stylesheet href=\"https://example.com/x.css\">",
            "</style><style>body{background:url(https://example.com/bg)}</style>",
            "{{7*7}}",
            "${7*7}");
    private static final String ALL = String.join(" ", HOSTILE);
    /** Team names, each with some of the payloads; every team has enough respondents to be shown. */
    static final List<String> TEAMS = List.of(
            "Team " + HOSTILE.get(0) + " " + HOSTILE.get(1),
            "Team " + HOSTILE.get(2) + " " + HOSTILE.get(3),
            "Team " + HOSTILE.get(4) + " " + HOSTILE.get(5),
            "Team " + HOSTILE.get(6) + " " + HOSTILE.get(7) + " " + HOSTILE.get(8));
    static final String WAVE = "Wave " + ALL;

    static final Questionnaire QUESTIONNAIRE = new Questionnaire("hostile", "Survey " + ALL, "1", "en",
            List.of(new Scale("agree5", 1, 5, List.of("SD", "D", "N", "A", "SA"), List.of(4, 5), List.of(3),
                            List.of(), Map.of()),
                    new Scale("likelihood", 0, 10, List.of(), List.of(9, 10), List.of(), List.of(), Map.of())),
            List.of(new Item("a1", "Voice " + HOSTILE.get(0) + " " + HOSTILE.get(1), "agree5", false, List.of()),
                    new Item("a2", "Mistakes " + HOSTILE.get(2) + " " + HOSTILE.get(3), "agree5", true, List.of()),
                    new Item("b1", "Trust " + HOSTILE.get(4) + " " + HOSTILE.get(5), "agree5", false, List.of()),
                    new Item("b2", "Fairness " + HOSTILE.get(6) + " " + HOSTILE.get(7) + " " + HOSTILE.get(8),
                            "agree5", false, List.of()),
                    new Item("s1", "Say " + ALL, "agree5", false, List.of()),
                    new Item("d1", "Do " + ALL, "agree5", false, List.of()),
                    new Item("nps", "Recommend " + ALL, "likelihood", false, List.of()),
                    new Item("comment", "Anything else? " + ALL, Scale.TEXT, false, List.of())),
            List.of(new Index("a", "Safety " + ALL, List.of("a1", "a2"),
                            List.of(new Band(OptionalDouble.of(50), "Low " + ALL),
                                    new Band(OptionalDouble.empty(), "High " + ALL)),
                            List.of(new Action("Low " + ALL, "Act " + ALL), new Action("High " + ALL, "Keep " + ALL))),
                    new Index("b", "Trust " + ALL, List.of("b1", "b2"),
                            List.of(new Band(OptionalDouble.of(50), "Low " + ALL),
                                    new Band(OptionalDouble.empty(), "High " + ALL)),
                            List.of(new Action("Low " + ALL, "Act " + ALL), new Action("High " + ALL, "Keep " + ALL)))),
            List.of(new SayDoPair("p", "Value " + ALL, "s1", "d1")),
            Optional.of("nps"),
            List.of(new Segment("team", List.of("Team"), List.of(), Map.of()),
                    new Segment("level", List.of("Level"), List.of("Lead"), Map.of())),
            Optional.empty(), List.of("comment"), new Reporting(3, 3));

    private static WebDriver browser;
    private static String skipReason;

    /**
     * The hostile model: seven respondents per team, three of them leaders (so a team and a level differ by at least
     * the minimum group size, and every team can be shown), comments full of payloads (the HTML
     * report shows no comments today; they are there for the day it does).
     */
    static ReportModel hostileModel() {
        List<Response> responses = new ArrayList<>();
        int line = 2;
        for (int t = 0; t < TEAMS.size(); t++) {
            for (int r = 0; r < 7; r++) {
                int v = 1 + (t + r) % 5;
                int[] answers = {v, 6 - v, Math.min(5, v + 1), Math.max(1, v - 1), Math.min(5, v + 2), v,
                    (3 * t + 2 * r) % 11, Response.MISSING};
                responses.add(new Response("hostile.csv", line++, answers,
                        List.of(TEAMS.get(t), r < 3 ? "Lead" : "Member"), List.of("Comment " + ALL)));
            }
        }
        return ReportModel.of(QUESTIONNAIRE, Scorer.score(QUESTIONNAIRE, responses),
                new ReportOptions(WAVE, java.util.OptionalLong.empty(), true));
    }

    @BeforeAll
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    static void startBrowser() throws Exception {
        // skipped test by test in needBrowser(), so that the reports count the skips
        skipReason = WebDriver.unavailable(CHROMEDRIVER, "BrowserSafetyIT");
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
    void hostileTextStaysTextInARealBrowser(@TempDir Path dir) throws Exception {
        ReportModel model = hostileModel();
        assertTeamsShown(model);
        String html = new ReportRenderer(null).render(model, ReportFormat.HTML);
        Path file = dir.resolve("report.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);

        Page page = open(file, OUT.resolve("report.png"));

        // (a) no script ran: none of the payloads set __pwned, and document.title was not replaced. The title
        // holds the <script> payload itself as text (it is in the questionnaire title), so it does contain the
        // word PWNED; the check is that it is exactly the escaped title, which a run payload would have replaced.
        assertEquals("undefined", page.probe().get("pwned").asText(), "a payload ran: window.__pwned was set");
        String title = QUESTIONNAIRE.title() + " — " + WAVE;
        assertNotEquals("PWNED", page.probe().get("title").asText(), "a payload set document.title");
        assertEquals(title, page.probe().get("title").asText(), "document.title is the report title as text");
        assertNothingInjected(page);
        checkLoadedCleanly(page, file);

        // (d) every payload is visible text, exactly where the data went
        String text = page.probe().get("text").asText();
        for (String payload : HOSTILE) {
            assertTrue(text.contains(payload), "visible text lacks the payload " + payload);
        }
        assertTrue(text.contains("<script>document.title='PWNED'"), "the script tag shows as text");
        assertEquals(List.of(QUESTIONNAIRE.title()), strings(page.probe().get("h1")), "h1 holds the title as text");
        for (Index index : QUESTIONNAIRE.indices()) {
            assertTrue(strings(page.probe().get("h3")).contains(index.name()), "index card " + index.id());
        }
        List<String> cells = strings(page.probe().get("cells"));
        for (String team : TEAMS) {
            assertTrue(cells.contains(team), "a table cell holds the team name as text: " + team);
        }
        for (Item item : QUESTIONNAIRE.items().subList(0, 4)) {
            assertTrue(cells.stream().anyMatch(c -> c.startsWith(item.text())), "item row " + item.id());
        }
        assertTrue(cells.contains(QUESTIONNAIRE.sayDo().get(0).name()), "say-do row holds the value as text");
    }

    @Test
    void theExampleReportIsSelfContainedInARealBrowser(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path output = dir.resolve("example");
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("report", "examples/survey.csv", "-f", "html", "-o", output.toString());
        assertEquals(0, code, () -> "culturekit report failed:\n" + err + out);
        Path file = output.resolve("report.html");

        Page page = open(file, OUT.resolve("example.png"));

        assertEquals("undefined", page.probe().get("pwned").asText());
        assertNothingInjected(page);
        checkLoadedCleanly(page, file);
        assertTrue(page.probe().get("text").asText().contains("Psychological safety"), "example indices rendered");
    }

    /**
     * Opens {@code file}, reads it from inside, collects its logs and saves a full-page screenshot to
     * {@code png} before anything is asserted, so a failing run leaves the picture behind.
     */
    private static Page open(Path file, Path png) throws Exception {
        String url = file.toUri().toString();
        // Start from a blank page and empty both logs (chromedriver hands each entry out once), so that what
        // the start-up tab (chrome://new-tab-page-third-party) loaded is not blamed on the report.
        browser.command("POST", "/window/rect", Map.of("width", 1280, "height", 900));
        browser.command("POST", "/url", Map.of("url", "about:blank"));
        // prove the console log is being captured at all, or an empty log would prove nothing
        browser.execute("console.warn('culturekit-console-probe')");
        List<JsonNode> before = browser.log("browser");
        assertTrue(before.stream().anyMatch(e -> e.path("message").asText().contains("culturekit-console-probe")),
                "the browser log does not capture the console: " + before);
        browser.log("performance");

        browser.command("POST", "/url", Map.of("url", url));
        JsonNode probe = browser.execute(PROBE);

        List<String> requests = new ArrayList<>();
        List<String> otherNetwork = new ArrayList<>();
        for (JsonNode entry : browser.log("performance")) {
            JsonNode message = JSON.readTree(entry.path("message").asText()).path("message");
            String method = message.path("method").asText();
            if (method.equals("Network.requestWillBeSent")) {
                JsonNode request = message.path("params").path("request");
                requests.add(request.path("url").asText());
            } else if (method.startsWith("Network.webSocket") || method.startsWith("Network.eventSource")
                    || method.startsWith("Network.webTransport")) {
                otherNetwork.add(method + " " + message.path("params"));
            }
        }
        List<String> console = new ArrayList<>();
        for (JsonNode entry : browser.log("browser")) {
            String level = entry.path("level").asText();
            if (level.equals("SEVERE") || level.equals("WARNING")) {
                console.add(level + " " + entry.path("source").asText() + ": " + entry.path("message").asText());
            }
        }

        // The W3C screenshot covers the viewport only, so make the window as tall as the page first.
        JsonNode size = browser.execute("return {w: document.documentElement.scrollWidth, "
                + "h: Math.max(document.documentElement.scrollHeight, document.body.scrollHeight), "
                + "chrome: window.outerHeight - window.innerHeight}");
        int fullHeight = size.get("h").asInt();
        browser.command("POST", "/window/rect", Map.of("width", 1280, "height", fullHeight + size.get("chrome").asInt()));
        byte[] screenshot = browser.screenshot();
        Files.write(png, screenshot);
        return new Page(probe, requests, otherNetwork, console, screenshot, fullHeight);
    }

    /** No element or attribute that hostile text could have created exists in the DOM. */
    private static void assertNothingInjected(Page page) {
        JsonNode dom = page.probe().get("dom");
        assertEquals(0, dom.get("active").asInt(), "script, iframe, img, link, a, object, embed, base, form or "
                + "meta refresh elements in the page: " + dom);
        assertEquals(0, dom.get("handlers").asInt(), "elements with on* handlers, href or src: " + dom);
        assertEquals(1, dom.get("styles").asInt(), "only the template's own <style>: " + dom);
    }

    /** Checks (b) to (f), which hold for any report. */
    private static void checkLoadedCleanly(Page page, Path file) {
        JsonNode probe = page.probe();
        // (b) the page requested nothing but itself (and data: URLs, which the CSP allows for images)
        String self = file.toUri().toString();
        assertTrue(page.requests().contains(self), "the performance log saw the report load: " + page.requests());
        for (String url : page.requests()) {
            assertTrue(url.equals(self) || url.startsWith("data:"), "the page requested " + url);
        }
        assertTrue(page.otherNetwork().isEmpty(), "web sockets or other traffic: " + page.otherNetwork());
        // (c) a clean console. Nothing is filtered: Chromium 156 logs nothing at all for these pages (open() first
        // proves that console output is captured). A payload that got through would log CSP violations here.
        assertTrue(page.console().isEmpty(), "console warnings or errors: " + page.console());
        // (d) it rendered
        assertTrue(probe.get("h1").size() >= 1, "no h1");
        assertTrue(probe.get("text").asText().strip().length() > 500, "almost no text: " + probe.get("text"));
        assertTrue(probe.get("tables").asInt() >= 1, "no tables");
        // (e) the CSP meta is in the head
        assertEquals(CSP, probe.get("csp").asText(), "Content-Security-Policy meta in <head>");
        // (f) a full-page screenshot, already saved for a human to look at
        assertTrue(page.screenshot().length > 5 * 1024, "screenshot of " + page.screenshot().length + " bytes");
        assertEquals("\u0089PNG", new String(page.screenshot(), 0, 4, StandardCharsets.ISO_8859_1), "a PNG");
        int width = ByteBuffer.wrap(page.screenshot(), 16, 8).getInt();
        int height = ByteBuffer.wrap(page.screenshot(), 20, 4).getInt();
        assertTrue(height >= page.fullHeight() && width >= 800, "the screenshot (" + width + "×" + height
                + ") covers the whole page (" + page.fullHeight() + " px high)");
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }

    /** Every hostile team must be shown with its figures, or the test would prove little about group names. */
    private static void assertTeamsShown(ReportModel model) {
        List<GroupRow> groups = model.segments().get(0).groups();
        for (String team : TEAMS) {
            assertTrue(groups.stream().anyMatch(g -> g.value().equals(team) && !g.suppressed()
                    && g.cells().stream().noneMatch(ReportModel.Cell::suppressed)), "team shown: " + team);
        }
    }

    /** What the browser saw of one page. */
    private record Page(JsonNode probe, List<String> requests, List<String> otherNetwork, List<String> console,
            byte[] screenshot, int fullHeight) {}

    /** Reads the page from inside: our own script, run through WebDriver after the page loaded. */
    private static final String PROBE = """
            const text = (list) => Array.from(list, e => e.textContent);
            const meta = document.head.querySelector('meta[http-equiv="Content-Security-Policy" i]');
            // the template's own table of contents: in-page links inside <nav>, nothing data can create
            const own = e => e.tagName === 'A' && e.closest('nav') !== null
                && /^#[a-z-]+$/.test(e.getAttribute('href') || '') && e.attributes.length === 1;
            return {
              pwned: typeof window.__pwned === 'undefined' ? 'undefined' : String(window.__pwned),
              title: document.title,
              h1: text(document.querySelectorAll('h1')),
              h3: text(document.querySelectorAll('h3')),
              cells: text(document.querySelectorAll('td, th')),
              tables: document.querySelectorAll('table').length,
              text: document.body.innerText,
              csp: meta ? meta.content : null,
              dom: {
                active: Array.from(document.querySelectorAll('script, iframe, frame, img, image, link, a, object, '
                    + 'embed, base, form, video, audio, source, meta[http-equiv="refresh" i]')).filter(e => !own(e))
                    .length,
                handlers: Array.from(document.querySelectorAll('*')).filter(e => !own(e) && Array.from(e.attributes)
                    .some(a => /^on|^(href|src|srcset|xlink:href|action|formaction|background)$/i.test(a.name)))
                    .length,
                styles: document.querySelectorAll('style').length
              }
            };
            """;

}
