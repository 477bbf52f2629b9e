package org.culturekit.scoring.stats;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Confidence intervals and tests from summary statistics; distributions come from Commons Statistics. */
public final class Inference {
    private static final double Z975 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    private Inference() {}

    /** The two-sided 95% t interval half-width of a mean, or null when n &lt; 2. */
    public static Double halfWidth(long n, Double sd) {
        if (n < 2 || sd == null) {
            return null;
        }
        return TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    }

    /** Two-sided p of a t statistic. */
    public static double twoSidedP(double t, double df) {
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }

    /**
     * Welch's two-sample t-test.
     *
     * @param t the statistic
     * @param df Welch–Satterthwaite degrees of freedom
     * @param p two-sided p
     */
    public record Welch(double t, double df, double p) {
        /** The test, or null when either side has n &lt; 2 or both variances are 0. */
        public static Welch of(long n1, double mean1, double var1, long n2, double mean2, double var2) {
            if (n1 < 2 || n2 < 2) {
                return null;
            }
            double a = var1 / n1;
            double b = var2 / n2;
            double se2 = a + b;
            if (!(se2 > 0)) {
                return null;
            }
            double t = (mean1 - mean2) / Math.sqrt(se2);
            double df = se2 * se2 / (a * a / (n1 - 1) + b * b / (n2 - 1));
            return new Welch(t, df, twoSidedP(t, df));
        }
    }

    /** Hedges' g: the difference over the pooled sd, times 1 − 3/(4(n1 + n2) − 9); null when undefined. */
    public static Double hedgesG(long n1, double mean1, double var1, long n2, double mean2, double var2) {
        if (n1 < 2 || n2 < 2) {
            return null;
        }
        double pooled = Math.sqrt(((n1 - 1) * var1 + (n2 - 1) * var2) / (n1 + n2 - 2));
        if (!(pooled > 0)) {
            return null;
        }
        return (mean1 - mean2) / pooled * (1 - 3.0 / (4 * (n1 + n2) - 9));
    }

    /** The Fisher-z 95% interval of a correlation, {low, high}, or null when n ≤ 3 or |r| = 1. */
    public static double[] fisherInterval(double r, long n) {
        if (n <= 3 || Math.abs(r) >= 1) {
            return null;
        }
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double h = Z975 / Math.sqrt(n - 3);
        return new double[] {Math.tanh(z - h), Math.tanh(z + h)};
    }

    /**
     * Benjamini–Hochberg adjusted p-values, as R's {@code p.adjust(p, "BH")}; null entries stay null and are
     * not counted.
     */
    public static Double[] benjaminiHochberg(Double[] p) {
        Integer[] order = IntStream.range(0, p.length)
                .filter(i -> p[i] != null)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> p[i]).reversed().thenComparing(i -> i))
                .toArray(Integer[]::new);
        Double[] q = new Double[p.length];
        int m = order.length;
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[m - rank];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
