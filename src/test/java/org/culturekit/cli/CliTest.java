package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line end to end, one test per exit code and the README's quick start. */
class CliTest {
    private static final String EXAMPLE = "examples/survey.csv";
    /** A questionnaire of two items, for exports of a column or two (the default one would refuse them). */
    static final String SMALL = "src/test/resources/cli/safety.yaml";

    @TempDir Path dir;

    @Test
    void bareCommandPrintsUsageAndExits2() {
        CliRun.of().assertExit(ExitCodes.USAGE).assertErrContains("Usage: culturekit");
    }

    @Test
    void unknownOptionExits2() {
        CliRun.of("report", "--no-such-option", EXAMPLE).assertExit(ExitCodes.USAGE)
                .assertErrContains("Unknown option");
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help").assertExit(ExitCodes.OK);
        assertTrue(run.out().contains("report") && run.out().contains("validate"), run.out());
        assertTrue(run.out().contains("4   a CI gate was breached"), run.out());
    }

    @Test
    void versionPrints() {
        CliRun.of("--version").assertExit(ExitCodes.OK).assertOutContains("culturekit");
    }

    @Test
    void reportWritesTheThreeReportsIntoTheOutputFolder() throws IOException {
        Path out = dir.resolve("out");
        CliRun.of("report", EXAMPLE, "-o", out.toString()).assertExit(ExitCodes.OK)
                .assertOutContains("Scored 330 of 330 rows");
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertTrue(Files.size(out.resolve(name)) > 1000, name);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(330, json.at("/rows/read").asInt());
        assertEquals("customer-centric-culture", json.at("/questionnaire/id").asText());
        try (var files = Files.list(out)) {
            assertEquals(3, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void reportWritesOnlyTheChosenFormats() throws IOException {
        Path out = dir.resolve("out");
        CliRun.of("report", EXAMPLE, "-f", "json", "-o", out.toString()).assertExit(ExitCodes.OK);
        try (var files = Files.list(out)) {
            assertEquals(List.of(out.resolve("results.json")), files.toList());
        }
    }

    @Test
    void sameInputsGiveByteIdenticalOutputsUnderAnyLocaleAndTimeZone() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        CliRun.of("report", EXAMPLE, "-o", first.toString()).assertExit(ExitCodes.OK);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            CliRun.of("report", EXAMPLE, "-o", second.toString()).assertExit(ExitCodes.OK);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        for (String name : List.of("report.html", "report.md", "results.json")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
    }

    @Test
    void unreadableAnswersAreListedAndReadAsMissing() throws IOException {
        Path csv = dir.resolve("bad.csv");
        // five more readable rows: a survey of fewer than the minimum group size is refused
        Files.writeString(csv, "ResponseId,Team,safety_1,safety_3\nR1,A,Agree,Agree\nR2,A,Agreee,Agree\n"
                + "R3,A,Agree,Agree\nR4,A,Agree,Agree\nR5,A,Agree,Agree\nR6,A,Agree,Agree\nR7,A,Agree,Agree\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun.of("report", "-q", SMALL, csv.toString(), "-f", "json", "-o", out.toString()).assertExit(ExitCodes.OK)
                .assertErrContains("warning: " + csv + ":3:3: item 'safety_1': 'Agreee' is not an answer")
                .assertErrContains("1 answer could not be read and was treated as missing");
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(7, json.at("/indices/0/n").asInt());
        assertEquals(6, json.at("/indices/0/items/0/n").asInt());
    }

    @Test
    void strictMakesUnreadableAnswersExit1AndWritesNothing() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "ResponseId,Team,safety_1\nR1,A,Agree\nR2,A,Agreee\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun.of("report", "-q", SMALL, "--strict", csv.toString(), "-o", out.toString()).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("error: " + csv + ":3:3: item 'safety_1': 'Agreee' is not an answer");
        assertFalse(Files.exists(out));
    }

    @Test
    void aRejectsFileIsPublishedOnlyWithASuccessfulRunAndAnUnwritableOneIsAnError() throws IOException {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "ResponseId,Team,safety_1\nR1,A,Agree\nR2,A,Agreee\n", StandardCharsets.UTF_8);
        Path rejects = dir.resolve("new").resolve("rejects.csv");
        CliRun.of("report", "-q", SMALL, "--strict", csv.toString(), "-f", "json", "-o", dir.resolve("out").toString(),
                "--rejects", rejects.toString()).assertExit(ExitCodes.INVALID_INPUT);
        assertFalse(Files.exists(dir.resolve("new")), "no rejects file, nor the folder made for it");
        Path file = dir.resolve("file");
        Files.writeString(file, "in the way", StandardCharsets.UTF_8);
        CliRun.of("report", "-q", SMALL, csv.toString(), "-f", "json", "-o", dir.resolve("out").toString(), "--rejects",
                file.resolve("rejects.csv").toString()).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("choose another --rejects path");
    }

    @Test
    void rejectsFileListsEveryLeftOutOrFaultyRowWithReasons() throws IOException {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "ResponseId,Team,safety_1\nR1,A,Agree\nR2,A,Agreee\nR1,B,Agree\nR3,B,\n"
                + "R4,C,Agree\nR5,C,Agree\nR6,C,Agree\nR7,C,Agree\nR8,C,Agree\n", StandardCharsets.UTF_8);
        Path rejects = dir.resolve("rejects.csv");
        CliRun.of("report", "-q", SMALL, csv.toString(), "-f", "json", "-o", dir.resolve("out").toString(), "--rejects",
                rejects.toString()).assertExit(ExitCodes.OK);
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertEquals("file,line,reasons,cells…", lines.get(0));
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith(csv + ",3,\"item 'safety_1': 'Agreee' is not an answer"), lines.get(1));
        assertTrue(lines.get(2).startsWith(csv + ",4,duplicate respondent id,R1,B,Agree"), lines.get(2));
        assertTrue(lines.get(3).startsWith(csv + ",5,no answers,R3,B,"), lines.get(3));
    }

    @Test
    void aMissingFileExits1() {
        CliRun.of("report", dir.resolve("missing.csv").toString(), "-o", dir.toString())
                .assertExit(ExitCodes.INVALID_INPUT).assertErrContains("missing.csv: no such file");
    }

    @Test
    void aBrokenTemplateExits1AndLeavesEarlierReportsUntouched() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.html"), "previous", StandardCharsets.UTF_8);
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("report.ftlmd"), "${report.nope}", StandardCharsets.UTF_8);
        CliRun.of("report", EXAMPLE, "-o", out.toString(), "--template-dir", templates.toString())
                .assertExit(ExitCodes.INVALID_INPUT).assertErrContains("error: template report.ftlmd:1:");
        assertEquals("previous", Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
        try (var files = Files.list(out)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aTemplateFailingMidwayLeavesEveryTargetAsItWasAndNoNewFolder() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        byte[] previous = "previous report\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("report.md"), previous);
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        // about 250,000 characters, several of the staged file's pieces, on disk before the failure
        Files.writeString(templates.resolve("report.ftlmd"),
                "<#list 1..20000 as i>line ${i} of a long report\n</#list>${report.nope}", StandardCharsets.UTF_8);
        CliRun.of("report", EXAMPLE, "-f", "json,md,html", "-o", out.toString(), "--template-dir",
                templates.toString()).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("error: template report.ftlmd:2:");
        assertArrayEquals(previous, Files.readAllBytes(out.resolve("report.md")));
        try (var files = Files.list(out)) {
            assertEquals(List.of(out.resolve("report.md")), files.toList(), "no temporary file, no other output");
        }
        Path fresh = dir.resolve("new").resolve("out");
        CliRun.of("report", EXAMPLE, "-o", fresh.toString(), "--template-dir", templates.toString())
                .assertExit(ExitCodes.INVALID_INPUT);
        assertFalse(Files.exists(dir.resolve("new")), "the folders made for the outputs are gone again");
    }

    @Test
    void refusesToOverwriteAnInput() throws IOException {
        Path csv = dir.resolve("results.json");
        Files.copy(Path.of(EXAMPLE), csv);
        CliRun.of("report", csv.toString(), "-o", dir.toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("would overwrite an input file");
    }

    @Test
    void everyCommandThatReadsExportsRefusesAHeaderOfTooManyColumns() throws IOException {
        Path wide = dir.resolve("wide.csv");
        StringBuilder header = new StringBuilder("ResponseId,Team,safety_1");
        for (int c = 0; c < 30_000; c++) {
            header.append(",x").append(c);
        }
        Files.writeString(wide, header + "\nR1,A,Agree" + ",".repeat(30_000) + "\n", StandardCharsets.UTF_8);
        String message = "error: " + wide + ":1: the row on this line has more than 20000 columns (--max-columns "
                + "20000)";
        CliRun.of("report", wide.toString(), "-o", dir.resolve("out").toString()).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains(message);
        CliRun.of("validate", wide.toString()).assertExit(ExitCodes.INVALID_INPUT).assertErrContains(message);
        CliRun.of("inspect", wide.toString()).assertExit(ExitCodes.INVALID_INPUT).assertErrContains(message);
        assertFalse(Files.exists(dir.resolve("out")));
        // the limit is the user's: lower, every path keeps to it; higher, the file is read
        CliRun.of("validate", "--max-columns", "2", EXAMPLE).assertExit(ExitCodes.INVALID_INPUT)
                .assertErrContains("error: " + EXAMPLE + ":1: the row on this line has more than 2 columns "
                        + "(--max-columns 2)");
        CliRun.of("inspect", "--max-columns", "30003", wide.toString()).assertExit(ExitCodes.OK);
        CliRun.of("report", "--max-columns", "0", EXAMPLE).assertExit(ExitCodes.USAGE)
                .assertErrContains("--max-columns must be at least 1");
        assertTrue(CliRun.of("report", "--help").out().contains("--max-columns=N"));
    }

    @Test
    void anInternalErrorExits3WithOneLineAndNoData() {
        @Command(name = "boom")
        class Boom implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("respondent said SECRET-VALUE");
            }
        }
        CommandLine commandLine = new CommandLine(new Boom()).setExecutionExceptionHandler(new InputErrorHandler());
        CliRun run = CliRun.with(commandLine).assertExit(ExitCodes.INTERNAL_ERROR)
                .assertErrContains("internal error: java.lang.IllegalStateException");
        assertFalse(run.err().contains("SECRET-VALUE"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void validateAcceptsTheBundledQuestionnaireAndTheExample() {
        CliRun.of("validate", EXAMPLE).assertExit(ExitCodes.OK)
                .assertOutContains("questionnaire 'customer-centric-culture'")
                .assertOutContains("330 rows read: 330 would be scored");
    }

    @Test
    void validateListsEveryProblemOfABrokenQuestionnaire() throws IOException {
        Path q = dir.resolve("q.yaml");
        Files.writeString(q, "id: Bad Id\ntitle: T\nitems:\n  - id: a\n    text: A\n    scale: nope\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("validate", "-q", q.toString()).assertExit(ExitCodes.INVALID_INPUT);
        assertTrue(run.err().lines().count() >= 2, run.err());
        assertTrue(run.err().contains(q + ":1:"), run.err());
    }

    @Test
    void theReadmeQuickStartRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher command = Pattern.compile("java -jar target/culturekit\\.jar (report [^`\\n]+)").matcher(readme);
        assertTrue(command.find(), "the README shows the quick-start command");
        String[] args = (command.group(1).strip() + " -o " + dir.resolve("quick")).split("\\s+");
        CliRun.of(args).assertExit(ExitCodes.OK);
        assertTrue(Files.exists(dir.resolve("quick").resolve("report.html")));
    }

    private static final String PLATFORMS = "src/test/resources/io/platforms/";

    @Test
    void inspectShowsPlatformEncodingMappingAnswersAndExclusions() {
        CliRun run = CliRun.of("inspect", "-q", PLATFORMS + "questionnaire.yaml", PLATFORMS + "qualtrics.csv")
                .assertExit(ExitCodes.OK);
        run.assertOutContains("Platform:     qualtrics (detected)")
                .assertOutContains("Read as:      UTF-8, comma-separated")
                .assertOutContains("Header rows:  3")
                .assertOutContains("item voice")
                .assertOutContains("respondent id")
                .assertOutContains("Rows: 14 read, 12 would be scored, 1 partial response, 1 survey preview or test");
        assertTrue(run.out().matches("(?s).*voice: .*Agree ×\\d+.*"), run.out());
    }

    @Test
    void inspectSuggestsColumnsForUnmappedItems() throws IOException {
        Path csv = dir.resolve("renamed.csv");
        Files.writeString(csv, "ResponseId,Team,Q7 On this team I can raise a problem without being blamed\n"
                + "R1,A,Agree\n", StandardCharsets.UTF_8);
        CliRun.of("inspect", "--suggest", csv.toString()).assertExit(ExitCodes.OK)
                .assertOutContains("  - id: safety_1\n    columns: [\"Q7 On this team I can raise a problem without "
                        + "being blamed\"]");
    }

    @Test
    void includePartialScoresWhatThePlatformMarksUnfinished() throws IOException {
        Path out = dir.resolve("out");
        CliRun.of("report", "-q", PLATFORMS + "questionnaire.yaml", "--include-partial", "-f", "json", "-o",
                out.toString(), PLATFORMS + "qualtrics.csv").assertExit(ExitCodes.OK);
        JsonNode rows = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("rows");
        assertEquals(14, rows.get("read").asInt());
        assertEquals(13, rows.get("scored").asInt());
        assertEquals("survey preview or test", rows.at("/excluded/0/reason").asText());
    }

    @Test
    void severalExportsAreScoredTogetherAndColumnDifferencesReported() throws IOException {
        Path partial = dir.resolve("partial.csv");
        // the example's header with one item's column renamed, and one respondent
        List<String> example = Files.readAllLines(Path.of(EXAMPLE), StandardCharsets.UTF_8);
        Files.writeString(partial, example.get(0).replace("safety_4", "renamed") + "\n"
                + example.get(1).replace("R_0001", "R9001") + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun.of("report", "-f", "json", "-o", out.toString(), EXAMPLE, partial.toString())
                .assertExit(ExitCodes.OK)
                .assertErrContains("partial.csv: its columns do not match examples/survey.csv's: no column for ");
        assertEquals(331, new ObjectMapper().readTree(out.resolve("results.json").toFile()).at("/rows/read").asInt());
    }

    @Test
    void sourceAndEncodingAreCheckedAsUsage() {
        CliRun.of("report", "--source", "surveyplanet", EXAMPLE).assertExit(ExitCodes.USAGE)
                .assertErrContains("--source surveyplanet is not a platform; use one of generic, qualtrics, "
                        + "surveymonkey, google-forms, ms-forms, limesurvey, typeform, alchemer");
        CliRun.of("report", "--encoding", "klingon-8", EXAMPLE).assertExit(ExitCodes.USAGE)
                .assertErrContains("--encoding klingon-8 is not an encoding");
    }

    @Test
    void validateReportsItemsWithoutAColumnAndUnusedColumns() throws IOException {
        Path csv = dir.resolve("few.csv");
        Files.writeString(csv, "ResponseId,Team,safety_1,Shoe size\nR1,A,Agree,42\n", StandardCharsets.UTF_8);
        CliRun.of("validate", csv.toString()).assertExit(ExitCodes.OK)
                .assertOutContains("items without a column: safety_2")
                .assertOutContains("columns nothing uses: Shoe size");
    }

    @Test
    void aRespondentInTwoExportsIsScoredOnceAndTheSameFileTwiceIsRefused() throws IOException {
        Path first = dir.resolve("uk.csv");
        Path second = dir.resolve("de.csv");
        Files.writeString(first, "ResponseId,Team,safety_1\nR1,A,Agree\nR2,A,Agree\n", StandardCharsets.UTF_8);
        Files.writeString(second, "ResponseId,Team,safety_1\nR2,B,Disagree\nR3,B,Agree\nR4,B,Agree\nR5,B,Agree\n"
                + "R6,B,Agree\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun.of("report", "-q", SMALL, "-f", "json", "-o", out.toString(), first.toString(), second.toString())
                .assertExit(ExitCodes.OK);
        JsonNode rows = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("rows");
        assertEquals(7, rows.get("read").asInt());
        assertEquals(6, rows.get("scored").asInt());
        assertEquals("duplicate respondent id", rows.at("/excluded/0/reason").asText());
        CliRun.of("report", "-o", out.toString(), first.toString(), first.toString()).assertExit(ExitCodes.USAGE)
                .assertErrContains("is named twice");
    }
}
