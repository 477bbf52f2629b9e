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
import java.util.List;
import org.culturekit.cli.run.Scoring;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code report --date}, and the date a report takes from its exports' response times without it. */
class ReportDateTest {
    private static final Path PLATFORMS = Path.of("src/test/resources/io/platforms");
    private static final String QUESTIONNAIRE = PLATFORMS.resolve("questionnaire.yaml").toString();

    @TempDir Path dir;

    private JsonNode results() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    }

    private String md() throws IOException {
        return Files.readString(dir.resolve("out/report.md"), StandardCharsets.UTF_8);
    }

    @Test
    void aGivenDateDatesEveryReport() throws IOException {
        CliRun.of("report", "examples/survey.csv", "--date", "2026-04-20", "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.OK);
        assertEquals("2026-04-20", results().get("date").asText());
        assertTrue(md().contains("\n2026-04-20 · 330 respondents"), md());
        String html = Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<time datetime=\"2026-04-20\">2026-04-20</time> · 330 respondents"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "20-04-2026", "2026-4-20", "today", "+2026-04-20", "2026-04-20T10:00"})
    void aDateThatIsNotADayIsAUsageError(String date) {
        CliRun.of("report", "examples/survey.csv", "--date", date, "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.USAGE)
                .assertErrContains("--date must be a day written as YYYY-MM-DD, for example 2026-04-20; '" + date
                        + "' is not");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void withoutADateTheLatestScoredResponseDatesTheReport() throws IOException {
        CliRun run = CliRun.of("report", "-q", QUESTIONNAIRE, PLATFORMS.resolve("qualtrics.csv").toString(),
                "-o",
                dir.resolve("out").toString());
        run.assertExit(ExitCodes.OK);
        assertEquals("2026-04-22", results().get("date").asText(), run.err());
        assertTrue(md().contains("\n2026-04-22 · "), md());
    }

    @Test
    void anExportWithoutResponseTimesGivesNoDate() throws IOException {
        CliRun.of("report", "examples/survey.csv", "-o", dir.resolve("out").toString()).assertExit(ExitCodes.OK);
        assertTrue(results().get("date").isNull());
        assertTrue(md().contains("\n330 respondents"), md());
    }

    @Test
    void anUnreadableResponseTimeLeavesNoDateAndIsSaidOnce() throws IOException {
        Path export = dir.resolve("google-forms.csv");
        String text = Files.readString(PLATFORMS.resolve("google-forms.csv"), StandardCharsets.UTF_8);
        Files.writeString(export, text.replace("4/20/2026 8:24:00", "soon").replace("4/20/2026 8:57:58", "later"),
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("report", "-q", QUESTIONNAIRE, export.toString(), "-o", dir.resolve("out").toString())
                .assertExit(ExitCodes.OK)
                .assertErrContains("warning: " + export + ":3: the response time 'soon' is not a date and time "
                        + "culturekit reads; the reports carry no date (give one with --date YYYY-MM-DD)");
        assertEquals(1, run.err().split("response time", -1).length - 1, run.err());
        assertTrue(results().get("date").isNull());
        CliRun.of("report", "-q", QUESTIONNAIRE, export.toString(), "--date", "2026-05-01", "-o",
                dir.resolve("out").toString()).assertExit(ExitCodes.OK);
        assertEquals("2026-05-01", results().get("date").asText());
    }

    @Test
    void theTimeIsTheSameReadInChunksOnSeveralThreads() {
        Questionnaire questionnaire = QuestionnaireReader.read(Path.of(QUESTIONNAIRE));
        List<Path> files = List.of(PLATFORMS.resolve("google-forms.csv"));
        Scoring.Scored whole = Scoring.run(questionnaire, files,
                Scoring.Options.DEFAULT.withParallelism(new Scoring.Parallelism(1, 1 << 20)));
        Scoring.Scored chunked = Scoring.run(questionnaire, files,
                Scoring.Options.DEFAULT.withParallelism(new Scoring.Parallelism(3, 64)));
        assertEquals("2026-04-22T08:17:56", whole.latestResponse().latest().orElseThrow().toString());
        assertEquals(whole.latestResponse(), chunked.latestResponse());
    }
}
