package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.culturekit.questionnaire.ReadmeExample;
import org.culturekit.report.OutputFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar}, from another directory. */
class JarIT {
    private static final Path JAR = ProcessRun.JAR;
    private static final Path EXAMPLE = Path.of("examples/survey.csv").toAbsolutePath();
    /** A questionnaire of two items, for exports of a column or two (the default one would refuse them). */
    private static final String SMALL = Path.of(CliTest.SMALL).toAbsolutePath().toString();

    @TempDir Path dir;

    private ProcessRun java(String... args) throws IOException, InterruptedException {
        return java(List.of(), Map.of(), args);
    }

    private ProcessRun java(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return ProcessRun.jar(dir, jvmOptions, environment, args);
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
    void validatesTheReadmeExampleQuestionnaire() throws Exception {
        // YAML 1.2, as editors check it: `text: Anything else?` in a flow mapping is plain text there
        Files.writeString(dir.resolve("questionnaire.yaml"), ReadmeExample.questionnaire(), StandardCharsets.UTF_8);

        ProcessRun run = java("validate", "-q", "questionnaire.yaml");

        assertEquals(0, run.code(), run.out() + run.err());
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
        ProcessRun run = java(List.of("-Xmx64m"), Map.of(), "report", "-q", SMALL, csv.toString(), "-o", "out");
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
        ProcessRun run = java(List.of("-Xmx64m"), Map.of(), "report", "-q", SMALL, csv.toString(), "-o", "out",
                "--threads", "2");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("\nerror: " + csv + ":" + (good + 2) + ":2: the field starting here (column 2) "
                + "is longer than"), run.err());
    }

    @Test
    void aHeaderOfTwoMillionColumnsFailsAtLineOneInASmallHeap() throws Exception {
        Path csv = dir.resolve("wide.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv))) {
            out.write("ResponseId,Team,safety_1".getBytes(StandardCharsets.UTF_8));
            for (int c = 0; c < 2_000_000; c++) {
                out.write((",c" + c).getBytes(StandardCharsets.UTF_8));
            }
            out.write(("\nR1,A,Agree" + ",".repeat(2_000_000) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (List<String> command : List.of(List.of("report", "-q", SMALL, csv.toString(), "-o", "out"),
                List.of("report", "-q", SMALL, csv.toString(), "-o", "out", "--threads", "2"), List.of("validate", csv.toString()),
                List.of("inspect", csv.toString()))) {
            ProcessRun run = java(List.of("-Xmx256m"), Map.of(), command.toArray(String[]::new));
            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().startsWith("error: " + csv + ":1: the row on this line has more than 20000 columns "
                    + "(--max-columns 20000)"), run.err());
            assertFalse(run.err().contains("OutOfMemoryError"), run.err());
            assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        }
    }

    @Test
    void theTemporaryFilesOfAKilledRunAreRemovedByTheNextRunIntoTheFolder() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "the id file is found among /proc's descriptors");
        // respondents enough that the run is still reading when it is killed, and its id set has gone to a file
        Path csv = dir.resolve("big.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
            out.write("ResponseId,Team,safety_1\n".getBytes(StandardCharsets.UTF_8));
            for (int r = 0; r < 3_000_000; r++) {
                out.write(("R" + r + ",T" + r % 9 + ",Agree\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path out = dir.resolve("out");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Process first = new ProcessBuilder(ProcessRun.JAVA.toString(), "-Djava.io.tmpdir=" + tmp, "-jar",
                JAR.toString(), "report", "-q", SMALL, csv.toString(), "-o", "out", "--rejects", "out/rejects.csv",
                "--threads", "1").directory(dir.toFile()).redirectOutput(dir.resolve("first.out").toFile())
                .redirectError(dir.resolve("first.err").toFile()).start();
        Path staged;
        try {
            await(() -> !staged(out).isEmpty(), first);
            staged = staged(out).get(0);
            Path fds = Path.of("/proc", Long.toString(first.pid()), "fd");
            // the id file, open but already without a name
            await(() -> links(fds).stream().anyMatch(target -> target.startsWith(tmp.resolve("culturekit-ids-")
                    .toString()) && target.endsWith(" (deleted)")), first);
            // another process's clean-up leaves a running one's staged file alone: it cannot lock it
            try (OutputFiles.Staging other = OutputFiles.Staging.in(out)) {
                assertEquals(0, other.staleRemoved());
            }
            assertTrue(Files.exists(staged));
            assertTrue(first.isAlive(), "finished before it was killed: make the export bigger");
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(List.of(staged), staged(out), "SIGKILL leaves the staged rejects file");
        assertEquals(List.of(), list(tmp), "and nothing of the id file");

        ProcessRun second = java(List.of("-Djava.io.tmpdir=" + tmp), Map.of(), "report", EXAMPLE.toString(), "-o",
                "out", "--rejects", "out/rejects.csv");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("warning: removed 1 temporary file that an interrupted culturekit run left "
                + "in "), second.err());
        assertEquals(List.of(), staged(out));
        assertEquals(List.of("rejects.csv", "report.html", "report.md", "results.json"),
                list(out).stream().map(path -> path.getFileName().toString()).toList());
        assertEquals(330, new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/rows/read").asInt());
        assertTrue(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8).endsWith("</html>\n"));
        assertTrue(Files.readString(out.resolve("rejects.csv"), StandardCharsets.UTF_8).startsWith("file,line,"));
        assertEquals(List.of(), list(tmp));
    }

    /** Waits, at most a minute, until {@code done} while {@code process} runs. */
    private static void await(BooleanSupplier done, Process process) throws InterruptedException {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); !done.getAsBoolean(); Thread.sleep(10)) {
            assertTrue(process.isAlive(), "the run ended first");
            assertTrue(System.nanoTime() < end, "waited a minute");
        }
    }

    private static List<Path> staged(Path folder) {
        return list(folder).stream().filter(path -> path.getFileName().toString().startsWith(".culturekit-staged-"))
                .toList();
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where a process's descriptors point; those that close meanwhile are left out. */
    private static List<String> links(Path fds) {
        List<String> targets = new ArrayList<>();
        List<Path> open;
        try {
            open = list(fds);
        } catch (java.io.UncheckedIOException ended) {
            return targets; // the process ended: await says so
        }
        for (Path fd : open) {
            try {
                targets.add(Files.readSymbolicLink(fd).toString());
            } catch (IOException closed) {
                // closed since it was listed
            }
        }
        return targets;
    }

    /** Every byte a command prints reaches a file, as it does in-process: nothing is left in a buffer at exit. */
    @Test
    void everyCommandsWholeOutputReachesAFile() throws Exception {
        for (List<String> args : List.of(List.of("questionnaires", "show", "psych-safety-pulse"),
                List.of("questionnaires", "show", "say-do-values-audit"),
                List.of("questionnaires", "show", "customer-centric-culture"), List.of("questionnaires", "list"),
                List.of("schema"), List.of("--help"), List.of("validate", EXAMPLE.toString()),
                List.of("inspect", EXAMPLE.toString()))) {
            java.io.StringWriter expected = new java.io.StringWriter();
            int code = org.culturekit.Main.commandLine().setOut(new java.io.PrintWriter(expected))
                    .setErr(new java.io.PrintWriter(new java.io.StringWriter())).execute(args.toArray(String[]::new));
            ProcessRun run = java(args.toArray(String[]::new));
            assertEquals(code, run.code(), args + ": " + run.err());
            assertTrue(expected.toString().length() > 0, args.toString());
            assertEquals(expected.toString(), run.out(), args.toString());
        }
        ProcessRun schema = java("schema");
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema.out()); // whole JSON, not 16,384 bytes
    }

    /**
     * On a terminal too: util-linux {@code script} gives the jar a pseudo-terminal as its stdout, and what it
     * prints there (line ends turned into CR LF by the terminal) is the whole schema.
     */
    @Test
    void theWholeOutputReachesATerminal() throws Exception {
        Path script = Path.of("/usr/bin/script");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(script)
                || "true".equalsIgnoreCase(System.getenv("CI")), "util-linux script is not installed");
        String command = ProcessRun.JAVA + " -jar " + JAR + " schema";
        ProcessRun run = ProcessRun.of(dir, List.of(script.toString(), "-qec", command, "/dev/null"), Map.of());
        assertEquals(0, run.code(), run.err());
        String expected = java("schema").out();
        assertEquals(expected, run.out().replace("\r\n", "\n"));
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
