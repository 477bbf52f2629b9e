package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.culturekit.scoring.stats.Inference;

/**
 * What moved between a baseline wave and this one, each change tested with Welch's t-test from the two waves'
 * summary statistics (n, mean, sd), so no respondent-level data of the baseline is needed.
 *
 * <ul>
 *   <li>An index is compared only if its fingerprint (items, texts, scales, keying) is the same in both waves;
 *       otherwise it is listed as not comparable, with the reason.
 *   <li>A group's change is shown only where the group is shown in both waves and its size moved by 0 or at
 *       least the minimum group size: otherwise the change would isolate the few who joined or left it
 *       (docs/privacy.md). When the baseline is the same wave (a refresh of the same survey), the same holds
 *       for the organisation-wide figures.
 *   <li>Indices, pairs and groups present in one wave only are listed, not dropped.
 * </ul>
 *
 * @param baselineWave the baseline's wave label, or null
 * @param sameQuestionnaire whether both waves scored the same questionnaire fingerprint
 * @param indices one per index of this wave
 * @param pairs one per say-do pair of this wave, then the overall gap (id null)
 * @param enps the eNPS change, or null when either wave has none
 * @param groups per segment, group and index shown in both waves
 * @param onlyHere what this wave has and the baseline lacks ("index recognition", "team: Legal")
 * @param onlyInBaseline what the baseline has and this wave lacks
 */
public record Changes(
        String baselineWave,
        boolean sameQuestionnaire,
        List<Change> indices,
        List<Change> pairs,
        Change enps,
        List<GroupChange> groups,
        List<String> onlyHere,
        List<String> onlyInBaseline) {

    private static final double SIGNIFICANT = 0.05;

    public Changes {
        indices = List.copyOf(indices);
        pairs = List.copyOf(pairs);
        groups = List.copyOf(groups);
        onlyHere = List.copyOf(onlyHere);
        onlyInBaseline = List.copyOf(onlyInBaseline);
    }

    /**
     * One figure in both waves.
     *
     * @param id index or pair id (null for the overall say-do gap or eNPS)
     * @param name display name
     * @param comparable whether the two figures measure the same thing
     * @param reason why not comparable, or null
     * @param before the baseline figure (index mean, gap or eNPS)
     * @param after this wave's figure
     * @param delta after − before
     * @param t Welch t
     * @param df Welch–Satterthwaite df
     * @param p two-sided p
     * @param significant whether p &lt; .05
     */
    public record Change(String id, String name, boolean comparable, String reason, Double before, Double after,
            Double delta, Double t, Double df, Double p, boolean significant) {
        static Change notComparable(String id, String name, String reason) {
            return new Change(id, name, false, reason, null, null, null, null, null, null, false);
        }
    }

    /**
     * One group's index in both waves.
     *
     * @param segment segment id
     * @param group group label
     * @param change the change of the group's mean on the index
     */
    public record GroupChange(String segment, String group, Change change) {}

    /** Why a change is not shown when too few respondents are behind it. */
    static final String WITHHELD = "withheld: too few respondents in one of the waves, or too few joined or left";

    /**
     * Compares {@code current} with {@code baseline}, showing no change that would single out fewer than
     * {@code k} respondents.
     */
    public static Changes between(Results baseline, Results current, int k) {
        Objects.requireNonNull(baseline, "baseline");
        Sizes sizes = Sizes.of(k, baseline, current);
        List<String> onlyHere = new ArrayList<>();
        List<String> onlyInBaseline = new ArrayList<>();
        Map<String, Results.IndexResult> before = new LinkedHashMap<>();
        baseline.indices().forEach(index -> before.put(index.id(), index));
        List<Change> indices = new ArrayList<>();
        for (Results.IndexResult now : current.indices()) {
            Results.IndexResult then = before.remove(now.id());
            if (then == null) {
                onlyHere.add("index " + now.id());
                indices.add(Change.notComparable(now.id(), now.name(), "not in the baseline"));
            } else if (!Objects.equals(then.fingerprint(), now.fingerprint())) {
                indices.add(Change.notComparable(now.id(), now.name(), "its items changed since the baseline"));
            } else {
                indices.add(overall(now.id(), now.name(), then.figures(), now.figures(), sizes,
                        f -> new Sample(f.n(), f.mean(), f.sd())));
            }
        }
        before.keySet().forEach(id -> onlyInBaseline.add("index " + id));
        List<String> itemsThen = items(baseline);
        List<String> itemsNow = items(current);
        itemsNow.stream().filter(item -> !itemsThen.contains(item)).forEach(item -> onlyHere.add("item " + item));
        itemsThen.stream().filter(item -> !itemsNow.contains(item)).forEach(item -> onlyInBaseline.add("item " + item));

        List<Change> pairs = new ArrayList<>();
        if (current.sayDo() != null) {
            Map<String, Results.Gap> beforePairs = new LinkedHashMap<>();
            if (baseline.sayDo() != null) {
                baseline.sayDo().pairs().forEach(pair -> beforePairs.put(pair.id(), pair));
            }
            for (Results.Gap now : current.sayDo().pairs()) {
                Results.Gap then = beforePairs.remove(now.id());
                if (then == null) {
                    onlyHere.add("say-do pair " + now.id());
                    pairs.add(Change.notComparable(now.id(), now.name(), "not in the baseline"));
                } else {
                    pairs.add(overall(now.id(), now.name(), then.figures(), now.figures(), sizes, Changes::gap));
                }
            }
            beforePairs.keySet().forEach(id -> onlyInBaseline.add("say-do pair " + id));
            if (baseline.sayDo() != null) {
                pairs.add(overall(null, "All values", baseline.sayDo().overall(), current.sayDo().overall(), sizes,
                        Changes::gap));
            }
        }
        // eNPS is compared as the mean of +100 (promoter), 0 (passive) and −100 (detractor) per respondent
        Change enps = current.enps() == null || baseline.enps() == null ? null
                : overall(null, "eNPS", baseline.enps(), current.enps(), sizes,
                        e -> new Sample(e.n(), e.score(), npsSd(e)));

        List<GroupChange> groups = new ArrayList<>();
        for (Results.SegmentResult segment : current.segments()) {
            Results.SegmentResult thenSegment = baseline.segments().stream()
                    .filter(s -> s.id().equals(segment.id())).findFirst().orElse(null);
            if (thenSegment == null) {
                onlyHere.add("segment " + segment.id());
                continue;
            }
            Map<String, Results.Group> thenGroups = new LinkedHashMap<>();
            thenSegment.groups().forEach(g -> thenGroups.put(g.value(), g));
            for (Results.Group group : segment.groups()) {
                Results.Group then = thenGroups.remove(group.value());
                if (then == null) {
                    onlyHere.add(segment.id() + ": " + group.value());
                    continue;
                }
                if (group.suppressed() || then.suppressed()) {
                    continue; // a change is shown only where the group is shown in both waves
                }
                for (Results.GroupIndex cell : group.indices()) {
                    Results.GroupIndex thenCell = then.indices().stream().filter(c -> c.id().equals(cell.id()))
                            .findFirst().orElse(null);
                    boolean comparable = indices.stream().anyMatch(c -> c.id().equals(cell.id()) && c.comparable());
                    if (thenCell == null || !comparable
                            || !(thenCell.figures() instanceof Results.Cell.Shown<Results.GroupIndexFigures> thenShown)
                            || !(cell.figures() instanceof Results.Cell.Shown<Results.GroupIndexFigures> nowShown)
                            || !sizes.group(thenShown.figures().n(), nowShown.figures().n())) {
                        continue;
                    }
                    Results.GroupIndexFigures earlier = thenShown.figures();
                    Results.GroupIndexFigures later = nowShown.figures();
                    groups.add(new GroupChange(segment.id(), group.value(), change(cell.id(), cell.id(),
                            new Sample(earlier.n(), earlier.mean(), earlier.sd()),
                            new Sample(later.n(), later.mean(), later.sd()))));
                }
            }
            thenGroups.keySet().forEach(value -> onlyInBaseline.add(segment.id() + ": " + value));
        }
        boolean same = Objects.equals(baseline.questionnaire().fingerprint(), current.questionnaire().fingerprint());
        return new Changes(baseline.wave(), same, indices, pairs, enps, groups, onlyHere, onlyInBaseline);
    }

    /**
     * Whether the sizes behind a change let it be shown: both waves reach {@code k} (a withheld figure has no
     * size), and the size moved by 0 or at least {@code k}.
     */
    record Sizes(int k, boolean refresh) {
        /** A refresh of the same wave: its respondents are mostly the baseline's, so overall figures count too. */
        static Sizes of(int k, Results baseline, Results current) {
            return new Sizes(k, baseline.wave() != null && baseline.wave().equals(current.wave()));
        }

        boolean group(long then, long now) {
            if (then < k || now < k) {
                return false;
            }
            long moved = Math.abs(now - then);
            return moved == 0 || moved >= k;
        }

        /** Organisation-wide figures, both shown: sizes count only in a refresh. */
        boolean overall(long then, long now) {
            return !refresh || group(then, now);
        }
    }

    /** The ids of every index item, in order, once each. */
    private static List<String> items(Results results) {
        List<String> items = new ArrayList<>();
        results.indices().forEach(index -> index.items().forEach(item -> {
            if (!items.contains(item.id())) {
                items.add(item.id());
            }
        }));
        return items;
    }

    /** One figure in one wave: its respondents, mean and sd (null when undefined). */
    private record Sample(long n, Double mean, Double sd) {}

    private static Sample gap(Results.GapFigures gap) {
        return new Sample(gap.n(), gap.meanGap(), gap.sd());
    }

    /** An organisation-wide figure's change: withheld in either wave, it never compares. */
    private static <F> Change overall(String id, String name, Results.Cell<F> then, Results.Cell<F> now, Sizes sizes,
            Function<F, Sample> sample) {
        if (then instanceof Results.Cell.Shown<F> a && now instanceof Results.Cell.Shown<F> b) {
            Sample before = sample.apply(a.figures());
            Sample after = sample.apply(b.figures());
            if (sizes.overall(before.n(), after.n())) {
                return change(id, name, before, after);
            }
        }
        return Change.notComparable(id, name, WITHHELD);
    }

    private static Change change(String id, String name, Sample then, Sample now) {
        if (then.mean() == null || now.mean() == null) {
            return Change.notComparable(id, name, "no answers in one of the waves");
        }
        // now against then, so t has the sign of the change
        Inference.Welch welch = then.sd() == null || now.sd() == null ? null
                : Inference.Welch.of(now.n(), now.mean(), now.sd() * now.sd(), then.n(), then.mean(),
                        then.sd() * then.sd());
        return new Change(id, name, true, null, then.mean(), now.mean(), now.mean() - then.mean(),
                welch == null ? null : welch.t(), welch == null ? null : welch.df(),
                welch == null ? null : welch.p(), welch != null && welch.p() < SIGNIFICANT);
    }

    /** The sd of the ±100 coding, from the counts; null when n &lt; 2. */
    private static Double npsSd(Results.Enps enps) {
        long n = enps.n();
        if (n < 2) {
            return null;
        }
        double mean = 100.0 * (enps.promoters() - enps.detractors()) / n;
        double squares = 10_000.0 * (enps.promoters() + enps.detractors());
        return Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)));
    }
}
