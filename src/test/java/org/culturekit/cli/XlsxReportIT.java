package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report -f xlsx} run as users run it, by {@code java -jar} and by {@code bin/culturekit}: the workbook is
 * written with the other outputs, and is the same file from both, in any time zone and locale, at any time.
 */
@DisabledOnOs(OS.WINDOWS)
class XlsxReportIT {
    private static final Path JAR = Path.of("target/culturekit.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("bin/culturekit").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("examples/survey.csv").toAbsolutePath();

    @TempDir Path dir;

    private ProcessRun java(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA.toString(), "-Duser.language=de",
                "-Duser.country=DE", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, environment);
    }

    private ProcessRun launcher(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA_HOME",
                ProcessRun.JAVA.getParent().getParent().toString(), "JAVA_OPTS", "", "CULTUREKIT_JAVA_OPTS", ""));
        env.putAll(environment);
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, command, env);
    }

    @Test
    void theJarAndTheLauncherWriteTheSameWorkbookInAnyTimeZone() throws Exception {
        ProcessRun jar = java(Map.of("TZ", "Pacific/Kiritimati", "LC_ALL", "C"), "report", EXAMPLE.toString(),
                "-f", "json,xlsx", "-o", "jar");
        assertEquals(0, jar.code(), jar.err());
        assertTrue(jar.out().contains("report.xlsx"), jar.out());
        ProcessRun launched = launcher(Map.of("TZ", "America/St_Johns"), "report", EXAMPLE.toString(), "-f", "xlsx",
                "-o", "launcher");
        assertEquals(0, launched.code(), launched.err());

        byte[] first = Files.readAllBytes(dir.resolve("jar/report.xlsx"));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("launcher/report.xlsx")));
        try (ZipFile zip = new ZipFile(dir.resolve("jar/report.xlsx").toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("xl/workbook.xml") && names.contains("docProps/core.xml"), names.toString());
            String core = new String(zip.getInputStream(zip.getEntry("docProps/core.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(core.contains(">1980-01-02T00:00:00Z<"), "a fixed creation date: " + core);
        }
    }

    @Test
    void anUnknownFormatNamesXlsxAmongTheChoices() throws Exception {
        ProcessRun run = launcher(Map.of(), "report", EXAMPLE.toString(), "-f", "xls", "-o", "out");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("XLSX"), run.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }
}
