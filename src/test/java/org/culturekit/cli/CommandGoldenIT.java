package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, and every documented option group of {@code report}, run as a user runs them — {@code java -jar
 * target/culturekit.jar} and {@code bin/culturekit} — and checked against {@code golden-cli/<case>/}: the exit
 * code, stdout and stderr byte for byte, {@code files}, the SHA-256 and size of every file the run wrote, and
 * the small ones (up to 2 KiB) whole under {@code written/}.
 *
 * <ul>
 *   <li>Each case runs in a temporary folder holding {@code examples/} (the two example waves),
 *       {@code platforms/} (the platform fixtures of {@code io/platforms}) and {@code fixtures/}
 *       ({@code golden-cli/fixtures}); every path is relative, so the streams hold no machine path.
 *   <li>Both ways of starting culturekit must match the same golden files.
 *   <li>{@code -Dgolden.update=true} rewrites them from the {@code java -jar} run and fails: review the diff.
 * </ul>
 */
@DisabledOnOs(OS.WINDOWS)
class CommandGoldenIT {
    static final Path GOLDEN = Path.of("src/test/resources/golden-cli");
    private static final Path JAR_FILE = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final Path LAUNCHER_FILE = Path.of("bin/culturekit").toAbsolutePath();
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String SCORED = "platforms/questionnaire.yaml";
    /** Written files up to this size are kept whole under {@code written/}, so a change shows in the diff. */
    private static final long SMALL = 2048;

    /** The two ways a user starts culturekit. */
    enum Start {
        JAR, LAUNCHER;

        List<String> command() {
            return this == JAR ? List.of(ProcessRun.JAVA.toString(), "-jar", JAR_FILE.toString())
                    : List.of(LAUNCHER_FILE.toString());
        }

        /**
         * The test's JVM and none of the caller's JVM options: each of these would add a line to stderr or change
         * the JVM ({@code CLICOLOR_FORCE} would colour picocli's usage).
         */
        void environment(Map<String, String> environment) {
            for (String name : List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLICOLOR_FORCE")) {
                environment.remove(name);
            }
            environment.putAll(Map.of("JAVA_HOME", ProcessRun.JAVA.getParent().getParent().toString(), "JAVA_OPTS",
                    "", "CULTUREKIT_JAVA_OPTS", ""));
        }
    }

    /** What a case needs in its folder before it runs, made in-process (no process run counted). */
    interface Setup {
        void in(Path dir) throws IOException;
    }

    /**
     * One command line and the exit code it must end with.
     *
     * @param name the case's folder under {@code golden-cli/}
     * @param exit the expected exit code
     * @param setup what the folder needs beyond the inputs
     * @param args the arguments after {@code culturekit}
     */
    record Case(String name, int exit, Setup setup, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, int exit, String... args) {
        return new Case(name, exit, dir -> { }, List.of(args));
    }

    private static Case of(String name, int exit, Setup setup, String... args) {
        return new Case(name, exit, setup, List.of(args));
    }

    /** An earlier wave, {@code waves/2026-q2/results.json}, for --baseline and --history. */
    private static void earlierWave(Path dir) {
        CliRun.of("report", Path.of("examples/survey-2026-q2.csv").toAbsolutePath().toString(), "--wave", "2026-Q2",
                "-f", "json", "-o", dir.resolve("waves/2026-q2").toString(), "--quiet").assertExit(ExitCodes.OK);
    }

    static final List<Case> CASES = List.of(
            of("no-arguments", 2),
            of("help-option", 0, "--help"),
            of("help-report", 0, "help", "report"),
            of("version", 0, "--version"),
            of("questionnaires-list", 0, "questionnaires", "list"),
            of("questionnaires-show", 0, "questionnaires", "show", "psych-safety-pulse"),
            of("schema", 0, "schema"),
            of("init", 0, "init", "--from", "psych-safety-pulse", "pulse"),
            of("templates-export", 0, "templates", "export", "templates"),
            of("validate", 0, "validate", "examples/survey.csv"),
            of("validate-invalid-questionnaire", 1, "validate", "-q", "fixtures/bad-questionnaire.yaml"),
            of("inspect", 0, "inspect", "examples/survey.csv"),
            of("inspect-suggest", 0, "inspect", "-q", SCORED, "--suggest", "fixtures/renamed-column.csv"),
            of("report", 0, "report", "examples/survey.csv"),
            of("report-formats-wave-invited-no-comments", 0, "report", "examples/survey.csv", "-f", "csv,json", "-o",
                    "out", "--wave", "2026-Q4", "--invited", "400", "--no-comments"),
            of("report-template-dir", 0, "report", "-q", SCORED, "platforms/generic.csv", "--template-dir",
                    "fixtures/templates", "-f", "md", "-o", "out"),
            of("report-baseline-history", 0, CommandGoldenIT::earlierWave, "report", "examples/survey.csv", "--wave",
                    "2026-Q4", "--baseline", "waves/2026-q2/results.json", "--history", "waves", "-f", "md,json", "-o",
                    "waves/2026-q4"),
            of("report-gates", 4, CommandGoldenIT::earlierWave, "report", "examples/survey.csv", "--baseline",
                    "waves/2026-q2/results.json", "--fail-under", "safety=90", "--fail-under", "trust=10",
                    "--fail-on-drop", "safety=0", "--fail-on-gap", "0.5", "-f", "json", "-o", "gated"),
            of("report-summary-threads", 0, "report", "examples/survey.csv", "--summary", "--threads", "1", "-f",
                    "json", "-o", "out"),
            of("report-quiet", 0, "report", "examples/survey.csv", "--quiet", "-f", "md", "-o", "out"),
            of("report-source-rejects-include-partial", 0, "report", "-q", SCORED, "platforms/qualtrics.csv",
                    "--source", "qualtrics", "--rejects", "rejects.csv", "--include-partial", "-f", "json", "-o",
                    "out"),
            of("report-strict", 1, "report", "-q", SCORED, "fixtures/unreadable-answer.csv", "--strict", "-o", "out"),
            of("report-encoding", 0, "report", "-q", SCORED, "fixtures/generic-windows-1252.csv", "--encoding",
                    "windows-1252", "-f", "json", "-o", "out"),
            of("report-max-field-length", 1, "report", "examples/survey.csv", "--max-field-length", "8", "-o", "out"),
            of("report-unknown-option", 2, "report", "--no-such-option", "examples/survey.csv"),
            of("report-missing-export", 1, "report", "missing.csv"));

    @TempDir Path dir;

    /** Each case through the jar, then through the launcher (so an update writes before the launcher compares). */
    static Stream<Arguments> runs() {
        return CASES.stream().flatMap(c -> Stream.of(Arguments.of(c, Start.JAR), Arguments.of(c, Start.LAUNCHER)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("runs")
    void matchesItsGoldenFiles(Case c, Start start) throws Exception {
        Path work = inputs(dir.resolve("work"));
        c.setup().in(work);
        Map<String, String> before = files(work);
        List<String> command = new ArrayList<>(start.command());
        command.addAll(c.args());
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        start.environment(builder.environment());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "did not finish: " + c.args());

        Map<String, String> after = files(work);
        StringBuilder written = new StringBuilder();
        List<String> small = new ArrayList<>();
        after.forEach((path, line) -> {
            if (!line.equals(before.get(path))) {
                written.append(line).append('\n');
                if (Long.parseLong(line.split(" ")[1]) <= SMALL) {
                    small.add(path);
                }
            }
        });
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(c.exit(), process.exitValue(), () -> "exit code of " + c.args() + "; stderr:\n" + stderr);
        Path golden = GOLDEN.resolve(c.name());
        boolean update = UPDATE && start == Start.JAR;
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>(List.of(
                golden(golden.resolve("stdout"), normalised(Files.readAllBytes(out)), update),
                golden(golden.resolve("stderr"), normalised(Files.readAllBytes(err)), update),
                golden(golden.resolve("files"), written.toString().getBytes(StandardCharsets.UTF_8), update)));
        Path whole = golden.resolve("written");
        if (update && Files.exists(whole)) {
            deleteTree(whole);
        }
        checks.add(() -> assertEquals(small, update ? small : files(whole).keySet().stream().toList(),
                () -> "the written files kept whole in " + whole + " (-Dgolden.update=true rewrites them)"));
        for (String path : small) {
            checks.add(golden(golden.resolve("written").resolve(path), normalised(Files.readAllBytes(work.resolve(path))),
                    update));
        }
        assertAll(c.name() + " " + start, checks.stream());
    }

    /** Stdout read through a pipe, as {@code culturekit … | jq} reads it, is the stdout a file receives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void stdoutThroughAPipeIsStdoutIntoAFile(Start start) throws Exception {
        // schema prints 20 KB, more than one buffer (or pipe) holds: the whole of it must arrive
        List<String> command = new ArrayList<>(start.command());
        command.add("schema");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(dir.resolve("stderr").toFile());
        start.environment(builder.environment());
        Process process = builder.start();
        byte[] piped;
        try (InputStream in = process.getInputStream()) {
            piped = in.readAllBytes();
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertEquals(Files.readString(GOLDEN.resolve("schema/stdout"), StandardCharsets.UTF_8),
                new String(piped, StandardCharsets.UTF_8));
        assertEquals(Files.size(GOLDEN.resolve("schema/stdout")), piped.length);
    }

    static Stream<Start> starts() {
        return Stream.of(Start.values());
    }

    @Test
    void everyCaseHasItsGoldenFolderAndEveryGoldenFolderItsCase() throws IOException {
        List<String> names = CASES.stream().map(Case::name).sorted().toList();
        assertEquals(names.size(), names.stream().distinct().count(), "case names are unique");
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            List<String> onDisk = folders.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("fixtures")).sorted().toList();
            assertEquals(names, onDisk, "a golden folder without its case, or a case without its folder");
        }
    }

    /** The inputs every case may name, copied into {@code work}. */
    private static Path inputs(Path work) throws IOException {
        for (String example : List.of("survey.csv", "survey-2026-q2.csv")) {
            copy(Path.of("examples", example), work.resolve("examples").resolve(example));
        }
        copyTree(Path.of("src/test/resources/io/platforms"), work.resolve("platforms"));
        copyTree(GOLDEN.resolve("fixtures"), work.resolve("fixtures"));
        return work;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Every file under {@code root}, by relative path, as its manifest line: SHA-256, size in bytes, path. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                byte[] bytes = normalised(Files.readAllBytes(path));
                files.put(name, sha256(bytes) + " " + bytes.length + " " + name);
            }
        }
        return files;
    }

    /**
     * {@code bytes} with the jar's absolute path, which {@code init} prints so that its command runs anywhere,
     * written as {@code target/culturekit.jar}: the goldens hold no path of the machine that made them.
     */
    private static byte[] normalised(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String jar = JAR_FILE.normalize().toString();
        return text.contains(jar) ? text.replace(jar, "target/culturekit.jar").getBytes(StandardCharsets.UTF_8) : bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares {@code actual} with the golden file byte for byte, or rewrites it and fails when updating. */
    static org.junit.jupiter.api.function.Executable golden(Path expected, byte[] actual, boolean update) {
        return () -> {
            if (update) {
                Files.createDirectories(expected.getParent());
                Files.write(expected, actual);
                fail("rewrote " + expected + "; review the diff with git, then run again without -Dgolden.update");
            }
            if (!Files.exists(expected)) {
                fail(expected + " is missing; create it with -Dgolden.update=true and review it");
            }
            byte[] bytes = Files.readAllBytes(expected);
            assertEquals(new String(bytes, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                    () -> "differs from " + expected + " (after an intended change: -Dgolden.update=true, review)");
            assertTrue(java.util.Arrays.equals(bytes, actual), () -> "bytes differ from " + expected);
        };
    }
}
