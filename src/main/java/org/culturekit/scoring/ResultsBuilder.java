package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.culturekit.model.Band;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.Results.Agreement;
import org.culturekit.scoring.Results.Cell;
import org.culturekit.scoring.Results.Correlation;
import org.culturekit.scoring.Results.Driver;
import org.culturekit.scoring.Results.Enps;
import org.culturekit.scoring.Results.Gap;
import org.culturekit.scoring.Results.GapFigures;
import org.culturekit.scoring.Results.Group;
import org.culturekit.scoring.Results.GroupFigures;
import org.culturekit.scoring.Results.GroupEnps;
import org.culturekit.scoring.Results.GroupGap;
import org.culturekit.scoring.Results.GroupIndex;
import org.culturekit.scoring.Results.GroupIndexFigures;
import org.culturekit.scoring.Results.GroupMean;
import org.culturekit.scoring.Results.IndexFigures;
import org.culturekit.scoring.Results.IndexResult;
import org.culturekit.scoring.Results.ItemFigures;
import org.culturekit.scoring.Results.ItemResult;
import org.culturekit.scoring.Results.Perception;
import org.culturekit.scoring.Results.PerceptionGap;
import org.culturekit.scoring.Results.SegmentResult;
import org.culturekit.scoring.stats.Fraction;
import org.culturekit.scoring.stats.Inference;
import org.culturekit.scoring.stats.Reliability;
import org.culturekit.scoring.stats.Sums;

/** Turns the accumulated sums into {@link Results}: the statistics of docs/statistics.md and the suppression. */
final class ResultsBuilder {
    /** The group of respondents who left a segment's column blank: shown last, and not an organisational unit. */
    static final String NOT_GIVEN = "(not given)";

    private static final double SIGNIFICANT = 0.05;

    private final Plan plan;
    private final Tally everyone;
    private final Totals totals;
    private final List<Map<String, Tally>> segments;
    private final Tally leaders;
    private final Tally others;
    private final CommentSample[] comments;
    private final int k;
    /** Per segment: its group labels in the order shown ({@link #NOT_GIVEN} last) and their tallies. */
    private final List<List<String>> values = new ArrayList<>();
    private final List<List<Tally>> tallies = new ArrayList<>();
    /** The cells that figures are shown for: everyone (0), leaders and others, then every group of every segment. */
    private final Cells cells;
    /** Per measure ({@link Measures}), per cell: whether the disclosure rules hide it. */
    private final boolean[][] hidden;
    /** With an organisation tree: the sums of its leaves; else null. */
    private final UnitSums units;
    /** For a unit's results: the decisions made for the whole run; null for the organisation's. */
    private final Decided decided;

    /**
     * What a unit's results may show, decided with every other figure of the run ({@link UnitsBuilder}).
     */
    interface Decided {
        /** Whether measure {@code m} ({@link Measures}) is hidden for the unit (null) or its child unit {@code child}. */
        boolean hidden(int m, String child);

        /** Whether item {@code j} of index {@code x} is hidden for the unit. */
        boolean itemHidden(int x, int j);

        /** Whether say-do pair {@code p} is hidden for the unit. */
        boolean pairHidden(int p);

        /** Whether index {@code x}'s link with eNPS is hidden for the unit. */
        boolean driverHidden(int x);
    }

    /** The organisation's results, and with {@code units} (or null) those of every unit of its tree. */
    ResultsBuilder(Plan plan, Tally everyone, Totals totals, List<Map<String, Tally>> segments,
            List<Measures.Atom> atoms, CommentSample[] comments, UnitSums units) {
        this(plan, everyone, totals, segments, atoms, comments, units, null);
    }

    /** A unit's results: {@code segments} is its child units alone, and {@code decided} what it may show. */
    ResultsBuilder(Plan plan, Tally everyone, Totals totals, Map<String, Tally> children, Decided decided) {
        this(plan, everyone, totals, List.of(children), List.of(), new CommentSample[0], null, decided);
    }

    private ResultsBuilder(Plan plan, Tally everyone, Totals totals, List<Map<String, Tally>> segments,
            List<Measures.Atom> atoms, CommentSample[] comments, UnitSums units, Decided decided) {
        this.units = units;
        this.decided = decided;
        this.plan = plan;
        this.everyone = everyone;
        this.totals = totals;
        this.segments = segments;
        this.comments = comments;
        this.k = plan.questionnaire.reporting().minGroupSize();
        leaders = new Tally(plan);
        others = new Tally(plan);
        if (plan.leaderSegment >= 0) {
            // a group's label is its values stripped, and leadership does not depend on the stripping
            segments.get(plan.leaderSegment).forEach((label, group) ->
                    (plan.isLeader(label) ? leaders : others).merge(group));
        }
        for (int s = 0; s < segments.size(); s++) {
            Map<String, Tally> groups = segments.get(s);
            List<String> labels = new ArrayList<>(groups.keySet());
            // in the order the segment lists its values, else natural; the blank label last
            labels.sort(GroupOrder.of(plan.questionnaire.segments().get(s)));
            List<Tally> sums = new ArrayList<>();
            labels.forEach(label -> sums.add(groups.get(label)));
            values.add(labels);
            tallies.add(sums);
        }
        cells = new Cells(values, plan.leaderSegment >= 0, units == null ? null : units.tree);
        if (decided != null) {
            hidden = new boolean[Measures.count(plan.indices.size())][cells.count()];
            for (int m = 0; m < hidden.length; m++) {
                hidden[m][0] = decided.hidden(m, null);
                for (int i = 0; i < values.get(0).size(); i++) {
                    hidden[m][cells.group(0, i)] = decided.hidden(m, values.get(0).get(i));
                }
            }
        } else {
            hidden = disclose(atoms.isEmpty() && segments.isEmpty()
                    ? List.of(new Measures.Atom(new String[0], everyone.measureSizes()))
                    : atoms);
        }
    }

    /**
     * Where each cell sits: everyone is cell 0, leaders 1 and others 2 when a segment tells leaders apart, then
     * each segment's groups in the order shown.
     */
    private static final class Cells {
        final int leaders;
        final int others;
        /** Per segment: its first group's cell. */
        final int[] first;
        /** Per segment: group label (blank for not given) → position in the segment. */
        final List<Map<String, Integer>> positions = new ArrayList<>();
        final int[] partition;
        /** The units of the organisation tree, after every segment's groups; null without a tree. */
        final TreeCells tree;

        Cells(List<List<String>> values, boolean leaderSegment, Hierarchy hierarchy) {
            int next = 1;
            leaders = leaderSegment ? next++ : -1;
            others = leaderSegment ? next++ : -1;
            first = new int[values.size()];
            List<Integer> partitionOf = new ArrayList<>(List.of(0));
            if (leaderSegment) {
                partitionOf.add(1);
                partitionOf.add(1);
            }
            for (int s = 0; s < values.size(); s++) {
                first[s] = next;
                Map<String, Integer> position = new HashMap<>();
                for (int i = 0; i < values.get(s).size(); i++) {
                    position.put(values.get(s).get(i), i);
                    partitionOf.add(2 + s);
                    next++;
                }
                positions.add(position);
            }
            tree = hierarchy == null ? null : new TreeCells(hierarchy, next);
            if (tree != null) {
                for (int i = 0; i < tree.count(); i++) {
                    partitionOf.add(2 + values.size() + tree.level(i));
                }
            }
            partition = partitionOf.stream().mapToInt(Integer::intValue).toArray();
        }

        int group(int segment, int position) {
            return first[segment] + position;
        }

        int count() {
            return partition.length;
        }
    }

    /** Runs the disclosure rules for every measure over the overlaps the atoms add up to. */
    private boolean[][] disclose(List<Measures.Atom> atoms) {
        int measures = Measures.count(plan.indices.size());
        int count = cells.count();
        List<int[]> members = atoms.stream().map(atom -> membership(atom.labels())).toList();
        boolean[][] result = new boolean[measures][];
        for (int m = 0; m < measures; m++) {
            Disclosure.Overlaps overlaps = new Disclosure.Overlaps(count);
            for (int a = 0; a < atoms.size(); a++) {
                overlaps.add(members.get(a), atoms.get(a).sizes()[m]);
            }
            // a group hidden as a whole shows no figure of any measure
            boolean[] before = m == Measures.RESPONDENTS ? new boolean[count] : result[Measures.RESPONDENTS].clone();
            before[0] = false;
            if (cells.tree != null) {
                // the respondents in no unit of the tree are never shown as one
                for (int c : cells.tree.nowhere()) {
                    before[c] = true;
                }
            }
            boolean leadersShown = m >= Measures.index(0) && m < Measures.gap(plan.indices.size());
            if (cells.leaders > 0) {
                // leaders and others are compared per index only; elsewhere they show nothing
                before[cells.leaders] = !leadersShown;
                before[cells.others] = !leadersShown;
            }
            result[m] = Disclosure.hide(overlaps, cells.partition, before, k);
        }
        return result;
    }

    /** The cells a respondent with these group labels belongs to. */
    private int[] membership(String[] labels) {
        int[] tree = cells.tree == null ? new int[0] : cells.tree.cells(cells.tree.leaf(labels[units.segment]));
        int[] member = new int[1 + (cells.leaders > 0 ? 1 : 0) + labels.length + tree.length];
        int at = 0;
        member[at++] = 0;
        if (cells.leaders > 0) {
            member[at++] = plan.isLeader(labels[plan.leaderSegment]) ? cells.leaders : cells.others;
        }
        for (int s = 0; s < labels.length; s++) {
            member[at++] = cells.group(s, cells.positions.get(s).get(labels[s]));
        }
        for (int cell : tree) {
            member[at++] = cell;
        }
        return member;
    }

    Results build() {
        Questionnaire q = plan.questionnaire;
        List<IndexResult> indices = new ArrayList<>();
        for (int x = 0; x < plan.indices.size(); x++) {
            indices.add(index(x));
        }
        List<PerceptionGap> gaps = new ArrayList<>();
        if (plan.leaderSegment >= 0) {
            for (int x = 0; x < plan.indices.size(); x++) {
                gaps.add(perceptionGap(x));
            }
        }
        List<SegmentResult> segmentResults = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            segmentResults.add(segment(s));
        }
        return new Results(
                Results.SCHEMA_VERSION,
                null,
                null,
                new Results.QuestionnaireRef(q.id(), q.version(), Fingerprint.of(q)),
                new Results.Rows(everyone.respondents, everyone.respondents, List.of()),
                indices,
                plan.pairs.isEmpty() ? null : sayDo(),
                plan.enps < 0 ? null : overallEnps(),
                gaps,
                segmentResults,
                plan.enps < 0 ? List.of() : drivers(),
                comments());
    }

    // ---- indices ----

    private IndexResult index(int x) {
        Plan.IndexPlan ip = plan.indices.get(x);
        Index index = ip.index();
        String fingerprint = Fingerprint.of(plan.questionnaire, index);
        if (hidden[Measures.index(x)][0]) {
            List<ItemResult> items = index.items().stream().map(item -> new ItemResult(item, Cell.<ItemFigures>withheld()))
                    .toList();
            return new IndexResult(index.id(), index.name(), Cell.withheld(), fingerprint, items);
        }
        Sums score = everyone.score[x];
        long n = score.n();
        Double mean = score.mean();
        Double sd = sqrt(score.variance());
        Double half = Inference.halfWidth(n, sd);
        Double score100 = mean == null ? null : (mean - ip.min()) / (ip.max() - ip.min()) * 100;
        long[] classes = everyone.classes[x];
        // an item answered by too few would be given away by the figures pooled over all items, less the
        // figures of the others: then the pooled shares and the reliability, which use every item, are withheld
        boolean whole = true;
        for (int j = 0; j < ip.size(); j++) {
            whole &= !itemHidden(x, j);
        }
        Reliability reliability = whole ? Reliability.of(covariance(x)) : null;
        List<ItemResult> items = new ArrayList<>();
        for (int j = 0; j < ip.size(); j++) {
            items.add(item(x, j, reliability));
        }
        return new IndexResult(index.id(), index.name(), Cell.shown(new IndexFigures(
                n,
                mean,
                sd,
                half == null ? null : mean - half,
                half == null ? null : mean + half,
                score100,
                whole ? percent(classes[Plan.FAVORABLE], classes) : null,
                whole ? percent(classes[Plan.NEUTRAL], classes) : null,
                whole ? percent(classes[Plan.UNFAVORABLE], classes) : null,
                reliability == null ? null : reliability.alpha(),
                reliability == null ? null : reliability.standardizedAlpha(),
                band(index, score100))),
                fingerprint,
                items);
    }

    /** One item's figures; {@code reliability} is null when an item of the index is withheld. */
    private ItemResult item(int x, int j, Reliability reliability) {
        String id = plan.indices.get(x).index().items().get(j);
        Sums sums = totals.item(x, j);
        if (itemHidden(x, j)) {
            return new ItemResult(id, Cell.withheld());
        }
        long[] classes = totals.itemClasses(x, j);
        return new ItemResult(id, Cell.shown(new ItemFigures(
                sums.n(),
                sums.mean(),
                sqrt(sums.variance()),
                percent(classes[Plan.FAVORABLE], classes),
                percent(classes[Plan.NEUTRAL], classes),
                percent(classes[Plan.UNFAVORABLE], classes),
                reliability == null ? null : reliability.itemTotal()[j],
                reliability == null ? null : reliability.alphaIfDeleted()[j])));
    }

    /** The pairwise-complete covariance matrix of an index's keyed items; NaN where undefined (n &lt; 2). */
    private double[][] covariance(int x) {
        int size = plan.indices.get(x).size();
        double[][] c = new double[size][size];
        int pair = 0;
        for (int i = 0; i < size; i++) {
            c[i][i] = orNaN(totals.item(x, i).variance());
            for (int j = i + 1; j < size; j++, pair++) {
                c[i][j] = orNaN(totals.itemPairs[x].covariance(pair));
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    private static double orNaN(Fraction value) {
        return value == null ? Double.NaN : value.toDouble();
    }

    private static String band(Index index, Double score100) {
        if (score100 == null || index.bands().isEmpty()) {
            return null;
        }
        for (Band band : index.bands()) {
            if (band.below().isEmpty() || score100 < band.below().getAsDouble()) {
                return band.label();
            }
        }
        return index.bands().get(index.bands().size() - 1).label();
    }

    // ---- say-do and eNPS ----

    private Results.SayDo sayDo() {
        List<Gap> pairs = new ArrayList<>();
        for (int p = 0; p < plan.pairs.size(); p++) {
            var pair = plan.pairs.get(p).pair();
            pairs.add(new Gap(pair.id(), pair.name(), pairHidden(p)
                    ? Cell.withheld()
                    : Cell.shown(gap(everyone.pairGap[p], everyone.pairGapAtLeast1[p], totals.sayAndDo[p]))));
        }
        Cell<GapFigures> overall = hidden[Measures.gap(plan.indices.size())][0]
                ? Cell.withheld()
                : Cell.shown(gap(everyone.gap, everyone.gapAtLeast1, null));
        return new Results.SayDo(overall, pairs);
    }

    /** A gap's statistics; {@code sayAndDo} (say paired with do) is null for the overall gap. */
    private static GapFigures gap(Sums sums, long atLeast1, Sums sayAndDo) {
        long n = sums.n();
        Double mean = sums.mean();
        Double sd = sqrt(sums.variance());
        Double half = Inference.halfWidth(n, sd);
        boolean testable = sd != null && sd > 0;
        Double t = testable ? mean / (sd / Math.sqrt(n)) : null;
        return new GapFigures(
                n,
                mean,
                sd,
                half == null ? null : mean - half,
                half == null ? null : mean + half,
                t,
                testable ? (double) (n - 1) : null,
                testable ? Inference.twoSidedP(t, n - 1) : null,
                testable ? mean / sd : null,
                n == 0 ? null : 100.0 * atLeast1 / n,
                sayAndDo == null ? null : sayAndDo.mean(),
                sayAndDo == null ? null : sayAndDo.meanY());
    }

    private Cell<Enps> overallEnps() {
        return hidden[Measures.enps(plan.indices.size())][0] ? Cell.withheld() : Cell.shown(enps(everyone.enps));
    }

    private static Enps enps(long[] counts) {
        long n = counts[0] + counts[1] + counts[2];
        return new Enps(n, counts[2], counts[1], counts[0], n == 0 ? null : 100.0 * (counts[2] - counts[0]) / n);
    }

    // ---- leaders vs others ----

    private PerceptionGap perceptionGap(int x) {
        String id = plan.indices.get(x).index().id();
        boolean[] hiddenCells = hidden[Measures.index(x)];
        if (hiddenCells[cells.leaders] || hiddenCells[cells.others]) {
            return new PerceptionGap(id, Cell.withheld());
        }
        Sums a = leaders.score[x];
        Sums b = others.score[x];
        Comparison comparison = Comparison.of(a, b);
        return new PerceptionGap(id, Cell.shown(new Perception(
                new GroupMean(a.n(), a.mean()),
                new GroupMean(b.n(), b.mean()),
                comparison.difference,
                comparison.welch == null ? null : comparison.welch.t(),
                comparison.welch == null ? null : comparison.welch.df(),
                comparison.welch == null ? null : comparison.welch.p(),
                comparison.hedgesG)));
    }

    /** Two sets of respondent scores compared: difference of means, Welch test, Hedges' g. */
    private record Comparison(Double difference, Inference.Welch welch, Double hedgesG) {
        static Comparison of(Sums a, Sums b) {
            if (a.n() == 0 || b.n() == 0) {
                return new Comparison(null, null, null);
            }
            double meanA = a.mean();
            double meanB = b.mean();
            Fraction varA = a.variance();
            Fraction varB = b.variance();
            if (varA == null || varB == null) {
                return new Comparison(meanA - meanB, null, null);
            }
            double va = varA.toDouble();
            double vb = varB.toDouble();
            return new Comparison(
                    meanA - meanB,
                    Inference.Welch.of(a.n(), meanA, va, b.n(), meanB, vb),
                    Inference.hedgesG(a.n(), meanA, va, b.n(), meanB, vb));
        }
    }

    // ---- segments ----

    private SegmentResult segment(int s) {
        List<String> labels = values.get(s);
        List<Tally> sums = tallies.get(s);
        int g = sums.size();
        // the groups of respondents who left the segment blank is not an organisational unit
        boolean[] unit = new boolean[g];
        for (int i = 0; i < g; i++) {
            unit[i] = !labels.get(i).isEmpty();
        }
        int indices = plan.indices.size();
        List<Agreement> agreement = new ArrayList<>();
        GroupIndex[][] groupCells = new GroupIndex[g][indices];
        for (int x = 0; x < indices; x++) {
            boolean[] shown = shown(Measures.index(x), s);
            agreement.add(agreement(x, sums, unit, shown));
            fillCells(x, sums, unit, shown, groupCells);
        }
        boolean[] groupShown = shown(Measures.RESPONDENTS, s);
        boolean[] gapShown = shown(Measures.gap(indices), s);
        boolean[] enpsShown = shown(Measures.enps(indices), s);
        List<Group> result = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            String label = labels.get(i).isEmpty() ? NOT_GIVEN : labels.get(i);
            if (!groupShown[i]) {
                result.add(Group.hidden(label));
                continue;
            }
            Tally tally = sums.get(i);
            Cell<GroupGap> gap = null;
            if (!plan.pairs.isEmpty()) {
                gap = gapShown[i] ? Cell.shown(new GroupGap(tally.gap.n(), tally.gap.mean())) : Cell.withheld();
            }
            Cell<GroupEnps> groupEnps = null;
            if (plan.enps >= 0) {
                Enps e = enps(tally.enps);
                groupEnps = enpsShown[i] ? Cell.shown(new GroupEnps(e.n(), e.score())) : Cell.withheld();
            }
            result.add(new Group(label, Cell.shown(new GroupFigures(tally.respondents, List.of(groupCells[i]), gap,
                    groupEnps))));
        }
        return new SegmentResult(plan.questionnaire.segments().get(s).id(), agreement, result);
    }

    /** Which groups of segment {@code s} the disclosure rules show for measure {@code m}. */
    private boolean[] shown(int m, int s) {
        boolean[] shown = new boolean[values.get(s).size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = !hidden[m][cells.group(s, i)];
        }
        return shown;
    }

    private void fillCells(int x, List<Tally> sums, boolean[] unit, boolean[] shown, GroupIndex[][] groupCells) {
        int g = sums.size();
        String id = plan.indices.get(x).index().id();
        Double[] p = new Double[g];
        Comparison[] comparisons = new Comparison[g];
        Sums all = everyone.score[x];
        for (int i = 0; i < g; i++) {
            Sums group = sums.get(i).score[x];
            Sums rest = all.minus(group);
            comparisons[i] = Comparison.of(group, rest);
            // the family of tests is the shown groups whose rest reaches the minimum: a hidden group's p would
            // move the others' q
            if (shown[i] && unit[i] && rest.n() >= k && comparisons[i].welch != null) {
                p[i] = comparisons[i].welch.p();
            }
        }
        Double[] q = Inference.benjaminiHochberg(p);
        for (int i = 0; i < g; i++) {
            if (!shown[i]) {
                groupCells[i][x] = GroupIndex.hidden(id);
                continue;
            }
            Tally tally = sums.get(i);
            Sums group = tally.score[x];
            Double delta = comparisons[i].difference;
            Results.Flag flag = q[i] != null && q[i] < SIGNIFICANT && delta != null && delta != 0
                    ? (delta > 0 ? Results.Flag.BRIGHT_SPOT : Results.Flag.HOT_SPOT)
                    : null;
            long[] classes = tally.classes[x];
            groupCells[i][x] = new GroupIndex(id, Cell.shown(new GroupIndexFigures(
                    group.n(),
                    group.mean(),
                    sqrt(group.variance()),
                    percent(classes[Plan.FAVORABLE], classes),
                    unit[i] ? rwg(x, tally) : null,
                    delta,
                    q[i],
                    flag)));
        }
    }

    /** rwg(j) as {@code multilevel::rwg.j} with the uniform null variance (A² − 1)/12. */
    private Double rwg(int x, Tally tally) {
        long c = tally.complete[x];
        if (c < 2) {
            return null;
        }
        Plan.IndexPlan ip = plan.indices.get(x);
        int items = ip.size();
        Fraction sum = Fraction.ZERO;
        for (int j = 0; j < items; j++) {
            long s = tally.completeSum[x][j];
            long ss = tally.completeSquares[x][j];
            sum = sum.plus(Fraction.of(ss * c - s * s, c * (c - 1)));
        }
        double meanVariance = sum.dividedBy(items).toDouble();
        int points = ip.max() - ip.min() + 1;
        double nullVariance = (points * points - 1) / 12.0;
        double ratio = Math.min(meanVariance, nullVariance) / nullVariance;
        return items * (1 - ratio) / (items * (1 - ratio) + ratio);
    }

    /**
     * ICC(1) and ICC(2) from a one-way ANOVA of respondent scores by group, as {@code multilevel}, over the
     * shown groups only: with a hidden group in it, the published n, mean and sd would give that group away.
     */
    private Agreement agreement(int x, List<Tally> sums, boolean[] unit, boolean[] shown) {
        String id = plan.indices.get(x).index().id();
        Sums pooled = new Sums(plan.indices.get(x).size());
        int groups = 0;
        Fraction within = Fraction.ZERO;
        for (int i = 0; i < sums.size(); i++) {
            Sums s = sums.get(i).score[x];
            if (unit[i] && shown[i] && s.n() > 0) {
                pooled.merge(s);
                groups++;
                within = within.plus(s.squaredDeviations());
            }
        }
        long n = pooled.n();
        if (groups < 2 || n - groups < 1) {
            return new Agreement(id, null, null, n, groups);
        }
        Fraction between = pooled.squaredDeviations().minus(within);
        double msb = between.dividedBy(groups - 1).toDouble();
        double msw = within.dividedBy(n - groups).toDouble();
        double meanGroupSize = (double) n / groups;
        double denominator1 = msb + (meanGroupSize - 1) * msw;
        Double icc1 = denominator1 == 0 ? null : (msb - msw) / denominator1;
        Double icc2 = msb == 0 ? null : (msb - msw) / msb;
        return new Agreement(id, icc1, icc2, n, groups);
    }

    // ---- drivers ----

    private List<Driver> drivers() {
        List<Driver> drivers = new ArrayList<>();
        boolean enpsHidden = hidden[Measures.enps(plan.indices.size())][0];
        for (int x = 0; x < plan.indices.size(); x++) {
            String id = plan.indices.get(x).index().id();
            Sums s = totals.driver[x];
            long n = s.n();
            if (driverHidden(x) || enpsHidden || hidden[Measures.index(x)][0]) {
                drivers.add(new Driver(id, Cell.withheld()));
                continue;
            }
            Fraction cov = s.covariance();
            Fraction vx = s.variance();
            Fraction vy = s.varianceY();
            Double r = null;
            if (cov != null && vx.signum() > 0 && vy.signum() > 0) {
                r = cov.toDouble() / Math.sqrt(vx.toDouble() * vy.toDouble());
            }
            double[] ci = r == null ? null : Inference.fisherInterval(r, n);
            drivers.add(new Driver(id, Cell.shown(new Correlation(r, ci == null ? null : ci[0],
                    ci == null ? null : ci[1], n))));
        }
        // strongest first; withheld and undefined correlations last, by id
        drivers.sort(Comparator.comparing((Driver d) -> d.figures().shown().map(Correlation::r).orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Driver::id));
        return drivers;
    }

    // ---- comments ----

    private static final String OTHER_GROUPS = "Other groups";
    private static final String EVERYONE = "All respondents";

    /**
     * Each comment question's answers, shown per group of the first segment only for groups of at least the
     * comment threshold (docs/privacy.md). The rest are pooled as "Other groups", which must reach the
     * threshold too — if it would not, the smallest qualifying group joins it — so no small group's comments
     * can be told apart, not even by elimination. Below the threshold overall, nothing is shown.
     */
    private List<Results.CommentQuestion> comments() {
        int kc = plan.questionnaire.reporting().minCommentGroupSize();
        List<String> qualifying = commentGroups(kc);
        long qualifyingRespondents = 0;
        for (String group : qualifying) {
            qualifyingRespondents += segments.get(0).get(group).respondents;
        }
        boolean showOthers = everyone.respondents - qualifyingRespondents >= kc;
        List<Results.CommentQuestion> questions = new ArrayList<>();
        for (int c = 0; c < comments.length; c++) {
            String item = plan.questionnaire.comments().get(c);
            Map<String, CommentSample.Bucket> buckets = comments[c].groups();
            List<Results.CommentGroup> groups = new ArrayList<>();
            for (String group : qualifying) {
                addGroup(groups, group, buckets.containsKey(group) ? List.of(buckets.get(group)) : List.of());
            }
            if (showOthers) {
                List<CommentSample.Bucket> rest = new ArrayList<>();
                buckets.forEach((group, bucket) -> {
                    if (!qualifying.contains(group)) {
                        rest.add(bucket);
                    }
                });
                addGroup(groups, qualifying.isEmpty() ? EVERYONE : OTHER_GROUPS, rest);
            }
            questions.add(new Results.CommentQuestion(item, plan.questionnaire.item(item).text(), groups));
        }
        return questions;
    }

    /** Groups of the first segment whose comments may be shown on their own. */
    private List<String> commentGroups(int kc) {
        if (segments.isEmpty()) {
            return List.of();
        }
        Map<String, Tally> groups = segments.get(0);
        List<String> labels = values.get(0);
        long[] sizes = labels.stream().mapToLong(label -> groups.get(label).respondents).toArray();
        boolean[] shown = shown(Measures.RESPONDENTS, 0);
        List<String> qualifying = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (shown[i] && sizes[i] >= kc && !labels.get(i).isEmpty()) {
                qualifying.add(labels.get(i));
            } else {
                rest += sizes[i];
            }
        }
        while (rest > 0 && rest < kc && !qualifying.isEmpty()) {
            String smallest = qualifying.stream()
                    .min(Comparator.comparingLong((String label) -> groups.get(label).respondents)
                            .thenComparing(Comparator.naturalOrder()))
                    .orElseThrow();
            qualifying.remove(smallest);
            rest += groups.get(smallest).respondents;
        }
        return qualifying;
    }

    private static void addGroup(List<Results.CommentGroup> groups, String label, List<CommentSample.Bucket> buckets) {
        CommentSample.Bucket combined = CommentSample.combined(buckets);
        if (combined.total == 0) {
            return;
        }
        List<Results.Comment> kept = new ArrayList<>(combined.kept.values());
        long shown = kept.stream().mapToLong(Results.Comment::count).sum();
        groups.add(new Results.CommentGroup(label, kept, combined.total - shown));
    }

    // ---- what is shown beyond the disclosure rules' measures ----

    /** An item's figures are over those who answered it: for the organisation, shown from k of them. */
    private boolean itemHidden(int x, int j) {
        return decided == null ? totals.item(x, j).n() < k : decided.itemHidden(x, j);
    }

    private boolean pairHidden(int p) {
        return decided == null ? everyone.pairGap[p].n() < k : decided.pairHidden(p);
    }

    private boolean driverHidden(int x) {
        return decided == null ? totals.driver[x].n() < k : decided.driverHidden(x);
    }

    // ---- the units of an organisation tree ----

    /** Every unit's results, under the decisions this builder made for the run; with a tree only. */
    Units units() {
        return new UnitsBuilder(plan, everyone, totals, segments.get(units.segment), units, cells.tree, hidden, k,
                this::againstEveryone).build();
    }

    /**
     * Each of {@code groups} against everyone else, per index, tested as a segment's groups are; {@code shown}
     * gives, per measure, which of them may be shown.
     */
    GroupIndex[][] againstEveryone(List<Tally> groups, IntFunction<boolean[]> shown) {
        GroupIndex[][] result = new GroupIndex[groups.size()][plan.indices.size()];
        boolean[] unit = new boolean[groups.size()];
        Arrays.fill(unit, true);
        for (int x = 0; x < plan.indices.size(); x++) {
            fillCells(x, groups, unit, shown.apply(Measures.index(x)), result);
        }
        return result;
    }

    // ---- shared ----

    private static Double percent(long part, long[] classes) {
        long total = classes[0] + classes[1] + classes[2];
        return total == 0 ? null : 100.0 * part / total;
    }

    private static Double sqrt(Fraction variance) {
        return variance == null ? null : Math.sqrt(variance.toDouble());
    }

}
