package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.culturekit.model.Response;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Scorer;
import org.junit.jupiter.api.Test;

/** The view model alone, without templates: ordering, rounding, geometry, flags and wording. */
class ReportModelTest {
    private static final ReportModel MODEL = Samples.model();

    @Test
    void roundsHalfUpWithATypographicMinusAndNoNegativeZero() {
        assertEquals("0.13", Display.decimal(0.125, 2));
        assertEquals("\u22120.13", Display.decimal(-0.125, 2));
        assertEquals("0.00", Display.decimal(-0.001, 2));
        assertEquals("+0.42", Display.signed(0.4249, 2));
        assertEquals("0", Display.signed(-0.4, 0));
        assertEquals("<0.001", Display.probability(0.0004));
        assertEquals("–", Display.decimal(null, 2));
    }

    @Test
    void barsAlwaysFillExactlyTheWidth() {
        // 33.5 + 33.5 + 33 rounds to 34 + 34 + 33 = 101 without the remainder rule
        ReportModel.Bar bar = ReportModel.Bar.of(33.5, 33.0, 33.5);
        assertEquals(100, bar.favorable() + bar.neutral() + bar.unfavorable());
        assertEquals(bar.favorable(), bar.neutralStart());
        assertEquals(bar.favorable() + bar.neutral(), bar.unfavorableStart());
        assertEquals(new ReportModel.Bar(0, 0, 0, 0, 0), ReportModel.Bar.of(null, null, null));
    }

    @Test
    void cardsFollowTheQuestionnaireAndCarryTheirBand() {
        ReportModel.IndexCard card = MODEL.indices().get(0);
        Results.IndexResult index = results().indices().get(0);
        Results.IndexFigures figures = index.figures().shown().orElseThrow();
        assertEquals(index.name(), card.name());
        assertEquals(Display.whole(figures.score100()), card.score100());
        assertEquals(figures.band(), card.band());
        assertEquals((int) Math.min(4, Math.floor(figures.score100() / 20)), card.level());
    }

    @Test
    void hiddenGroupsShowNoFigureAtAll() {
        int hidden = 0;
        for (ReportModel.SegmentTable segment : MODEL.segments()) {
            for (ReportModel.GroupRow group : segment.groups()) {
                if (group.suppressed()) {
                    hidden++;
                    assertEquals("", group.n());
                    assertTrue(group.cells().stream().allMatch(c -> c.suppressed() && c.text().isEmpty()));
                }
            }
        }
        assertTrue(hidden > 0, "the sample hides its two-person team");
        assertTrue(MODEL.notes().get(0).startsWith("Figures for any group with fewer than 3 respondents"),
                MODEL.notes().toString());
        assertFalse(String.join(" ", MODEL.notes()).matches(".*\\b[12] respondents.*"), "no hidden size");
    }

    @Test
    void sayDoDumbbellsPlaceTheMeansOnTheScale() {
        Results.GapFigures gap = results().sayDo().pairs().get(0).figures().shown().orElseThrow();
        ReportModel.GapRow row = MODEL.sayDo().pairs().get(0);
        // agree5 runs 1–5: a mean m sits at (m − 1) / 4 · 100
        assertEquals(Display.decimal((gap.sayMean() - 1) / 4 * 100, 1), row.dumbbell().first());
        assertEquals(Display.decimal((gap.doMean() - 1) / 4 * 100, 1), row.dumbbell().second());
        assertEquals(Display.signed(gap.meanGap(), 2), row.meanGap());
        assertEquals("All values", MODEL.sayDo().overall().name());
    }

    @Test
    void theSummaryNamesTheStrongestAndWeakestIndexAndTheEnps() {
        assertTrue(MODEL.summary().get(0).startsWith("Safety "), MODEL.summary().get(0));
        assertTrue(MODEL.summary().stream().anyMatch(s -> s.startsWith("eNPS is ")), MODEL.summary().toString());
        assertEquals("25% of 40 invited", MODEL.responseRate());
    }

    @Test
    void commentsComeInTextOrderWithRepeatsCounted() {
        ReportModel.CommentBlock block = MODEL.comments().get(0).groups().get(0);
        List<String> texts = block.comments().stream().map(ReportModel.CommentLine::text).toList();
        List<String> sorted = new ArrayList<>(texts);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, texts);
        assertTrue(block.comments().stream().anyMatch(c -> c.count().equals("×5")), block.toString());
        ReportModel off = ReportModel.of(Samples.QUESTIONNAIRE, results().withoutComments(),
                new ReportOptions("", OptionalLong.empty(), false));
        assertTrue(off.commentsOff() && off.comments().isEmpty());
    }

    @Test
    void changesShowDirectionAndWhetherItIsBetter() {
        Results then = results();
        List<Response> later = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            // everyone now agrees strongly with the first item and says and does alike
            later.add(new Response("later.csv", r + 2, new int[] {5, 1, 5, 4, 4, 9, Response.MISSING},
                    List.of(r < 5 ? "A" : "B", "Member"), List.of("")));
        }
        Results now = Scorer.score(Samples.QUESTIONNAIRE, later);
        ReportModel model = ReportModel.of(Samples.QUESTIONNAIRE, now, new ReportOptions("now", OptionalLong.empty(),
                true, Changes.between(then, now, Samples.QUESTIONNAIRE.reporting().minGroupSize()), List.of(then), List.of("a breach")));
        ReportModel.ChangeRow index = model.changes().indices().get(0);
        assertEquals("up", index.direction());
        assertTrue(index.better());
        ReportModel.ChangeRow overallGap = model.changes().pairs().get(model.changes().pairs().size() - 1);
        assertEquals("All values", overallGap.name());
        // a gap that shrinks is good news
        assertEquals(overallGap.direction().equals("down"), overallGap.better());
        assertEquals(List.of("a breach"), model.breaches());
        assertEquals(List.of("Wave " + Samples.HOSTILE, "now"), model.trend().waves());
    }

    private static Results results() {
        return Samples.results();
    }
}
