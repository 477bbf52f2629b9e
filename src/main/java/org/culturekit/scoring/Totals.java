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

    /** Adds one respondent. */
    void add(Observation o) {
        for (int p = 0; p < sayAndDo.length; p++) {
            if (o.pairAnswered[p]) {
                sayAndDo[p].add(o.pairSay[p], 1, o.pairDo[p]);
            }
        }
        for (int x = 0; x < plan.indexArray.length; x++) {
            if (o.answered[x] == 0) {
                continue;
            }
            Plan.IndexPlan index = plan.indexArray[x];
            for (int i = 0; i < index.size(); i++) {
                if (o.has[x][i]) {
                    addItem(x, index, i, o.keyed[x][i]);
                }
            }
            itemPairs[x].add(o.keyed[x], o.has[x], o.answered[x]);
            if (o.enps >= 0) {
                driver[x].add(o.scoreSum[x], o.answered[x], o.enps);
            }
        }
    }

    /** Adds the keyed answer {@code value} of item {@code i} of index {@code x}. */
    private void addItem(int x, Plan.IndexPlan index, int i, int value) {
        if (itemValues[x] != null) {
            // item i's tally of value v is at i·points + v − min
            itemValues[x][i * index.points() + value - index.min()]++;
        } else {
            itemMoments[x][3 * i]++;
            itemMoments[x][3 * i + 1] += value;
            itemMoments[x][3 * i + 2] += (long) value * value;
            itemClasses[x][3 * i + index.classOf(value)]++;
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
