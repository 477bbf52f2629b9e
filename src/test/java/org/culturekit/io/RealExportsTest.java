package org.culturekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.scoring.Accumulator;
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
        Accumulator accumulator = new Accumulator(questionnaire);
        Map<String, Long> excluded;
        long read;
        try (ResponseReader reader = ResponseReader.open(dir.resolve("export.csv"), questionnaire)) {
            for (Response response : reader) {
                accumulator.add(response);
            }
            excluded = reader.excluded();
            read = reader.rowsRead();
            assertEquals(0, reader.problemCount(), reader.problems().toString());
        }
        Results results = accumulator.results();
        JsonNode rows = expected.get("rows");
        assertEquals(rows.get("read").asLong(), read, "rows read");
        assertEquals(rows.get("scored").asLong(), results.rows().scored(), "rows scored");
        Map<String, Long> expectedExcluded = new LinkedHashMap<>();
        rows.get("excluded").fields().forEachRemaining(e -> expectedExcluded.put(e.getKey(), e.getValue().asLong()));
        assertEquals(expectedExcluded, excluded);

        int checked = 0;
        for (Results.IndexResult index : results.indices()) {
            JsonNode e = expected.at("/indices/" + index.id());
            assertEquals(e.get("n").asLong(), index.n(), index.id());
            assertEquals(e.get("mean").asDouble(), index.mean(), 1e-12, index.id());
            checked++;
            for (Results.ItemResult item : index.items()) {
                JsonNode i = expected.at("/items/" + item.id());
                assertEquals(i.get("n").asLong(), item.n(), item.id());
                assertEquals(i.get("mean").asDouble(), item.mean(), 1e-12, item.id());
                checked++;
            }
        }
        assertTrue(checked >= 2, "checked " + checked + " figures");
    }
}
