package org.culturekit.scoring;

/** The sums only the whole population needs: item figures, the item covariances for alpha, and drivers. */
final class Totals {
    /**
     * Per index: for item j, how many answered it, and the sum and the sum of squares of their keyed answers,
     * at [3j], [3j + 1] and [3j + 2]. One array per index, not an object per item: the hot loop of scoring.
     */
    private final long[][] itemMoments;
    /** Per index: for item j, the counts of unfavourable, neutral and favourable answers, at [3j + class]. */
    private final long[][] itemClasses;
    /** Per index: pairwise-complete keyed answers of every item pair. */
    final PairwiseSums[] itemPairs;
    /** Per index: respondent score paired with the eNPS answer. */
    final Sums[] driver;
    /** Per say-do pair: keyed say answers paired with keyed do answers, over respondents with both. */
    final Sums[] sayAndDo;

    Totals(Plan plan) {
        int indices = plan.indices.size();
        itemMoments = new long[indices][];
        itemClasses = new long[indices][];
        itemPairs = new PairwiseSums[indices];
        driver = new Sums[indices];
        sayAndDo = new Sums[plan.pairs.size()];
        for (int p = 0; p < sayAndDo.length; p++) {
            sayAndDo[p] = new Sums(1);
        }
        for (int x = 0; x < indices; x++) {
            int k = plan.indices.get(x).size();
            itemMoments[x] = new long[3 * k];
            itemClasses[x] = new long[3 * k];
            itemPairs[x] = new PairwiseSums(k);
            driver[x] = new Sums(k);
        }
    }

    /** Adds one respondent; the loops keep what they use in locals, as {@link Observation#read} says why. */
    void add(Observation o, Plan plan) {
        boolean[] pairAnswered = o.pairAnswered;
        for (int p = 0; p < sayAndDo.length; p++) {
            if (pairAnswered[p]) {
                sayAndDo[p].add(o.pairSay[p], 1, o.pairDo[p]);
            }
        }
        Plan.IndexPlan[] indexPlans = plan.indexArray;
        int[] answered = o.answered;
        for (int x = 0; x < itemMoments.length; x++) {
            int count = answered[x];
            if (count == 0) {
                continue;
            }
            Plan.IndexPlan index = indexPlans[x];
            int[] values = o.keyed[x];
            boolean[] has = o.has[x];
            long[] moments = itemMoments[x];
            long[] classes = itemClasses[x];
            for (int i = 0; i < values.length; i++) {
                if (has[i]) {
                    long value = values[i];
                    moments[3 * i]++;
                    moments[3 * i + 1] += value;
                    moments[3 * i + 2] += value * value;
                    classes[3 * i + index.classOf(values[i])]++;
                }
            }
            itemPairs[x].add(values, has, count);
            if (o.enps >= 0) {
                driver[x].add(o.scoreSum[x], count, o.enps);
            }
        }
    }

    void merge(Totals other) {
        for (int p = 0; p < sayAndDo.length; p++) {
            sayAndDo[p].merge(other.sayAndDo[p]);
        }
        for (int x = 0; x < itemMoments.length; x++) {
            for (int i = 0; i < itemMoments[x].length; i++) {
                itemMoments[x][i] += other.itemMoments[x][i];
                itemClasses[x][i] += other.itemClasses[x][i];
            }
            itemPairs[x].merge(other.itemPairs[x]);
            driver[x].merge(other.driver[x]);
        }
    }

    /** Item j of index x: its keyed answers' sums. */
    Sums item(int x, int j) {
        long[] moments = itemMoments[x];
        return Sums.ofIntegers(moments[3 * j], moments[3 * j + 1], moments[3 * j + 2]);
    }

    /** Item j of index x: its counts of unfavourable, neutral and favourable answers. */
    long[] itemClasses(int x, int j) {
        return java.util.Arrays.copyOfRange(itemClasses[x], 3 * j, 3 * j + 3);
    }
}
