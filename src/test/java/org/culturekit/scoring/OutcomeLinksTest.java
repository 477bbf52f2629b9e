package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.culturekit.model.OutcomeTable;
import org.culturekit.model.Response;
import org.culturekit.scoring.Results.Outcome;
import org.culturekit.scoring.Results.OutcomePoint;
import org.culturekit.scoring.stats.Correlation;
import org.junit.jupiter.api.Test;

/** Linking culture to outcomes over shown groups only (docs/privacy.md), and what each entry holds. */
class OutcomeLinksTest {
    private static final int TEAMS = 12;
    private static final String TINY = "Tiny";

    /** Twelve teams of six whose index means rise with their number, and a team of two answering {@code tiny}. */
    private static Results survey(int tiny) {
        List<Response> responses = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            for (int p = 0; p < 6; p++) {
                int a = 1 + (t + p) % 5;
                responses.add(Fixtures.response("T" + (char) ('A' + t), "Member", a, Math.min(5, a + t % 2),
                        6 - a, 3, 3, Math.min(10, t + p)));
            }
        }
        responses.add(Fixtures.response(TINY, "Member", tiny, tiny, 6 - tiny, 3, 3, 5));
        responses.add(Fixtures.response(TINY, "Member", tiny, tiny, 6 - tiny, 3, 3, 5));
        return Scorer.score(Fixtures.QUESTIONNAIRE, responses).withWave("W1");
    }

    /** Each team's customer score rises with its number; the tiny team's is extreme, to pull r if it entered. */
    private static OutcomeTable outcomes() {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            rows.add(new OutcomeTable.Row(t + 2, "T" + (char) ('A' + t), "", List.of(10.0 * t + (t % 3)),
                    Arrays.asList((Long) null)));
        }
        rows.add(new OutcomeTable.Row(20, TINY, "", List.of(500.0), List.of(40L)));
        return new OutcomeTable("kpi.csv", "team", List.of("nps"), false, rows);
    }

    private static Outcome same(List<Outcome> outcomes, String measure) {
        return outcomes.stream().filter(o -> o.measure().equals(measure) && o.lag().equals(OutcomeLinks.SAME_WAVE))
                .findFirst().orElseThrow();
    }

    @Test
    void aHiddenTeamsMeanCannotBeRecoveredBecauseItNeverEntered() {
        Results high = survey(5);
        Results low = survey(1);
        assertTrue(high.segments().get(0).groups().stream().anyMatch(g -> g.value().equals(TINY) && g.suppressed()),
                "the tiny team is hidden");
        List<Outcome> fromHigh = OutcomeLinks.link(List.of(outcomes()), high, null);
        List<Outcome> fromLow = OutcomeLinks.link(List.of(outcomes()), low, null);
        // the attacker's data: r, n and the points, for every measure. A hidden team whose mean is 1 or 5 gives
        // exactly the same publication, so no equation in them can have its mean as a solution
        assertEquals(fromHigh, fromLow);
        for (Outcome o : fromHigh) {
            o.points().forEach(p -> assertNotEquals(TINY, p.group()));
            assertTrue(o.points().stream().allMatch(p -> shown(high, p.group())), o.toString());
            // r is a function of the published points alone ...
            double[] x = o.points().stream().mapToDouble(OutcomePoint::culture).toArray();
            double[] y = o.points().stream().mapToDouble(OutcomePoint::outcome).toArray();
            assertEquals(Correlation.pearson(x, y), o.r());
        }
        // ... and solving "r over the points and the hidden team = published r" for the hidden team's mean, with
        // its outcome (500) known from the KPI file, finds no mean on the scale that reproduces it: the attack's
        // premise, that the team was among the units, is false
        Outcome a = same(fromHigh, "a");
        double[] x = a.points().stream().mapToDouble(OutcomePoint::culture).toArray();
        double[] y = a.points().stream().mapToDouble(OutcomePoint::outcome).toArray();
        for (double mean = 1; mean <= 5; mean += 0.01) {
            double[] xs = Arrays.copyOf(x, x.length + 1);
            double[] ys = Arrays.copyOf(y, y.length + 1);
            xs[x.length] = mean;
            ys[y.length] = 500;
            assertTrue(Math.abs(Correlation.pearson(xs, ys) - a.r()) > 1e-6, "mean " + mean);
        }
    }

    @Test
    void anEntryHoldsTheStatisticsOfItsPointsAndTheSegmentsIcc2() {
        Results results = survey(5);
        Outcome a = same(OutcomeLinks.link(List.of(outcomes()), results, null), "a");
        assertTrue(a.n() >= Correlation.MIN_UNITS, "n " + a.n());
        assertEquals(a.points().size(), a.n());
        double[] x = a.points().stream().mapToDouble(OutcomePoint::culture).toArray();
        double[] y = a.points().stream().mapToDouble(OutcomePoint::outcome).toArray();
        Correlation.Estimate estimate = Correlation.Estimate.of(x, y);
        assertEquals(estimate.ciLow(), a.ciLow());
        assertEquals(estimate.p(), a.p());
        assertEquals(estimate.spearman(), a.spearman());
        Double icc2 = results.segments().get(0).agreement().get(0).icc2();
        assertEquals(icc2, a.icc2());
        assertEquals(icc2 != null && icc2 > 0 ? a.r() / Math.sqrt(icc2) : null, a.rDisattenuated());
        assertEquals(85, a.unitsToDetect());
        assertEquals(Correlation.detectable(a.n()), a.detectableR());
        assertNull(a.reason());
        assertNull(a.outcomeWave(), "a file without a period column");
        assertEquals("W1", a.cultureWave());
        Outcome enps = same(OutcomeLinks.link(List.of(outcomes()), results, null), OutcomeLinks.ENPS);
        assertNull(enps.icc2());
        assertNotNull(enps.r());
    }

    @Test
    void withAPreviousWaveAndPeriodsEveryPairingOfWavesIsLinked() {
        Results now = survey(5).withWave("W2");
        Results then = survey(1).withWave("W1");
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (OutcomeTable.Row row : outcomes().rows()) {
            rows.add(new OutcomeTable.Row(row.line(), row.group(), "W2", row.values(), row.customers()));
            rows.add(new OutcomeTable.Row(row.line() + 100, row.group(), "W1", List.of(-row.values().get(0)),
                    row.customers()));
        }
        OutcomeTable table = new OutcomeTable("kpi.csv", "team", List.of("nps"), true, rows);
        List<Outcome> outcomes = OutcomeLinks.link(List.of(table), now, then);
        List<String> lags = outcomes.stream().filter(o -> o.measure().equals("a")).map(Outcome::lag).toList();
        assertEquals(List.of(OutcomeLinks.SAME_WAVE, OutcomeLinks.CULTURE_EARLIER, OutcomeLinks.OUTCOMES_EARLIER,
                OutcomeLinks.PREVIOUS_WAVE), lags);
        Outcome reversed = outcomes.stream().filter(o -> o.measure().equals("a")
                && o.lag().equals(OutcomeLinks.OUTCOMES_EARLIER)).findFirst().orElseThrow();
        // the W1 outcomes are the W2 ones negated: the same culture gives the opposite r
        assertEquals(-same(outcomes, "a").r(), reversed.r(), 1e-12);
        assertEquals("W1", reversed.outcomeWave());
        assertEquals("W2", reversed.cultureWave());
    }

    @Test
    void fewerThanTenUnitsGiveThePointsAndAReasonButNoR() {
        OutcomeTable few = new OutcomeTable("kpi.csv", "team", List.of("nps"), false,
                outcomes().rows().subList(0, 9));
        Outcome a = same(OutcomeLinks.link(List.of(few), survey(5), null), "a");
        assertNull(a.r());
        assertNull(a.ciLow());
        assertNull(a.spearman());
        assertFalse(a.points().isEmpty());
        assertTrue(a.reason().contains("fewer than 10"));
    }

    private static boolean shown(Results results, String group) {
        return results.segments().get(0).groups().stream().anyMatch(g -> g.value().equals(group) && !g.suppressed());
    }
}
