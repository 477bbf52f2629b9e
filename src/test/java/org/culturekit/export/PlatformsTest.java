package org.culturekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.culturekit.cli.run.Scoring;
import org.culturekit.export.xlsx.XlsxFixtures;
import org.culturekit.model.Questionnaire;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.culturekit.scoring.Results;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same twelve respondents exported by every platform (src/test/resources/io/platforms, written by its
 * generate.py) are detected, read and scored identically; only the rows each platform adds (previews, partial
 * responses) differ, and they are left out with their reasons.
 */
class PlatformsTest {
    private static final Path DIR = Path.of("src/test/resources/io/platforms");
    private static Questionnaire questionnaire;
    private static Results reference;

    @BeforeAll
    static void scoreTheGenericExport() {
        questionnaire = QuestionnaireReader.read(DIR.resolve("questionnaire.yaml"));
        reference = score(DIR.resolve("generic.csv"), new ArrayList<>());
    }

    /** Scores one export as {@code report} does, with no unreadable answer and no mapping warning. */
    private static Results score(Path file, List<String> detected) {
        Scoring.Scored scored = Scoring.run(questionnaire, List.of(file), Scoring.Options.DEFAULT.withOpened(reader -> {
            detected.add(reader.platform().id());
            assertEquals(List.of(), reader.warnings(), file.toString());
        }));
        assertEquals(0, scored.unreadableAnswers(), file.toString());
        return scored.results();
    }

    /** The rows each platform adds are left out before scoring: apart from their tally, the results agree. */
    private static Results scoredRowsOnly(Results results) {
        return results.withExclusions(List.of());
    }

    private static long excluded(Results results, String reason) {
        return results.rows().excluded().stream().filter(e -> e.reason().equals(reason))
                .mapToLong(Results.Exclusion::count).sum();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "generic.csv               | generic      | 0 | 0",
        "generic-de-semicolon.csv  | generic      | 0 | 0",
        "generic-utf16.txt         | generic      | 0 | 0",
        "qualtrics.csv             | qualtrics    | 1 | 1",
        "qualtrics-numeric.csv     | qualtrics    | 1 | 1",
        "qualtrics-legacy.csv      | qualtrics    | 1 | 1",
        "surveymonkey.csv          | surveymonkey | 0 | 0",
        "google-forms.csv          | google-forms | 0 | 0",
        "limesurvey.csv            | limesurvey   | 0 | 1",
        "limesurvey-codes.csv      | limesurvey   | 0 | 1",
        "alchemer.csv              | alchemer     | 0 | 1"})
    void everyPlatformsExportScoresTheSame(String file, String platform, long previews, long partials) {
        List<String> detected = new ArrayList<>();
        Results results = score(DIR.resolve(file), detected);
        assertEquals(List.of(platform), detected);
        assertEquals(previews, excluded(results, Platform.PREVIEW), "previews");
        assertEquals(partials, excluded(results, Platform.PARTIAL), "partial responses");
        assertEquals(scoredRowsOnly(reference), scoredRowsOnly(results), file + " scores differently from generic.csv");
    }

    @Test
    void aMicrosoftFormsWorkbookScoresTheSame(@TempDir Path dir) throws IOException {
        // MS Forms' native export: ID, Start time, Completion time, Email, Name, then the questions, with
        // numbers as numeric cells and times as date cells; built from generic.csv's rows
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(DIR.resolve("generic.csv"), StandardCharsets.UTF_8)).getRecords();
        List<String> questions = List.of("I can raise problems without being blamed.",
                "Mistakes are held against you here.", "Asking for help is easy here.",
                "We listen to what customers tell us.", "How likely are you to recommend working here?");
        Path workbook = XlsxFixtures.written(dir.resolve("Form1.xlsx"), "Form1", sheet -> {
            List<String> header = new ArrayList<>(List.of("ID", "Start time", "Completion time", "Email", "Name",
                    "Which team are you in?"));
            header.addAll(questions);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                CSVRecord row = rows.get(r);
                sheet.value(r + 1, 0, r + 1);
                sheet.value(r + 1, 1, java.time.LocalDateTime.of(2026, 4, 22, 9, r));
                sheet.style(r + 1, 1).format("m/d/yy h:mm").set();
                sheet.value(r + 1, 2, java.time.LocalDateTime.of(2026, 4, 22, 10, r));
                sheet.style(r + 1, 2).format("m/d/yy h:mm").set();
                sheet.value(r + 1, 3, "anonymous");
                sheet.value(r + 1, 5, row.get("Team"));
                for (int q = 0; q < questions.size(); q++) {
                    String answer = row.get(questions.get(q));
                    if (answer.matches("\\d+")) {
                        sheet.value(r + 1, 6 + q, Integer.parseInt(answer));
                    } else if (!answer.isEmpty()) {
                        sheet.value(r + 1, 6 + q, answer);
                    }
                }
            }
        });
        List<String> detected = new ArrayList<>();
        Results results = score(workbook, detected);
        assertEquals(List.of(Platform.MS_FORMS.id()), detected);
        assertEquals(scoredRowsOnly(reference), scoredRowsOnly(results));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"safety, 41, 12", "empathy, 11, 3"})
    void theSharedFiguresAreTheHandComputedOnes(String index, double numerator, double denominator) {
        // expected.md, written by generate.py from the raw answers: safety 41/12, empathy 11/3
        Results.IndexFigures result = reference.indices().stream().filter(i -> i.id().equals(index)).findFirst()
                .orElseThrow().figures().shown().orElseThrow();
        assertEquals(12, result.n());
        assertEquals(numerator / denominator, result.mean(), 1e-12);
        assertEquals(100.0 / 11, reference.enps().shown().orElseThrow().score(), 1e-12);
    }
}
