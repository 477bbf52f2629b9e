package org.culturekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.culturekit.model.Response;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The latest response time of an export, read from each platform's submit-time column. */
class ResponseTimesTest {
    private static final Path PLATFORMS = Path.of("src/test/resources/io/platforms");

    private static ResponseTimes.Latest latest(String... cells) {
        ResponseTimes times = new ResponseTimes();
        for (int i = 0; i < cells.length; i++) {
            times.add(cells[i], i + 2);
        }
        return times.latest("export.csv");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-04-20 08:06:45            | 2026-04-20T08:06:45",
        "2024-10-09T11:02:00            | 2024-10-09T11:02",
        "2024-10-09T11:02:00.250Z       | 2024-10-09T11:02",
        "2026-04-20                     | 2026-04-20T00:00",
        "2022/06/22 11:07:29 AM AST     | 2022-06-22T11:07:29",
        "2022/06/22 12:07:29 AM GMT+3   | 2022-06-22T00:07:29",
        "04/22/2026 08:17:56 PM         | 2026-04-22T20:17:56",
        "04/25/2017 23:03:44            | 2017-04-25T23:03:44",
        "4/22/2016 19:57:50             | 2016-04-22T19:57:50",
        "3/18/20 18:42                  | 2020-03-18T18:42",
        "10/9/2024 11:02                | 2024-10-09T11:02",
        "20.04.2026 08:06               | 2026-04-20T08:06",
        "2026-04-20 08:06:45+02:00      | 2026-04-20T08:06:45"})
    void readsTheFormatsThePlatformsWrite(String cell, String expected) {
        assertEquals(Optional.of(LocalDateTime.parse(expected)), latest(cell).latest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01 10:00", "2026-02-30", "2025-02-29", "45123.5",
        "2026-04-20 25:00", "4/20/2026 13:00 PM", "2026-04-20 08:06:45 garbage!", "20-04-2026"})
    void aCellThatIsNotATimeLeavesNoDateAndIsNamed(String cell) {
        ResponseTimes.Latest latest = latest("2026-04-20 08:06:45", cell);
        assertEquals(Optional.empty(), latest.latest());
        assertTrue(latest.problem().startsWith("export.csv:3: the response time '"), latest.problem());
    }

    @Test
    void blanksAreNoTime() {
        assertEquals(ResponseTimes.Latest.NONE, latest("", "   "));
        assertEquals(Optional.of(LocalDateTime.parse("2026-04-20T08:00")), latest("", "2026-04-20 08:00").latest());
    }

    @Test
    void slashedDatesAreMonthFirstUnlessAFirstNumberAbove12SaysOtherwise() {
        assertEquals(Optional.of(LocalDateTime.parse("2026-04-03T00:00")),
                latest("3/4/2026", "4/3/2026").latest());
        assertEquals(Optional.of(LocalDateTime.parse("2026-04-25T09:00")),
                latest("3/4/2026 10:00", "25/4/2026 09:00", "4/3/2026 10:00").latest());
        ResponseTimes.Latest mixed = latest("13/1/2026", "1/13/2026");
        assertEquals(Optional.empty(), mixed.latest());
        assertEquals("export.csv: its response times mix month-first and day-first dates", mixed.problem());
    }

    @Test
    void partsReadOnOtherThreadsMergeToTheSameInAnyOrder() {
        List<String> cells = List.of("4/3/2026 10:00", "2026-04-01 09:00", "25/3/2026 08:00", "x", "3/3/2026 10:00");
        for (int split = 0; split <= cells.size(); split++) {
            ResponseTimes first = new ResponseTimes();
            ResponseTimes second = new ResponseTimes();
            for (int i = 0; i < cells.size(); i++) {
                (i < split ? first : second).add(cells.get(i), i + 2);
            }
            ResponseTimes one = new ResponseTimes();
            one.merge(first);
            one.merge(second);
            ResponseTimes other = new ResponseTimes();
            other.merge(second);
            other.merge(first);
            assertEquals(latest(cells.toArray(String[]::new)), one.latest("export.csv"));
            assertEquals(one.latest("export.csv"), other.latest("export.csv"));
        }
        assertTrue(latest(cells.toArray(String[]::new)).problem().startsWith("export.csv:5: "));
    }

    /** The twelve respondents' exports (PlatformsTest): the last scored one submitted at 08:17:56 on 22 April. */
    @ParameterizedTest
    @ValueSource(strings = {"qualtrics.csv", "qualtrics-numeric.csv", "qualtrics-legacy.csv", "surveymonkey.csv",
        "google-forms.csv", "limesurvey.csv", "limesurvey-codes.csv", "alchemer.csv"})
    void everyPlatformsExportGivesTheLatestScoredResponse(String name) {
        Questionnaire questionnaire = QuestionnaireReader.read(PLATFORMS.resolve("questionnaire.yaml"));
        try (ResponseReader reader = ResponseReader.open(PLATFORMS.resolve(name), questionnaire)) {
            for (Response response : reader) {
                assertTrue(response.line() > 0);
            }
            // alchemer.csv's latest row, at 09:06:10, is a partial response: not scored, so not counted
            assertEquals(new ResponseTimes.Latest(Optional.of(LocalDateTime.parse("2026-04-22T08:17:56")), ""),
                    reader.latestResponse(), name);
        }
    }

    @Test
    void aGenericExportHasNoTime() {
        Questionnaire questionnaire = QuestionnaireReader.read(PLATFORMS.resolve("questionnaire.yaml"));
        try (ResponseReader reader = ResponseReader.open(PLATFORMS.resolve("generic.csv"), questionnaire)) {
            reader.forEach(response -> { });
            assertEquals(ResponseTimes.Latest.NONE, reader.latestResponse());
        }
    }
}
