package org.culturekit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.culturekit.model.Action;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Scale;
import org.culturekit.report.ReportModel.ActionRow;
import org.culturekit.report.ReportModel.Bar;
import org.culturekit.report.ReportModel.Cell;
import org.culturekit.report.ReportModel.CommentBlock;
import org.culturekit.report.ReportModel.CommentLine;
import org.culturekit.report.ReportModel.CommentSection;
import org.culturekit.report.ReportModel.DriverRow;
import org.culturekit.report.ReportModel.Dumbbell;
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
import org.culturekit.report.ReportModel.Spot;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Coverage;
import org.culturekit.scoring.Results;

/** Builds a {@link ReportModel} from results: ordering, rounding, chart geometry and wording, nothing else. */
final class ReportModelBuilder {
    private static final double SIGNIFICANT = 0.05;
    /** Below this alpha an index is flagged as one to read with care. */
    private static final double RELIABLE_ALPHA = 0.7;
    /** How many significant group changes the reports spell out. */
    private static final int GROUP_CHANGES_SHOWN = 12;
    /** How many bright spots, and how many hot spots, are spelled out. */
    private static final int SPOTS_SHOWN = 5;

    private final Questionnaire questionnaire;
    private final Results results;
    private final ReportOptions options;

    ReportModelBuilder(Questionnaire questionnaire, Results results, ReportOptions options) {
        this.questionnaire = questionnaire;
        this.results = results;
        this.options = options;
    }

    ReportModel build() {
        List<IndexCard> cards = new ArrayList<>();
        List<ActionRow> actions = new ArrayList<>();
        for (int x = 0; x < results.indices().size(); x++) {
            Results.IndexResult index = results.indices().get(x);
            cards.add(card(index));
            for (Action action : questionnaire.indices().get(x).actions()) {
                if (action.band().equals(index.band())) {
                    actions.add(new ActionRow(index.name(), action.band(), action.text()));
                }
            }
        }
        List<SegmentTable> segments = results.segments().stream().map(this::segment).toList();
        List<PerceptionRow> perception = results.perceptionGap().stream().map(this::perception).toList();
        List<Spot> allSpots = spots();
        List<Spot> spots = shown(allSpots);
        return new ReportModel(
                questionnaire.title(),
                questionnaire.id(),
                questionnaire.version(),
                options.wave(),
                Long.toString(results.rows().scored()),
                responseRate(),
                summary(perception, allSpots),
                rows(results.rows()),
                questionnaire.reporting().minGroupSize(),
                questionnaire.reporting().minCommentGroupSize(),
                cards,
                sayDo(results.sayDo()),
                enps(results.enps()),
                perception,
                segments,
                spots,
                allSpots.size() > spots.size() ? (allSpots.size() - spots.size()) + " more are marked in the group "
                        + "tables above." : "",
                drivers(),
                actions,
                options.comments() ? comments() : List.of(),
                !options.comments(),
                notes(segments, perception),
                options.changes() == null ? null : changes(options.changes()),
                options.history().isEmpty() ? null : trend(options.history()),
                options.breaches(),
                OutcomesView.of(questionnaire, results));
    }

    private String responseRate() {
        if (options.invited().isEmpty() || options.invited().getAsLong() <= 0) {
            return "";
        }
        long invited = options.invited().getAsLong();
        return Display.whole(100.0 * results.rows().scored() / invited) + "% of " + invited + " invited";
    }

    // ---- summary ----

    private List<String> summary(List<PerceptionRow> perception, List<Spot> spots) {
        List<String> sentences = new ArrayList<>();
        List<Results.IndexResult> scored = results.indices().stream().filter(i -> i.score100() != null).toList();
        if (scored.isEmpty()) {
            sentences.add("No index could be scored: there are no answers to its items.");
            return sentences;
        }
        Comparator<Results.IndexResult> byScore = Comparator.comparing(Results.IndexResult::score100)
                .thenComparing(Results.IndexResult::id);
        Results.IndexResult strongest = scored.stream().max(byScore).orElseThrow();
        Results.IndexResult weakest = scored.stream().min(byScore).orElseThrow();
        if (scored.size() == 1) {
            sentences.add(strongest.name() + " scores " + Display.whole(strongest.score100()) + " out of 100"
                    + band(strongest) + ".");
        } else {
            sentences.add("Of " + scored.size() + " indices, " + strongest.name() + " scores highest ("
                    + Display.whole(strongest.score100()) + "/100" + band(strongest) + ") and " + weakest.name()
                    + " lowest (" + Display.whole(weakest.score100()) + "/100" + band(weakest) + ").");
        }
        Results.SayDo sayDo = results.sayDo();
        if (sayDo != null) {
            sayDo.pairs().stream().filter(p -> p.meanGap() != null)
                    .max(Comparator.comparing(Results.Gap::meanGap).thenComparing(Results.Gap::id, Comparator.reverseOrder()))
                    .ifPresent(widest -> sentences.add(widest.meanGap() > 0
                            ? "The widest say-do gap is on “" + widest.name() + "”: what leaders say is rated "
                                    + Display.decimal(widest.meanGap(), 2) + " points above what their decisions "
                                    + "show (95% CI " + interval(widest.ciLow(), widest.ciHigh()) + "), and "
                                    + Display.whole(widest.shareGapAtLeast1()) + "% of respondents see a gap of a "
                                    + "point or more."
                            : "Leaders' decisions are rated as high as their words on every value."));
        }
        if (results.enps() != null && results.enps().score() != null) {
            Results.Enps e = results.enps();
            sentences.add("eNPS is " + Display.signed(e.score(), 0) + ": " + share(e.promoters(), e.n())
                    + "% would recommend working here, " + share(e.detractors(), e.n()) + "% would not.");
        }
        perception.stream().filter(p -> !p.suppressed() && p.significant())
                .max(Comparator.comparing((PerceptionRow p) -> Math.abs(parse(p.difference())))
                        .thenComparing(PerceptionRow::index))
                .ifPresentOrElse(
                        gap -> sentences.add("Leaders see " + gap.index() + " "
                                + (parse(gap.difference()) > 0 ? "more" : "less") + " favourably than everyone else ("
                                + gap.leaders() + " vs " + gap.others() + " on the answer scale; Hedges' g "
                                + gap.hedgesG() + ")."),
                        () -> {
                            if (perception.stream().anyMatch(p -> !p.suppressed())) {
                                sentences.add("Leaders and everyone else see the culture alike: no difference "
                                        + "between them is statistically significant.");
                            }
                        });
        long bright = spots.stream().filter(s -> s.kind().equals("bright-spot")).count();
        long hot = spots.size() - bright;
        if (!spots.isEmpty()) {
            StringBuilder sentence = new StringBuilder();
            sentence.append(count(bright, "bright spot")).append(" and ").append(count(hot, "hot spot"))
                    .append(" stand out from everyone else");
            spots.stream().filter(s -> s.kind().equals("bright-spot")).findFirst().ifPresent(s -> sentence
                    .append("; the brightest is ").append(s.group()).append(" on ").append(s.index()).append(" (")
                    .append(s.delta()).append(" points)"));
            spots.stream().filter(s -> s.kind().equals("hot-spot")).findFirst().ifPresent(s -> sentence
                    .append(bright > 0 ? ", the hottest " : "; the hottest is ").append(s.group()).append(" on ")
                    .append(s.index()).append(" (").append(s.delta()).append(" points)"));
            sentences.add(sentence.append('.').toString());
        }
        return sentences;
    }

    private static String band(Results.IndexResult index) {
        return index.band() == null ? "" : ", " + index.band().toLowerCase(Locale.ROOT);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Parses a figure this class formatted (typographic minus, optional +). */
    private static double parse(String figure) {
        return Double.parseDouble(figure.replace('\u2212', '-').replace("+", ""));
    }

    // ---- indices ----

    private static RowsView rows(Results.Rows rows) {
        return new RowsView(Long.toString(rows.read()), Long.toString(rows.scored()),
                rows.excluded().stream().map(e -> new Excluded(e.reason(), Long.toString(e.count()))).toList());
    }

    private IndexCard card(Results.IndexResult index) {
        List<ItemRow> items = index.items().stream()
                .map(item -> new ItemRow(
                        item.id(),
                        questionnaire.item(item.id()).text(),
                        questionnaire.item(item.id()).reverse(),
                        count(item.n()),
                        Display.decimal(item.mean(), 2),
                        Display.whole(item.favorable()),
                        Display.whole(item.neutral()),
                        Display.whole(item.unfavorable()),
                        Bar.of(item.favorable(), item.neutral(), item.unfavorable()),
                        Display.decimal(item.itemTotal(), 2),
                        item.suppressed()))
                .toList();
        return new IndexCard(index.id(), index.name(), count(index.n()), Display.decimal(index.mean(), 2),
                interval(index.ciLow(), index.ciHigh()), Display.whole(index.score100()),
                index.band() == null ? "" : index.band(), level(index.score100()), Display.whole(index.favorable()),
                Display.whole(index.neutral()), Display.whole(index.unfavorable()),
                Bar.of(index.favorable(), index.neutral(), index.unfavorable()), Display.decimal(index.alpha(), 2),
                items, index.suppressed());
    }

    /** Five shades on the 0–100 score, the same for cards and heatmaps. */
    private static int level(Double score100) {
        return score100 == null ? -1 : (int) Math.min(4, Math.floor(score100 / 20));
    }

    // ---- say-do, eNPS, leaders ----

    private SayDoView sayDo(Results.SayDo sayDo) {
        if (sayDo == null) {
            return null;
        }
        List<GapRow> pairs = new ArrayList<>();
        List<Results.Gap> ordered = new ArrayList<>(sayDo.pairs());
        // widest gap first; ties and undefined gaps in questionnaire order
        ordered.sort(Comparator.comparing((Results.Gap g) -> g.meanGap() == null ? Double.NEGATIVE_INFINITY
                : -g.meanGap()));
        for (Results.Gap gap : ordered) {
            Scale scale = questionnaire.scaleOf(questionnaire.sayDo().stream()
                    .filter(p -> p.id().equals(gap.id())).findFirst().orElseThrow().sayItem());
            pairs.add(gap(gap.name(), gap, dumbbell(scale, gap.sayMean(), gap.doMean())));
        }
        return new SayDoView(gap("All values", sayDo.overall(), null), pairs);
    }

    private static GapRow gap(String name, Results.Gap gap, Dumbbell dumbbell) {
        return new GapRow(name, count(gap.n()),
                gap.sayMean() == null ? "" : Display.decimal(gap.sayMean(), 2),
                gap.doMean() == null ? "" : Display.decimal(gap.doMean(), 2),
                Display.signed(gap.meanGap(), 2), interval(gap.ciLow(), gap.ciHigh()), Display.probability(gap.p()),
                Display.decimal(gap.dz(), 2), Display.whole(gap.shareGapAtLeast1()), dumbbell, gap.suppressed());
    }

    /** Two means placed on the scale's 0–100 axis, or null if either is undefined. */
    private static Dumbbell dumbbell(Scale scale, Double first, Double second) {
        if (first == null || second == null) {
            return null;
        }
        double a = position(scale, first);
        double b = position(scale, second);
        return new Dumbbell(Display.decimal(Math.min(a, b), 1), Display.decimal(Math.max(a, b), 1),
                Display.decimal(a, 1), Display.decimal(b, 1));
    }

    private static double position(Scale scale, double value) {
        return (value - scale.min()) / (scale.max() - scale.min()) * 100;
    }

    private static EnpsView enps(Results.Enps enps) {
        if (enps == null) {
            return null;
        }
        if (enps.suppressed()) {
            return new EnpsView(Display.NONE, Display.NONE, Display.NONE, Display.NONE, Display.NONE, true);
        }
        return new EnpsView(Long.toString(enps.n()), Display.signed(enps.score(), 0), share(enps.promoters(), enps.n()),
                share(enps.passives(), enps.n()), share(enps.detractors(), enps.n()), false);
    }

    private PerceptionRow perception(Results.PerceptionGap gap) {
        Index index = index(gap.index());
        if (gap.suppressed()) {
            return new PerceptionRow(index.name(), true, "", "", "", "", "", false, null);
        }
        Scale scale = questionnaire.scaleOf(index.items().get(0));
        return new PerceptionRow(index.name(), false, Display.decimal(gap.leaders().mean(), 2),
                Display.decimal(gap.others().mean(), 2), Display.signed(gap.difference(), 2),
                Display.probability(gap.p()), Display.decimal(gap.hedgesG(), 2),
                gap.p() != null && gap.p() < SIGNIFICANT,
                dumbbell(scale, gap.leaders().mean(), gap.others().mean()));
    }

    // ---- segments and spots ----

    private SegmentTable segment(Results.SegmentResult segment) {
        List<String> names = questionnaire.indices().stream().map(Index::name).toList();
        List<GroupRow> rows = new ArrayList<>();
        int hidden = 0;
        for (Results.Group group : segment.groups()) {
            if (group.suppressed()) {
                hidden++;
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
                    : new Cell(Display.signed(group.sayDo().shown().orElseThrow().meanGap(), 2), false, "", -1);
            Cell enps = group.enps() == null || group.enps().suppressed()
                    ? Cell.SUPPRESSED
                    : new Cell(Display.signed(group.enps().shown().orElseThrow().score(), 0), false, "", -1);
            rows.add(new GroupRow(group.value(), false, Long.toString(group.n()), cells, sayDo, enps));
        }
        List<String> icc1 = segment.agreement().stream().map(a -> Display.decimal(a.icc1(), 2)).toList();
        return new SegmentTable(segment.id(), names, rows, icc1, hidden);
    }

    private Cell cell(Index index, Results.GroupIndex cell) {
        if (cell.suppressed()) {
            return Cell.SUPPRESSED;
        }
        Double score100 = score100(index, cell.mean());
        return new Cell(Display.whole(score100), false, cell.flag() == null ? "" : cell.flag().label(), level(score100));
    }

    private Double score100(Index index, Double mean) {
        return mean == null ? null : position(questionnaire.scaleOf(index.items().get(0)), mean);
    }

    /** The strongest {@value #SPOTS_SHOWN} bright spots and hot spots; the rest stay marked in the heatmaps. */
    private static List<Spot> shown(List<Spot> all) {
        List<Spot> shown = new ArrayList<>();
        shown.addAll(all.stream().filter(s -> s.kind().equals("bright-spot")).limit(SPOTS_SHOWN).toList());
        shown.addAll(all.stream().filter(s -> s.kind().equals("hot-spot")).limit(SPOTS_SHOWN).toList());
        return shown;
    }

    /** Every flagged cell, bright spots first (largest lead first), then hot spots (largest lag first). */
    private List<Spot> spots() {
        List<Spot> spots = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        for (Results.SegmentResult segment : results.segments()) {
            for (Results.Group group : segment.groups()) {
                if (group.suppressed()) {
                    continue;
                }
                for (int x = 0; x < group.indices().size(); x++) {
                    Results.GroupIndex cell = group.indices().get(x);
                    if (cell.suppressed() || cell.flag() == null) {
                        continue;
                    }
                    Index index = questionnaire.indices().get(x);
                    Scale scale = questionnaire.scaleOf(index.items().get(0));
                    double delta = cell.deltaVsRest() / (scale.max() - scale.min()) * 100;
                    boolean bright = cell.flag() == Results.Flag.BRIGHT_SPOT;
                    spots.add(new Spot(cell.flag().label(), segment.id(), group.value(), index.name(),
                            Display.whole(score100(index, cell.mean())), Display.signed(delta, 0),
                            Display.probability(cell.q()), bright
                                    ? "Ask " + group.value() + " what they do that makes " + index.name()
                                            + " work, and let other groups borrow it."
                                    : "Listen first: a facilitated conversation with " + group.value() + " about "
                                            + index.name() + ", then agree one concrete change and follow it up."));
                    deltas.add(delta);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spots.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> spots.get(i).kind().equals("bright-spot") ? 0 : 1)
                .thenComparing(i -> -Math.abs(deltas.get(i)))
                .thenComparing(i -> spots.get(i).segment())
                .thenComparing(i -> spots.get(i).group())
                .thenComparing(i -> spots.get(i).index()));
        return order.stream().map(spots::get).toList();
    }

    private List<DriverRow> drivers() {
        return results.drivers().stream().filter(d -> !d.suppressed())
                .map(d -> new DriverRow(index(d.id()).name(), Display.decimal(d.r(), 2), interval(d.ciLow(), d.ciHigh()),
                        count(d.n()), d.r() == null ? 0 : Display.width(Math.abs(d.r()) * 100)))
                .toList();
    }

    // ---- waves ----

    private ReportModel.ChangesView changes(Changes changes) {
        List<ReportModel.ChangeRow> indices = new ArrayList<>();
        for (Changes.Change change : changes.indices()) {
            Scale scale = questionnaire.scaleOf(index(change.id()).items().get(0));
            indices.add(row(change.name(), change, scale.min(), 100.0 / (scale.max() - scale.min()), 0, true));
        }
        List<ReportModel.ChangeRow> pairs = changes.pairs().stream()
                .map(change -> row(change.name(), change, 0, 1, 2, false)).toList();
        ReportModel.ChangeRow enps = changes.enps() == null ? null : row("eNPS", changes.enps(), 0, 1, 0, true);
        List<ReportModel.ChangeRow> groups = new ArrayList<>();
        // every group change is in results.json; the reports spell out the significant ones, largest first
        List<Changes.GroupChange> significant = changes.groups().stream()
                .filter(g -> g.change().significant())
                .sorted(Comparator.comparing((Changes.GroupChange g) -> -Math.abs(g.change().delta()))
                        .thenComparing(Changes.GroupChange::segment).thenComparing(Changes.GroupChange::group)
                        .thenComparing(g -> g.change().id()))
                .limit(GROUP_CHANGES_SHOWN)
                .toList();
        for (Changes.GroupChange change : significant) {
            Index index = index(change.change().id());
            Scale scale = questionnaire.scaleOf(index.items().get(0));
            groups.add(row(change.segment() + ": " + change.group() + " · " + index.name(), change.change(),
                    scale.min(), 100.0 / (scale.max() - scale.min()), 0, true));
        }
        long others = changes.groups().size() - groups.size();
        String note = (changes.sameQuestionnaire() ? "" : "The two waves used different questionnaires; only "
                + "indices whose items are unchanged are compared. ")
                + (changes.groups().isEmpty() ? "" : "Groups: the " + groups.size() + " largest significant changes "
                        + "of groups shown in both waves" + (others > 0 ? "; " + others + (others == 1 ? " more group figure is "
                        : " more group figures are ") + "in results.json" : "") + ".");
        return new ReportModel.ChangesView(changes.baselineWave() == null ? "the baseline" : changes.baselineWave(),
                note, indices, pairs, enps, groups, changes.onlyHere(), changes.onlyInBaseline());
    }

    /**
     * A change for display.
     *
     * @param origin the raw figure shown as 0 (an index scale's minimum)
     * @param scale what to multiply the raw figures by (to 0–100 points for index means)
     * @param places decimals shown
     * @param higherIsBetter false for the say-do gap, whose fall is good news
     */
    private static ReportModel.ChangeRow row(String name, Changes.Change change, double origin, double scale,
            int places, boolean higherIsBetter) {
        if (!change.comparable()) {
            return new ReportModel.ChangeRow(name, "", "", change.reason(), "flat", false, "", false);
        }
        double delta = change.delta() * scale;
        String shown = Display.signed(delta, places);
        String direction = shown.startsWith("+") ? "up" : shown.startsWith("\u2212") ? "down" : "flat";
        boolean better = higherIsBetter ? direction.equals("up") : direction.equals("down");
        return new ReportModel.ChangeRow(name, Display.decimal((change.before() - origin) * scale, places),
                Display.decimal((change.after() - origin) * scale, places), shown, direction, better,
                Display.probability(change.p()), change.significant());
    }

    private ReportModel.TrendView trend(List<Results> history) {
        List<Results> waves = new ArrayList<>(history);
        waves.add(results);
        List<String> labels = new ArrayList<>();
        for (int w = 0; w < waves.size(); w++) {
            boolean current = w == waves.size() - 1;
            String wave = current && !options.wave().isEmpty() ? options.wave() : waves.get(w).wave();
            labels.add(wave == null || wave.isEmpty() ? (current ? "this wave" : "wave " + (w + 1)) : wave);
        }
        List<ReportModel.Series> series = new ArrayList<>();
        for (Results.IndexResult now : results.indices()) {
            List<String> values = new ArrayList<>();
            List<ReportModel.Dot> dots = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            for (int w = 0; w < waves.size(); w++) {
                Results.IndexResult then = waves.get(w).indices().stream().filter(i -> i.id().equals(now.id()))
                        .findFirst().orElse(null);
                // a wave whose items differ measured something else: no point, so no misleading line
                boolean comparable = then != null && then.score100() != null
                        && java.util.Objects.equals(then.fingerprint(), now.fingerprint());
                values.add(comparable ? Display.whole(then.score100()) : Display.NONE);
                if (comparable) {
                    String x = Display.decimal(waves.size() == 1 ? 50.0 : 5 + 90.0 * w / (waves.size() - 1), 1);
                    String y = Display.decimal(38 - then.score100() * 0.36, 1);
                    points.append(points.length() == 0 ? "" : " ").append(x).append(',').append(y);
                    dots.add(new ReportModel.Dot(x, y, Display.whole(then.score100())));
                }
            }
            series.add(new ReportModel.Series(now.name(), values, points.toString(), dots));
        }
        List<String> sayDo = waves.stream().map(r -> r.sayDo() == null ? Display.NONE
                : Display.signed(r.sayDo().overall().meanGap(), 2)).toList();
        List<String> enps = waves.stream().map(r -> r.enps() == null ? Display.NONE
                : Display.signed(r.enps().score(), 0)).toList();
        return new ReportModel.TrendView(labels, series, sayDo, enps);
    }

    // ---- comments and notes ----

    private List<CommentSection> comments() {
        List<CommentSection> sections = new ArrayList<>();
        for (Results.CommentQuestion question : results.comments()) {
            List<CommentBlock> blocks = new ArrayList<>();
            for (Results.CommentGroup group : question.groups()) {
                List<CommentLine> lines = group.comments().stream()
                        .map(c -> new CommentLine(c.text(), c.count() > 1 ? "×" + c.count() : "")).toList();
                blocks.add(new CommentBlock(group.group(), lines,
                        group.omitted() > 0 ? group.omitted() + " more not shown" : ""));
            }
            if (!blocks.isEmpty()) {
                sections.add(new CommentSection(question.question(), blocks));
            }
        }
        return sections;
    }

    private List<String> notes(List<SegmentTable> segments, List<PerceptionRow> perception) {
        List<String> notes = new ArrayList<>();
        List<String> unmapped = results.rows().unmappedItems();
        if (!unmapped.isEmpty()) {
            List<String> shortIndices = Coverage.shortIndices(questionnaire, unmapped);
            notes.add("No export had a column for " + (unmapped.size() == 1 ? "item " : unmapped.size()
                    + " scored items: ") + String.join(", ", unmapped) + "; their answers count as missing."
                    + (shortIndices.isEmpty() ? "" : " Scored from fewer items than they define: "
                    + String.join(", ", shortIndices) + "."));
        }
        int k = questionnaire.reporting().minGroupSize();
        List<String> withHidden = segments.stream().filter(s -> s.hiddenGroups() > 0).map(SegmentTable::id).toList();
        boolean hiddenCells = segments.stream().flatMap(s -> s.groups().stream())
                .anyMatch(g -> !g.suppressed() && g.cells().stream().anyMatch(Cell::suppressed));
        if (!withHidden.isEmpty() || hiddenCells || perception.stream().anyMatch(PerceptionRow::suppressed)) {
            notes.add("Figures for any group with fewer than " + k + " respondents are not shown"
                    + (withHidden.isEmpty() ? "" : " (by " + String.join(", ", withHidden) + ")")
                    + ". Where a hidden group could otherwise be worked out by subtracting the shown groups from "
                    + "the total, by a member of one hidden group subtracting their own, or by comparing groups of "
                    + "different segments (or leaders and everyone else) that differ by fewer than " + k
                    + " people, further groups are hidden too. Group sizes behind hidden cells are never shown; "
                    + "statistics across groups use the shown groups only.");
        }
        List<String> withheld = withheld();
        if (!withheld.isEmpty()) {
            notes.add("Not shown because fewer than " + k + " people answered: " + String.join(", ", withheld)
                    + ". Figures that use them, such as the pooled shares and the reliability of an index with such "
                    + "an item, are not shown either.");
        }
        List<String> shaky = results.indices().stream()
                .filter(i -> i.alpha() != null && i.alpha() < RELIABLE_ALPHA)
                .map(i -> i.name() + " (alpha " + Display.decimal(i.alpha(), 2) + ")").toList();
        if (!shaky.isEmpty()) {
            notes.add("Read with care: the items of " + String.join(", ", shaky) + " agree less than usual "
                    + "(alpha below " + RELIABLE_ALPHA + "), so their index score is less dependable.");
        }
        if (!results.comments().isEmpty() && options.comments()) {
            notes.add("Comments are shown only for groups of at least "
                    + questionnaire.reporting().minCommentGroupSize() + " respondents, sorted by their text (not by "
                    + "when they were written), with e-mail addresses and phone numbers removed.");
        }
        return notes;
    }

    /** The organisation-wide figures the disclosure rules withheld, by name. */
    private List<String> withheld() {
        List<String> names = new ArrayList<>();
        for (Results.IndexResult index : results.indices()) {
            if (index.suppressed()) {
                names.add(index.name());
                continue;
            }
            index.items().stream().filter(Results.ItemResult::suppressed)
                    .forEach(item -> names.add("item “" + questionnaire.item(item.id()).text() + "”"));
        }
        if (results.sayDo() != null) {
            if (results.sayDo().overall().suppressed()) {
                names.add("the overall say-do gap");
            }
            results.sayDo().pairs().stream().filter(Results.Gap::suppressed)
                    .forEach(pair -> names.add("the say-do gap on “" + pair.name() + "”"));
        }
        if (results.enps() != null && results.enps().suppressed()) {
            names.add("eNPS");
        }
        boolean enpsWithheld = results.enps() != null && results.enps().suppressed();
        results.drivers().stream().filter(driver -> driver.suppressed() && !enpsWithheld)
                .forEach(driver -> names.add("the link of " + index(driver.id()).name() + " with eNPS"));
        return names;
    }

    // ---- shared ----

    private Index index(String id) {
        return questionnaire.indices().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static String interval(Double low, Double high) {
        return low == null || high == null ? Display.NONE : Display.decimal(low, 2) + "–" + Display.decimal(high, 2);
    }

    /** A count, or {@link Display#NONE} for one that is withheld. */
    private static String count(Long n) {
        return n == null ? Display.NONE : Long.toString(n);
    }

    private static String share(long part, long n) {
        return n == 0 ? Display.NONE : Display.whole(100.0 * part / n);
    }
}
