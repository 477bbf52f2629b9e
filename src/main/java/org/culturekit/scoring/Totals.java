package org.culturekit.scoring;

import org.culturekit.scoring.stats.PairwiseSums;
import org.culturekit.scoring.stats.Sums;

/** The sums only the whole population needs: item figures, the item covariances for alpha, and drivers. */
final class Totals {
    private final Plan plan;
    /**
     * Per index on a scale of at most {@link Plan#talliedPoints} points: for item j, how many gave each keyed
     * value v, at [j·points + v − min], from which its count, sums and classes follow; one increment an answer.
     * Null for an index on a wider scale.
     */
    private final long[][] itemValues;
    /**
     * Per index on a wider scale: for item j, how many answered it, and the sum and the sum of squares of their
     * keyed answers, at [3j], [3j + 1] and [3j + 2]. One array per index, not an object per item.
     */
    private final long[][] itemMoments;
    /** Per index on a wider scale: for item j, the counts of unfavourable, neutral and favourable answers. */
    private final long[][] itemClasses;
    /** Per index: pairwise-complete keyed answers of every item pair. */
    final PairwiseSums[] itemPairs;
    /** Per index: respondent score paired with the eNPS answer. */
    final Sums[] driver;
    /** Per say-do pair: keyed say answers paired with keyed do answers, over respondents with both. */
    final Sums[] sayAndDo;

    Totals(Plan plan) {
        this.plan = plan;
        int indices = plan.indices.size();
        itemValues = new long[indices][];
        itemMoments = new long[indices][];
        itemClasses = new long[indices][];
        itemPairs = new PairwiseSums[indices];
        driver = new Sums[indices];
        sayAndDo = new Sums[plan.pairs.size()];
        for (int p = 0; p < sayAndDo.length; p++) {
            sayAndDo[p] = Sums.paired(1);
        }
        for (int x = 0; x < indices; x++) {
            Plan.IndexPlan index = plan.indices.get(x);
            int k = index.size();
            if (index.points() <= plan.talliedPoints) {
                itemValues[x] = new long[k * index.points()];
            } else {
                itemMoments[x] = new long[3 * k];
                itemClasses[x] = new long[3 * k];
            }
            itemPairs[x] = new PairwiseSums(k);
            driver[x] = Sums.paired(k);
        }
    }

    /** Adds one respondent; the loops keep what they use in locals, as {@link Observation#read} says why. */
    void add(Observation o) {
        boolean[] pairAnswered = o.pairAnswered;
        for (int p = 0; p < sayAndDo.length; p++) {
            if (pairAnswered[p]) {
                sayAndDo[p].add(o.pairSay[p], 1, o.pairDo[p]);
            }
        }
        Plan.IndexPlan[] indexPlans = plan.indexArray;
        int[] answered = o.answered;
        for (int x = 0; x < indexPlans.length; x++) {
            int count = answered[x];
            if (count == 0) {
                continue;
            }
            Plan.IndexPlan index = indexPlans[x];
            int[] values = o.keyed[x];
            boolean[] has = o.has[x];
            long[] tallies = itemValues[x];
            if (tallies != null) {
                int points = index.points();
                // item i's tally of value v is at i·points + v − min
                for (int i = 0, at = -index.min(); i < values.length; i++, at += points) {
                    if (has[i]) {
                        tallies[at + values[i]]++;
                    }
                }
            } else {
                addMoments(index, values, has, itemMoments[x], itemClasses[x]);
            }
            itemPairs[x].add(values, has, count);
            if (o.enps >= 0) {
                driver[x].add(o.scoreSum[x], count, o.enps);
            }
        }
    }

    private static void addMoments(Plan.IndexPlan index, int[] values, boolean[] has, long[] moments,
            long[] classes) {
        for (int i = 0; i < values.length; i++) {
            if (has[i]) {
                long value = values[i];
                moments[3 * i]++;
                moments[3 * i + 1] += value;
                moments[3 * i + 2] += value * value;
                classes[3 * i + index.classOf(values[i])]++;
            }
        }
    }

    void merge(Totals other) {
        for (int p = 0; p < sayAndDo.length; p++) {
            sayAndDo[p].merge(other.sayAndDo[p]);
        }
        for (int x = 0; x < itemMoments.length; x++) {
            if (itemValues[x] != null) {
                add(itemValues[x], other.itemValues[x]);
            } else {
                add(itemMoments[x], other.itemMoments[x]);
                add(itemClasses[x], other.itemClasses[x]);
            }
            itemPairs[x].merge(other.itemPairs[x]);
            driver[x].merge(other.driver[x]);
        }
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** Item j of index x: its keyed answers' sums. */
    Sums item(int x, int j) {
        long[] tallies = itemValues[x];
        if (tallies == null) {
            long[] moments = itemMoments[x];
            return Sums.ofIntegers(moments[3 * j], moments[3 * j + 1], moments[3 * j + 2]);
        }
        Plan.IndexPlan index = plan.indexArray[x];
        long count = 0;
        long sum = 0;
        long squares = 0;
        for (int v = 0; v < index.points(); v++) {
            long times = tallies[j * index.points() + v];
            long value = index.min() + v;
            count += times;
            sum += times * value;
            squares += times * value * value;
        }
        return Sums.ofIntegers(count, sum, squares);
    }

    /** Item j of index x: its counts of unfavourable, neutral and favourable answers. */
    long[] itemClasses(int x, int j) {
        long[] tallies = itemValues[x];
        if (tallies == null) {
            return java.util.Arrays.copyOfRange(itemClasses[x], 3 * j, 3 * j + 3);
        }
        Plan.IndexPlan index = plan.indexArray[x];
        long[] classes = new long[3];
        for (int v = 0; v < index.points(); v++) {
            classes[index.classOf(index.min() + v)] += tallies[j * index.points() + v];
        }
        return classes;
    }
}
