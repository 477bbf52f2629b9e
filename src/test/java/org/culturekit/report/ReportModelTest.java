package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.culturekit.cli.run.Scoring;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;
import org.culturekit.questionnaire.QuestionnaireReader;
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
        assertTrue(MODEL.summary().get(0).contains("Safety "), MODEL.summary().get(0));
        assertTrue(MODEL.summary().stream().anyMatch(s -> s.startsWith("eNPS is ")), MODEL.summary().toString());
        assertEquals("25% of 40 invited", MODEL.responseRate());
    }

    /** The bundled example: 330 respondents in five segments, with many groups flagged on many indices. */
    private static final class Example {
        static final Questionnaire QUESTIONNAIRE =
                QuestionnaireReader.read(Path.of("questionnaires/customer-centric-culture.yaml"));
        static final Results RESULTS = Scoring.run(QUESTIONNAIRE, List.of(Path.of("examples/survey.csv")),
                Scoring.Options.DEFAULT).results();
        static final ReportModel MODEL = ReportModel.of(QUESTIONNAIRE, RESULTS, ReportOptions.DEFAULT);
    }

    @Test
    void spotsAreOneLinePerGroupAtMostThreeAboveAndThreeBelowLargestFirst() {
        Map<String, Double> largest = new LinkedHashMap<>();
        Map<String, Integer> flaggedIndices = new LinkedHashMap<>();
        for (Results.SegmentResult segment : Example.RESULTS.segments()) {
            for (Results.Group group : segment.groups()) {
                List<Results.GroupIndex> cells = group.figures().shown().map(Results.GroupFigures::indices)
                        .orElse(List.of());
                for (Results.GroupIndex index : cells) {
                    index.figures().shown().filter(cell -> cell.flag() != null).ifPresent(cell -> {
                        String key = cell.flag().label() + "/" + segment.id() + "/" + group.value();
                        largest.merge(key, Math.abs(cell.deltaVsRest()), Math::max);
                        flaggedIndices.merge(key, 1, Integer::sum);
                    });
                }
            }
        }
        List<ReportModel.Spot> spots = Example.MODEL.spots();
        for (String kind : List.of("bright-spot", "hot-spot")) {
            List<String> expected = largest.keySet().stream().filter(k -> k.startsWith(kind + "/"))
                    .sorted(Comparator.comparing((String k) -> -largest.get(k))).limit(3).toList();
            List<String> shown = spots.stream().filter(s -> s.kind().equals(kind))
                    .map(s -> s.kind() + "/" + s.segment() + "/" + s.group()).toList();
            assertEquals(expected, shown, kind);
        }
        for (ReportModel.Spot spot : spots) {
            String key = spot.kind() + "/" + spot.segment() + "/" + spot.group();
            assertEquals(flaggedIndices.get(key), spot.indices().size(), key);
            List<Double> deltas = spot.indices().stream().map(i -> Math.abs(Double.parseDouble(
                    i.delta().replace('\u2212', '-')))).toList();
            assertEquals(deltas.stream().sorted(Comparator.reverseOrder()).toList(), deltas, key);
            assertEquals(spot.indices().get(0).name(), spot.index());
            assertTrue(spot.text().startsWith(spot.kind().equals("bright-spot") ? "higher than everyone else on "
                    : "lower than everyone else on "), spot.text());
        }
        int others = largest.size() - spots.size();
        assertTrue(others > 1 && Example.MODEL.moreSpots().startsWith(others + " more groups differ"),
                Example.MODEL.moreSpots());
    }

    @Test
    void theSummarySpeaksToAnExecutiveWithoutStatisticsVocabulary() {
        List<String> summary = Example.MODEL.summary();
        String text = String.join(" ", summary);
        for (String jargon : List.of("Hedges", "q <", "q =", "p <", "ICC", "alpha", "CI", "confidence", "bright spot",
                "hot spot", "significant", "standard deviation")) {
            assertFalse(text.contains(jargon), jargon + " in " + text);
        }
        List<Results.IndexResult> byScore = Example.RESULTS.indices().stream()
                .sorted(Comparator.comparing((Results.IndexResult i) -> figures(i).score100())).toList();
        Results.IndexResult lowest = byScore.get(0);
        Results.IndexResult highest = byScore.get(byScore.size() - 1);
        assertTrue(summary.get(0).startsWith("Strong: " + highest.name() + " ("), summary.get(0));
        assertTrue(summary.get(1).startsWith(figures(lowest).band() + ": " + lowest.name() + " ("), summary.get(1));
        assertTrue(summary.stream().anyMatch(s -> s.startsWith("Widest say-do gap: on ")), text);
        ReportModel.Spot behind = Example.MODEL.spots().stream().filter(s -> s.kind().equals("hot-spot"))
                .findFirst().orElseThrow();
        assertTrue(summary.stream().anyMatch(s -> s.startsWith("Groups that stand out: ")
                && s.contains(behind.group() + " (" + behind.segment() + ") is behind")), text);
        assertEquals("What to do first: work on " + lowest.name() + " (see Recommended actions), starting with a "
                + "listening conversation with " + behind.group() + ".", summary.get(summary.size() - 1));
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

    private static Results.IndexFigures figures(Results.IndexResult index) {
        return index.figures().shown().orElseThrow();
    }
}
