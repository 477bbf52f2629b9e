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
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The renderer treats templates as untrusted code and report text as hostile (SECURITY.md §1). */
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
        assertTrue(e.getMessage().contains("report.ftlh uses '?api'"), e.getMessage());
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

    @Test
    void aTemplateErrorIsLocatedAndLeavesNoOutput() {
        RenderException e = rejects("line one\n${report.nothing.here}");
        assertTrue(e.getMessage().startsWith("template report.ftlh:2:"), e.getMessage());
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
