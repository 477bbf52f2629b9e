package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.culturekit.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code report -f json} reproduces R's numbers: every number in {@code expected.json} (written by
 * {@code src/test/resources/scoring/reference/generate.R} with psych and multilevel) is matched to 1e-9,
 * relative (absolute below 1). Groups are matched by label; a group or cell the tool suppresses is checked
 * to be suppressed rather than compared, and groups R does not know (the tool's "(not given)") are ignored.
 */
class ReferenceTest {
    private static final Path REFERENCE = Path.of("src/test/resources/scoring/reference");
    private static final double TOLERANCE = 1e-9;
    private static final Set<String> NOT_RESULTS = Set.of("r", "case");
    /** Agreement entries computed over fewer groups than R's. */
    private final Set<String> partial = new java.util.HashSet<>();

    @TempDir Path out;

    private int compared;
    private double largest;
    private String largestAt = "";

    @ParameterizedTest
    @CsvSource({"typical, 300", "edge, 150"})
    void reportJsonMatchesR(String name, int atLeast) throws IOException {
        Path dir = REFERENCE.resolve(name);
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("report", "-f", "json", "-q", dir.resolve("questionnaire.yaml").toString(),
                        "-o", out.toString(), dir.resolve("responses.csv").toString());
        assertEquals(0, code, err.toString());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode expected = mapper.readTree(dir.resolve("expected.json").toFile());
        JsonNode actual = mapper.readTree(out.resolve("results.json").toFile());
        // R's ICC and q use every group; culturekit's only the shown ones: compared where none is hidden
        JsonNode segments = actual.get("segments");
        for (int s = 0; s < segments.size(); s++) {
            JsonNode groups = segments.get(s).get("groups");
            for (int x = 0; x < segments.get(s).get("agreement").size(); x++) {
                int index = x;
                boolean hidden = false;
                for (JsonNode group : groups) {
                    hidden |= group.path("suppressed").asBoolean()
                            || group.path("indices").path(index).path("suppressed").asBoolean();
                }
                if (hidden) {
                    // and the Benjamini-Hochberg family of the groups vs the rest
                    partial.add("/segments/" + s + "/agreement/" + x);
                    for (JsonNode group : groups) {
                        partial.add("/segments/" + s + "/groups/" + group.get("value").asText() + "/indices/" + x
                                + "/q");
                    }
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!NOT_RESULTS.contains(field.getKey())) {
                compare(field.getValue(), actual.get(field.getKey()), "/" + field.getKey());
            }
        }
        // a guard against a comparison that silently matches nothing
        assertTrue(compared >= atLeast, "compared only " + compared + " numbers");
        System.out.printf("reference %s: %d numbers match R; largest relative difference %.3g at %s%n", name,
                compared, largest, largestAt);
    }

    private void compare(JsonNode expected, JsonNode actual, String path) {
        if (actual == null) {
            fail(path + ": missing from results.json");
        }
        if (partial.contains(path)) {
            return; // over the shown groups only: not what R computed over all of them
        }
        if (actual.path("suppressed").asBoolean(false)) {
            return; // withheld by the anonymity rules: nothing to compare, and nothing shown
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(field.getValue(), actual.get(field.getKey()), path + "/" + field.getKey());
            }
        } else if (expected.isArray()) {
            boolean byValue = path.endsWith("/groups");
            if (!byValue) {
                assertEquals(expected.size(), actual.size(), path + ": length");
            }
            for (int i = 0; i < expected.size(); i++) {
                JsonNode e = expected.get(i);
                JsonNode a = byValue ? group(actual, e.get("value").asText(), path) : actual.get(i);
                compare(e, a, path + "/" + (byValue ? e.get("value").asText() : i));
            }
        } else if (expected.isNull()) {
            assertTrue(actual.isNull(), path + ": R says undefined, results.json has " + actual);
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber(), path + ": expected " + expected + ", got " + actual);
            double e = expected.asDouble();
            double difference = Math.abs(e - actual.asDouble()) / Math.max(1, Math.abs(e));
            compared++;
            if (difference > largest) {
                largest = difference;
                largestAt = path;
            }
            assertTrue(difference <= TOLERANCE, path + ": R " + e + ", culturekit " + actual.asDouble());
        } else {
            assertEquals(expected.asText(), actual.asText(), path);
        }
    }

    private static JsonNode group(JsonNode groups, String value, String path) {
        for (JsonNode group : groups) {
            if (group.get("value").asText().equals(value)) {
                return group;
            }
        }
        throw new AssertionError(path + ": no group '" + value + "'");
    }
}
