package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.culturekit.model.Response;
import org.junit.jupiter.api.Test;

/**
 * Changes between waves, checked against Welch's test computed here from the raw scores of both waves — the
 * comparison itself sees only each wave's n, mean and sd.
 */
class ChangesTest {
    private static final int K = Fixtures.QUESTIONNAIRE.reporting().minGroupSize();

    /** Scores of index a for respondents answering only a1 (so the score is the answer). */
    private static List<Response> wave(int[] answers, int enps) {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            responses.add(Fixtures.response("T" + (i % 2), "Member", answers[i], Fixtures.NA, Fixtures.NA,
                    Fixtures.NA, Fixtures.NA, (i + enps) % 11));
        }
        return responses;
    }

    @Test
    void indexChangeIsWelchsTestOnTheTwoWavesScores() {
        int[] before = {1, 2, 2, 3, 3, 3, 4, 2, 1, 2};
        int[] after = {3, 4, 4, 5, 3, 4, 5, 4, 2, 4, 5, 3};
        Results then = Scorer.score(Fixtures.QUESTIONNAIRE, wave(before, 0)).withWave("Q2");
        Results now = Scorer.score(Fixtures.QUESTIONNAIRE, wave(after, 3)).withWave("Q4");
        Changes.Change change = Changes.between(then, now, K).indices().get(0);
        double[] expected = welch(before, after);
        assertTrue(change.comparable());
        assertEquals(mean(after) - mean(before), change.delta(), 1e-12);
        assertEquals(expected[0], change.t(), 1e-9);
        assertEquals(expected[1], change.df(), 1e-9);
        // R 4.2: t.test(c(3,4,4,5,3,4,5,4,2,4,5,3), c(1,2,2,3,3,3,4,2,1,2)) gives
        // t = 3.795189764232437, df = 19.202857899198086, p = 0.001204217046811724
        assertEquals(3.795189764232437, change.t(), 1e-9);
        assertEquals(19.202857899198086, change.df(), 1e-9);
        assertEquals(0.001204217046811724, change.p(), 1e-9);
        assertTrue(change.significant());
        assertEquals("Q2", Changes.between(then, now, K).baselineWave());
    }

    @Test
    void enpsChangeUsesThePlusMinus100CodingOfEachRespondent() {
        Results then = Scorer.score(Fixtures.QUESTIONNAIRE, wave(new int[] {3, 3, 3, 3, 3, 3, 3}, 0));
        Results now = Scorer.score(Fixtures.QUESTIONNAIRE, wave(new int[] {3, 3, 3, 3, 3, 3, 3, 3}, 5));
        Changes.Change change = Changes.between(then, now, K).enps();
        double[] before = coded(Fixtures.shown(then.enps()));
        double[] after = coded(Fixtures.shown(now.enps()));
        double[] expected = welch(before, after);
        assertEquals(Fixtures.shown(now.enps()).score() - Fixtures.shown(then.enps()).score(), change.delta(), 1e-12);
        assertEquals(expected[0], change.t(), 1e-9);
        assertEquals(expected[1], change.df(), 1e-9);
    }

    @Test
    void anIndexWhoseItemsChangedIsNotCompared() {
        Results then = Scorer.score(Fixtures.QUESTIONNAIRE, wave(new int[] {1, 2, 3}, 0));
        Results now = Scorer.score(Fixtures.QUESTIONNAIRE, wave(new int[] {3, 4, 5}, 0));
        Results.IndexResult index = then.indices().get(0);
        Results renamed = new Results(then.schemaVersion(), "old", null, new Results.QuestionnaireRef("fixture", "0",
                "other"), then.rows(), List.of(new Results.IndexResult(index.id(), index.name(), index.figures(),
                "different items", index.items())), then.sayDo(), then.enps(), List.of(), then.segments(),
                List.of(), List.of());
        Changes changes = Changes.between(renamed, now, K);
        assertFalse(changes.sameQuestionnaire());
        assertEquals(List.of(), changes.onlyHere(), "same item ids in both waves");
        Changes.Change change = changes.indices().get(0);
        assertFalse(change.comparable());
        assertEquals("its items changed since the baseline", change.reason());
        assertNull(change.delta());
    }

    @Test
    void groupsAreComparedOnlyWhereShownInBothWaves() {
        SplittableRandom random = new SplittableRandom(11);
        Results then = Scorer.score(Fixtures.QUESTIONNAIRE, Fixtures.random(random, 200));
        Results now = Scorer.score(Fixtures.QUESTIONNAIRE, Fixtures.random(random, 200));
        Changes changes = Changes.between(then, now, K);
        for (Changes.GroupChange group : changes.groups()) {
            for (Results results : List.of(then, now)) {
                Results.Group shown = results.segments().stream().filter(s -> s.id().equals(group.segment()))
                        .flatMap(s -> s.groups().stream()).filter(g -> g.value().equals(group.group()))
                        .findFirst().orElseThrow();
                assertFalse(shown.suppressed(), group.toString());
            }
        }
        assertFalse(changes.groups().isEmpty());
    }

    private static double[] coded(Results.Enps enps) {
        double[] values = new double[(int) enps.n()];
        int i = 0;
        for (long p = 0; p < enps.promoters(); p++) {
            values[i++] = 100;
        }
        for (long d = 0; d < enps.detractors(); d++) {
            values[i++] = -100;
        }
        return values;
    }

    private static double[] welch(int[] a, int[] b) {
        return welch(java.util.Arrays.stream(a).asDoubleStream().toArray(),
                java.util.Arrays.stream(b).asDoubleStream().toArray());
    }

    /** {t, df} of Welch's test of b against a, from the raw values. */
    private static double[] welch(double[] a, double[] b) {
        double va = variance(a) / a.length;
        double vb = variance(b) / b.length;
        double t = (mean(b) - mean(a)) / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return new double[] {t, df};
    }

    private static double mean(int[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(double[] values) {
        double m = mean(values);
        return java.util.Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1);
    }

    @Test
    void itemsInOneWaveOnlyAreListed() {
        Results then = Scorer.score(Fixtures.QUESTIONNAIRE, wave(new int[] {1, 2, 3}, 0));
        Results now = Scorer.score(Fixtures.QUESTIONNAIRE, wave(new int[] {3, 4, 5}, 0));
        Results.IndexResult index = then.indices().get(0);
        List<Results.ItemResult> fewer = index.items().subList(0, 2);
        Results older = new Results(then.schemaVersion(), "old", null, then.questionnaire(), then.rows(),
                List.of(new Results.IndexResult(index.id(), index.name(), index.figures(), "old", fewer)),
                then.sayDo(), then.enps(), List.of(), then.segments(), List.of(), List.of());
        Changes changes = Changes.between(older, now, K);
        assertEquals(List.of("item a3"), changes.onlyHere());
        assertFalse(changes.indices().get(0).comparable());
    }
}
