package org.culturekit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Scale;
import org.culturekit.scoring.Results;
import org.culturekit.scoring.Units;

/**
 * What a unit's report adds to the organisation's report ({@code report --per-unit}, docs/reports.md): who it is
 * for and where it sits in the tree, how it compares with its parent unit and with the whole organisation, and a
 * last page for its leader. Everything here is read from the unit's published figures; nothing is recomputed
 * from hidden ones.
 *
 * @param id the unit's name
 * @param leader its leader's display name, or empty
 * @param ancestors the units above it, the root first, each linked when it has a report
 * @param children its child units, each linked when it has a report
 * @param comparisons the unit against the rest of its parent unit and against the rest of the organisation;
 *     empty for the root
 * @param page the leader page
 */
public record UnitView(String id, String leader, List<Link> ancestors, List<Link> children,
        List<ComparisonView> comparisons, LeaderPage page) {
    public UnitView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leader, "leader");
        ancestors = List.copyOf(ancestors);
        children = List.copyOf(children);
        comparisons = List.copyOf(comparisons);
        Objects.requireNonNull(page, "page");
    }

    /**
     * A unit named in another unit's report.
     *
     * @param name the unit's name
     * @param href its folder relative to the report that names it ({@code ../north/}), or empty when it has no
     *     report; made of slugs only ({@link UnitIndexView#safeHref})
     */
    public record Link(String name, String href) {
        public Link {
            Objects.requireNonNull(name, "name");
            UnitIndexView.safeHref(href);
        }
    }

    /**
     * The unit against a larger population, index by index.
     *
     * @param title "the rest of North", "the rest of the organisation"
     * @param sentence the result in plain words
     * @param rows one per index, in questionnaire order
     */
    public record ComparisonView(String title, String sentence, List<ComparisonRow> rows) {
        public ComparisonView {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One index of a comparison.
     *
     * @param index the index name
     * @param suppressed whether the figures are withheld
     * @param score the unit's score, 0–100
     * @param delta the unit less the rest, in points on 0–100, signed
     * @param q the Benjamini–Hochberg adjusted p of the difference
     * @param flag {@code bright-spot}, {@code hot-spot} or empty
     */
    public record ComparisonRow(String index, boolean suppressed, String score, String delta, String q, String flag) {}

    /**
     * The page a leader takes into a team conversation.
     *
     * @param strongest the strongest index in a sentence, or "not shown"
     * @param weakest the weakest index in a sentence, or "not shown"
     * @param widestGap the widest shown say-do gap in a sentence, "not shown", or empty without say-do pairs
     * @param actions the questionnaire's actions for the bands the unit's indices fall in
     */
    public record LeaderPage(String strongest, String weakest, String widestGap, List<ReportModel.ActionRow> actions) {
        public LeaderPage {
            actions = List.copyOf(actions);
        }
    }

    /** What a report says in place of a figure it may not show. */
    static final String NOT_SHOWN = "not shown";

    /**
     * The view of {@code unit}, a published unit of {@code units}.
     *
     * @param byId every unit of {@code units} by its id
     * @param slugs every unit's folder name ({@link Hierarchy#slugs()})
     * @param actions the actions the unit's report recommends, as its model has them
     */
    static UnitView of(Units units, Units.Unit unit, Map<String, Units.Unit> byId, Map<String, String> slugs,
            List<ReportModel.ActionRow> actions) {
        Hierarchy.Unit self = unit.unit();
        List<Link> ancestors = new ArrayList<>();
        for (String above = self.parent(); above != null; above = byId.get(above).unit().parent()) {
            ancestors.add(0, link(byId.get(above), slugs));
        }
        List<Link> children = self.children().stream().map(child -> link(byId.get(child), slugs)).toList();
        List<ComparisonView> comparisons = unit.comparisons().stream()
                .map(comparison -> comparison(units.questionnaire(), comparison)).toList();
        return new UnitView(self.id(), self.leader() == null ? "" : self.leader(), ancestors, children, comparisons,
                page(units.questionnaire(), unit.results(), actions));
    }

    private static Link link(Units.Unit unit, Map<String, String> slugs) {
        return new Link(unit.unit().id(), unit.published() ? "../" + slugs.get(unit.unit().id()) + "/" : "");
    }

    private static ComparisonView comparison(Questionnaire questionnaire, Units.Comparison comparison) {
        String title = comparison.against() == Units.Against.PARENT ? "the rest of " + comparison.with()
                : "the rest of the organisation";
        List<ComparisonRow> rows = new ArrayList<>();
        List<String> higher = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        boolean anyShown = false;
        for (int x = 0; x < comparison.indices().size(); x++) {
            Results.GroupIndex cell = comparison.indices().get(x);
            Index index = questionnaire.indices().get(x);
            Results.GroupIndexFigures figures = cell.figures().shown().orElse(null);
            if (figures == null) {
                rows.add(new ComparisonRow(index.name(), true, Display.NONE, Display.NONE, Display.NONE, ""));
                continue;
            }
            anyShown = true;
            Scale scale = questionnaire.scaleOf(index.items().get(0));
            Double delta = figures.deltaVsRest() == null ? null
                    : figures.deltaVsRest() / (scale.max() - scale.min()) * 100;
            String shownDelta = Display.signed(delta, 0);
            String flag = figures.flag() == null ? "" : figures.flag().label();
            rows.add(new ComparisonRow(index.name(), false, Display.whole(figures.mean() == null ? null
                    : ReportModelBuilder.position(scale, figures.mean())), shownDelta, Display.probability(figures.q()),
                    flag));
            if (figures.flag() == Results.Flag.BRIGHT_SPOT) {
                higher.add(index.name() + " (" + shownDelta + ")");
            } else if (figures.flag() == Results.Flag.HOT_SPOT) {
                lower.add(index.name() + " (" + shownDelta + ")");
            }
        }
        return new ComparisonView(title, sentence(title, anyShown, higher, lower), rows);
    }

    /** "Higher than the rest of North on A (+8) and B (+5); lower on C (−6)." */
    private static String sentence(String title, boolean anyShown, List<String> higher, List<String> lower) {
        if (!anyShown) {
            return "The comparison with " + title + " is not shown: too few people on one side.";
        }
        if (higher.isEmpty() && lower.isEmpty()) {
            return "No index differs clearly from " + title + ": every difference is within what chance would "
                    + "explain.";
        }
        List<String> parts = new ArrayList<>();
        if (!higher.isEmpty()) {
            parts.add("higher than " + title + " on " + ReportModelBuilder.joined(higher));
        }
        if (!lower.isEmpty()) {
            parts.add("lower " + (higher.isEmpty() ? "than " + title + " " : "") + "on "
                    + ReportModelBuilder.joined(lower));
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static LeaderPage page(Questionnaire questionnaire, Results results, List<ReportModel.ActionRow> actions) {
        record Scored(String id, String name, double score100, String band) {}
        List<Scored> scored = new ArrayList<>();
        for (Results.IndexResult index : results.indices()) {
            index.figures().shown().filter(f -> f.score100() != null)
                    .ifPresent(f -> scored.add(new Scored(index.id(), index.name(), f.score100(), f.band())));
        }
        scored.sort(Comparator.comparing(Scored::score100).reversed().thenComparing(Scored::id));
        String strongest = NOT_SHOWN;
        String weakest = NOT_SHOWN;
        if (!scored.isEmpty()) {
            Scored first = scored.get(0);
            Scored last = scored.get(scored.size() - 1);
            strongest = first.name() + ", " + Display.whole(first.score100()) + " out of 100"
                    + (first.band() == null ? "" : " (" + first.band() + ")");
            weakest = last.name() + ", " + Display.whole(last.score100()) + " out of 100"
                    + (last.band() == null ? "" : " (" + last.band() + ")");
        }
        String widestGap = "";
        if (results.sayDo() != null && !questionnaire.sayDo().isEmpty()) {
            widestGap = results.sayDo().pairs().stream()
                    .filter(pair -> pair.figures().shown().map(Results.GapFigures::meanGap).isPresent())
                    .max(Comparator.comparing((Results.Gap pair) -> pair.figures().shown().orElseThrow().meanGap())
                            .thenComparing(Results.Gap::id, Comparator.reverseOrder()))
                    .map(pair -> gap(pair.name(), pair.figures().shown().orElseThrow().meanGap()))
                    .orElse(NOT_SHOWN);
        }
        return new LeaderPage(strongest, weakest, widestGap, actions);
    }

    /** The widest gap in words; a gap of 0 or less is no gap. */
    private static String gap(String name, double meanGap) {
        return meanGap <= 0 ? "none: on every value, leaders' decisions are rated as high as their words"
                : "“" + name + "”: what leaders' decisions show is rated " + Display.decimal(meanGap, 2)
                        + " points below what they say, on the answer scale";
    }
}
