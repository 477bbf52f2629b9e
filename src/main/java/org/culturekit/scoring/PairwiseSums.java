package org.culturekit.scoring;

/**
 * Exact pairwise-complete sums of the keyed answers to every pair of an index's items, in flat arrays: the
 * innermost loop of scoring, so no object per pair.
 */
final class PairwiseSums {
    private final int items;
    private final long[] n;
    private final long[] sumX;
    private final long[] sumY;
    private final long[] sumXX;
    private final long[] sumYY;
    private final long[] sumXY;

    PairwiseSums(int items) {
        this.items = items;
        int pairs = items * (items - 1) / 2;
        n = new long[pairs];
        sumX = new long[pairs];
        sumY = new long[pairs];
        sumXX = new long[pairs];
        sumYY = new long[pairs];
        sumXY = new long[pairs];
    }

    /** Adds one respondent's answers; pair p runs over i &lt; j row by row. */
    void add(int[] values, boolean[] answered) {
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
                    sumXX[p] += x * x;
                    sumYY[p] += y * y;
                    sumXY[p] += x * y;
                }
            }
        }
    }

    void merge(PairwiseSums other) {
        for (int p = 0; p < n.length; p++) {
            n[p] += other.n[p];
            sumX[p] += other.sumX[p];
            sumY[p] += other.sumY[p];
            sumXX[p] += other.sumXX[p];
            sumYY[p] += other.sumYY[p];
            sumXY[p] += other.sumXY[p];
        }
    }

    /** The exact sample covariance of pair p over respondents who answered both, or null when n &lt; 2. */
    Fraction covariance(int p) {
        long count = n[p];
        if (count < 2) {
            return null;
        }
        return Fraction.of(count, 1).times(Fraction.of(sumXY[p], 1))
                .minus(Fraction.of(sumX[p], 1).times(Fraction.of(sumY[p], 1)))
                .dividedBy(count).dividedBy(count - 1);
    }
}
