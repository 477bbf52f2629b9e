package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
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
        assertEquals(index.name(), card.name());
        assertEquals(Display.whole(index.score100()), card.score100());
        assertEquals(index.band(), card.band());
        assertEquals((int) Math.min(4, Math.floor(index.score100() / 20)), card.level());
    }

    @Test
    void shadesFollowTheBandsWhateverTheirNumber() {
        // four bands: the lowest and highest keep the ends of the scale, the two between spread over the middle
        ReportModel four = withBands(List.of(new Band(OptionalDouble.of(25), "A"), new Band(OptionalDouble.of(50), "B"),
                new Band(OptionalDouble.of(62.5), "C"), new Band(OptionalDouble.empty(), "D")));
        ReportModel.IndexCard card = four.indices().get(0);
        assertEquals(List.of(new ReportModel.BandKey("A", "under 25", "tone0"),
                new ReportModel.BandKey("B", "25 to under 50", "tone1"),
                new ReportModel.BandKey("C", "50 to under 62.5", "tone3"),
                new ReportModel.BandKey("D", "62.5 and over", "tone4")), card.bands());
        assertEquals(toneOf(card, card.band()), card.tone());
        int cells = 0;
        for (ReportModel.SegmentTable segment : four.segments()) {
            for (ReportModel.GroupRow group : segment.groups()) {
                ReportModel.Cell cell = group.cells().get(0);
                if (!cell.suppressed()) {
                    double score = Double.parseDouble(cell.text());
                    // the band of the unrounded score: only a score rounded onto an edge could be either side
                    if (Stream.of(25.0, 50.0, 62.5).noneMatch(edge -> Math.abs(score - edge) <= 0.5)) {
                        assertEquals(score < 25 ? "A" : score < 50 ? "B" : score < 62.5 ? "C" : "D", cell.band(),
                                cell.toString());
                    }
                    assertEquals(toneOf(card, cell.band()), cell.tone(), cell.toString());
                    assertEquals("", group.sayDo().tone(), "the say-do gap has no band");
                    cells++;
                }
            }
        }
        assertTrue(cells >= 2, "shown cells: " + cells);

        // a single band says nothing about good or bad
        ReportModel one = withBands(List.of(new Band(OptionalDouble.empty(), "Measured")));
        assertEquals(List.of(new ReportModel.BandKey("Measured", "any score", "")), one.indices().get(0).bands());
        assertEquals("", one.indices().get(0).tone());
    }

    private static ReportModel withBands(List<Band> bands) {
        Questionnaire sample = Samples.questionnaire(Samples.HOSTILE);
        Index index = sample.indices().get(0);
        Questionnaire banded = new Questionnaire(sample.id(), sample.title(), sample.version(), sample.language(),
                sample.scales(), sample.items(), List.of(new Index(index.id(), index.name(), index.items(), bands,
                        List.of())), sample.sayDo(), sample.enps(), sample.segments(), sample.respondentId(),
                sample.comments(), sample.reporting());
        return ReportModel.of(banded, Scorer.score(banded, Samples.responses(Samples.HOSTILE)),
                new ReportOptions("", OptionalLong.empty(), true));
    }

    private static String toneOf(ReportModel.IndexCard card, String band) {
        return card.bands().stream().filter(b -> b.label().equals(band)).findFirst().orElseThrow().tone();
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
        Results.Gap gap = results().sayDo().pairs().get(0);
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
