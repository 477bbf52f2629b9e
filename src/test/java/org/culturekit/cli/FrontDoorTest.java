package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22, "the front door": mistakes on the command line and in the inputs fail loudly and say what to do. */
class FrontDoorTest {
    static final String EXAMPLE = "examples/survey.csv";

    @TempDir Path dir;

    /** The example with the columns of safety_1 and safety_2 renamed, so they map to no item. */
    static Path partialExport(Path dir) throws Exception {
        String text = Files.readString(Path.of(EXAMPLE), StandardCharsets.UTF_8)
                .replaceFirst("On this team I can raise a problem without being blamed for it\\.", "Renamed one")
                .replaceFirst("People here keep quiet about their own errors because owning up would count "
                        + "against them\\.", "Renamed two");
        Path csv = dir.resolve("partial.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void anExportOfAnotherQuestionnaireFailsNamingItsItemsAndTheWayOut() {
        CliRun run = CliRun.of("report", "examples/pulse.csv", "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("only 6 of the 55 scored items of questionnaire 'customer-centric-culture'")
                .assertErrContains("trust_1, trust_2")
                .assertErrContains("and 37 more")
                .assertErrContains("-q FILE")
                .assertErrContains("culturekit inspect --suggest");
        assertFalse(Files.exists(dir.resolve("out")), run.err());
    }

    @Test
    void aPartlyMappedExportListsEveryMissingItemAndShortIndexOnStderrAndInTheReports() throws Exception {
        Path out = dir.resolve("out");
        CliRun.of("report", partialExport(dir).toString(), "-o", out.toString())
                .assertExit(ExitCodes.OK)
                .assertErrContains("2 of the 55 scored items have no column: safety_1, safety_2")
                .assertErrContains("scored from fewer items than they define: Psychological safety (4 of 6 items)");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(html.contains("No export had a column for 2 scored items: safety_1, safety_2")
                && html.contains("Psychological safety (4 of 6 items)"), "html method section");
        assertTrue(md.contains("No export had a column for 2 scored items: safety_1, safety_2")
                && md.contains("Psychological safety (4 of 6 items)"), "md method section");
        JsonNode rows = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("rows");
        assertEquals("[\"safety_1\",\"safety_2\"]", rows.path("unmappedItems").toString());
    }

    @Test
    void aFullyMappedExportHasNoUnmappedItemsKey() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("report", EXAMPLE, "-o", out.toString(), "-f", "json").assertExit(ExitCodes.OK);
        assertFalse(run.err().contains("scored items have no column"), run.err());
        assertTrue(new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("rows")
                .path("unmappedItems").isMissingNode());
    }

    @Test
    void aDirectoryGivenAsAnExportIsNamedAsOne() {
        CliRun.of("report", "examples", "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.INVALID_INPUT).assertErrContains("examples: is a directory");
    }

    @Test
    void invitedFewerThanTheRespondentsScoredIsAUsageError() {
        CliRun.of("report", EXAMPLE, "--invited", "300", "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.USAGE)
                .assertErrContains("--invited 300 is fewer than the 330 respondents scored")
                .assertErrContains("Try 'culturekit report --help' for more information.");
        assertFalse(Files.exists(dir.resolve("out")));
        CliRun.of("report", EXAMPLE, "--invited", "330", "-o", dir.resolve("out").toString(), "-f", "json")
                .assertExit(ExitCodes.OK);
    }

    @Test
    void aMistypedBuiltinIdSuggestsTheClosestAndListsThemAll() {
        CliRun.of("report", "-q", "builtin:custmer-centric", EXAMPLE, "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("did you mean builtin:customer-centric-culture?")
                .assertErrContains("builtin:psych-safety-pulse, builtin:say-do-values-audit");
    }

    @Test
    void aUsageErrorPrintsTheErrorAndOneLinePointingToHelp() {
        CliRun run = CliRun.of("report", "--zzzz", EXAMPLE).assertExit(ExitCodes.USAGE);
        assertEquals("Unknown option: '--zzzz'\nTry 'culturekit report --help' for more information.\n",
                run.err().replace("\r\n", "\n"));
        CliRun typo = CliRun.of("reprt", EXAMPLE).assertExit(ExitCodes.USAGE)
                .assertErrContains("Did you mean: culturekit report")
                .assertErrContains("Try 'culturekit --help' for more information.");
        assertFalse(typo.err().contains("Usage:"), typo.err());
    }

    @Test
    void aTemplateErrorNamesTheMissingVariable() throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("report.ftlh"), "<p>\n<p>${report.foo}</p>\n", StandardCharsets.UTF_8);
        CliRun.of("report", EXAMPLE, "--template-dir", templates.toString(), "-f", "html",
                        "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("error: template report.ftlh:2: report.foo is not defined");
    }

    /** Five respondents in each tenure group, the groups in no order: {@code Team} holds the tenure. */
    static Path tenureExport(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("ResponseId,Team,safety_1,safety_3\n");
        int id = 0;
        for (String tenure : List.of("10+ years", "3–10 years", "< 1 year", "1–3 years")) {
            for (int r = 0; r < 5; r++) {
                csv.append("R").append(++id).append(',').append(tenure).append(",Agree,")
                        .append(r % 2 == 0 ? "Agree" : "Disagree").append('\n');
            }
        }
        Path file = dir.resolve("tenure.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    static List<String> groups(Path resultsJson) throws Exception {
        List<String> labels = new java.util.ArrayList<>();
        new ObjectMapper().readTree(resultsJson.toFile()).at("/segments/0/groups")
                .forEach(group -> labels.add(group.path("value").asText()));
        return labels;
    }

    @Test
    void groupsAreInNaturalOrder() throws Exception {
        Path out = dir.resolve("out");
        CliRun.of("report", "-q", CliTest.SMALL, tenureExport(dir).toString(), "-f", "json", "-o", out.toString())
                .assertExit(ExitCodes.OK);
        assertEquals(List.of("< 1 year", "1–3 years", "3–10 years", "10+ years"),
                groups(out.resolve("results.json")));
    }

    @Test
    void countsInMessagesAgreeWithTheirNouns() throws Exception {
        CliRun.of("validate", "-q", CliTest.SMALL).assertExit(ExitCodes.OK)
                .assertOutContains("(2 items, 1 index, 0 say-do pairs, 1 segment)");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "ResponseId,Team,safety_1,safety_3\nR1,A,Agree,Agree\n", StandardCharsets.UTF_8);
        CliRun.of("validate", "-q", CliTest.SMALL, one.toString()).assertExit(ExitCodes.OK)
                .assertOutContains("1 row read: 1 would be scored, 0 left out");
        CliRun.of("questionnaires", "list").assertExit(ExitCodes.OK).assertOutContains("1 say-do pair ");
        CliRun.of("questionnaires", "show", "psych-safety-pulse").assertExit(ExitCodes.OK)
                .assertOutContains("(6 items");
    }

    /** Five respondents, then R1 again with the same answers and R2 again with others. */
    static Path duplicatesExport(Path dir) throws Exception {
        Path csv = dir.resolve("dup.csv");
        Files.writeString(csv, "ResponseId,Team,safety_1,safety_3\nR1,A,Agree,Agree\nR2,A,Agree,Disagree\n"
                + "R3,A,Agree,Agree\nR4,A,Agree,Agree\nR5,A,Agree,Agree\nR1,A,Agree,Agree\nR2,B,Agree,Agree\n",
                StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void aRepeatedRespondentIsNamedWithBothLinesAndWhetherTheAnswersDiffer() throws Exception {
        Path csv = duplicatesExport(dir);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "ResponseId,Team,safety_1,safety_3\nR3,A,Disagree,Agree\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun.of("report", "-q", CliTest.SMALL, csv.toString(), other.toString(), "-f", "json", "-o",
                        out.toString())
                .assertExit(ExitCodes.OK)
                .assertErrContains("warning: " + csv + ":7: repeats " + csv + ":2 (the same respondent id and "
                        + "answers); left out")
                .assertErrContains("warning: " + csv + ":8: repeats the respondent id of " + csv + ":3 with "
                        + "different answers; left out, the first is scored")
                .assertErrContains("warning: " + other + ":2: repeats the respondent id of " + csv + ":4 with "
                        + "different answers")
                .assertErrContains("3 rows repeat a respondent id: 2 with different answers, 1 identical; the first "
                        + "occurrence of each is scored");
        assertEquals(5, new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/rows/scored").asInt());
    }

    @Test
    void strictMakesDifferentAnswersOfOneRespondentAnErrorButNotIdenticalRepeats() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("report", "--strict", "-q", CliTest.SMALL, duplicatesExport(dir).toString(), "-o",
                        out.toString())
                .assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("error: " + dir.resolve("dup.csv") + ":8: repeats the respondent id of "
                        + dir.resolve("dup.csv") + ":3 with different answers");
        assertFalse(run.err().contains(":7:"), "an identical repeat is no error: " + run.err());
        assertFalse(Files.exists(out));
        Path same = dir.resolve("same.csv");
        Files.writeString(same, "ResponseId,Team,safety_1,safety_3\nR1,A,Agree,Agree\nR2,A,Agree,Disagree\n"
                + "R3,A,Agree,Agree\nR4,A,Agree,Agree\nR5,A,Agree,Agree\nR1,A,Agree,Agree\n", StandardCharsets.UTF_8);
        CliRun.of("report", "--strict", "-q", CliTest.SMALL, same.toString(), "-f", "json", "-o", out.toString())
                .assertExit(ExitCodes.OK).assertErrContains("1 row repeats a respondent id: 0 with different "
                        + "answers, 1 identical");
    }

    @Test
    void manyRepeatsAreListedTenThenCounted() throws Exception {
        StringBuilder text = new StringBuilder("ResponseId,Team,safety_1,safety_3\n");
        for (int r = 0; r < 15; r++) {
            text.append("R").append(r).append(",A,Agree,Agree\n");
        }
        for (int r = 0; r < 15; r++) {
            text.append("R").append(r).append(",A,Agree,Disagree\n");
        }
        Path csv = dir.resolve("many.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("report", "-q", CliTest.SMALL, csv.toString(), "-f", "json", "-o",
                        dir.resolve("out").toString())
                .assertExit(ExitCodes.OK)
                .assertErrContains("… and 5 more rows repeating a respondent id")
                .assertErrContains("15 rows repeat a respondent id: 15 with different answers, 0 identical");
        assertEquals(10, run.err().lines().filter(line -> line.contains("repeats the respondent id of")).count());
    }

    @Test
    void aHeaderWithoutResponsesIsAWarningAndUnderStrictAnError() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "ResponseId,Team,safety_1,safety_3\n", StandardCharsets.UTF_8);
        Path full = duplicatesExport(dir);
        CliRun.of("report", "-q", CliTest.SMALL, full.toString(), empty.toString(), "-f", "json", "-o",
                        dir.resolve("out").toString())
                .assertExit(ExitCodes.OK)
                .assertErrContains("warning: " + empty + ": the header rows are there but no responses follow");
        CliRun.of("report", "--strict", "-q", CliTest.SMALL, full.toString(), empty.toString(), "-f", "json", "-o",
                        dir.resolve("strict").toString())
                .assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("error: " + empty + ": the header rows are there but no responses follow");
    }

    @Test
    void reportsGetTheModeANewFileGetsAndTheRejectsFileStaysPrivate() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        // what the umask of this JVM gives a new file
        var plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path out = dir.resolve("out");
        CliRun.of("report", EXAMPLE, "-f", "json,md", "-o", out.toString(), "--rejects",
                dir.resolve("rejects.csv").toString()).assertExit(ExitCodes.OK);
        assertEquals(plain, Files.getPosixFilePermissions(out.resolve("results.json")));
        assertEquals(plain, Files.getPosixFilePermissions(out.resolve("report.md")));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("rejects.csv"))));
        CliRun.of("init", dir.resolve("init").toString()).assertExit(ExitCodes.OK);
        assertEquals(plain, Files.getPosixFilePermissions(dir.resolve("init/README.md")));
    }

    @Test
    void initSaysHowToRunCulturekitAndQuotesAPathForTheShell() {
        // from the build's classes there is no jar to name
        CliRun.of("init", dir.resolve("init").toString()).assertExit(ExitCodes.OK)
                .assertOutContains("then run: " + InitCommand.runCommand() + " validate -q ");
        assertEquals("/opt/culturekit/culturekit.jar", InitCommand.shellWord("/opt/culturekit/culturekit.jar"));
        assertEquals("'/my tools/it'\\''s.jar'", InitCommand.shellWord("/my tools/it's.jar"));
    }
}
