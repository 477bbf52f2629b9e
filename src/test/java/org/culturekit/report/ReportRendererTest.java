package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.culturekit.model.VisibleText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The renderer treats templates as untrusted code and report text as hostile (docs/templates.md). */
class ReportRendererTest {
    @TempDir Path dir;

    private Path templates() throws IOException {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        return templates;
    }

    private String renderWith(String htmlTemplate) throws IOException {
        Path templates = templates();
        Files.writeString(templates.resolve("report.ftlh"), htmlTemplate, StandardCharsets.UTF_8);
        return new ReportRenderer(templates).render(Samples.model(), ReportFormat.HTML);
    }

    private RenderException rejects(String htmlTemplate) {
        return assertThrows(RenderException.class, () -> renderWith(htmlTemplate));
    }

    @ParameterizedTest
    @ValueSource(strings = {"freemarker.template.utility.Execute", "freemarker.template.utility.ObjectConstructor"})
    void refusesToInstantiateClasses(String className) {
        Path canary = dir.resolve("canary");
        rejects("<#assign x=\"" + className + "\"?new()>${x(\"touch " + canary + "\")}");
        assertFalse(Files.exists(canary));
    }

    @Test
    void refusesTheApiBuiltIn() {
        RenderException e = rejects("${report.indices?api.size()}");
        assertTrue(e.getMessage().startsWith("template report.ftlh:1:1: uses '?api'"), e.getMessage());
    }

    @Test
    void aForbiddenConstructIsReportedAtItsLine() {
        RenderException e = rejects("<p>\n<#if true>\n  <b>${report.title?no_esc}</b>\n</#if>");
        assertTrue(e.getMessage().startsWith("template report.ftlh:3:6: uses '?no_esc'"), e.getMessage());
    }

    /** Writes {@code files} (name, text, name, text…) into the template folder and renders {@code format}. */
    private RenderException refusesWith(ReportFormat format, String... files) throws IOException {
        Path templates = templates();
        for (int i = 0; i < files.length; i += 2) {
            Path file = templates.resolve(files[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i + 1], StandardCharsets.UTF_8);
        }
        RenderException e = assertThrows(RenderException.class,
                () -> new ReportRenderer(templates).render(Samples.model(), format));
        assertFalse(e.getMessage().contains("<script"), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw.ftl", "raw.txt", "raw.ftlx", "raw.html", "raw.ftlmd"})
    void anHtmlReportIncludesOnlyHtmlTemplates(String name) throws IOException {
        RenderException e = refusesWith(ReportFormat.HTML,
                "report.ftlh", "<p>ok</p>\n<#include \"" + name + "\">", name, "${report.title}");
        assertTrue(e.getMessage().startsWith("template report.ftlh:2:1: included template " + name
                + ": is not an HTML template (.ftlh)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainText", "RTF", "XML", "XHTML", "JavaScript", "undefined"})
    void anIncludedTemplateCannotSwitchItsOutputFormat(String format) throws IOException {
        RenderException e = refusesWith(ReportFormat.HTML,
                "report.ftlh", "<#include \"lib/other.ftlh\">",
                "lib/other.ftlh", "\n<#ftl output_format=\"" + format + "\">${report.title}");
        assertTrue(e.getMessage().startsWith("template report.ftlh:1:1: included template lib/other.ftlh: its #ftl "
                + "header switches the output format to " + format + "; an HTML report's templates must all be "
                + "HTML"), e.getMessage());
    }

    @Test
    void anImportedLibraryCannotSwitchItsOutputFormat() throws IOException {
        RenderException e = refusesWith(ReportFormat.HTML,
                "report.ftlh", "<#import \"lib/html.ftlh\" as h>\n<@h.raw/>",
                "lib/html.ftlh", "<#ftl output_format=\"plainText\"><#macro raw>${report.title}</#macro>");
        assertTrue(e.getMessage().startsWith("template report.ftlh:1:1: included template lib/html.ftlh: its #ftl "
                + "header switches the output format to plainText"), e.getMessage());
    }

    @Test
    void everyIncludeIsVettedAtAnyDepth() throws IOException {
        RenderException e = refusesWith(ReportFormat.HTML,
                "report.ftlh", "<#include \"a.ftlh\">",
                "a.ftlh", "a\n<#include \"b.ftlh\">",
                "b.ftlh", "b\n\n<#include \"c.ftl\">",
                "c.ftl", "${report.title}");
        assertTrue(e.getMessage().startsWith("template b.ftlh:3:1: included template c.ftl: is not an HTML template"),
                e.getMessage());
        RenderException noEsc = refusesWith(ReportFormat.HTML, "c.ftl", "", "b.ftlh", "${report.title?no_esc}");
        assertTrue(noEsc.getMessage().startsWith("template a.ftlh:2:1: included template b.ftlh:1:1: uses '?no_esc'"),
                noEsc.getMessage());
    }

    @Test
    void anIncludedTemplateIsNotIncludedAsRawText() throws IOException {
        RenderException e = refusesWith(ReportFormat.HTML,
                "report.ftlh", "<#include \"a.ftlh\" parse=false>", "a.ftlh", "<script>x</script>");
        assertTrue(e.getMessage().startsWith("template report.ftlh:1:1: included template a.ftlh: is included with "
                + "parse=false"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lib/markdown.ftlh", "lib/markdown.ftl", "lib/markdown.txt"})
    void aMarkdownReportIncludesOnlyMarkdownTemplates(String name) throws IOException {
        RenderException e = refusesWith(ReportFormat.MD,
                "report.ftlmd", "# x\n<#include \"" + name + "\">", name, "${report.title}");
        assertTrue(e.getMessage().startsWith("template report.ftlmd:2:1: included template " + name
                + ": is not a Markdown template (.ftlmd)"), e.getMessage());
        RenderException header = refusesWith(ReportFormat.MD,
                "report.ftlmd", "<#include \"lib/plain.ftlmd\">",
                "lib/plain.ftlmd", "<#ftl output_format=\"plainText\">${report.title}");
        assertTrue(header.getMessage().startsWith("template report.ftlmd:1:1: included template lib/plain.ftlmd: "
                + "its #ftl header switches the output format to one that cannot escape; a Markdown report's "
                + "templates must all be Markdown"), header.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainText", "RTF", "HTML", "XML"})
    void aMarkdownTemplateCannotSwitchItsOwnOutputFormat(String format) throws IOException {
        RenderException e = refusesWith(ReportFormat.MD,
                "report.ftlmd", "<#ftl output_format=\"" + format + "\">${report.title}");
        assertTrue(e.getMessage().startsWith("template report.ftlmd: its #ftl header switches the output format to "),
                e.getMessage());
        assertTrue(e.getMessage().contains("a Markdown report's templates must all be Markdown"), e.getMessage());
    }

    @Test
    void anUndefinedPercentageIsADashWithoutAPercentSign() throws IOException {
        Path templates = templates();
        Files.writeString(templates.resolve("report.ftlh"),
                "<#import \"lib/html.ftlh\" as h>${h.pct(\"–\")} ${h.pct(\"54\")}", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("report.ftlmd"),
                "<#import \"lib/markdown.ftlmd\" as m>${m.pct(\"–\")} ${m.pct(\"54\")}", StandardCharsets.UTF_8);
        assertEquals("– 54%", new ReportRenderer(templates).render(Samples.model(), ReportFormat.HTML));
        assertEquals("– 54%", new ReportRenderer(templates).render(Samples.model(), ReportFormat.MD));
        for (ReportFormat format : List.of(ReportFormat.HTML, ReportFormat.MD)) {
            String bundled = new ReportRenderer(null).render(Samples.model(), format);
            assertFalse(bundled.contains(Display.NONE + "%"), bundled);
        }
    }

    @Test
    void theBundledLibrariesStillLoad() throws IOException {
        // a user's report.ftlh imports the bundled lib/html.ftlh, which is vetted like any include
        Path templates = templates();
        Files.writeString(templates.resolve("report.ftlh"), "<#import \"lib/html.ftlh\" as h>ok");
        assertEquals("ok", new ReportRenderer(templates).render(Samples.model(), ReportFormat.HTML));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<#macro m><@m/></#macro>\n<@m/>", "<#function f n><#return f(n)></#function>\n${f(1)}",
        "<#macro m n><#if n gt 0><@m n+1/></#if></#macro>\n<@m 1/>", "x\n<#include \"report.ftlh\">"})
    void recursionWithoutEndIsAUserError(String template) {
        RenderException e = rejects(template);
        assertTrue(e.getMessage().matches("template report\\.ftlh:[12]:[0-9]+: nests macros, functions or includes "
                + "more than " + ReportRenderer.MAX_DEPTH + " deep; .*"), e.getMessage());
    }

    @Test
    void anExpressionNestedTooDeeplyToParseIsAUserError() {
        String deep = "(".repeat(200_000) + "1" + ")".repeat(200_000);
        RenderException e = rejects("${" + deep + "}");
        assertTrue(e.getMessage().startsWith("template report.ftlh: nests too deeply to be read"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"${.locale_object.getClass().name}", "${.locale_object.displayName}",
        "${report.getClass().name}", "${report.title.getClass()}", "${report.hashCode()}"})
    void exposesNoJavaMembersBeyondTheModel(String expression) {
        rejects(expression);
    }

    @Test
    void exposesTheModelsRecordComponents() throws IOException {
        assertTrue(renderWith("${report.indices[0].score100}|${report.rows.scored}").matches("[0-9]+\\|10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<#include \"../outside.ftlh\">", "<#include \"/../../outside.ftlh\">"})
    void cannotIncludeFilesOutsideTheTemplateDirectory(String include) throws IOException {
        Files.writeString(dir.resolve("outside.ftlh"), "SECRET", StandardCharsets.UTF_8);
        RenderException e = rejects(include);
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void cannotIncludeThroughASymlinkPointingOutside() throws IOException {
        Path outside = dir.resolve("outside.ftlh");
        Files.writeString(outside, "SECRET", StandardCharsets.UTF_8);
        Files.createSymbolicLink(templates().resolve("link.ftlh"), outside);
        rejects("<#include \"link.ftlh\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<#ftl output_format=\"plainText\">${report.title}",
        "<#ftl output_format=\"RTF\">${report.title}", "<#outputformat \"plainText\">${report.title}</#outputformat>",
        "<#noautoesc>${report.title}</#noautoesc>", "${report.title?no_esc}"})
    void cannotTurnEscapingOff(String template) {
        RenderException e = assertThrows(RenderException.class, () -> {
            String html = renderWith(template);
            // if FreeMarker accepts the construct, the output must still be escaped
            assertFalse(html.contains("<script"), html);
            throw new RenderException("accepted but escaped");
        });
        assertFalse(e.getMessage().contains("<script"));
    }

    @Test
    void escapesHostileTextExactlyInHtml() throws IOException {
        String html = new ReportRenderer(null).render(Samples.model(), ReportFormat.HTML);
        assertTrue(html.contains("Safety " + Samples.HOSTILE_HTML), "index name");
        assertTrue(html.contains(Samples.HOSTILE_HTML + "</td>"), "group name");
        assertTrue(html.contains("<li>" + Samples.HOSTILE_HTML + "<span class=\"count\">×5</span></li>"), "comment");
        assertTrue(html.contains("call me on [phone number removed] or mail [e-mail removed]"), "redaction");
        assertTrue(!html.contains("7946") && !html.contains("example.com"), "nothing of them is left");
        String bundled = new String(ReportRenderer.class.getClassLoader()
                .getResourceAsStream("report-templates/report.ftlh").readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(count(bundled, "<script"), count(html, "<script"), "no <script beyond the template's own");
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
    }

    /** Terminal escapes, a bell, NUL, every kind of bidi control, C1, DEL and a byte-order mark. */
    static final String CONTROLS = "\u001b[31m\u0007\u0000\u202e\u202a\u2066\u2069\u200e\u200f\u061c\u0085\u009b"
            + "\u007f\ufeff";

    @Test
    void noControlOrBidiCharacterOfTheDataReachesAReport() {
        ReportModel model = Samples.model(Samples.HOSTILE + CONTROLS + "\tend");
        String html = new ReportRenderer(null).render(model, ReportFormat.HTML);
        String md = new ReportRenderer(null).render(model, ReportFormat.MD);
        String csv = ScoresCsv.write(Samples.results(Samples.HOSTILE + CONTROLS));
        for (String report : List.of(html, md, csv)) {
            report.chars().forEach(c -> assertFalse(VisibleText.DOCUMENT.shows((char) c),
                    () -> "U+" + Integer.toHexString(c) + " in " + report));
        }
        String shown = "\\u001B[31m\\u0007\\u0000\\u202E\\u202A\\u2066\\u2069\\u200E\\u200F\\u061C\\u0085"
                + "\\u009B\\u007F\\uFEFF";
        assertTrue(html.contains("<li>" + Samples.HOSTILE_HTML + shown + "\tend<span class=\"count\">"), "comment");
        assertTrue(html.contains(Samples.HOSTILE_HTML + shown + "\tend</td>"), "group name");
        // a backslash before a letter escapes nothing in Markdown, so only the bracket needs one
        assertTrue(md.contains("\\u001B\\[31m\\u0007"), "Markdown shows the notation as text");
        assertTrue(csv.contains(Samples.HOSTILE.replace("\"", "\"\"") + shown), csv);
    }

    @Test
    void aTemplateErrorIsLocatedAndLeavesNoOutput() {
        RenderException e = rejects("line one\n${report.nothing.here}");
        assertTrue(e.getMessage().startsWith("template report.ftlh:2:"), e.getMessage());
    }

    @Test
    void aFaultFoundWhilePreparingIsReportedTheSameWhenRendering() throws IOException {
        // FreeMarker's cache keeps a failed load and throws it again wrapped: the fault must still be located
        Path templates = templates();
        Files.writeString(templates.resolve("report.ftlh"), "line one\n<#if true>");
        Files.writeString(templates.resolve("report.ftlmd"), "<#ftl output_format=\"plainText\">${report.title}");
        ReportRenderer renderer = new ReportRenderer(templates);
        renderer.prepare(ReportFormat.HTML);
        renderer.prepare(ReportFormat.MD);
        RenderException html = assertThrows(RenderException.class,
                () -> renderer.render(Samples.model(), ReportFormat.HTML));
        assertTrue(html.getMessage().startsWith("template report.ftlh:2:"), html.getMessage());
        RenderException md = assertThrows(RenderException.class,
                () -> renderer.render(Samples.model(), ReportFormat.MD));
        assertTrue(md.getMessage().startsWith("template report.ftlmd: its #ftl header switches the output format"),
                md.getMessage());
    }

    @Test
    void aTemplateThatWritesTooMuchIsStopped() throws IOException {
        Path templates = templates();
        Files.writeString(templates.resolve("report.ftlh"), "<#list 1..2147483647 as i>x</#list>");
        RenderException e = assertThrows(RenderException.class,
                () -> new ReportRenderer(templates, 1_000_000, Duration.ofSeconds(60))
                        .render(Samples.model(), ReportFormat.HTML));
        assertTrue(e.getMessage().contains("more than 1000000 characters"), e.getMessage());
    }

    @Test
    void aTemplateThatRunsTooLongIsStopped() throws IOException {
        Path templates = templates();
        Files.writeString(templates.resolve("report.ftlh"),
                "<#assign s=\"\"><#list 1..99999999 as i><#assign s=s+\"x\"></#list>${s?length}");
        RenderException e = assertThrows(RenderException.class,
                () -> new ReportRenderer(templates, ReportRenderer.DEFAULT_MAX_OUTPUT, Duration.ofMillis(500))
                        .render(Samples.model(), ReportFormat.HTML));
        assertTrue(e.getMessage().contains("ran longer than"), e.getMessage());
    }

    @Test
    void userTemplatesOverrideBundledOnesFileByFile() throws IOException {
        Path templates = templates();
        Files.writeString(templates.resolve("report.ftlh"), "custom ${report.rows.scored}");
        ReportRenderer renderer = new ReportRenderer(templates);
        assertEquals("custom 10", renderer.render(Samples.model(), ReportFormat.HTML));
        assertTrue(renderer.render(Samples.model(), ReportFormat.MD).startsWith("# Team"));
    }

    @Test
    void rendersTheSameBytesUnderAnyLocaleAndTimeZone() {
        String html = new ReportRenderer(null).render(Samples.model(), ReportFormat.HTML);
        String md = new ReportRenderer(null).render(Samples.model(), ReportFormat.MD);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertEquals(html, new ReportRenderer(null).render(Samples.model(), ReportFormat.HTML));
            assertEquals(md, new ReportRenderer(null).render(Samples.model(), ReportFormat.MD));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
