package org.culturekit.scoring.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Correlations across units (groups): Pearson's r with its Fisher-z interval and t-test, Spearman's rho, and how
 * many units a correlation needs (docs/statistics.md, "Culture and customer outcomes"). Checked against R's
 * {@code cor.test}.
 */
public final class Correlation {
    /** The fewest units an r is reported for: below it the interval spans most of −1…1 whatever the data. */
    public static final int MIN_UNITS = 10;

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    private static final double Z975 = NORMAL.inverseCumulativeProbability(0.975);
    private static final double Z80 = NORMAL.inverseCumulativeProbability(0.8);

    private Correlation() {}

    /**
     * Pearson's r, its Fisher-z 95% interval, two-sided p and Spearman's rho of paired values.
     *
     * @param n the number of pairs
     * @param r Pearson's r, null when either side does not vary
     * @param ciLow lower end of the Fisher-z 95% interval, null when r is null or ±1
     * @param ciHigh upper end
     * @param p two-sided p of t = r·√((n − 2)/(1 − r²)) with n − 2 degrees of freedom, null when r is null
     * @param spearman Pearson's r of the average ranks, null when either side's ranks do not vary
     */
    public record Estimate(int n, Double r, Double ciLow, Double ciHigh, Double p, Double spearman) {
        /** The estimate of {@code x} against {@code y}, of equal length, at least 3. */
        public static Estimate of(double[] x, double[] y) {
            if (x.length != y.length || x.length < 3) {
                throw new IllegalArgumentException("need at least 3 pairs, of equal length");
            }
            Double r = pearson(x, y);
            double[] interval = r == null ? null : Inference.fisherInterval(r, x.length);
            return new Estimate(x.length, r, interval == null ? null : interval[0],
                    interval == null ? null : interval[1], r == null ? null : Correlation.p(r, x.length),
                    pearson(ranks(x), ranks(y)));
        }
    }

    /** Pearson's r, or null when either side has no variance. */
    public static Double pearson(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (!(sxx > 0) || !(syy > 0)) {
            return null;
        }
        // rounding can carry a perfect correlation a hair past 1, where the interval and the test are undefined
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** The two-sided p of r over n units (t with n − 2 df); 0 when |r| = 1. */
    public static double p(double r, long n) {
        if (Math.abs(r) >= 1) {
            return 0;
        }
        return Inference.twoSidedP(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
    }

    /** Ranks from 1, ties given the mean of the ranks they span (R's {@code rank}, ties "average"). */
    public static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i])).toArray(Integer[]::new);
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }

    /**
     * The units needed to detect a correlation {@code r} two-sided at α = .05 with power .8, by the Fisher-z
     * approximation: ((z.975 + z.8) / atanh r)² + 3, not yet rounded up.
     */
    public static double unitsToDetect(double r) {
        double z = (Z975 + Z80) / atanh(r);
        return z * z + 3;
    }

    /** The smallest |r| that {@code n} units detect two-sided at α = .05 with power .8 (Fisher-z), or null for n ≤ 3. */
    public static Double detectable(long n) {
        return n <= 3 ? null : Math.tanh((Z975 + Z80) / Math.sqrt(n - 3));
    }

    /**
     * r corrected for the unreliability of the group means: r / √ICC(2), assuming the outcome is measured without
     * error; null when ICC(2) is not positive. It may exceed 1 in size when ICC(2) is low, which says the
     * correction is not to be trusted there.
     */
    public static Double disattenuated(Double r, Double icc2) {
        return r == null || icc2 == null || !(icc2 > 0) ? null : r / Math.sqrt(icc2);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).sum() / values.length;
    }
}
