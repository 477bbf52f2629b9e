package org.culturekit.scoring;

import static org.culturekit.scoring.Fixtures.NA;
import static org.culturekit.scoring.Fixtures.response;
import static org.culturekit.scoring.Fixtures.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.culturekit.model.Response;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked examples of docs/statistics.md. Each expected value is worked out in the comment beside it; the R
 * reference in {@code ReferenceTest} covers the rest.
 */
class ScorerTest {
    private static final double EPS = 1e-12;

    private static Results score(Response... responses) {
        return Scorer.score(Fixtures.QUESTIONNAIRE, List.of(responses));
    }

    @Test
    void keysReverseItemsAndAveragesAnsweredItems() {
        // respondent 1: a1=5, a2=4, a3=1 → keyed 5 → score (5+4+5)/3 = 14/3
        // respondent 2: a1=2, a2 missing, a3=4 → keyed 2 → score (2+2)/2 = 2
        // respondent 3: a1=3, a2=3, a3=3 → keyed 3 → score 3
        // respondent 4: a1=1, a2=5, a3=5 → keyed 1 → score 7/3
        Results results = score(response("X", "Member", 5, 4, 1, NA, NA, NA),
                response("X", "Member", 2, NA, 4, NA, NA, NA), response("X", "Member", 3, 3, 3, NA, NA, NA),
                response("X", "Member", 1, 5, 5, NA, NA, NA));
        Results.IndexFigures index = shown(results.indices().get(0).figures());
        double[] scores = {14.0 / 3, 2, 3, 7.0 / 3};
        double mean = (14.0 / 3 + 2 + 3 + 7.0 / 3) / 4;
        assertEquals(4, index.n());
        assertEquals(mean, index.mean(), EPS);
        double squares = 0;
        for (double score : scores) {
            squares += (score - mean) * (score - mean);
        }
        assertEquals(Math.sqrt(squares / 3), index.sd(), EPS);
        // score100 = (mean − 1) / 4 · 100
        assertEquals((mean - 1) / 4 * 100, index.score100(), EPS);
        // pooled keyed answers 5 4 5, 2 2, 3 3 3, 1 5 1: favourable 4 of 11, neutral 3, unfavourable 4
        assertEquals(400.0 / 11, index.favorable(), EPS);
        assertEquals(300.0 / 11, index.neutral(), EPS);
        assertEquals(400.0 / 11, index.unfavorable(), EPS);
        // item a3 keyed: 5, 2, 3 and 1
        assertEquals(11.0 / 4, shown(results.indices().get(0).items().get(2).figures()).mean(), EPS);
    }

    @Test
    void figuresOfFewerThanTheMinimumAreWithheldCountsIncluded() {
        // two respondents, minimum 3: the index, its items, the gap and eNPS show nothing, not even n
        Results results = score(response("X", "Member", 5, 4, 1, 4, 2, 9), response("X", "Member", 2, NA, 4, 3, 3, 7));
        Results.IndexResult index = results.indices().get(0);
        assertEquals(new Results.IndexResult("a", index.name(), Results.Cell.withheld(), index.fingerprint(),
                List.of(new Results.ItemResult("a1", Results.Cell.withheld()),
                        new Results.ItemResult("a2", Results.Cell.withheld()),
                        new Results.ItemResult("a3", Results.Cell.withheld()))), index);
        assertTrue(results.sayDo().overall().suppressed());
        assertTrue(results.sayDo().pairs().get(0).figures().suppressed());
        assertTrue(results.enps().suppressed());
        assertTrue(results.drivers().stream().allMatch(driver -> driver.figures().suppressed()));
    }

    @Test
    void anItemAnsweredByTooFewWithholdsItAndThePooledFiguresThatWouldGiveItAway() {
        // a2 answered by two of four: its figures, and the index's pooled shares and reliability, are withheld
        Results results = score(response("X", "M", 5, 4, 1, NA, NA, NA), response("X", "M", 2, NA, 4, NA, NA, NA),
                response("X", "M", 3, NA, 3, NA, NA, NA), response("X", "M", 1, 5, 5, NA, NA, NA));
        Results.IndexResult index = results.indices().get(0);
        Results.IndexFigures figures = shown(index.figures());
        assertEquals(4, figures.n());
        assertTrue(index.items().get(1).figures().suppressed());
        assertFalse(index.items().get(0).figures().suppressed());
        assertNull(figures.favorable());
        assertNull(figures.alpha());
        assertNull(shown(index.items().get(0).figures()).itemTotal());
    }

    @Test
    void confidenceIntervalUsesTheTDistribution() {
        // scores 1, 2, 3 (a1 only): mean 2, sd 1, t(.975, 2) = 4.302652729749464 (R: qt(.975, 2))
        Results results = score(response("X", "M", 1, NA, NA, NA, NA, NA), response("X", "M", 2, NA, NA, NA, NA, NA),
                response("X", "M", 3, NA, NA, NA, NA, NA));
        Results.IndexFigures index = shown(results.indices().get(0).figures());
        double half = 4.302652729749464 / Math.sqrt(3);
        assertEquals(2 - half, index.ciLow(), 1e-12);
        assertEquals(2 + half, index.ciHigh(), 1e-12);
        assertEquals("Low", index.band());
    }

    @Test
    void undefinedStatisticsAreNullNotNaN() {
        // three alike answers: no spread, so no test, alpha or standardised gap
        Results results = score(response("X", "M", 4, NA, NA, 3, 3, NA), response("X", "M", 4, NA, NA, 3, 3, NA),
                response("X", "M", 4, NA, NA, 3, 3, NA));
        Results.IndexFigures index = shown(results.indices().get(0).figures());
        assertEquals(3, index.n());
        assertEquals(4.0, index.mean(), EPS);
        assertEquals(0.0, index.sd(), EPS);
        assertNull(index.alpha());
        Results.GapFigures overall = shown(results.sayDo().overall());
        assertEquals(3, overall.n());
        assertEquals(0.0, overall.meanGap(), EPS);
        assertNull(overall.t());
        assertNull(overall.p());
        assertNull(overall.dz());
    }

    @Test
    void enpsCountsPromotersPassivesAndDetractors() {
        // answers 10, 9, 8, 6, 0: promoters 2, passives 1, detractors 2 → score 100·(2 − 2)/5 = 0
        Results results = score(response("X", "M", NA, NA, NA, NA, NA, 10), response("X", "M", NA, NA, NA, NA, NA, 9),
                response("X", "M", NA, NA, NA, NA, NA, 8), response("X", "M", NA, NA, NA, NA, NA, 6),
                response("X", "M", NA, NA, NA, NA, NA, 0));
        assertEquals(Results.Cell.shown(new Results.Enps(5, 2, 1, 2, 0.0)), results.enps());
    }

    @Test
    void sayDoGapIsSayMinusDoOverRespondentsWithBoth() {
        // gaps 5−3 = 2, 4−4 = 0, 2−1 = 1; the fourth respondent has no do answer
        Results results = score(response("X", "M", NA, NA, NA, 5, 3, NA), response("X", "M", NA, NA, NA, 4, 4, NA),
                response("X", "M", NA, NA, NA, 2, 1, NA), response("X", "M", NA, NA, NA, 5, NA, NA));
        Results.GapFigures gap = shown(results.sayDo().pairs().get(0).figures());
        assertEquals(3, gap.n());
        assertEquals(1.0, gap.meanGap(), EPS);
        assertEquals(1.0, gap.sd(), EPS);
        // t = 1 / (1/√3) = √3, df 2; R: 2*pt(-sqrt(3), 2) = 0.2254033307585166
        assertEquals(Math.sqrt(3), gap.t(), 1e-12);
        assertEquals(2.0, gap.df(), EPS);
        assertEquals(0.2254033307585166, gap.p(), 1e-12);
        assertEquals(1.0, gap.dz(), EPS);
        // two of three gaps are at least 1
        assertEquals(200.0 / 3, gap.shareGapAtLeast1(), EPS);
        // say 5, 4, 2 and do 3, 4, 1 over the three with both
        assertEquals(11.0 / 3, gap.sayMean(), EPS);
        assertEquals(8.0 / 3, gap.doMean(), EPS);
        assertNull(shown(results.sayDo().overall()).sayMean());
    }

    @Test
    void smallGroupsAreSuppressedAndSoAreTheGroupsThatWouldRevealThemBySubtraction() {
        // k = 3. Teams A×6, B×5, C×4, D×2. D is under k. Its size alone could be derived from the total, so C
        // (the smallest shown) is hidden too; then a member of C could subtract C's 4 from the hidden 6 and learn
        // D's 2, so B is hidden as well: 11 − 2, 11 − 4 and 11 − 5 are all ≥ k. A stays.
        List<Response> responses = new java.util.ArrayList<>();
        int[] sizes = {6, 5, 4, 2};
        for (int t = 0; t < sizes.length; t++) {
            for (int i = 0; i < sizes[t]; i++) {
                responses.add(response(String.valueOf((char) ('A' + t)), "M", 1 + t, 4, 2, 4, 3, 9));
            }
        }
        Results results = Scorer.score(Fixtures.QUESTIONNAIRE, responses);
        List<Results.Group> groups = results.segments().get(0).groups();
        assertEquals(List.of("A", "B", "C", "D"), groups.stream().map(Results.Group::value).toList());
        assertEquals(List.of(false, true, true, true), groups.stream().map(Results.Group::suppressed).toList());
        assertEquals(6L, groups.get(0).n());
        assertNull(groups.get(1).n());
        assertTrue(groups.get(1).indices().isEmpty());
    }

    @Test
    void blankSegmentValuesFormTheirOwnGroupShownLast() {
        Results results = score(response("", "M", 4, 4, 2, 4, 3, 9), response("", "M", 4, 4, 2, 4, 3, 9),
                response("", "M", 4, 4, 2, 4, 3, 9), response("Z", "M", 4, 4, 2, 4, 3, 9),
                response("Z", "M", 4, 4, 2, 4, 3, 9), response("Z", "M", 4, 4, 2, 4, 3, 9));
        List<Results.Group> groups = results.segments().get(0).groups();
        assertEquals(List.of("Z", ResultsBuilder.NOT_GIVEN), groups.stream().map(Results.Group::value).toList());
        // not an organisational unit: no agreement figure for it
        assertNull(shown(groups.get(1).indices().get(0).figures()).rwg());
    }

    @Test
    void perceptionGapIsWithheldWhenEitherSideIsBelowTheMinimum() {
        Results results = score(response("X", "Lead", 5, 5, 1, 5, 5, 10), response("X", "Member", 1, 1, 5, 1, 1, 0),
                response("X", "Member", 2, 2, 4, 1, 1, 0), response("X", "Member", 3, 3, 3, 1, 1, 0));
        assertEquals(new Results.PerceptionGap("a", Results.Cell.withheld()), results.perceptionGap().get(0));
    }
}
