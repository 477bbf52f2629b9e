package org.culturekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.scoring.Accumulator;
import org.culturekit.scoring.Results;
import org.junit.jupiter.api.BeforeAll;
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
        reference = score("generic.csv", new ArrayList<>(), new ArrayList<>());
    }

    private static Results score(String name, List<String> detected, List<Map<String, Long>> excluded) {
        Accumulator accumulator = new Accumulator(questionnaire);
        try (ResponseReader reader = ResponseReader.open(DIR.resolve(name), questionnaire)) {
            for (Response response : reader) {
                accumulator.add(response);
            }
            detected.add(reader.platform().id());
            excluded.add(reader.excluded());
            assertEquals(0, reader.problemCount(), name + ": " + reader.problems());
            assertEquals(List.of(), reader.warnings(), name);
        }
        return accumulator.results();
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
        List<Map<String, Long>> excluded = new ArrayList<>();
        Results results = score(file, detected, excluded);
        assertEquals(platform, detected.get(0));
        assertEquals(previews, excluded.get(0).getOrDefault(Platform.PREVIEW, 0L), "previews");
        assertEquals(partials, excluded.get(0).getOrDefault(Platform.PARTIAL, 0L), "partial responses");
        assertEquals(reference, results, file + " scores differently from generic.csv");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"safety, 41, 12", "empathy, 11, 3"})
    void theSharedFiguresAreTheHandComputedOnes(String index, double numerator, double denominator) {
        // expected.md, written by generate.py from the raw answers: safety 41/12, empathy 11/3
        Results.IndexResult result = reference.indices().stream().filter(i -> i.id().equals(index)).findFirst()
                .orElseThrow();
        assertEquals(12, result.n());
        assertEquals(numerator / denominator, result.mean(), 1e-12);
        assertEquals(100.0 / 11, reference.enps().score(), 1e-12);
    }
}
