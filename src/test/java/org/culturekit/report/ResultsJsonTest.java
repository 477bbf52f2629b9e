package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.culturekit.scoring.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** results.json read back gives the same results: what --baseline and --history compare against. */
class ResultsJsonTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<String> singleWaveCases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(dir -> !Files.exists(dir.resolve("baseline.csv")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleWaveCases")
    void writesBackEveryFigureItRead(String name) throws IOException {
        String text = Files.readString(GOLDEN.resolve(name).resolve("expected.json"), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        assertEquals(text, ResultsJson.write(ResultsJson.read(text)));
    }

    @Test
    void theSummaryEndsWithTheOverallResponseRateOnlyWhenItMayBePublished() throws Exception {
        Results results = ResultsJson.read(Files.readString(GOLDEN.resolve("typical/expected.json"),
                StandardCharsets.UTF_8));
        String without = ResultsJson.summary(results, List.of(), OptionalLong.empty());
        assertFalse(without.contains("responseRate"), without);

        String with = ResultsJson.summary(results, List.of(), OptionalLong.of(4 * results.rows().scored()));
        // the keys scripts already read, in their places, then the rate: a prefix of the same line
        assertEquals(without.substring(0, without.length() - 1) + ",\"responseRate\":25.0}", with);
        List<String> keys = new ArrayList<>();
        new ObjectMapper().readTree(with).fieldNames().forEachRemaining(keys::add);
        assertEquals("responseRate", keys.get(keys.size() - 1), keys.toString());
    }

    @Test
    void readsTheFirstWaveOfATwoWaveFileWithoutItsChanges() throws IOException {
        String text = Files.readString(GOLDEN.resolve("waves").resolve("expected.json"), StandardCharsets.UTF_8);
        Results results = ResultsJson.read(text);
        assertEquals("golden", results.wave());
        assertEquals(List.of("safety", "empathy"), results.indices().stream().map(Results.IndexResult::id).toList());
        assertTrue(ResultsJson.write(results).endsWith("\"gatesBreached\" : [ ]\n}\n"));
    }

    @Test
    void readsAFileOfAnEarlierVersionWithoutTheLaterKeys() {
        // no fingerprints, exclusions, comments, drivers or agreement sizes: what the first versions wrote
        String earlier = """
                {"schemaVersion": 1, "questionnaire": {"id": "q", "version": "1"},
                 "rows": {"read": 7, "scored": 6},
                 "indices": [{"id": "safety", "name": "Safety", "n": 6, "mean": 3.5, "sd": null,
                              "items": [{"id": "s1", "suppressed": true}]},
                             {"id": "empathy", "name": "Empathy", "suppressed": true}],
                 "sayDo": null, "enps": {"suppressed": true},
                 "segments": [{"id": "team", "agreement": [{"index": "safety", "icc1": 0.1, "icc2": null}],
                               "groups": [{"value": "A", "suppressed": true},
                                          {"value": "B", "suppressed": false, "n": 6,
                                           "indices": [{"id": "safety", "n": 6, "mean": 3.5, "flag": "hot-spot"},
                                                       {"id": "empathy", "suppressed": true}],
                                           "enps": {"suppressed": true}}]}]}
                """;
        Results results = ResultsJson.read(earlier);
        assertNull(results.questionnaire().fingerprint());
        assertEquals(List.of(), results.rows().excluded());
        assertEquals(List.of(), results.comments());
        assertEquals(3.5, results.indices().get(0).figures().shown().orElseThrow().mean());
        assertTrue(results.indices().get(1).figures().suppressed());
        assertTrue(results.enps().suppressed());
        Results.Group b = results.segments().get(0).groups().get(1);
        assertTrue(results.segments().get(0).groups().get(0).suppressed());
        assertEquals(6L, b.n());
        assertEquals(Results.Flag.HOT_SPOT, b.indices().get(0).figures().shown().orElseThrow().flag());
        assertTrue(b.indices().get(1).figures().suppressed());
        assertNull(b.sayDo());
        assertTrue(b.enps().suppressed());
    }

    @Test
    void refusesWhatIsNotAResultsFile() {
        assertThrows(IllegalArgumentException.class, () -> ResultsJson.read("{\"indices\": "));
        assertThrows(IllegalArgumentException.class, () -> ResultsJson.read("{\"schemaVersion\": 2, \"indices\": []}"));
    }
}
