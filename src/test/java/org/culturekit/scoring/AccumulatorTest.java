package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.culturekit.model.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests: because the accumulators hold exact integer sums, any split of the rows merged, and any
 * order of the rows, give results equal to the last bit.
 *
 * <p>These drive {@link Accumulator} directly, not {@code Scoring.run}: the splits and merges under test are
 * chosen here, where the parallel reader would choose its own.
 */
class AccumulatorTest {
    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 0x9E3779B97F4A7C15L * (i + 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mergingSplitAccumulatorsEqualsOnePass(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Response> responses = Fixtures.random(random, 20 + random.nextInt(300));
        Results single = Scorer.score(Fixtures.QUESTIONNAIRE, responses);

        int parts = 1 + random.nextInt(5);
        List<Accumulator> accumulators = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            accumulators.add(new Accumulator(Fixtures.QUESTIONNAIRE));
        }
        for (Response response : responses) {
            accumulators.get(random.nextInt(parts)).add(response);
        }
        Accumulator merged = accumulators.get(accumulators.size() - 1);
        for (int p = accumulators.size() - 2; p >= 0; p--) {
            merged.merge(accumulators.get(p));
        }
        assertEquals(single, merged.results(), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void groupsAreTheSameWhetherRowsGoToCellsOfTheirSegmentValuesOrStraightToTheGroups(long seed) {
        // up to 150 teams (some spelt with blanks around) by three levels: more combinations than cells
        SplittableRandom random = new SplittableRandom(seed);
        List<Response> responses = new ArrayList<>();
        for (Response response : Fixtures.random(random, 200 + random.nextInt(1500))) {
            int team = random.nextInt(150);
            String spelt = random.nextInt(5) == 0 ? " T" + team + " " : "T" + team;
            responses.add(new Response(response.source(), response.line(), response.answers(),
                    List.of(spelt, response.segments().get(1)), List.of()));
        }
        List<Results> results = new ArrayList<>();
        for (int maxCells : new int[] {0, 1, 37, Accumulator.MAX_CELLS, 100_000}) {
            Accumulator accumulator = new Accumulator(Fixtures.QUESTIONNAIRE, maxCells);
            Accumulator part = accumulator.part();
            for (Response response : responses) {
                (random.nextBoolean() ? accumulator : part).add(response);
            }
            accumulator.merge(part);
            results.add(accumulator.results());
        }
        for (Results other : results.subList(1, results.size())) {
            assertEquals(results.get(0), other, "seed " + seed);
        }
        assertTrue(results.get(0).segments().get(0).groups().size() > 100, "many teams");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void itemFiguresAreTheSameFromCountsOfEachValueAsFromSums(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Response> responses = Fixtures.random(random, 20 + random.nextInt(300));
        List<Results> results = new ArrayList<>();
        // answers summed, then counted value by value (the reference tests check the counts against R)
        for (int talliedPoints : new int[] {0, Plan.TALLIED_POINTS}) {
            Accumulator accumulator = new Accumulator(Fixtures.QUESTIONNAIRE, Accumulator.MAX_CELLS, talliedPoints);
            Accumulator part = accumulator.part();
            for (Response response : responses) {
                (random.nextBoolean() ? accumulator : part).add(response);
            }
            accumulator.merge(part);
            results.add(accumulator.results());
        }
        assertEquals(results.get(0), results.get(1), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void permutingRowsChangesNothing(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Response> responses = Fixtures.random(random, 20 + random.nextInt(300));
        Results original = Scorer.score(Fixtures.QUESTIONNAIRE, responses);
        List<Response> shuffled = new ArrayList<>(responses);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(original, Scorer.score(Fixtures.QUESTIONNAIRE, shuffled), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSegmentLetsAHiddenGroupBeWorkedOutBySubtraction(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Response> responses = Fixtures.random(random, 10 + random.nextInt(120));
        Results results = Scorer.score(Fixtures.QUESTIONNAIRE, responses);
        int k = Fixtures.QUESTIONNAIRE.reporting().minGroupSize();
        for (Results.SegmentResult segment : results.segments()) {
            long shown = 0;
            boolean anyShown = false;
            for (Results.Group group : segment.groups()) {
                if (!group.suppressed()) {
                    shown += group.n();
                    anyShown = true;
                    assertTrue(group.n() >= k, "seed " + seed);
                }
            }
            long hidden = results.rows().scored() - shown;
            assertFalse(anyShown && hidden >= 1 && hidden < k,
                    "seed " + seed + ": segment " + segment.id() + " hides " + hidden + " respondents in all");
            for (int x = 0; x < results.indices().size(); x++) {
                long shownCells = 0;
                for (Results.Group group : segment.groups()) {
                    if (!group.suppressed() && !group.indices().get(x).figures().suppressed()) {
                        long n = Fixtures.shown(group.indices().get(x).figures()).n();
                        shownCells += n;
                        assertTrue(n >= k, "seed " + seed);
                    }
                }
                long hiddenCells = Fixtures.shown(results.indices().get(x).figures()).n() - shownCells;
                assertFalse(shownCells > 0 && hiddenCells >= 1 && hiddenCells < k,
                        "seed " + seed + ": index cells of " + segment.id() + " hide " + hiddenCells);
            }
        }
    }
}
