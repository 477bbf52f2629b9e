package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Band;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;

import org.culturekit.scoring.Results.Agreement;
import org.culturekit.scoring.Results.Driver;
import org.culturekit.scoring.Results.Enps;
import org.culturekit.scoring.Results.Gap;
import org.culturekit.scoring.Results.Group;
import org.culturekit.scoring.Results.GroupEnps;
import org.culturekit.scoring.Results.GroupGap;
import org.culturekit.scoring.Results.GroupIndex;
import org.culturekit.scoring.Results.GroupMean;
import org.culturekit.scoring.Results.IndexResult;
import org.culturekit.scoring.Results.ItemResult;
import org.culturekit.scoring.Results.PerceptionGap;
import org.culturekit.scoring.Results.SegmentResult;

/** Turns the accumulated sums into {@link Results}: the statistics of DESIGN.md §4 and the suppression. */
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

    ResultsBuilder(Plan plan, Tally everyone, Totals totals, List<Map<String, Tally>> segments, Tally leaders,
            Tally others, CommentSample[] comments) {
        this.plan = plan;
        this.everyone = everyone;
        this.totals = totals;
        this.segments = segments;
        this.leaders = leaders;
        this.others = others;
        this.comments = comments;
        this.k = plan.questionnaire.reporting().minGroupSize();
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
            segmentResults.add(segment(q.segments().get(s).id(), segments.get(s)));
        }
        return new Results(
                Results.SCHEMA_VERSION,
                null,
                new Results.QuestionnaireRef(q.id(), q.version(), Fingerprint.of(q)),
                new Results.Rows(everyone.respondents, everyone.respondents, List.of()),
                indices,
                plan.pairs.isEmpty() ? null : sayDo(),
                plan.enps < 0 ? null : enps(everyone.enps),
                gaps,
                segmentResults,
                plan.enps < 0 ? List.of() : drivers(),
                comments());
    }

    // ---- indices ----

    private IndexResult index(int x) {
        Plan.IndexPlan ip = plan.indices.get(x);
        Index index = ip.index();
        Sums score = everyone.score[x];
        long n = score.n();
        Double mean = score.mean();
        Double sd = sqrt(score.variance());
        Double half = Inference.halfWidth(n, sd);
        Double score100 = mean == null ? null : (mean - ip.min()) / (ip.max() - ip.min()) * 100;
        long[] classes = everyone.classes[x];
        Reliability reliability = Reliability.of(covariance(x));
        List<ItemResult> items = new ArrayList<>();
        for (int j = 0; j < ip.size(); j++) {
            items.add(item(x, j, reliability));
        }
        return new IndexResult(
                index.id(),
                index.name(),
                n,
                mean,
                sd,
                half == null ? null : mean - half,
                half == null ? null : mean + half,
                score100,
                percent(classes[Plan.FAVORABLE], classes),
                percent(classes[Plan.NEUTRAL], classes),
                percent(classes[Plan.UNFAVORABLE], classes),
                reliability.alpha(),
                reliability.standardizedAlpha(),
                band(index, score100),
                items,
                Fingerprint.of(plan.questionnaire, index));
    }

    private ItemResult item(int x, int j, Reliability reliability) {
        Sums sums = totals.item(x, j);
        long[] classes = totals.itemClasses(x, j);
        return new ItemResult(
                plan.indices.get(x).index().items().get(j),
                sums.n(),
                sums.mean(),
                sqrt(sums.variance()),
                percent(classes[Plan.FAVORABLE], classes),
                percent(classes[Plan.NEUTRAL], classes),
                percent(classes[Plan.UNFAVORABLE], classes),
                reliability.itemTotal()[j],
                reliability.alphaIfDeleted()[j]);
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
            pairs.add(gap(pair.id(), pair.name(), everyone.pairGap[p], everyone.pairGapAtLeast1[p],
                    totals.sayAndDo[p]));
        }
        return new Results.SayDo(gap(null, null, everyone.gap, everyone.gapAtLeast1, null), pairs);
    }

    /** A gap's statistics; {@code sayAndDo} (say paired with do) is null for the overall gap. */
    private static Gap gap(String id, String name, Sums sums, long atLeast1, Sums sayAndDo) {
        long n = sums.n();
        Double mean = sums.mean();
        Double sd = sqrt(sums.variance());
        Double half = Inference.halfWidth(n, sd);
        boolean testable = sd != null && sd > 0;
        Double t = testable ? mean / (sd / Math.sqrt(n)) : null;
        return new Gap(
                id,
                name,
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

    private static Enps enps(long[] counts) {
        long n = counts[0] + counts[1] + counts[2];
        return new Enps(n, counts[2], counts[1], counts[0], n == 0 ? null : 100.0 * (counts[2] - counts[0]) / n);
    }

    // ---- leaders vs others ----

    private PerceptionGap perceptionGap(int x) {
        String id = plan.indices.get(x).index().id();
        Sums a = leaders.score[x];
        Sums b = others.score[x];
        if (a.n() < k || b.n() < k) {
            return new PerceptionGap(id, true, null, null, null, null, null, null, null);
        }
        Comparison comparison = Comparison.of(a, b);
        return new PerceptionGap(
                id,
                false,
                new GroupMean(a.n(), a.mean()),
                new GroupMean(b.n(), b.mean()),
                comparison.difference,
                comparison.welch == null ? null : comparison.welch.t(),
                comparison.welch == null ? null : comparison.welch.df(),
                comparison.welch == null ? null : comparison.welch.p(),
                comparison.hedgesG);
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

    private SegmentResult segment(String id, Map<String, Tally> groups) {
        List<String> values = new ArrayList<>(groups.keySet());
        List<Tally> tallies = new ArrayList<>(groups.values());
        // the blank key sorts first; show it last, under its own name
        if (!values.isEmpty() && values.get(0).isEmpty()) {
            values.remove(0);
            values.add(NOT_GIVEN);
            tallies.add(tallies.remove(0));
        }
        boolean[] unit = new boolean[values.size()];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = !(i == unit.length - 1 && groups.containsKey(""));
        }
        int g = tallies.size();
        long[] respondents = new long[g];
        for (int i = 0; i < g; i++) {
            respondents[i] = tallies.get(i).respondents;
        }
        boolean[] hiddenGroup = Suppression.hide(respondents, null, k);

        int indices = plan.indices.size();
        List<Agreement> agreement = new ArrayList<>();
        GroupIndex[][] cells = new GroupIndex[g][indices];
        for (int x = 0; x < indices; x++) {
            agreement.add(agreement(x, tallies, unit));
            fillCells(x, tallies, unit, hiddenGroup, cells);
        }
        GroupGap[] gaps = plan.pairs.isEmpty() ? null : groupGaps(tallies, hiddenGroup);
        GroupEnps[] enps = plan.enps < 0 ? null : groupEnps(tallies, hiddenGroup);

        List<Group> result = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            if (hiddenGroup[i]) {
                result.add(Group.hidden(values.get(i)));
            } else {
                result.add(new Group(
                        values.get(i),
                        false,
                        respondents[i],
                        List.of(cells[i]),
                        gaps == null ? null : gaps[i],
                        enps == null ? null : enps[i]));
            }
        }
        return new SegmentResult(id, agreement, result);
    }

    private void fillCells(int x, List<Tally> tallies, boolean[] unit, boolean[] hiddenGroup, GroupIndex[][] cells) {
        int g = tallies.size();
        String id = plan.indices.get(x).index().id();
        long[] sizes = new long[g];
        Double[] p = new Double[g];
        Comparison[] comparisons = new Comparison[g];
        Sums all = everyone.score[x];
        for (int i = 0; i < g; i++) {
            Sums group = tallies.get(i).score[x];
            Sums rest = all.minus(group);
            sizes[i] = group.n();
            comparisons[i] = Comparison.of(group, rest);
            // the family of tests is every group where both sides reach the minimum, shown or not
            if (unit[i] && group.n() >= k && rest.n() >= k && comparisons[i].welch != null) {
                p[i] = comparisons[i].welch.p();
            }
        }
        Double[] q = Inference.benjaminiHochberg(p);
        boolean[] hidden = Suppression.hide(sizes, hiddenGroup, k);
        for (int i = 0; i < g; i++) {
            if (hidden[i]) {
                cells[i][x] = GroupIndex.hidden(id);
                continue;
            }
            Tally tally = tallies.get(i);
            Sums group = tally.score[x];
            Double delta = comparisons[i].difference;
            String flag = q[i] != null && q[i] < SIGNIFICANT && delta != null && delta != 0
                    ? (delta > 0 ? "bright-spot" : "hot-spot")
                    : null;
            long[] classes = tally.classes[x];
            cells[i][x] = new GroupIndex(
                    id,
                    false,
                    group.n(),
                    group.mean(),
                    sqrt(group.variance()),
                    percent(classes[Plan.FAVORABLE], classes),
                    unit[i] ? rwg(x, tally) : null,
                    delta,
                    q[i],
                    flag);
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

    /** ICC(1) and ICC(2) from a one-way ANOVA of respondent scores by group, as {@code multilevel}. */
    private Agreement agreement(int x, List<Tally> tallies, boolean[] unit) {
        String id = plan.indices.get(x).index().id();
        Sums pooled = new Sums(plan.indices.get(x).size());
        int groups = 0;
        Fraction within = Fraction.ZERO;
        for (int i = 0; i < tallies.size(); i++) {
            Sums s = tallies.get(i).score[x];
            if (unit[i] && s.n() > 0) {
                pooled.merge(s);
                groups++;
                within = within.plus(s.squaredDeviations());
            }
        }
        long n = pooled.n();
        if (groups < 2 || n - groups < 1) {
            return new Agreement(id, null, null);
        }
        Fraction between = pooled.squaredDeviations().minus(within);
        double msb = between.dividedBy(groups - 1).toDouble();
        double msw = within.dividedBy(n - groups).toDouble();
        double meanGroupSize = (double) n / groups;
        double denominator1 = msb + (meanGroupSize - 1) * msw;
        Double icc1 = denominator1 == 0 ? null : (msb - msw) / denominator1;
        Double icc2 = msb == 0 ? null : (msb - msw) / msb;
        return new Agreement(id, icc1, icc2);
    }

    private GroupGap[] groupGaps(List<Tally> tallies, boolean[] hiddenGroup) {
        long[] sizes = tallies.stream().mapToLong(t -> t.gap.n()).toArray();
        boolean[] hidden = Suppression.hide(sizes, hiddenGroup, k);
        GroupGap[] gaps = new GroupGap[tallies.size()];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = hidden[i]
                    ? new GroupGap(true, null, null)
                    : new GroupGap(false, sizes[i], tallies.get(i).gap.mean());
        }
        return gaps;
    }

    private GroupEnps[] groupEnps(List<Tally> tallies, boolean[] hiddenGroup) {
        long[] sizes = tallies.stream().mapToLong(t -> t.enps[0] + t.enps[1] + t.enps[2]).toArray();
        boolean[] hidden = Suppression.hide(sizes, hiddenGroup, k);
        GroupEnps[] result = new GroupEnps[tallies.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = hidden[i]
                    ? new GroupEnps(true, null, null)
                    : new GroupEnps(false, sizes[i], enps(tallies.get(i).enps).score());
        }
        return result;
    }

    // ---- drivers ----

    private List<Driver> drivers() {
        List<Driver> drivers = new ArrayList<>();
        for (int x = 0; x < plan.indices.size(); x++) {
            Sums s = totals.driver[x];
            long n = s.n();
            Fraction cov = s.covariance();
            Fraction vx = s.variance();
            Fraction vy = s.varianceY();
            Double r = null;
            if (cov != null && vx.signum() > 0 && vy.signum() > 0) {
                r = cov.toDouble() / Math.sqrt(vx.toDouble() * vy.toDouble());
            }
            double[] ci = r == null ? null : Inference.fisherInterval(r, n);
            drivers.add(new Driver(
                    plan.indices.get(x).index().id(),
                    r,
                    ci == null ? null : ci[0],
                    ci == null ? null : ci[1],
                    n));
        }
        drivers.sort(Comparator.comparing(Driver::r, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Driver::id));
        return drivers;
    }

    // ---- comments ----

    private static final String OTHER_GROUPS = "Other groups";
    private static final String EVERYONE = "All respondents";

    /**
     * Each comment question's answers, shown per group of the first segment only for groups of at least the
     * comment threshold (SECURITY.md R-ANON-3). The rest are pooled as "Other groups", which must reach the
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
        List<String> labels = new ArrayList<>(groups.keySet());
        long[] sizes = labels.stream().mapToLong(label -> groups.get(label).respondents).toArray();
        boolean[] hidden = Suppression.hide(sizes, null, k);
        List<String> qualifying = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (!hidden[i] && sizes[i] >= kc && !labels.get(i).isEmpty()) {
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

    // ---- shared ----

    private static Double percent(long part, long[] classes) {
        long total = classes[0] + classes[1] + classes[2];
        return total == 0 ? null : 100.0 * part / total;
    }

    private static Double sqrt(Fraction variance) {
        return variance == null ? null : Math.sqrt(variance.toDouble());
    }

}
