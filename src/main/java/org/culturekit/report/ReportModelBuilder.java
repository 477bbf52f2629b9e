package org.culturekit.report;

import java.util.ArrayList;
import java.util.List;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Scale;
import org.culturekit.report.ReportModel.ActionRow;
import org.culturekit.report.ReportModel.Bar;
import org.culturekit.report.ReportModel.Cell;
import org.culturekit.report.ReportModel.DriverRow;
import org.culturekit.report.ReportModel.EnpsView;
import org.culturekit.report.ReportModel.Excluded;
import org.culturekit.report.ReportModel.GapRow;
import org.culturekit.report.ReportModel.GroupRow;
import org.culturekit.report.ReportModel.IndexCard;
import org.culturekit.report.ReportModel.ItemRow;
import org.culturekit.report.ReportModel.PerceptionRow;
import org.culturekit.report.ReportModel.RowsView;
import org.culturekit.report.ReportModel.SayDoView;
import org.culturekit.report.ReportModel.SegmentTable;
import org.culturekit.scoring.Results;

/** Builds a {@link ReportModel} from results: ordering, rounding and wording, and nothing else. */
final class ReportModelBuilder {
    private final Questionnaire questionnaire;
    private final Results results;

    ReportModelBuilder(Questionnaire questionnaire, Results results) {
        this.questionnaire = questionnaire;
        this.results = results;
    }

    ReportModel build(String wave) {
        List<IndexCard> cards = new ArrayList<>();
        List<ActionRow> actions = new ArrayList<>();
        for (int x = 0; x < results.indices().size(); x++) {
            Results.IndexResult index = results.indices().get(x);
            cards.add(card(index));
            if (index.band() != null) {
                actions.addAll(ReportModel.actionsFor(questionnaire.indices().get(x), index.band()));
            }
        }
        List<SegmentTable> segments = new ArrayList<>();
        boolean anySuppressed = false;
        for (Results.SegmentResult segment : results.segments()) {
            SegmentTable table = segment(segment);
            segments.add(table);
            anySuppressed |= table.groups().stream().anyMatch(g -> g.suppressed()
                    || g.cells().stream().anyMatch(Cell::suppressed));
        }
        List<PerceptionRow> perception = results.perceptionGap().stream().map(this::perception).toList();
        anySuppressed |= perception.stream().anyMatch(PerceptionRow::suppressed);
        List<String> notes = new ArrayList<>();
        int k = questionnaire.reporting().minGroupSize();
        if (anySuppressed) {
            notes.add("Figures for groups with fewer than " + k + " respondents are not shown. Where hidden groups "
                    + "could otherwise be worked out by subtracting the shown ones from the total, further groups "
                    + "are hidden too.");
        }
        return new ReportModel(
                questionnaire.title(),
                questionnaire.id(),
                questionnaire.version(),
                wave,
                rows(results.rows()),
                k,
                cards,
                sayDo(results.sayDo()),
                enps(results.enps()),
                perception,
                segments,
                results.drivers().stream()
                        .map(d -> new DriverRow(indexName(d.id()), Display.decimal(d.r(), 2),
                                interval(d.ciLow(), d.ciHigh()), Long.toString(d.n())))
                        .toList(),
                actions,
                notes);
    }

    private static RowsView rows(Results.Rows rows) {
        return new RowsView(
                Long.toString(rows.read()),
                Long.toString(rows.scored()),
                rows.excluded().stream().map(e -> new Excluded(e.reason(), Long.toString(e.count()))).toList());
    }

    private IndexCard card(Results.IndexResult index) {
        List<ItemRow> items = index.items().stream()
                .map(item -> new ItemRow(
                        item.id(),
                        questionnaire.item(item.id()).text(),
                        questionnaire.item(item.id()).reverse(),
                        Long.toString(item.n()),
                        Display.decimal(item.mean(), 2),
                        Display.whole(item.favorable()),
                        Display.whole(item.neutral()),
                        Display.whole(item.unfavorable()),
                        Bar.of(item.favorable(), item.neutral(), item.unfavorable()),
                        Display.decimal(item.itemTotal(), 2)))
                .toList();
        return new IndexCard(
                index.id(),
                index.name(),
                Long.toString(index.n()),
                Display.decimal(index.mean(), 2),
                interval(index.ciLow(), index.ciHigh()),
                Display.whole(index.score100()),
                index.band() == null ? "" : index.band(),
                Display.whole(index.favorable()),
                Display.whole(index.neutral()),
                Display.whole(index.unfavorable()),
                Bar.of(index.favorable(), index.neutral(), index.unfavorable()),
                Display.decimal(index.alpha(), 2),
                items);
    }

    private static SayDoView sayDo(Results.SayDo sayDo) {
        if (sayDo == null) {
            return null;
        }
        return new SayDoView(gap("All values", sayDo.overall()),
                sayDo.pairs().stream().map(p -> gap(p.name(), p)).toList());
    }

    private static GapRow gap(String name, Results.Gap gap) {
        return new GapRow(
                name,
                Long.toString(gap.n()),
                Display.signed(gap.meanGap(), 2),
                interval(gap.ciLow(), gap.ciHigh()),
                Display.probability(gap.p()),
                Display.decimal(gap.dz(), 2),
                Display.whole(gap.shareGapAtLeast1()));
    }

    private static EnpsView enps(Results.Enps enps) {
        if (enps == null) {
            return null;
        }
        return new EnpsView(
                Long.toString(enps.n()),
                Display.signed(enps.score(), 0),
                share(enps.promoters(), enps.n()),
                share(enps.passives(), enps.n()),
                share(enps.detractors(), enps.n()));
    }

    private PerceptionRow perception(Results.PerceptionGap gap) {
        String name = indexName(gap.index());
        if (gap.suppressed()) {
            return new PerceptionRow(name, true, "", "", "", "", "");
        }
        return new PerceptionRow(
                name,
                false,
                Display.decimal(gap.leaders().mean(), 2),
                Display.decimal(gap.others().mean(), 2),
                Display.signed(gap.difference(), 2),
                Display.probability(gap.p()),
                Display.decimal(gap.hedgesG(), 2));
    }

    private SegmentTable segment(Results.SegmentResult segment) {
        List<String> names = questionnaire.indices().stream().map(Index::name).toList();
        List<GroupRow> rows = new ArrayList<>();
        for (Results.Group group : segment.groups()) {
            if (group.suppressed()) {
                List<Cell> cells = names.stream().map(n -> Cell.SUPPRESSED).toList();
                rows.add(new GroupRow(group.value(), true, "", cells, Cell.SUPPRESSED, Cell.SUPPRESSED));
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (int x = 0; x < group.indices().size(); x++) {
                cells.add(cell(questionnaire.indices().get(x), group.indices().get(x)));
            }
            Cell sayDo = group.sayDo() == null || group.sayDo().suppressed()
                    ? Cell.SUPPRESSED
                    : new Cell(Display.signed(group.sayDo().meanGap(), 2), false, "", -1);
            Cell enps = group.enps() == null || group.enps().suppressed()
                    ? Cell.SUPPRESSED
                    : new Cell(Display.signed(group.enps().score(), 0), false, "", -1);
            rows.add(new GroupRow(group.value(), false, Long.toString(group.n()), cells, sayDo, enps));
        }
        List<String> icc1 = segment.agreement().stream().map(a -> Display.decimal(a.icc1(), 2)).toList();
        return new SegmentTable(segment.id(), names, rows, icc1);
    }

    private Cell cell(Index index, Results.GroupIndex cell) {
        if (cell.suppressed()) {
            return Cell.SUPPRESSED;
        }
        Scale scale = questionnaire.scaleOf(index.items().get(0));
        Double score100 = cell.mean() == null
                ? null
                : (cell.mean() - scale.min()) / (scale.max() - scale.min()) * 100;
        // five shades on the 0–100 score, so the heatmap reads the same as the cards
        int level = score100 == null ? -1 : (int) Math.min(4, Math.floor(score100 / 20));
        return new Cell(Display.whole(score100), false, cell.flag() == null ? "" : cell.flag(), level);
    }

    private String indexName(String id) {
        return questionnaire.indices().stream()
                .filter(i -> i.id().equals(id))
                .map(Index::name)
                .findFirst()
                .orElse(id);
    }

    private static String interval(Double low, Double high) {
        return low == null || high == null ? Display.NONE : Display.decimal(low, 2) + "–" + Display.decimal(high, 2);
    }

    private static String share(long part, long n) {
        return n == 0 ? Display.NONE : Display.whole(100.0 * part / n);
    }
}
