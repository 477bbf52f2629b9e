package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Scale;
import org.culturekit.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code report -f pdf} run as a user runs it, by {@code java -jar} and by {@code bin/culturekit}. */
class PdfIT {
    private static final Path JAR = ProcessRun.JAR;
    private static final Path LAUNCHER = Path.of("bin/culturekit").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("examples/survey.csv").toAbsolutePath();

    @TempDir Path dir;

    private ProcessRun java(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return ProcessRun.jar(dir, jvmOptions, environment, args);
    }

    @Test
    void everyFigureResultsJsonShowsForAShownGroupIsInThePdfAndNoHiddenGroupHasOne() throws Exception {
        ProcessRun run = java(List.of(), Map.of(), "report", EXAMPLE.toString(), "-f", "json,pdf", "-o", "out");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("out/results.json, out/report.pdf"), run.out());
        JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        List<String> lines = text(dir.resolve("out/report.pdf")).lines().toList();
        Questionnaire questionnaire = Questionnaires.load(InputOptions.DEFAULT_QUESTIONNAIRE);
        int minGroupSize = questionnaire.reporting().minGroupSize();

        int shown = 0;
        int hidden = 0;
        for (JsonNode segment : results.get("segments")) {
            int from = lines.indexOf("By " + segment.get("id").asText());
            assertTrue(from >= 0, "the heatmap of " + segment.get("id"));
            for (JsonNode group : segment.get("groups")) {
                String name = group.get("value").asText();
                // the group's row: its name, then a figure or "not shown" (not a longer name that starts alike)
                Pattern start = Pattern.compile(Pattern.quote(name) + " (?=[0-9+−]|not shown)");
                String row = lines.subList(from, lines.size()).stream().filter(l -> start.matcher(l).lookingAt())
                        .findFirst().orElseThrow(() -> new AssertionError(name + " has no row"));
                String figures = row.substring(name.length() + 1);
                if (group.get("suppressed").asBoolean()) {
                    assertEquals("not shown: fewer than " + minGroupSize + " people", figures, name);
                    hidden++;
                    continue;
                }
                List<String> expected = new ArrayList<>(List.of(group.get("n").asText()));
                for (JsonNode index : group.get("indices")) {
                    expected.add(index.get("mean").isNull() ? "–" : whole(score100(questionnaire,
                            index.get("id").asText(), index.get("mean").asDouble())));
                }
                expected.add(signed(group.get("sayDo").get("meanGap").asDouble(), 2));
                expected.add(signed(group.get("enps").get("score").asDouble(), 0));
                assertEquals(expected, List.of(figures.replaceAll(" ?[▲▼]", "").split(" ")), name);
                shown++;
            }
        }
        assertTrue(shown >= 10 && hidden >= 2, shown + " shown, " + hidden + " hidden");
    }

    @Test
    void thePdfPrintsFiveCommentsAGroupAndCountsTheRestAsResultsJsonDoes() throws Exception {
        ProcessRun run = java(List.of(), Map.of(), "report", EXAMPLE.toString(), "-f", "json,pdf", "-o", "out");
        assertEquals(0, run.code(), run.err());
        JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        String text = text(dir.resolve("out/report.pdf"));

        List<String> groups = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonNode question : results.get("comments")) {
            for (JsonNode group : question.get("groups")) {
                groups.add(group.get("group").asText());
                int kept = group.get("comments").size();
                if (kept > 5) {
                    expected.add(group.get("group").asText() + ": " + (kept - 5));
                }
            }
        }
        // the groups' headings in results.json's order, each followed by how many more comments it has
        Pattern more = Pattern.compile("(\\d+) more of this group's comments are in report\\.html and report\\.xlsx\\.");
        List<String> printed = new ArrayList<>();
        String group = null;
        int next = 0;
        for (String line : text.substring(text.lastIndexOf("\nComments\n"), text.lastIndexOf("\nMethod and data\n"))
                .lines().toList()) {
            if (next < groups.size() && line.equals(groups.get(next))) {
                group = groups.get(next++);
            }
            Matcher count = more.matcher(line);
            if (count.matches()) {
                printed.add(group + ": " + count.group(1));
            }
        }
        assertEquals(groups.size(), next, "every group's heading, in order");
        assertEquals(expected, printed);
        assertTrue(expected.size() >= 3, "the example has groups of more than five comments: " + expected);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherAndTheJarWriteTheSameBytesUnderAnyLocaleTimeZoneAndCoreCount() throws Exception {
        assertEquals(0, java(List.of(), Map.of(), "report", EXAMPLE.toString(), "-f", "pdf", "-o", "jar").code());
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_HOME", ProcessRun.JAVA.getParent().getParent()
                .toString(), "CULTUREKIT_JAVA_OPTS", "", "LANG", "C", "LC_ALL", "C", "TZ", "Pacific/Kiritimati"));
        environment.put("JAVA_OPTS", "-Duser.language=tr -Duser.country=TR -XX:ActiveProcessorCount=1");
        ProcessRun launcher = ProcessRun.of(dir, List.of(LAUNCHER.toString(), "report", EXAMPLE.toString(), "-f",
                "html,pdf", "-o", "launcher"), environment);
        assertEquals(0, launcher.code(), launcher.err());
        assertEquals("", launcher.err(), "no library logs");

        byte[] pdf = Files.readAllBytes(dir.resolve("jar/report.pdf"));
        assertArrayEquals(pdf, Files.readAllBytes(dir.resolve("launcher/report.pdf")));
        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void aBrokenPrintTemplateFailsTheRunWithItsLocationAndWritesNothing() throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("print.ftlh"), "<html><body><p>${report.title}</body></html>",
                StandardCharsets.UTF_8);

        ProcessRun run = java(List.of(), Map.of(), "report", EXAMPLE.toString(), "-f", "html,pdf", "-o", "out",
                "--template-dir", "templates");

        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith("error: template print.ftlh produced a document that is not well-formed "
                + "XHTML, at line 1, column "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("out/report.html")), "all or nothing");
        assertFalse(Files.exists(dir.resolve("out/report.pdf")));
    }

    @Test
    void templatesExportCopiesThePrintTemplates() throws Exception {
        ProcessRun run = java(List.of(), Map.of(), "templates", "export", "mine");

        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(dir.resolve("mine/print.ftlh")).contains("<#import \"lib/print.ftlh\""));
        assertTrue(Files.exists(dir.resolve("mine/lib/print.ftlh")));
    }

    private static double score100(Questionnaire questionnaire, String indexId, double mean) {
        Scale scale = questionnaire.scaleOf(questionnaire.indices().stream().filter(i -> i.id().equals(indexId))
                .findFirst().orElseThrow().items().get(0));
        return (mean - scale.min()) / (scale.max() - scale.min()) * 100;
    }

    /** As the reports round: half up, no sign on zero, a typographic minus. */
    private static String whole(double value) {
        return digits(new BigDecimal(value).setScale(0, RoundingMode.HALF_UP));
    }

    private static String signed(double value, int places) {
        BigDecimal rounded = new BigDecimal(value).setScale(places, RoundingMode.HALF_UP);
        return (rounded.signum() > 0 ? "+" : "") + digits(rounded);
    }

    private static String digits(BigDecimal rounded) {
        return (rounded.signum() == 0 ? rounded.abs() : rounded).toPlainString().replace('-', '\u2212');
    }

    /** The PDF's text, line by line in reading order, with ligatures written out (NFKC). */
    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFKC);
        }
    }
}
