package org.culturekit.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Against R's cor.test (Pearson and Spearman) and a Fisher-z interval by hand: reference/outcomes/generate.R. */
class CorrelationTest {
    private static final Path EXPECTED = Path.of("src/test/resources/scoring/reference/outcomes/expected.json");
    private static final double TOLERANCE = 1e-9;

    static Stream<JsonNode> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(EXPECTED.toFile());
        return StreamSupport.stream(root.path("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesR(JsonNode expected) {
        Correlation.Estimate estimate = Correlation.Estimate.of(values(expected.path("x")), values(expected.path("y")));
        assertEquals(expected.path("n").asInt(), estimate.n());
        assertEquals(expected.path("r").asDouble(), estimate.r(), TOLERANCE, "r");
        assertEquals(expected.path("ciLow").asDouble(), estimate.ciLow(), TOLERANCE, "ciLow");
        assertEquals(expected.path("ciHigh").asDouble(), estimate.ciHigh(), TOLERANCE, "ciHigh");
        assertEquals(expected.path("p").asDouble(), estimate.p(), TOLERANCE, "p");
        assertEquals(expected.path("spearman").asDouble(), estimate.spearman(), TOLERANCE, "spearman");
        assertEquals(expected.path("detectableR").asDouble(), Correlation.detectable(estimate.n()), TOLERANCE);
    }

    @Test
    void powerNoteMatchesR() throws IOException {
        JsonNode power = new ObjectMapper().readTree(EXPECTED.toFile()).path("power");
        assertEquals(power.path("units").asDouble(), Correlation.unitsToDetect(power.path("r").asDouble()), TOLERANCE);
        assertEquals(85, (int) Math.ceil(Correlation.unitsToDetect(0.3)));
    }

    @Test
    void tiesShareTheMeanOfTheirRanks() {
        assertArrayEquals(new double[] {2.5, 1, 2.5, 5, 4}, Correlation.ranks(new double[] {3, 1, 3, 9, 4}));
    }

    @Test
    void constantSideHasNoCorrelationAndPerfectOneNoInterval() {
        Correlation.Estimate flat = Correlation.Estimate.of(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4});
        assertNull(flat.r());
        assertNull(flat.p());
        assertNull(flat.spearman());
        Correlation.Estimate perfect = Correlation.Estimate.of(new double[] {1, 2, 3, 4, 5},
                new double[] {2, 4, 6, 8, 10});
        assertEquals(1.0, perfect.r());
        assertNull(perfect.ciLow());
        assertEquals(0.0, perfect.p());
    }

    @Test
    void disattenuationDividesBySqrtIcc2AndNeedsAPositiveOne() {
        assertEquals(0.5, Correlation.disattenuated(0.4, 0.64), 1e-15);
        assertNull(Correlation.disattenuated(0.4, -0.2));
        assertNull(Correlation.disattenuated(0.4, null));
    }

    private static double[] values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }
}
