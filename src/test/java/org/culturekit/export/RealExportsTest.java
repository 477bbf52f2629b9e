package org.culturekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.cli.run.Scoring;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.questionnaire.QuestionnaireReader;
import org.culturekit.scoring.Results;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real export in {@code src/test/resources/io/real-exports/} (byte-exact copies of shared/real-exports,
 * with their licences) reads with the questionnaire written for it, and gives the row counts and means that
 * {@code expectations.py} computes independently with Python's csv module.
 */
class RealExportsTest {
    private static final Path DIR = Path.of("src/test/resources/io/real-exports");

    @ParameterizedTest
    @ValueSource(strings = {"qualtrics-current", "qualtrics-legacy", "google-forms", "surveymonkey", "alchemer"})
    void importsAsExpected(String name) throws IOException {
        Path dir = DIR.resolve(name);
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        Questionnaire questionnaire = QuestionnaireReader.read(dir.resolve("questionnaire.yaml"));
        Scoring.Scored scored = Scoring.run(questionnaire, List.of(dir.resolve("export.csv")), Scoring.Options.DEFAULT);
        assertEquals(0, scored.unreadableAnswers(), "unreadable answers");
        Results results = scored.results();
        JsonNode rows = expected.get("rows");
        assertEquals(rows.get("read").asLong(), results.rows().read(), "rows read");
        assertEquals(rows.get("scored").asLong(), results.rows().scored(), "rows scored");
        Map<String, Long> expectedExcluded = new LinkedHashMap<>();
        rows.get("excluded").fields().forEachRemaining(e -> expectedExcluded.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> excluded = new LinkedHashMap<>();
        results.rows().excluded().forEach(e -> excluded.put(e.reason(), e.count()));
        assertEquals(expectedExcluded, excluded);

        // each item's keyed answers as read, summed here: small exports show no figure, but what was read is checked
        Map<String, long[]> answered = new LinkedHashMap<>();
        try (ResponseReader reader = ResponseReader.open(dir.resolve("export.csv"), questionnaire)) {
            for (Response response : reader) {
                for (var item : questionnaire.items()) {
                    int raw = response.rawAnswer(questionnaire.itemPosition(item.id()));
                    if (Response.isValue(raw)) {
                        var scale = questionnaire.scaleOf(item.id());
                        long[] sums = answered.computeIfAbsent(item.id(), id -> new long[2]);
                        sums[0]++;
                        sums[1] += item.reverse() ? scale.min() + scale.max() - raw : raw;
                    }
                }
            }
        }

        int checked = 0;
        for (Results.IndexResult index : results.indices()) {
            JsonNode e = expected.at("/indices/" + index.id());
            if (e.get("n").asLong() < questionnaire.reporting().minGroupSize()) {
                assertTrue(index.figures().suppressed(), index.id() + " is answered by too few to be shown");
            } else {
                Results.IndexFigures figures = index.figures().shown().orElseThrow();
                assertEquals(e.get("n").asLong(), figures.n(), index.id());
                assertEquals(e.get("mean").asDouble(), figures.mean(), 1e-12, index.id());
                checked++;
            }
            for (Results.ItemResult item : index.items()) {
                JsonNode i = expected.at("/items/" + item.id());
                long[] sums = answered.getOrDefault(item.id(), new long[2]);
                assertEquals(i.get("n").asLong(), sums[0], item.id() + " answers read");
                assertEquals(i.get("mean").asDouble(), (double) sums[1] / sums[0], 1e-12, item.id() + " mean read");
                checked++;
                if (i.get("n").asLong() < questionnaire.reporting().minGroupSize()) {
                    assertTrue(item.figures().suppressed(), item.id() + " is answered by too few to be shown");
                    continue;
                }
                Results.ItemFigures figures = item.figures().shown().orElseThrow();
                assertEquals(i.get("n").asLong(), figures.n(), item.id());
                assertEquals(i.get("mean").asDouble(), figures.mean(), 1e-12, item.id());
                checked++;
            }
        }
        assertTrue(checked >= 1, "checked " + checked + " figures");
    }
}
