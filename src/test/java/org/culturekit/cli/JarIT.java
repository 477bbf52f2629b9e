package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar}, from another directory. */
class JarIT {
    private static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("examples/survey.csv").toAbsolutePath();

    @TempDir Path dir;

    private ProcessRun java(String... args) throws IOException, InterruptedException {
        return java(List.of(), Map.of(), args);
    }

    private ProcessRun java(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, environment);
    }

    @Test
    void theQuickStartWorksFromAnyDirectory() throws Exception {
        ProcessRun run = java("report", EXAMPLE.toString());
        assertEquals(0, run.code(), run.err());
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertTrue(Files.size(dir.resolve("report").resolve(name)) > 1000, name);
        }
        String html = Files.readString(dir.resolve("report/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Psychological safety"), "bundled questionnaire and templates are in the jar");
    }

    @Test
    void outputsAreByteIdenticalUnderAnotherLocaleTimeZoneAndDefaultEncoding() throws Exception {
        assertEquals(0, java("report", EXAMPLE.toString(), "-o", "first").code());
        ProcessRun second = java(List.of("-Dfile.encoding=ANSI_X3.4-1968", "-Duser.language=de", "-Duser.country=DE"),
                Map.of("LANG", "C", "LC_ALL", "C", "TZ", "Pacific/Kiritimati"),
                "report", EXAMPLE.toString(), "-o", "second");
        assertEquals(0, second.code(), second.err());
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("first").resolve(name)),
                    Files.readAllBytes(dir.resolve("second").resolve(name)), name);
        }
    }

    @Test
    void aHugeFileWithAnUnclosedQuoteFailsAtItsLineInASmallHeap() throws Exception {
        Path csv = dir.resolve("huge.csv");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(csv))) {
            out.write("ResponseId,Team,safety_1\nR1,\"A,Agree\n".getBytes(StandardCharsets.UTF_8));
            byte[] row = "R2,B,Agree\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += row.length) {
                out.write(row);
            }
        }
        ProcessRun run = java(List.of("-Xmx64m"), Map.of(), "report", csv.toString(), "-o", "out");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith("error: " + csv + ":2:2: the field starting here (column 2) is longer than"),
                run.err());
    }

    @Test
    void anUnclosedQuoteDeepInAHugeFileFailsAtItsLineInASmallHeap() throws Exception {
        // far past the header, so the chunked reader meets it, on every thread
        Path csv = dir.resolve("deep.csv");
        long good = 200_000;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(csv))) {
            out.write("ResponseId,Team,safety_1\n".getBytes(StandardCharsets.UTF_8));
            for (long r = 0; r < good; r++) {
                out.write(("R" + r + ",B,Agree\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("X,\"A,Agree\n".getBytes(StandardCharsets.UTF_8));
            byte[] row = "R2,B,Agree\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += row.length) {
                out.write(row);
            }
        }
        ProcessRun run = java(List.of("-Xmx64m"), Map.of(), "report", csv.toString(), "-o", "out", "--threads", "2");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("\nerror: " + csv + ":" + (good + 2) + ":2: the field starting here (column 2) "
                + "is longer than"), run.err());
    }

    @Test
    void versionAndExitCodesWorkFromTheJar() throws Exception {
        ProcessRun version = java("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("culturekit \\d+\\.\\d+\\.\\d+.*\\s*"), version.out());
        assertEquals(2, java().code());
        ProcessRun missing = java("report", "missing.csv");
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("error: missing.csv: no such file"), missing.err());
    }
}
