package org.culturekit.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.culturekit.model.Action;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Scale;
import org.culturekit.report.ReportModel.ActionRow;
import org.culturekit.report.ReportModel.BandKey;
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
import org.culturekit.report.ReportModel.SpotIndex;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Coverage;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Units;

/** Builds a {@link ReportModel} from results: ordering, rounding, chart geometry and wording, nothing else. */
final class ReportModelBuilder {
    private static final double SIGNIFICANT = 0.05;
    /** Below this alpha an index is flagged as one to read with care. */
    private static final double RELIABLE_ALPHA = 0.7;
    /** How many significant group changes the reports spell out. */
    private static final int GROUP_CHANGES_SHOWN = 12;
    /** How many groups that stand out above everyone else, and how many below, are spelled out. */
    private static final int SPOTS_SHOWN = 3;
    /** How many indices a line names before it counts the rest. */
    private static final int NAMES_SHOWN = 3;

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
                if (index.figures().shown().map(Results.IndexFigures::band).filter(action.band()::equals).isPresent()) {
                    actions.add(new ActionRow(index.name(), action.band(), action.text()));
                }
            }
        }
        List<SegmentTable> segments = results.segments().stream().map(this::segment).toList();
        List<PerceptionRow> perception = results.perceptionGap().stream().map(this::perception).toList();
        List<Spot> allSpots = spots();
        List<Spot> spots = shown(allSpots);
        long otherGroups = allSpots.size() - spots.size();
        return new ReportModel(
                questionnaire.title(),
                questionnaire.id(),
                questionnaire.version(),
                options.wave(),
                results.date() == null ? "" : results.date(),
                Long.toString(results.rows().scored()),
                responseRate(),
                summary(perception, allSpots, actions),
                rows(results.rows()),
                questionnaire.reporting().minGroupSize(),
                questionnaire.reporting().minCommentGroupSize(),
                cards,
                sayDo(results.sayDo()),
                enps(results.enps()),
                perception,
                segments,
                spots,
                otherGroups == 0 ? "" : (otherGroups == 1 ? "One more group differs" : otherGroups
                        + " more groups differ") + " from everyone else on some index; the group tables mark "
                        + "each such score with ▲ or ▼.",
                drivers(),
                actions,
                options.comments() ? comments() : List.of(),
                !options.comments(),
                notes(segments, perception),
                options.changes() == null ? null : changes(options.changes()),
                options.history().isEmpty() ? null : trend(options.history()),
                options.breaches(),
                OutcomesView.of(questionnaire, results),
                ParticipationView.of(questionnaire, results, options),
                null);
    }

    private String responseRate() {
        if (options.invited().isEmpty() || options.invited().getAsLong() <= 0) {
            return "";
        }
        long invited = options.invited().getAsLong();
        return Display.whole(100.0 * results.rows().scored() / invited) + "% of " + invited + " invited";
    }

    // ---- summary ----

    /**
     * The executive summary in plain words: what is strong, what is at risk, the widest say-do gap, eNPS, how
     * leaders see it, the groups that stand out most and what to do first. The statistics behind each sentence
     * (intervals, tests, effect sizes) are in the sections below and explained in the method.
     */
    /** A group as the summary names it: with its segment, which a unit's child units need not say. */
    private static String named(Spot spot, boolean childUnits) {
        return childUnits ? spot.group() : spot.group() + " (" + spot.segment() + ")";
    }

    private List<String> summary(List<PerceptionRow> perception, List<Spot> spots, List<ActionRow> actions) {
        List<String> sentences = new ArrayList<>();
        List<Scored> scored = results.indices().stream()
                .flatMap(i -> i.figures().shown().filter(f -> f.score100() != null)
                        .map(f -> new Scored(i.id(), i.name(), f.score100(), f.band())).stream())
                .toList();
        if (scored.isEmpty()) {
            sentences.add("No index could be scored: there are no answers to its items.");
            return sentences;
        }
        Comparator<Scored> highestFirst = Comparator.comparing(Scored::score100)
                .reversed().thenComparing(Scored::id);
        List<Scored> ranked = scored.stream().sorted(highestFirst).toList();
        Scored weakest = ranked.get(ranked.size() - 1);
        if (ranked.size() == 1) {
            sentences.add(weakest.name() + " scores " + Display.whole(weakest.score100()) + " out of 100"
                    + band(weakest) + ".");
        } else {
            sentences.add(strongest(ranked));
            String atRisk = atRisk(ranked);
            if (atRisk != null) {
                sentences.add(atRisk);
            }
        }
        Results.SayDo sayDo = results.sayDo();
        if (sayDo != null) {
            sayDo.pairs().stream().filter(p -> meanGap(p).isPresent())
                    .max(Comparator.comparing((Results.Gap p) -> meanGap(p).orElseThrow())
                            .thenComparing(Results.Gap::id, Comparator.reverseOrder()))
                    .ifPresent(pair -> sentences.add(widest(pair.name(), pair.figures().shown().orElseThrow())));
        }
        if (results.enps() != null) {
            results.enps().shown().filter(e -> e.score() != null).ifPresent(e -> sentences.add("eNPS is "
                    + Display.signed(e.score(), 0) + ": " + share(e.promoters(), e.n()) + "% would recommend working "
                    + "here, " + share(e.detractors(), e.n()) + "% would not."));
        }
        perception.stream().filter(p -> !p.suppressed() && p.significant())
                .max(Comparator.comparing((PerceptionRow p) -> Math.abs(parse(p.difference())))
                        .thenComparing(PerceptionRow::index))
                .ifPresentOrElse(
                        gap -> sentences.add("Leaders see " + gap.index() + " "
                                + (parse(gap.difference()) > 0 ? "more" : "less") + " favourably than everyone else ("
                                + gap.leaders() + " against " + gap.others() + " on the " + scaleRange(gap.index())
                                + " answer scale)."),
                        () -> {
                            if (perception.stream().anyMatch(p -> !p.suppressed())) {
                                sentences.add("Leaders and everyone else see the culture alike: none of their "
                                        + "differences is larger than chance would explain.");
                            }
                        });
        Spot ahead = spots.stream().filter(s -> s.kind().equals("bright-spot")).findFirst().orElse(null);
        Spot behind = spots.stream().filter(s -> s.kind().equals("hot-spot")).findFirst().orElse(null);
        if (ahead != null || behind != null) {
            // in a unit's report the groups are its child units, compared with the rest of the unit
            boolean children = results.segments().size() == 1
                    && results.segments().get(0).id().equals(Units.SEGMENT);
            String rest = children ? "the rest of the unit" : "everyone else";
            List<String> parts = new ArrayList<>();
            if (ahead != null) {
                parts.add(named(ahead, children) + " is ahead of " + rest + " on " + howMany(ahead));
            }
            if (behind != null) {
                parts.add(named(behind, children) + " is behind " + (ahead == null ? rest + " " : "") + "on "
                        + howMany(behind));
            }
            sentences.add("Groups that stand out: " + String.join("; ", parts) + ".");
        } else if (!results.segments().isEmpty()) {
            sentences.add("No group differs clearly from everyone else.");
        }
        boolean hasAction = actions.stream().anyMatch(a -> a.index().equals(weakest.name()));
        sentences.add("What to do first: work on " + weakest.name() + (hasAction ? " (see Recommended actions)" : "")
                + (behind == null ? "." : ", starting with a listening conversation with " + behind.group() + "."));
        return sentences;
    }

    /** An index that has a score. */
    private record Scored(String id, String name, double score100, String band) {}

    /** The pair's mean gap, empty when it is withheld or undefined. */
    private static java.util.Optional<Double> meanGap(Results.Gap pair) {
        return pair.figures().shown().map(Results.GapFigures::meanGap);
    }

    private static String widest(String name, Results.GapFigures widest) {
        return widest.meanGap() <= 0
                ? "Leaders' decisions are rated as high as their words on every value."
                : widest.shareGapAtLeast1() == null
                ? "Widest say-do gap: on “" + name + "”, leaders' decisions are rated "
                        + Display.decimal(widest.meanGap(), 2) + " points below their words."
                : "Widest say-do gap: on “" + name + "”, " + Display.whole(widest.shareGapAtLeast1())
                        + "% of people rate what leaders' decisions show at least a point below what leaders say.";
    }

    /** "1–5": the answer scale of the index named {@code name}. */
    private String scaleRange(String name) {
        Index index = questionnaire.indices().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
        Scale scale = questionnaire.scaleOf(index.items().get(0));
        return scale.min() + "–" + scale.max();
    }

    /**
     * "Strong: A (72 out of 100) and B (71)." — the indices in their top band, named by its label, or the highest
     * one.
     */
    private String strongest(List<Scored> ranked) {
        List<Scored> top = ranked.stream().filter(i -> bandPlace(i) == 2).toList();
        if (top.isEmpty()) {
            Scored first = ranked.get(0);
            return "Highest: " + first.name() + " at " + Display.whole(first.score100()) + " out of 100"
                    + band(first) + (bandPlace(first) >= 0 ? "; no index reaches its top band." : ".");
        }
        boolean oneLabel = top.stream().map(Scored::band).distinct().count() == 1;
        return (oneLabel ? top.get(0).band() : "In their top band") + ": " + listed(top) + ".";
    }

    /**
     * "At risk: C (49 out of 100)." — the indices in their lowest band, or the lowest one; null when that one is
     * in its top band already (named as strong).
     */
    private String atRisk(List<Scored> ranked) {
        // lowest first
        List<Scored> low = new ArrayList<>(ranked.stream().filter(i -> bandPlace(i) == 1).toList());
        Collections.reverse(low);
        if (low.isEmpty()) {
            Scored last = ranked.get(ranked.size() - 1);
            if (bandPlace(last) == 2) {
                return null;
            }
            return "Lowest: " + last.name() + " at " + Display.whole(last.score100()) + " out of 100" + band(last)
                    + (bandPlace(last) >= 0 ? "; no index is in its lowest band." : ".");
        }
        boolean oneLabel = low.stream().map(Scored::band).distinct().count() == 1;
        return (oneLabel ? low.get(0).band() : "In their lowest band") + ": " + listed(low) + ".";
    }

    /**
     * Where an index's band lies among its bands: 2 the top one, 1 the lowest, 0 another, −1 when the index has
     * fewer than two bands.
     */
    private int bandPlace(Scored result) {
        List<Band> bands = index(result.id()).bands();
        if (bands.size() < 2 || result.band() == null) {
            return -1;
        }
        return result.band().equals(bands.get(bands.size() - 1).label()) ? 2
                : result.band().equals(bands.get(0).label()) ? 1 : 0;
    }

    /** "A (72 out of 100), B (69) and 2 more". */
    private static String listed(List<Scored> indices) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMES_SHOWN, indices.size()); i++) {
            parts.add(indices.get(i).name() + " (" + Display.whole(indices.get(i).score100())
                    + (i == 0 ? " out of 100)" : ")"));
        }
        int rest = indices.size() - parts.size();
        if (rest > 0) {
            parts.add(rest + " more");
        }
        return joined(parts);
    }

    /** "all 10 indices", "Recognition", "3 of 10 indices". */
    private String howMany(Spot spot) {
        int all = results.indices().size();
        int n = spot.indices().size();
        return n == 1 ? spot.index() : n == all ? "all " + all + " indices" : n + " of " + all + " indices";
    }

    /** "a", "a and b", "a, b and c". */
    static String joined(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String band(Scored index) {
        return index.band() == null ? "" : " (" + index.band() + ")";
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
        List<ItemRow> items = index.items().stream().map(this::item).toList();
        Index definition = index(index.id());
        if (!(index.figures() instanceof Results.Cell.Shown<Results.IndexFigures> shown)) {
            return new IndexCard(index.id(), index.name(), Display.NONE, Display.NONE, Display.NONE, Display.NONE, "",
                    level(null), Display.NONE, Display.NONE, Display.NONE, Bar.of(null, null, null), Display.NONE,
                    items, true, tone(definition, null), bandKeys(definition));
        }
        Results.IndexFigures figures = shown.figures();
        return new IndexCard(index.id(), index.name(), Long.toString(figures.n()), Display.decimal(figures.mean(), 2),
                interval(figures.ciLow(), figures.ciHigh()), Display.whole(figures.score100()),
                figures.band() == null ? "" : figures.band(), level(figures.score100()),
                Display.whole(figures.favorable()), Display.whole(figures.neutral()),
                Display.whole(figures.unfavorable()),
                Bar.of(figures.favorable(), figures.neutral(), figures.unfavorable()),
                Display.decimal(figures.alpha(), 2), items, false, tone(definition, figures.score100()),
                bandKeys(definition));
    }

    private ItemRow item(Results.ItemResult item) {
        String text = questionnaire.item(item.id()).text();
        boolean reverse = questionnaire.item(item.id()).reverse();
        if (!(item.figures() instanceof Results.Cell.Shown<Results.ItemFigures> shown)) {
            return new ItemRow(item.id(), text, reverse, Display.NONE, Display.NONE, Display.NONE, Display.NONE,
                    Display.NONE, Bar.of(null, null, null), Display.NONE, true);
        }
        Results.ItemFigures figures = shown.figures();
        return new ItemRow(item.id(), text, reverse, Long.toString(figures.n()), Display.decimal(figures.mean(), 2),
                Display.whole(figures.favorable()), Display.whole(figures.neutral()),
                Display.whole(figures.unfavorable()),
                Bar.of(figures.favorable(), figures.neutral(), figures.unfavorable()),
                Display.decimal(figures.itemTotal(), 2), false);
    }

    /** Five steps of the 0–100 score, for templates written before shading followed the bands. */
    private static int level(Double score100) {
        return score100 == null ? -1 : (int) Math.min(4, Math.floor(score100 / 20));
    }

    /** The position of the band {@code score100} falls in, lowest first, or −1 without a score or bands. */
    private static int bandPosition(Index index, Double score100) {
        if (score100 == null || index.bands().isEmpty()) {
            return -1;
        }
        for (int b = 0; b < index.bands().size(); b++) {
            OptionalDouble below = index.bands().get(b).below();
            if (below.isEmpty() || score100 < below.getAsDouble()) {
                return b;
            }
        }
        return index.bands().size() - 1;
    }

    /**
     * The shade of a band: the lowest band is always {@code tone0} and the highest {@code tone4}, whatever their
     * number, so that "At risk" looks at risk next to any other index; those between spread over the middle.
     * A single band says nothing about good or bad and gets no shade.
     */
    private static String tone(Index index, int position) {
        int bands = index.bands().size();
        return position < 0 || bands < 2 ? "" : "tone" + Math.round(position * 4.0 / (bands - 1));
    }

    private static String tone(Index index, Double score100) {
        return tone(index, bandPosition(index, score100));
    }

    private static List<BandKey> bandKeys(Index index) {
        List<BandKey> keys = new ArrayList<>();
        String from = null;
        for (int b = 0; b < index.bands().size(); b++) {
            Band band = index.bands().get(b);
            String to = band.below().isPresent() ? threshold(band.below().getAsDouble()) : null;
            String range = to == null ? (from == null ? "any score" : from + " and over")
                    : from == null ? "under " + to : from + " to under " + to;
            keys.add(new BandKey(band.label(), range, tone(index, b)));
            from = to;
        }
        return keys;
    }

    /** A band threshold as its author wrote it: 50, or 62.5. */
    private static String threshold(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // ---- say-do, eNPS, leaders ----

    private SayDoView sayDo(Results.SayDo sayDo) {
        if (sayDo == null) {
            return null;
        }
        List<GapRow> pairs = new ArrayList<>();
        List<Results.Gap> ordered = new ArrayList<>(sayDo.pairs());
        // widest gap first; withheld, undefined and tied gaps in questionnaire order
        ordered.sort(Comparator.comparing((Results.Gap g) -> meanGap(g).map(gap -> -gap)
                .orElse(Double.NEGATIVE_INFINITY)));
        for (Results.Gap gap : ordered) {
            Scale scale = questionnaire.scaleOf(questionnaire.sayDo().stream()
                    .filter(p -> p.id().equals(gap.id())).findFirst().orElseThrow().sayItem());
            pairs.add(gap(gap.name(), gap.figures(), scale));
        }
        return new SayDoView(gap("All values", sayDo.overall(), null), pairs);
    }

    /** A gap's row; {@code scale} places the say and do means, null for the overall gap which has none. */
    private static GapRow gap(String name, Results.Cell<Results.GapFigures> cell, Scale scale) {
        if (!(cell instanceof Results.Cell.Shown<Results.GapFigures> shown)) {
            return new GapRow(name, Display.NONE, "", "", Display.NONE, Display.NONE, Display.NONE, Display.NONE,
                    Display.NONE, null, true);
        }
        Results.GapFigures gap = shown.figures();
        return new GapRow(name, Long.toString(gap.n()),
                gap.sayMean() == null ? "" : Display.decimal(gap.sayMean(), 2),
                gap.doMean() == null ? "" : Display.decimal(gap.doMean(), 2),
                Display.signed(gap.meanGap(), 2), interval(gap.ciLow(), gap.ciHigh()), Display.probability(gap.p()),
                Display.decimal(gap.dz(), 2), Display.whole(gap.shareGapAtLeast1()),
                scale == null ? null : dumbbell(scale, gap.sayMean(), gap.doMean()), false);
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

    /** {@code value} on {@code scale}'s 0–100 axis. */
    static double position(Scale scale, double value) {
        return (value - scale.min()) / (scale.max() - scale.min()) * 100;
    }

    private static EnpsView enps(Results.Cell<Results.Enps> cell) {
        if (cell == null) {
            return null;
        }
        if (!(cell instanceof Results.Cell.Shown<Results.Enps> shown)) {
            return new EnpsView(Display.NONE, Display.NONE, Display.NONE, Display.NONE, Display.NONE, true);
        }
        Results.Enps enps = shown.figures();
        return new EnpsView(Long.toString(enps.n()), Display.signed(enps.score(), 0), share(enps.promoters(), enps.n()),
                share(enps.passives(), enps.n()), share(enps.detractors(), enps.n()), false);
    }

    private PerceptionRow perception(Results.PerceptionGap comparison) {
        Index index = index(comparison.index());
        if (!(comparison.figures() instanceof Results.Cell.Shown<Results.Perception> shown)) {
            return new PerceptionRow(index.name(), true, "", "", "", "", "", false, null);
        }
        Results.Perception gap = shown.figures();
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
                    : Cell.plain(Display.signed(group.sayDo().shown().orElseThrow().meanGap(), 2));
            Cell enps = group.enps() == null || group.enps().suppressed()
                    ? Cell.SUPPRESSED
                    : Cell.plain(Display.signed(group.enps().shown().orElseThrow().score(), 0));
            rows.add(new GroupRow(group.value(), false, Long.toString(group.n()), cells, sayDo, enps));
        }
        List<String> icc1 = segment.agreement().stream().map(a -> Display.decimal(a.icc1(), 2)).toList();
        return new SegmentTable(segment.id(), names, rows, icc1, hidden);
    }

    private Cell cell(Index index, Results.GroupIndex cell) {
        if (!(cell.figures() instanceof Results.Cell.Shown<Results.GroupIndexFigures> shown)) {
            return Cell.SUPPRESSED;
        }
        Results.GroupIndexFigures figures = shown.figures();
        Double score100 = score100(index, figures.mean());
        int band = bandPosition(index, score100);
        return new Cell(Display.whole(score100), false, figures.flag() == null ? "" : figures.flag().label(),
                level(score100), band < 0 ? "" : index.bands().get(band).label(), tone(index, band));
    }

    private Double score100(Index index, Double mean) {
        return mean == null ? null : position(questionnaire.scaleOf(index.items().get(0)), mean);
    }

    /** The groups that stand out most: the first {@value #SPOTS_SHOWN} above everyone else, then below. */
    private static List<Spot> shown(List<Spot> all) {
        List<Spot> shown = new ArrayList<>();
        shown.addAll(all.stream().filter(s -> s.kind().equals("bright-spot")).limit(SPOTS_SHOWN).toList());
        shown.addAll(all.stream().filter(s -> s.kind().equals("hot-spot")).limit(SPOTS_SHOWN).toList());
        return shown;
    }

    /** A group's significant difference from everyone else on one index, in 0–100 points. */
    private record Flagged(Results.Flag flag, String segment, String group, String index, double score100,
            double delta, Double q) {}

    /**
     * One line per group that differs significantly from everyone else on at least one index, rather than one
     * per index: groups above everyone else (bright spots) first, then those below (hot spots); each kind by
     * its largest difference, and within a line the indices by theirs; ties by segment, group and index.
     */
    private List<Spot> spots() {
        List<Flagged> flagged = new ArrayList<>();
        for (Results.SegmentResult segment : results.segments()) {
            for (Results.Group group : segment.groups()) {
                if (group.suppressed()) {
                    continue;
                }
                for (int x = 0; x < group.indices().size(); x++) {
                    Results.GroupIndexFigures cell = group.indices().get(x).figures().shown().orElse(null);
                    if (cell == null || cell.flag() == null) {
                        continue;
                    }
                    Index index = questionnaire.indices().get(x);
                    Scale scale = questionnaire.scaleOf(index.items().get(0));
                    flagged.add(new Flagged(cell.flag(), segment.id(), group.value(), index.name(),
                            score100(index, cell.mean()), cell.deltaVsRest() / (scale.max() - scale.min()) * 100,
                            cell.q()));
                }
            }
        }
        flagged.sort(Comparator.comparing((Flagged f) -> f.flag() == Results.Flag.BRIGHT_SPOT ? 0 : 1)
                .thenComparing(f -> -Math.abs(f.delta()))
                .thenComparing(Flagged::segment)
                .thenComparing(Flagged::group)
                .thenComparing(Flagged::index));
        // in the order of each group's largest difference
        Map<List<String>, List<Flagged>> byGroup = new LinkedHashMap<>();
        for (Flagged f : flagged) {
            byGroup.computeIfAbsent(List.of(f.flag().label(), f.segment(), f.group()), k -> new ArrayList<>()).add(f);
        }
        return byGroup.values().stream().map(this::spot).toList();
    }

    private Spot spot(List<Flagged> line) {
        Flagged first = line.get(0);
        boolean bright = first.flag() == Results.Flag.BRIGHT_SPOT;
        List<SpotIndex> indices = line.stream().map(f -> new SpotIndex(f.index(), Display.whole(f.score100()),
                Display.signed(f.delta(), 0), Display.probability(f.q()))).toList();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMES_SHOWN, indices.size()); i++) {
            named.add(indices.get(i).name() + " (" + indices.get(i).delta() + (i == 0 ? " points)" : ")"));
        }
        int all = results.indices().size();
        int rest = indices.size() - named.size();
        String text = (bright ? "higher" : "lower") + " than everyone else on " + (indices.size() == all && all > 1
                ? "all " + all + " indices, most on " + joined(named)
                : joined(named) + (rest == 0 ? "" : ", and on " + rest + " more " + (rest == 1 ? "index" : "indices")))
                + ".";
        String what = line.size() == 1 ? first.index() : "these";
        String advice = bright
                ? "Ask " + first.group() + " what they do that makes " + what + " work, and let other groups borrow it."
                : "Listen first: a facilitated conversation with " + first.group() + " about "
                        + (line.size() == 1 ? first.index() : "what lies behind these scores")
                        + ", then agree one concrete change and follow it up.";
        SpotIndex strongest = indices.get(0);
        return new Spot(first.flag().label(), first.segment(), first.group(), first.index(), strongest.score(),
                strongest.delta(), strongest.q(), advice, indices, text);
    }

    private List<DriverRow> drivers() {
        List<DriverRow> rows = new ArrayList<>();
        for (Results.Driver driver : results.drivers()) {
            driver.figures().shown().ifPresent(d -> rows.add(new DriverRow(index(driver.id()).name(),
                    Display.decimal(d.r(), 2), interval(d.ciLow(), d.ciHigh()), Long.toString(d.n()),
                    d.r() == null ? 0 : Display.width(Math.abs(d.r()) * 100))));
        }
        return rows;
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
                Double score100 = then == null || !java.util.Objects.equals(then.fingerprint(), now.fingerprint())
                        ? null : then.figures().shown().map(Results.IndexFigures::score100).orElse(null);
                values.add(Display.whole(score100));
                if (score100 != null) {
                    String x = Display.decimal(waves.size() == 1 ? 50.0 : 5 + 90.0 * w / (waves.size() - 1), 1);
                    String y = Display.decimal(38 - score100 * 0.36, 1);
                    points.append(points.length() == 0 ? "" : " ").append(x).append(',').append(y);
                    dots.add(new ReportModel.Dot(x, y, Display.whole(score100)));
                }
            }
            series.add(new ReportModel.Series(now.name(), values, points.toString(), dots));
        }
        List<String> sayDo = waves.stream().map(r -> r.sayDo() == null ? Display.NONE
                : Display.signed(r.sayDo().overall().shown().map(Results.GapFigures::meanGap).orElse(null), 2))
                .toList();
        List<String> enps = waves.stream().map(r -> r.enps() == null ? Display.NONE
                : Display.signed(r.enps().shown().map(Results.Enps::score).orElse(null), 0)).toList();
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
        List<String> shaky = new ArrayList<>();
        for (Results.IndexResult index : results.indices()) {
            index.figures().shown().map(Results.IndexFigures::alpha).filter(alpha -> alpha < RELIABLE_ALPHA)
                    .ifPresent(alpha -> shaky.add(index.name() + " (alpha " + Display.decimal(alpha, 2) + ")"));
        }
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
            if (index.figures().suppressed()) {
                names.add(index.name());
                continue;
            }
            index.items().stream().filter(item -> item.figures().suppressed())
                    .forEach(item -> names.add("item “" + questionnaire.item(item.id()).text() + "”"));
        }
        if (results.sayDo() != null) {
            if (results.sayDo().overall().suppressed()) {
                names.add("the overall say-do gap");
            }
            results.sayDo().pairs().stream().filter(pair -> pair.figures().suppressed())
                    .forEach(pair -> names.add("the say-do gap on “" + pair.name() + "”"));
        }
        if (results.enps() != null && results.enps().suppressed()) {
            names.add("eNPS");
        }
        boolean enpsWithheld = results.enps() != null && results.enps().suppressed();
        results.drivers().stream().filter(driver -> driver.figures().suppressed() && !enpsWithheld)
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

    private static String share(long part, long n) {
        return n == 0 ? Display.NONE : Display.whole(100.0 * part / n);
    }
}
