package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two launchers, read rather than run: {@code bin/culturekit.cmd} cannot run here, so this checks what can be
 * checked without {@code cmd.exe} — that it reads the same argument file as {@code bin/culturekit}, passes the
 * arguments and the exit code through, and keeps the fixed options out of both scripts. {@link LauncherIT} runs
 * the bash launcher.
 */
class LaunchersTest {
    private static final Path BASH = Path.of("bin/culturekit");
    private static final Path CMD = Path.of("bin/culturekit.cmd");
    private static final Path OPTIONS = Path.of("bin/culturekit.jvmopts");

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** The batch file's lines, without their CRLF. */
    private static List<String> cmdLines() throws IOException {
        return List.of(read(CMD).split("\r\n", -1));
    }

    /** The options of the argument file: its words outside comments. */
    private static List<String> argumentFileOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : read(OPTIONS).lines().toList()) {
            String code = line.replaceFirst("#.*", "").strip();
            if (!code.isEmpty()) {
                options.addAll(List.of(code.split("\\s+")));
            }
        }
        return options;
    }

    @Test
    void theBatchFileHasWindowsLineEndingsAndNoNonAsciiCharacters() throws IOException {
        // cmd.exe misreads labels in a file of bare LFs; bin/.gitattributes keeps CRLF in every checkout
        byte[] bytes = Files.readAllBytes(CMD);
        for (int i = 0; i < bytes.length; i++) {
            assertTrue(bytes[i] >= 0, "a byte outside ASCII at " + i + ": cmd.exe reads the console's code page");
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "a bare LF at byte " + i);
            }
        }
        assertTrue(read(CMD).endsWith("\r\n"));
        assertTrue(read(Path.of("bin/.gitattributes")).lines().anyMatch(line -> line.matches("\\*\\.cmd\\s+text"
                + "\\s+eol=crlf")));
    }

    @Test
    void bothLaunchersReadTheArgumentFileBesideThem() throws IOException {
        String bash = read(BASH);
        assertTrue(bash.contains("options=$here/culturekit.jvmopts\n"), "bin/culturekit's argument file");
        assertTrue(bash.contains("exec \"$java\" \"@$options\" "), "bin/culturekit passes it first");
        List<String> cmd = cmdLines();
        assertTrue(cmd.contains("set \"here=%~dp0\""), "the batch file's own folder");
        assertTrue(cmd.contains("set \"options=%here%culturekit.jvmopts\""), "the batch file's argument file");
        List<String> runs = cmd.stream().filter(line -> line.startsWith("\"%java%\"")).toList();
        assertEquals(1, runs.size(), "one java command line: " + runs);
        assertTrue(runs.get(0).startsWith("\"%java%\" \"@%options%\" "), runs.get(0));
    }

    @Test
    void theBatchFilePassesArgumentsAndExitCodeThrough() throws IOException {
        List<String> cmd = cmdLines();
        int run = cmd.indexOf(cmd.stream().filter(line -> line.startsWith("\"%java%\"")).findFirst().orElseThrow());
        String line = cmd.get(run);
        // the user's options after the launcher's, so they win; then the jar and every argument as given
        assertTrue(line.matches("\"%java%\" \"@%options%\" %flags% %archive_flag% %JAVA_OPTS% "
                + "%CULTUREKIT_JAVA_OPTS% -jar \"%jar%\" %\\*"), line);
        assertEquals("exit /b %ERRORLEVEL%", cmd.get(run + 1));
        assertTrue(cmd.contains("setlocal EnableExtensions DisableDelayedExpansion"),
                "the variables stay in the script, and ! in an argument stays");
        assertEquals("@echo off", cmd.get(0));
    }

    @Test
    void bothLaunchersExit127WithoutAJarAJavaOrTheArgumentFile() throws IOException {
        String cmd = read(CMD);
        for (String message : List.of("no %options%: install culturekit.jvmopts beside the launcher",
                "no culturekit.jar in ", "CULTUREKIT_JAR: %jar% is not a file", "JAVA_HOME is %JAVA_HOME%, but ",
                "no java on the PATH; install Java 17 or newer, or set JAVA_HOME")) {
            Matcher said = Pattern.compile(">&2 echo culturekit: error: [^\r]*" + Pattern.quote(message)
                    + "[^\r]*\r\nexit /b 127\r\n").matcher(cmd);
            assertTrue(said.find(), message);
        }
        String bash = read(BASH);
        for (String message : List.of("no $options: install culturekit.jvmopts beside the launcher",
                "no culturekit.jar in ", "CULTUREKIT_JAR: $jar is not a file", "JAVA_HOME is $JAVA_HOME, but ",
                "no java on the PATH; install Java 17 or newer, or set JAVA_HOME")) {
            assertTrue(bash.contains("die \"" + message), message);
        }
    }

    @Test
    void everyJumpOfTheBatchFileHasItsLabel() throws IOException {
        Set<String> labels = new TreeSet<>();
        Set<String> targets = new LinkedHashSet<>();
        Pattern jump = Pattern.compile("\\b(?:goto|call) :?([\\w]+)", Pattern.CASE_INSENSITIVE);
        for (String line : cmdLines()) {
            if (line.startsWith(":")) {
                labels.add(line.substring(1).toLowerCase(Locale.ROOT));
            } else if (!line.startsWith("rem ")) {
                for (Matcher target = jump.matcher(line); target.find(); ) {
                    if (!target.group(1).equalsIgnoreCase("eof") && !target.group(1).equalsIgnoreCase("set")) {
                        targets.add(target.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertFalse(targets.isEmpty());
        for (String target : targets) {
            assertTrue(labels.contains(target), "goto/call " + target + " has no label; labels: " + labels);
        }
    }

    @Test
    void theFixedOptionsLiveOnlyInTheArgumentFile() throws IOException {
        List<String> options = argumentFileOptions();
        assertFalse(options.isEmpty());
        for (String option : options) {
            assertTrue(option.startsWith("-X") || option.startsWith("-D"), "a JVM option, not " + option);
            assertFalse(read(BASH).contains(option), "bin/culturekit repeats " + option);
            assertFalse(read(CMD).contains(option), "bin/culturekit.cmd repeats " + option);
        }
    }

    @Test
    void theBatchFileComputesOnlyOptionsTheBashLauncherComputesToo() throws IOException {
        // what bin/culturekit.cmd adds, with the values it picks between: each one bin/culturekit adds too
        Pattern option = Pattern.compile("-X[\\w:+=]+(?:%young%|%survivors%)?");
        String bash = read(BASH);
        Set<String> added = new TreeSet<>();
        for (String line : cmdLines()) {
            if (line.startsWith("set \"flags=") || line.startsWith("set archive_flag=")
                    || line.contains("set \"flags=")) {
                for (Matcher found = option.matcher(line); found.find(); ) {
                    added.add(found.group());
                }
            }
        }
        assertEquals(Set.of("-XX:+UseSerialGC", "-Xmn%young%", "-XX:SurvivorRatio=%survivors%",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:SharedArchiveFile="), added);
        assertTrue(bash.contains("-XX:+UseSerialGC") && bash.contains("\"-Xmn$young\"")
                && bash.contains("\"-XX:SurvivorRatio=$survivors\"") && bash.contains("-XX:TieredStopAtLevel=1")
                && bash.contains("-XX:CICompilerCount=1") && bash.contains("\"-XX:SharedArchiveFile=$archive\""));
        // the same thresholds: 4 MiB for the young generation, 384 MiB for the compilers
        assertTrue(read(CMD).contains("if %total% geq 4194304 set \"young=44m\""));
        assertTrue(read(CMD).contains("if %total% geq 402653184 goto compilers_chosen"));
        assertTrue(bash.contains("\"$total\" -lt $((4 * 1024 * 1024))") && bash.contains("limit=$((384 * 1024 * 1024))"));
    }
}
