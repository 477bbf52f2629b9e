package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/culturekit}, the launcher, run as a user runs it: it must behave exactly as {@code java -jar}. */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin/culturekit").toAbsolutePath();
    private static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target/culturekit.jsa").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("examples/survey.csv").toAbsolutePath();

    @TempDir Path dir;

    /** The launcher with the test's JVM, none of the caller's JVM options, and {@code environment} added. */
    private ProcessRun launcher(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", ProcessRun.JAVA.getParent().getParent()
                .toString(), "JAVA_OPTS", "", "CULTUREKIT_JAVA_OPTS", ""));
        env.putAll(environment);
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, env);
    }

    private ProcessRun launcher(String... args) throws IOException, InterruptedException {
        return launcher(Map.of(), args);
    }

    private ProcessRun java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, Map.of());
    }

    /** A copy of the jar in its own folder, with {@code archive} beside it as its archive (and its size). */
    private Path jarWithArchive(byte[] archive, long recordedSize) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path jar = Files.copy(JAR, lib.resolve("culturekit.jar"));
        Path jsa = Files.write(lib.resolve("culturekit.jsa"), archive);
        Files.writeString(lib.resolve("culturekit.jsa.size"), recordedSize + "\n", StandardCharsets.US_ASCII);
        // newer than the jar, so the launcher would use it if nothing else were wrong
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        return jar;
    }

    private void assertSameReports(Path expected, Path actual) throws IOException {
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                    name);
        }
    }

    @Test
    void writesTheSameReportsAndStreamsAsJavaJar() throws Exception {
        ProcessRun viaJava = java("report", EXAMPLE.toString(), "-o", "java", "--summary");
        ProcessRun viaLauncher = launcher("report", EXAMPLE.toString(), "-o", "launcher", "--summary");
        assertEquals(0, viaLauncher.code(), viaLauncher.err());
        assertEquals(viaJava.out(), viaLauncher.out());
        assertEquals("", viaLauncher.err());
        assertSameReports(dir.resolve("java"), dir.resolve("launcher"));
    }

    @Test
    void linksCustomerOutcomesAsJavaJarDoes() throws Exception {
        String stores = Path.of("examples/stores.csv").toAbsolutePath().toString();
        String outcomes = Path.of("examples/customer-outcomes.csv").toAbsolutePath().toString();
        ProcessRun viaJava = java("report", stores, "--wave", "2026-Q4", "--outcomes", outcomes, "-o", "java");
        ProcessRun viaLauncher = launcher("report", stores, "--wave", "2026-Q4", "--outcomes", outcomes, "-o",
                "launcher");
        assertEquals(0, viaJava.code(), viaJava.err());
        assertEquals(0, viaLauncher.code(), viaLauncher.err());
        assertEquals(viaJava.err(), viaLauncher.err());
        assertTrue(viaLauncher.err().contains("rows of period '2026-Q2' are left out"), viaLauncher.err());
        assertSameReports(dir.resolve("java"), dir.resolve("launcher"));
        assertTrue(Files.readString(dir.resolve("launcher/report.html"), StandardCharsets.UTF_8)
                .contains("<h2>Culture and customer outcomes</h2>"));
        Files.writeString(dir.resolve("bad.csv"), "team,csat\nSales,4.5%\n", StandardCharsets.UTF_8);
        ProcessRun bad = launcher("report", EXAMPLE.toString(), "--outcomes", "bad.csv", "-o", "bad");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("error: bad.csv:2:2: '4.5%' is not a number"), bad.err());
        assertEquals(java("report", EXAMPLE.toString(), "--outcomes", "bad.csv", "-o", "bad").err(), bad.err());
    }

    @Test
    void passesExitCodesAndStreamsThrough() throws Exception {
        ProcessRun bare = launcher();
        assertEquals(2, bare.code());
        assertTrue(bare.err().startsWith("Missing required subcommand"), bare.err());
        ProcessRun badOption = launcher("report", "--no-such-option", EXAMPLE.toString());
        assertEquals(2, badOption.code());
        assertEquals(java("report", "--no-such-option", EXAMPLE.toString()).err(), badOption.err());
        ProcessRun missing = launcher("report", "missing.csv");
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("error: missing.csv: no such file"), missing.err());
        ProcessRun version = launcher("--version");
        assertEquals(0, version.code());
        assertEquals(java("--version").out(), version.out());
        assertEquals("", version.err());
    }

    /** The TieredStopAtLevel the launcher's JVM runs with when given {@code args}. */
    private int tieredStopAtLevel(String... args) throws Exception {
        return flag("TieredStopAtLevel", "", args);
    }

    /** The value of the JVM's numeric flag {@code name} when the launcher runs with {@code options}. */
    private int flag(String name, String options, String... args) throws Exception {
        ProcessRun run = launcher(Map.of("CULTUREKIT_JAVA_OPTS", options + " -XX:+PrintFlagsFinal"), args);
        Matcher flag = Pattern.compile("\\b" + name + "\\s+=\\s+(\\d+)").matcher(run.out());
        assertTrue(flag.find(), run.out() + run.err());
        return Integer.parseInt(flag.group(1));
    }

    @Test
    void keepsTheChunksBeingReadInSurvivorSpacesUnlessTheOptionsSayOtherwise() throws Exception {
        assertEquals(3, flag("SurvivorRatio", "", "--version"));
        assertEquals(90, flag("TargetSurvivorRatio", "", "--version"));
        assertEquals(8, flag("SurvivorRatio", "-XX:SurvivorRatio=8", "--version"));
        assertEquals(50, flag("TargetSurvivorRatio", "-XX:TargetSurvivorRatio=50", "--version"));
    }

    @Test
    void sizesTheYoungGenerationByTheInputUnlessTheOptionsSayOtherwise() throws Exception {
        String small = sparse("small.csv", 3).toString();
        String large = sparse("large.csv", 4).toString();
        String oneMore = sparse("one-more.csv", 1).toString();
        assertEquals(64 << 20, flag("MaxNewSize", "", "--version"));
        assertEquals(64 << 20, flag("MaxNewSize", "", "--version", small));
        assertEquals(3, flag("SurvivorRatio", "", "--version", small));
        assertEquals(44 << 20, flag("MaxNewSize", "", "--version", large));
        assertEquals(2, flag("SurvivorRatio", "", "--version", large));
        assertEquals(44 << 20, flag("MaxNewSize", "", "--version", small, oneMore), "the files' sizes add up");
        assertEquals(5, flag("SurvivorRatio", "-XX:SurvivorRatio=5", "--version", large));
        assertEquals(90, flag("TargetSurvivorRatio", "", "--version", large));
        assertEquals(32 << 20, flag("MaxNewSize", "-Xmn32m", "--version", large));
    }

    /** A file of {@code mebibytes} MiB that takes no space: the launcher only asks for its size. */
    private Path sparse(String name, long mebibytes) throws IOException {
        Path path = dir.resolve(name);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(mebibytes << 20);
        }
        return path;
    }

    @Test
    void usesTheQuickCompilerAloneBelow384MiBOfInput() throws Exception {
        String half = sparse("half.csv", 192).toString();
        String otherHalf = sparse("other-half.csv", 192).toString();
        String whole = sparse("whole.csv", 384).toString();
        assertEquals(1, tieredStopAtLevel("--version"));
        assertEquals(1, tieredStopAtLevel("--version", half));
        assertEquals(4, tieredStopAtLevel("--version", whole));
        assertEquals(4, tieredStopAtLevel("--version", half, otherHalf), "the files' sizes add up");
    }

    @Test
    void usesOneCompilerThreadWithTheQuickCompilerAloneUnlessTheOptionsChooseTheCompilers() throws Exception {
        String whole = sparse("whole.csv", 384).toString();
        assertEquals(1, flag("CICompilerCount", "", "--version"));
        assertTrue(flag("CICompilerCount", "", "--version", whole) >= 2, "two tiers need two threads");
        // with two tiers chosen by the user, one thread would stop the JVM: this one starts
        assertTrue(flag("CICompilerCount", "-XX:TieredStopAtLevel=4", "--version") >= 2);
        assertEquals(3, flag("CICompilerCount", "-XX:CICompilerCount=3", "--version"));
    }

    @Test
    void rendersTheExampleWithoutGeneratingClassesAtRunTime() throws Exception {
        // Java 17 generates an accessor class for a method after 15 reflective calls; the templates make many
        ProcessRun run = launcher(Map.of("CULTUREKIT_JAVA_OPTS", "-Xlog:class+load=info"), "report",
                EXAMPLE.toString(), "-o", "reflective", "--quiet");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(" org.culturekit.report.ReportRenderer "), "the class log is there");
        assertFalse(run.out().contains("GeneratedMethodAccessor"), () -> run.out().lines()
                .filter(line -> line.contains("GeneratedMethodAccessor")).count() + " accessor classes");
        // a record's first equals, hashCode or toString bootstraps method handles: about 40 classes spun
        assertFalse(run.out().contains(" java.lang.runtime.ObjectMethods "),
                "a record's equals, hashCode or toString is called on the way to the reports");
    }

    @Test
    void usesTheArchiveThatThePackageBuilt() throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "this JDK wrote no class-data archive");
        // -Xshare:on makes the JVM stop rather than run without the archive
        ProcessRun run = launcher(Map.of("CULTUREKIT_JAVA_OPTS", "-Xshare:on"), "--version");
        assertEquals(0, run.code(), run.out() + run.err());
    }

    @Test
    void theArchiveHoldsPicocliToo() throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "this JDK wrote no class-data archive");
        // the picocli jar's Java 5 classes cannot be archived: the build compiles picocli from its sources
        ProcessRun run = launcher(Map.of("CULTUREKIT_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info"), "--version");
        assertEquals(0, run.code(), run.err());
        List<String> loads = run.out().lines().filter(line -> line.contains(" picocli.CommandLine ")).toList();
        assertEquals(1, loads.size(), run.out());
        assertTrue(loads.get(0).endsWith("source: shared objects file (top)"), loads.get(0));
    }

    @Test
    void runsQuietlyWithoutAnArchiveOfAnotherJarOrGarbage() throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "this JDK wrote no class-data archive");
        byte[] foreign = Files.readAllBytes(ARCHIVE);   // names target/culturekit.jar, not the copy
        Path jar = jarWithArchive(foreign, foreign.length);
        ProcessRun run = launcher(Map.of("CULTUREKIT_JAR", jar.toString()), "report", EXAMPLE.toString(), "-o",
                "foreign", "--quiet");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.out());
        assertEquals("", run.err());

        byte[] garbage = "not an archive\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        Files.write(jar.resolveSibling("culturekit.jsa"), garbage);
        Files.writeString(jar.resolveSibling("culturekit.jsa.size"), garbage.length + "\n");
        run = launcher(Map.of("CULTUREKIT_JAR", jar.toString()), "report", EXAMPLE.toString(), "-o", "garbage",
                "--quiet");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.out() + run.err());
    }

    @Test
    void leavesATruncatedArchiveAlone() throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "this JDK wrote no class-data archive");
        byte[] whole = Files.readAllBytes(ARCHIVE);
        // a mapped archive shorter than its header says crashes the JVM (SIGBUS); the recorded size prevents it
        Path jar = jarWithArchive(Arrays.copyOf(whole, whole.length / 3), whole.length);
        ProcessRun run = launcher(Map.of("CULTUREKIT_JAR", jar.toString()), "--version");
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("", run.err());
    }

    @Test
    void readsItsFixedOptionsFromTheArgumentFileBesideIt() throws Exception {
        // a copy of the launcher, without its argument file and then with one of the test's
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path copy = Files.copy(LAUNCHER, bin.resolve("culturekit"));
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", ProcessRun.JAVA.getParent().getParent()
                .toString(), "JAVA_OPTS", "", "CULTUREKIT_JAVA_OPTS", "", "CULTUREKIT_JAR", JAR.toString()));
        List<String> command = List.of(copy.toString(), "--version");
        ProcessRun none = ProcessRun.of(dir, command, env);
        assertEquals(127, none.code());
        assertTrue(none.err().startsWith("culturekit: error: no " + bin.resolve("culturekit.jvmopts")), none.err());

        Files.writeString(bin.resolve("culturekit.jvmopts"), "# a comment\n-Dculturekit.probe=argfile\n"
                + "-Dculturekit.kept=yes -XshowSettings:properties\n", StandardCharsets.UTF_8);
        env.put("CULTUREKIT_JAVA_OPTS", "-Dculturekit.probe=user");
        ProcessRun run = ProcessRun.of(dir, command, env);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("culturekit.kept = yes"), run.err());
        assertTrue(run.err().contains("culturekit.probe = user"), "the user's options come later: " + run.err());
    }

    /**
     * Java 19+ makes an archive of its own when the build's is of another JVM. Runs only when
     * {@code CULTUREKIT_IT_JDK19} names the home of a Java 19+ other than the build's.
     */
    @Test
    void letsANewerJvmMakeItsOwnArchive() throws Exception {
        String newer = System.getenv("CULTUREKIT_IT_JDK19");
        assumeTrue(newer != null && !newer.isBlank(), "CULTUREKIT_IT_JDK19 names no Java 19+");
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("JAVA_HOME", newer, "XDG_CACHE_HOME", cache.toString());
        ProcessRun first = launcher(env, "report", EXAMPLE.toString(), "-o", "first", "--quiet");
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.out() + first.err());
        List<Path> archives;
        try (Stream<Path> files = Files.list(cache.resolve("culturekit"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives.toString());

        Map<String, String> logged = new HashMap<>(env);
        logged.put("CULTUREKIT_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
        ProcessRun second = launcher(logged, "report", EXAMPLE.toString(), "-o", "second", "--quiet");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().lines().anyMatch(line -> line.contains(" org.culturekit.report.ReportRenderer ")
                && line.endsWith("source: shared objects file (top)")), second.out());
        assertSameReports(dir.resolve("first"), dir.resolve("second"));
    }

    @Test
    void passesTheUsersJvmOptionsAfterItsOwn() throws Exception {
        ProcessRun run = launcher(Map.of("JAVA_OPTS", "-Dculturekit.probe=general -XshowSettings:properties",
                "CULTUREKIT_JAVA_OPTS", "-Dculturekit.probe=specific -XX:+UseParallelGC"), "--version");
        assertEquals(0, run.code(), run.err());   // a second collector would have stopped the JVM
        assertTrue(run.err().contains("culturekit.probe = specific"), run.err());
        assertEquals(java("--version").out(), run.out());
    }

    @Test
    void findsTheJarThroughALinkAndSaysSoWhenThereIsNone() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("culturekit"), LAUNCHER);
        ProcessRun linked = ProcessRun.of(dir, List.of(link.toString(), "--version"), Map.of());
        Files.delete(link);   // JUnit would warn about a link that leads out of the temporary folder
        assertEquals(0, linked.code(), linked.err());

        ProcessRun none = launcher(Map.of("CULTUREKIT_JAR", dir.resolve("nothing.jar").toString()), "--version");
        assertEquals(127, none.code());
        assertTrue(none.err().startsWith("culturekit: error: CULTUREKIT_JAR: "), none.err());
    }
}
