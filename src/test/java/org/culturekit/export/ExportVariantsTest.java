package org.culturekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports as they are really downloaded (issue 22), each read without {@code --source}: the first four
 * respondents of src/test/resources/io/platforms/generic.csv, written the way one platform variant writes them
 * (src/test/resources/io/export-variants, see its README.md), read to the same answers.
 */
class ExportVariantsTest {
    private static final Path DIR = Path.of("src/test/resources/io/export-variants");
    private static Questionnaire questionnaire;
    /** The raw answers and segments of generic.csv's first four respondents. */
    private static List<String> reference;

    @BeforeAll
    static void readTheGenericExport() {
        questionnaire = QuestionnaireReader.read(Path.of("src/test/resources/io/platforms/questionnaire.yaml"));
        reference = answers(Path.of("src/test/resources/io/platforms/generic.csv"), questionnaire, null)
                .subList(0, 4);
    }

    /** Each response as its raw answers and segments; {@code reader} gets the reader for checks when not null. */
    private static List<String> answers(Path file, Questionnaire q, java.util.function.Consumer<ResponseReader> check) {
        List<String> rows = new ArrayList<>();
        try (ResponseReader reader = ResponseReader.open(file, q)) {
            for (Response response : reader) {
                rows.add(Arrays.toString(response.answers()) + " " + response.segments());
            }
            if (check != null) {
                check.accept(reader);
            }
        }
        return rows;
    }

    private static List<String> read(String name, Platform platform, Map<String, Long> excluded) {
        return answers(DIR.resolve(name), questionnaire, reader -> {
            assertEquals(platform, reader.platform(), name + " detected as");
            assertEquals(excluded, reader.excluded(), name + " left out");
            assertEquals(0, reader.problemCount(), name + ": " + reader.problems());
            assertEquals(List.of(), reader.warnings(), name);
        });
    }

    // 1. SurveyMonkey, first header cells blank

    @Test
    void surveyMonkeyWithItsMetadataNamedInTheSecondRowIsDetected() {
        assertEquals(reference, read("surveymonkey-metadata-in-row-2.csv", Platform.SURVEYMONKEY, Map.of()));
    }

    @Test
    void surveyMonkeyWithoutRespondentMetadataIsDetectedByItsSubLabels() {
        assertEquals(reference, read("surveymonkey-blank-first-cell.csv", Platform.SURVEYMONKEY, Map.of()));
    }

    @Test
    void aBlankHeaderThatIsStillAnErrorSuggestsSource(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("export.csv"),
                ",Team,I can raise problems without being blamed.\nr01,A,Agree\n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> ResponseReader.open(file, questionnaire));
        assertTrue(e.getMessage().contains("column 1 has no name"), e.getMessage());
        assertTrue(e.getMessage().contains("--source (generic, qualtrics, surveymonkey"), e.getMessage());
    }

    // 2. LimeSurvey without the id/submitdate/lastpage codes

    @Test
    void limeSurveyWithFullTextHeadingsLeavesOutTheIncompleteResponse() {
        assertEquals(reference, read("limesurvey-full-headings.csv", Platform.LIMESURVEY,
                Map.of(Platform.PARTIAL, 1L)));
    }

    @Test
    void anOlderLimeSurveyExportWithoutLastPageIsDetectedToo() {
        assertEquals(reference, read("limesurvey-old-no-last-page.csv", Platform.LIMESURVEY,
                Map.of(Platform.PARTIAL, 1L)));
    }

    // 3. Qualtrics numeric export with edited recode values

    @Test
    void aliasesThatNameInRangeNumbersWinOverTheNumber() {
        Questionnaire edited = QuestionnaireReader.read(DIR.resolve("qualtrics-recoded.yaml"));
        List<String> rows = answers(DIR.resolve("qualtrics-recoded.csv"), edited, reader -> {
            assertEquals(Platform.QUALTRICS, reader.platform());
            assertEquals(0, reader.problemCount(), reader.problems().toString());
            assertEquals(List.of(), reader.codeWarnings());
        });
        // qualtrics-recoded.csv row 4 has Qualtrics' -99 ("seen, unanswered") where generic.csv has a blank
        assertEquals(reference, rows);
    }

    @Test
    void aNumericColumnWhoseCodesDoNotFitTheScaleIsReportedWithFileAndColumn() {
        Questionnaire undeclared = QuestionnaireReader.read(DIR.resolve("qualtrics-recoded-no-aliases.yaml"));
        answers(DIR.resolve("qualtrics-recoded.csv"), undeclared, reader -> {
            List<Problem> warnings = reader.codeWarnings();
            assertEquals(1, warnings.size(), warnings.toString());
            Problem warning = warnings.get(0);
            assertTrue(warning.file().endsWith("qualtrics-recoded.csv"), warning.toString());
            assertEquals(19, warning.column(), warning.toString());
            assertTrue(warning.message().contains("column 19 ('Q1_2', item 'mistakes') has the code 6"),
                    warning.message());
            assertTrue(warning.message().contains("aliases"), warning.message());
        });
    }

    // 4. Duplicate column titles

    @Test
    void duplicateTitlesOfColumnsNothingUsesDoNotRefuseTheFile() {
        assertEquals(reference, read("duplicate-unused-titles.csv", Platform.GENERIC, Map.of()));
    }

    @Test
    void aDuplicateTitleAnItemNeedsIsRefusedNamingThePositionForm() {
        Path file = DIR.resolve("duplicate-item-title.csv");
        InputException e = assertThrows(InputException.class, () -> ResponseReader.open(file, questionnaire));
        assertTrue(e.getMessage().contains("column 8 has the same name as column 3"), e.getMessage());
        assertTrue(e.getMessage().contains("\"#8\""), e.getMessage());
    }

    @Test
    void columnsMayNameAColumnByPosition(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/io/platforms/questionnaire.yaml"))
                .replace("columns: [\"SAFE[SQ001]\"]", "columns: [\"#3\"]");
        Questionnaire byPosition = QuestionnaireReader.read(Files.writeString(dir.resolve("q.yaml"), yaml));
        List<String> rows = answers(DIR.resolve("duplicate-item-title.csv"), byPosition, reader ->
                assertTrue(reader.mapping().get("3\tI can raise problems without being blamed.").contains("voice")));
        assertEquals(reference, rows);
    }

    // 5. Microsoft Forms' Question.Statement

    @Test
    void microsoftFormsLikertStatementsAfterADotAreMatched() {
        assertEquals(reference, read("ms-forms-dot.csv", Platform.MS_FORMS, Map.of()));
    }

    @Test
    void aSentencesOwnFullStopIsNoDecoration() {
        assertEquals(List.of(), ColumnMap.decorations("We listen. Do we act?"));
        assertTrue(ColumnMap.decorations("Please rate.We listen.").contains("We listen."));
    }

    // 6. Typeform

    @Test
    void typeformIsDetectedAndItsUnsubmittedResponseLeftOut() {
        assertEquals(reference, read("typeform.csv", Platform.TYPEFORM, Map.of(Platform.PARTIAL, 1L)));
        assertEquals(Platform.TYPEFORM, Platform.of("typeform"));
    }

    // 7. Qualtrics question text after an intro paragraph

    @Test
    void aQualtricsQuestionAfterAnIntroParagraphIsMatchedByItsLastParagraph() {
        assertEquals(reference, read("qualtrics-intro-paragraph.csv", Platform.QUALTRICS, Map.of()));
    }
}
