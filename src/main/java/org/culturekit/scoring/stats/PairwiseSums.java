package org.culturekit.scoring.stats;

/**
 * Exact pairwise-complete sums of the keyed answers to every pair of an index's items, in flat arrays: the
 * innermost loop of scoring, so no object per pair.
 *
 * <p>Most respondents answer every item of an index. For them the sums of x and y of a pair are just the
 * items' own sums, so only the products are kept per pair; respondents who skipped an item get the full
 * pairwise sums. A covariance adds both parts: the same integers, so the same exact result.
 */
public final class PairwiseSums {
    private final int items;
    /** Per pair p (i &lt; j, row by row): its two items. */
    private final int[] first;
    private final int[] second;
    /** Respondents who answered every item: how many, their per-item sums, and their per-pair products. */
    private long complete;
    private final long[] itemSum;
    private final long[] completeProducts;
    /** Respondents who skipped an item: per pair, over those who answered both. */
    private final long[] n;
    private final long[] sumX;
    private final long[] sumY;
    private final long[] sumXY;

    public PairwiseSums(int items) {
        this.items = items;
        int pairs = items * (items - 1) / 2;
        first = new int[pairs];
        second = new int[pairs];
        for (int i = 0, p = 0; i < items; i++) {
            for (int j = i + 1; j < items; j++, p++) {
                first[p] = i;
                second[p] = j;
            }
        }
        itemSum = new long[items];
        completeProducts = new long[pairs];
        n = new long[pairs];
        sumX = new long[pairs];
        sumY = new long[pairs];
        sumXY = new long[pairs];
    }

    /** Adds one respondent's answers; {@code count} is how many of the items they answered. */
    public void add(int[] values, boolean[] answered, int count) {
        if (count == items) {
            complete++;
            int p = 0;
            for (int i = 0; i < items; i++) {
                long x = values[i];
                itemSum[i] += x;
                for (int j = i + 1; j < items; j++, p++) {
                    completeProducts[p] += x * values[j];
                }
            }
            return;
        }
        int p = 0;
        for (int i = 0; i < items; i++) {
            if (!answered[i]) {
                p += items - 1 - i;
                continue;
            }
            long x = values[i];
            for (int j = i + 1; j < items; j++, p++) {
                if (answered[j]) {
                    long y = values[j];
                    n[p]++;
                    sumX[p] += x;
                    sumY[p] += y;
                    sumXY[p] += x * y;
                }
            }
        }
    }

    public void merge(PairwiseSums other) {
        complete += other.complete;
        for (int i = 0; i < items; i++) {
            itemSum[i] += other.itemSum[i];
        }
        for (int p = 0; p < n.length; p++) {
            completeProducts[p] += other.completeProducts[p];
            n[p] += other.n[p];
            sumX[p] += other.sumX[p];
            sumY[p] += other.sumY[p];
            sumXY[p] += other.sumXY[p];
        }
    }

    /** The exact sample covariance of pair p over respondents who answered both, or null when n &lt; 2. */
    public Fraction covariance(int p) {
        long count = n[p] + complete;
        if (count < 2) {
            return null;
        }
        long x = sumX[p] + itemSum[first[p]];
        long y = sumY[p] + itemSum[second[p]];
        long xy = sumXY[p] + completeProducts[p];
        return Fraction.of(count, 1).times(Fraction.of(xy, 1))
                .minus(Fraction.of(x, 1).times(Fraction.of(y, 1)))
                .dividedBy(count).dividedBy(count - 1);
    }
}
