package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two example waves (2026-Q2, then examples/survey.csv as 2026-Q4) with known changes: psychological safety
 * improved significantly, customer empathy did not move, the "learning from mistakes" say-do gap narrowed.
 */
class WavesTest {
    @TempDir Path dir;
    private Path q2;

    @BeforeEach
    void scoreTheFirstWave() {
        q2 = dir.resolve("waves/2026-q2");
        CliRun.of("report", "examples/survey-2026-q2.csv", "--wave", "2026-Q2", "-f", "json", "-o", q2.toString())
                .assertExit(ExitCodes.OK);
    }

    private CliRun q4(String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"report", "examples/survey.csv", "--wave", "2026-Q4", "-o",
            dir.resolve("waves/2026-q4").toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return CliRun.of(args);
    }

    private JsonNode results() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("waves/2026-q4/results.json").toFile());
    }

    @Test
    void baselineShowsTheRealChangeAndNotTheNoise() throws IOException {
        q4("--baseline", q2.resolve("results.json").toString()).assertExit(ExitCodes.OK);
        JsonNode changes = results().get("changes");
        assertEquals("2026-Q2", changes.get("baselineWave").asText());
        assertTrue(changes.get("sameQuestionnaire").asBoolean());
        JsonNode safety = changes.at("/indices/0");
        assertEquals("safety", safety.get("id").asText());
        assertTrue(safety.get("delta").asDouble() > 0.2 && safety.get("significant").asBoolean(), safety.toString());
        JsonNode empathy = changes.at("/indices/3");
        assertEquals("empathy", empathy.get("id").asText());
        assertFalse(empathy.get("significant").asBoolean(), empathy.toString());
        JsonNode learning = changes.get("sayDo").get(1);
        assertEquals("learning_from_mistakes", learning.get("id").asText());
        assertTrue(learning.get("delta").asDouble() < 0 && learning.get("significant").asBoolean());
        String md = Files.readString(dir.resolve("waves/2026-q4/report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Change since 2026-Q2"), md);
        assertTrue(md.contains("| Psychological safety | 54 | 63 | **▲ +9** |"), md);
        String html = Files.readString(dir.resolve("waves/2026-q4/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2>Change since 2026-Q2</h2>"));
    }

    @Test
    void historyAddsATrendOfEveryWaveInOrder() throws IOException {
        q4("--history", dir.resolve("waves").toString()).assertExit(ExitCodes.OK);
        String md = Files.readString(dir.resolve("waves/2026-q4/report.md"), StandardCharsets.UTF_8);
        int q2Row = md.indexOf("| 2026-Q2 | 54 |");
        int q4Row = md.indexOf("| 2026-Q4 | 63 |");
        assertTrue(q2Row > 0 && q4Row > q2Row, md);
        assertTrue(Files.readString(dir.resolve("waves/2026-q4/report.html"), StandardCharsets.UTF_8)
                .contains("<polyline class=\"line\""));
    }

    @Test
    void anUnlabelledBaselineIsNamedByItsFileNotItsFolder() throws IOException {
        Path unlabelled = dir.resolve("culture-report/2026-q2");
        CliRun.of("report", "examples/survey-2026-q2.csv", "-f", "json", "-o", unlabelled.toString())
                .assertExit(ExitCodes.OK);

        q4("--baseline", unlabelled.resolve("results.json").toString()).assertExit(ExitCodes.OK);

        // named as given, but never by an absolute path of this machine: outside the working folder, by its
        // last folder and file
        String name = WaveFiles.name(unlabelled.resolve("results.json"));
        assertEquals("2026-q2/results.json", name);
        assertEquals(name, results().get("changes").get("baselineWave").asText());
        String md = Files.readString(dir.resolve("waves/2026-q4/report.md"), StandardCharsets.UTF_8);
        String heading = md.lines().filter(line -> line.startsWith("## Change since ")).findFirst().orElseThrow();
        assertTrue(heading.endsWith("2026-q2/results.json"), heading);
    }

    @Test
    void aWaveFileIsNamedAsGivenOrFromTheWorkingFolder() {
        assertEquals("culture-report/2026-q2/results.json",
                WaveFiles.name(Path.of("culture-report/./2026-q2/results.json")));
        assertEquals("culture-report/2026-q2/results.json",
                WaveFiles.name(Path.of("culture-report/2026-q2/results.json").toAbsolutePath()));
    }

    @Test
    void historyKeepsTheFirstOfTwoResultsOfOneWaveAndSaysSo() throws IOException {
        // a second 2026-Q2, mislabelled (it is the Q4 data): the first in path order, waves/2026-q2, is kept
        Path mislabelled = dir.resolve("waves/2026-q3");
        CliRun.of("report", "examples/survey.csv", "--wave", "2026-Q2", "-f", "json", "-o", mislabelled.toString())
                .assertExit(ExitCodes.OK);

        CliRun run = q4("--history", dir.resolve("waves").toString()).assertExit(ExitCodes.OK);

        run.assertErrContains("warning: --history: " + WaveFiles.name(q2.resolve("results.json")) + " and "
                + WaveFiles.name(mislabelled.resolve("results.json")) + " are both wave '2026-Q2'; the trend shows "
                + WaveFiles.name(q2.resolve("results.json")));
        String md = Files.readString(dir.resolve("waves/2026-q4/report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| 2026-Q2 | 54 |"), md);
        assertEquals(1, md.split("\\| 2026-Q2 \\|", -1).length - 1, md);
    }

    @Test
    void aGateNamesItsThresholdAsGivenNotRounded() {
        q4("--fail-on-gap", "0.01").assertExit(ExitCodes.GATE_BREACHED)
                .assertErrContains("over 0.01 (--fail-on-gap 0.01)");
    }

    @Test
    void aBreachedGateExits4AfterWritingEveryReport() throws IOException {
        CliRun run = q4("--baseline", q2.resolve("results.json").toString(), "--fail-under", "recognition=50",
                "--fail-on-drop", "recognition=1", "--fail-on-gap", "0.5", "--fail-under", "safety=50")
                .assertExit(ExitCodes.GATE_BREACHED)
                .assertErrContains("gate breached: Recognition scores 48.9, under 50 (--fail-under recognition=50)")
                .assertErrContains("gate breached: Recognition fell 1.7 points since the baseline, from 50.6 to 48.9")
                .assertErrContains("gate breached: the say-do gap is 0.8 scale points, over 0.5");
        assertEquals(3, run.err().lines().filter(l -> l.startsWith("gate breached")).count(), run.err());
        assertEquals(3, results().get("gatesBreached").size());
        assertTrue(Files.readString(dir.resolve("waves/2026-q4/report.md"), StandardCharsets.UTF_8)
                .contains("## Gates breached"));
        assertTrue(Files.exists(dir.resolve("waves/2026-q4/report.html")));
    }

    @Test
    void gatesThatHoldExit0() {
        q4("--baseline", q2.resolve("results.json").toString(), "--fail-under", "safety=50", "--fail-on-drop",
                "safety=5", "--fail-on-gap", "1.5").assertExit(ExitCodes.OK);
    }

    @Test
    void gatesAreCheckedAsUsage() {
        q4("--fail-on-drop", "safety=5").assertExit(ExitCodes.USAGE).assertErrContains("needs --baseline");
        q4("--fail-under", "saftey=50").assertExit(ExitCodes.USAGE).assertErrContains("no index 'saftey'");
        q4("--fail-under", "safety").assertExit(ExitCodes.USAGE).assertErrContains("write INDEX=NUMBER");
    }

    @Test
    void summaryPrintsOneLineOfJsonAndQuietPrintsNothing() throws IOException {
        CliRun summary = q4("--summary", "--fail-under", "recognition=50").assertExit(ExitCodes.GATE_BREACHED);
        assertEquals(1, summary.out().lines().count(), summary.out());
        JsonNode line = new ObjectMapper().readTree(summary.out());
        assertEquals(330, line.get("scored").asInt());
        assertEquals("2026-Q4", line.get("wave").asText());
        assertEquals(1, line.get("gatesBreached").size());
        // the example's exports have no timestamps, so no date unless one is given
        assertTrue(line.get("date").isNull(), summary.out());
        CliRun quiet = q4("--quiet").assertExit(ExitCodes.OK);
        assertEquals("", quiet.out());
        assertEquals("", quiet.err());
    }

    @Test
    void theSummaryEndsWithTheReportsDateAfterTheKeysScriptsAlreadyRead() throws IOException {
        CliRun summary = q4("--summary", "--date", "2026-11-30", "-f", "json").assertExit(ExitCodes.OK);
        JsonNode line = new ObjectMapper().readTree(summary.out());
        List<String> keys = new ArrayList<>();
        line.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("wave", "read", "scored", "score100", "sayDoGap", "enps", "gatesBreached", "date"), keys);
        assertEquals("2026-11-30", line.get("date").asText());
        assertEquals(results().get("date"), line.get("date"), "the same date as results.json");
    }

    @Test
    void theSummaryLineShowsControlsAsJsonEscapesOfTheSameText() throws IOException {
        String wave = "2026-Q4\u202e\u0085\u001b[31m";
        CliRun summary = CliRun.of("report", "examples/survey.csv", "--wave", wave, "--summary", "-o",
                dir.resolve("out").toString()).assertExit(ExitCodes.OK);
        assertTrue(summary.out().contains("\"2026-Q4\\u202E\\u0085\\u001B[31m\""), summary.out());
        assertEquals(wave, new ObjectMapper().readTree(summary.out()).get("wave").asText());
    }

    @Test
    void aBaselineFromAnotherQuestionnaireVersionSaysWhatCanBeCompared() throws IOException {
        Path edited = dir.resolve("edited.yaml");
        String yaml = new String(getClass().getClassLoader()
                .getResourceAsStream("questionnaires/customer-centric-culture.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        // reword one safety item: the safety index no longer measures the same thing
        Files.writeString(edited, yaml.replace("On this team I can raise a problem without being blamed for it.",
                "On this team I can raise a problem."), StandardCharsets.UTF_8);
        CliRun.of("report", "-q", edited.toString(), "examples/survey-2026-q2.csv", "--wave", "old", "-f", "json",
                "-o", dir.resolve("old").toString()).assertExit(ExitCodes.OK);
        q4("--baseline", dir.resolve("old/results.json").toString()).assertExit(ExitCodes.OK);
        JsonNode changes = results().get("changes");
        assertFalse(changes.get("sameQuestionnaire").asBoolean());
        assertFalse(changes.at("/indices/0/comparable").asBoolean());
        assertEquals("its items changed since the baseline", changes.at("/indices/0/reason").asText());
        assertTrue(changes.at("/indices/3/comparable").asBoolean(), "empathy is unchanged");
        assertEquals(0, changes.get("onlyInThisWave").size(), "the item ids are the same; only a text changed");
    }

    @Test
    void aBaselineThatIsNotResultsIsRefused() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"hello\": 1}", StandardCharsets.UTF_8);
        q4("--baseline", bad.toString()).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("is not a culturekit results.json");
    }
}
