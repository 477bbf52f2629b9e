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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        // R computes ICC and q over the groups culturekit shows (shown.json): check these are the ones shown
        JsonNode shown = mapper.readTree(dir.resolve("shown.json").toFile());
        for (JsonNode segment : actual.get("segments")) {
            for (int x = 0; x < segment.get("agreement").size(); x++) {
                String index = segment.get("agreement").get(x).get("index").asText();
                List<String> visible = new ArrayList<>();
                for (JsonNode group : segment.get("groups")) {
                    if (!group.path("suppressed").asBoolean() && !group.path("indices").path(x).path("suppressed")
                            .asBoolean() && !group.get("value").asText().equals("(not given)")) {
                        visible.add(group.get("value").asText());
                    }
                }
                List<String> expectedVisible = new ArrayList<>();
                shown.path(segment.get("id").asText()).path(index).forEach(v -> expectedVisible.add(v.asText()));
                assertEquals(expectedVisible, visible, segment.get("id").asText() + "/" + index + " shown groups");
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
