package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22, "the front door", through the packaged jar as a user runs it. */
class FrontDoorIT {
    private static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final String EXAMPLE = Path.of("examples/survey.csv").toAbsolutePath().toString();
    private static final String SMALL = Path.of(CliTest.SMALL).toAbsolutePath().toString();

    @TempDir Path dir;

    private ProcessRun java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, Map.of());
    }

    /** Runs the jar through {@code sh} with the umask {@code mask}. */
    private ProcessRun withUmask(String mask, String... args) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("umask " + mask + "; exec \"$0\" -jar \"$1\"");
        for (int i = 0; i < args.length; i++) {
            script.append(" \"$").append(i + 2).append('"');
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c", script.toString(), ProcessRun.JAVA.toString(),
                JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, Map.of());
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void reportsInitFilesAndExportedTemplatesFollowTheUmaskAndTheRejectsFileStaysPrivate() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        ProcessRun report = withUmask("022", "report", EXAMPLE, "-o", "out", "--rejects", "rejects.csv");
        assertEquals(0, report.code(), report.err());
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertEquals("rw-r--r--", mode(dir.resolve("out").resolve(name)), name);
        }
        assertEquals("rw-------", mode(dir.resolve("rejects.csv")), "raw rows: owner only");
        ProcessRun init = withUmask("022", "init", "assessment");
        assertEquals(0, init.code(), init.err());
        for (String name : List.of("questionnaire.yaml", "responses-template.csv", "README.md")) {
            assertEquals("rw-r--r--", mode(dir.resolve("assessment").resolve(name)), name);
        }
        ProcessRun templates = withUmask("022", "templates", "export", "templates");
        assertEquals(0, templates.code(), templates.err());
        try (Stream<Path> files = Files.walk(dir.resolve("templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertEquals("rw-r--r--", mode(file), file.toString());
            }
        }
        // a stricter umask is followed too
        ProcessRun strict = withUmask("077", "report", EXAMPLE, "-o", "private", "-f", "json");
        assertEquals(0, strict.code(), strict.err());
        assertEquals("rw-------", mode(dir.resolve("private/results.json")));
    }

    @Test
    void initTellsHowToRunTheJarThatExists() throws Exception {
        ProcessRun init = java("init", "assessment");
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("then run: java -jar " + JAR + " validate -q "), init.out());
        String readme = Files.readString(dir.resolve("assessment/README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("java -jar " + JAR + " report -q assessment/questionnaire.yaml"), readme);
        assertFalse(readme.contains("java -jar culturekit.jar"), readme);
    }

    @Test
    void mistakesFailLoudly() throws Exception {
        ProcessRun wrong = java("report", Path.of("examples/pulse.csv").toAbsolutePath().toString(), "-o", "out");
        assertEquals(1, wrong.code(), wrong.err());
        assertTrue(wrong.err().contains("only 6 of the 55 scored items") && wrong.err().contains("-q FILE")
                && wrong.err().contains("culturekit inspect --suggest"), wrong.err());
        assertFalse(Files.exists(dir.resolve("out")));

        Path partial = FrontDoorTest.partialExport(dir);
        ProcessRun partly = java("report", partial.toString(), "-o", "out");
        assertEquals(0, partly.code(), partly.err());
        assertTrue(partly.err().contains("2 of the 55 scored items have no column: safety_1, safety_2")
                && partly.err().contains("Psychological safety (4 of 6 items)"), partly.err());
        assertTrue(Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8)
                .contains("No export had a column for 2 scored items: safety_1, safety_2"));

        ProcessRun directory = java("report", dir.toString());
        assertEquals(1, directory.code(), directory.err());
        assertTrue(directory.err().contains(dir + ": is a directory"), directory.err());

        ProcessRun invited = java("report", EXAMPLE, "--invited", "10", "-o", "invited");
        assertEquals(2, invited.code(), invited.err());
        assertEquals("--invited 10 is fewer than the 330 respondents scored; give the number of people invited, or "
                + "check the exports for rows that are not responses\nTry 'culturekit report --help' for more "
                + "information.\n", invited.err());

        ProcessRun builtin = java("report", "-q", "builtin:custmer-centric", EXAMPLE);
        assertEquals(1, builtin.code(), builtin.err());
        assertTrue(builtin.err().contains("did you mean builtin:customer-centric-culture?")
                && builtin.err().contains("builtin:say-do-values-audit"), builtin.err());

        ProcessRun usage = java("report", "--zzzz", EXAMPLE);
        assertEquals(2, usage.code(), usage.err());
        assertEquals("Unknown option: '--zzzz'\nTry 'culturekit report --help' for more information.\n", usage.err());

        Path templates = Files.createDirectory(dir.resolve("bad-templates"));
        Files.writeString(templates.resolve("report.md.ftlmd"), "x", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("report.ftlh"), "<p>\n\n${report.nothing}</p>\n", StandardCharsets.UTF_8);
        ProcessRun template = java("report", EXAMPLE, "--template-dir", templates.toString(), "-f", "html",
                "-o", "t");
        assertEquals(1, template.code(), template.err());
        assertTrue(template.err().contains("error: template report.ftlh:3: report.nothing is not defined"),
                template.err());
    }

    @Test
    void countsAndGroupOrderInTheJar() throws Exception {
        ProcessRun validate = java("validate", "-q", SMALL);
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.out().contains("(2 items, 1 index, 0 say-do pairs, 1 segment)"), validate.out());
        ProcessRun report = java("report", "-q", SMALL, FrontDoorTest.tenureExport(dir).toString(), "-f", "json",
                "-o", "out");
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().startsWith("Scored 20 of 20 rows;"), report.out());
        assertEquals(List.of("< 1 year", "1–3 years", "3–10 years", "10+ years"),
                FrontDoorTest.groups(dir.resolve("out/results.json")));
    }

    @Test
    void repeatedRespondentsAreNamedWhateverTheThreads() throws Exception {
        Path csv = FrontDoorTest.duplicatesExport(dir);
        String expected = null;
        for (String threads : List.of("1", "2")) {
            ProcessRun run = java("report", "-q", SMALL, csv.toString(), "-f", "json", "-o", "out" + threads,
                    "--threads", threads);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.err().contains("warning: " + csv + ":8: repeats the respondent id of " + csv + ":3 with "
                    + "different answers; left out, the first is scored"), run.err());
            assertTrue(run.err().contains("2 rows repeat a respondent id: 1 with different answers, 1 identical"),
                    run.err());
            expected = expected == null ? run.err() : expected;
            assertEquals(expected, run.err());
        }
        ProcessRun strict = java("report", "--strict", "-q", SMALL, csv.toString(), "-o", "strict");
        assertEquals(1, strict.code(), strict.err());
        assertTrue(strict.err().startsWith("error: " + csv + ":8: repeats the respondent id of " + csv + ":3"),
                strict.err());
    }
}
