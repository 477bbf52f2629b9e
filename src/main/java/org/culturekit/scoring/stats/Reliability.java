package org.culturekit.scoring.stats;

/**
 * Cronbach's alpha and item statistics from the pairwise covariance matrix of an index's keyed items, as
 * {@code psych::alpha} computes them with its defaults.
 *
 * <ul>
 *   <li>Like psych ({@code delete = TRUE}), items with zero or undefined variance are dropped first; their
 *       item figures are null, and k counts the items kept.
 *   <li>The standardized alpha uses {@code cov2cor(C)}, as psych does, not a pairwise correlation matrix.
 *   <li>Alpha of fewer than two items is undefined (null).
 * </ul>
 *
 * @param alpha k/(k − 1) · (1 − tr C / ΣC)
 * @param standardizedAlpha the same on the correlation matrix
 * @param itemTotal psych's r.drop per item: (ΣC[,i] − C[i,i]) / √(C[i,i] · ΣC[−i,−i])
 * @param alphaIfDeleted alpha of C without item i
 */
public record Reliability(Double alpha, Double standardizedAlpha, Double[] itemTotal, Double[] alphaIfDeleted) {

    /** From a covariance matrix whose undefined entries are NaN. */
    public static Reliability of(double[][] c) {
        int size = c.length;
        int[] kept = java.util.stream.IntStream.range(0, size).filter(i -> c[i][i] > 0).toArray();
        Double[] itemTotal = new Double[size];
        Double[] alphaIfDeleted = new Double[size];
        double[][] ck = subMatrix(c, kept, -1);
        if (!finite(ck)) {
            return new Reliability(null, null, itemTotal, alphaIfDeleted);
        }
        for (int i = 0; i < kept.length; i++) {
            itemTotal[kept[i]] = itemTotal(ck, i);
            alphaIfDeleted[kept[i]] = alpha(subMatrix(ck, java.util.stream.IntStream.range(0, kept.length)
                    .toArray(), i));
        }
        return new Reliability(alpha(ck), alpha(correlation(ck)), itemTotal, alphaIfDeleted);
    }

    private static Double alpha(double[][] c) {
        int k = c.length;
        if (k < 2) {
            return null;
        }
        double trace = 0;
        double total = 0;
        for (int i = 0; i < k; i++) {
            trace += c[i][i];
            for (int j = 0; j < k; j++) {
                total += c[i][j];
            }
        }
        return total != 0 ? k / (k - 1.0) * (1 - trace / total) : null;
    }

    private static Double itemTotal(double[][] c, int i) {
        int k = c.length;
        if (k < 2) {
            return null;
        }
        double column = 0;
        double rest = 0;
        for (int a = 0; a < k; a++) {
            if (a != i) {
                column += c[a][i];
                for (int b = 0; b < k; b++) {
                    if (b != i) {
                        rest += c[a][b];
                    }
                }
            }
        }
        double denominator = Math.sqrt(c[i][i] * rest);
        return denominator > 0 ? column / denominator : null;
    }

    /** The rows and columns {@code keep}, less position {@code drop} of that list (−1 for none). */
    private static double[][] subMatrix(double[][] c, int[] keep, int drop) {
        int size = drop < 0 ? keep.length : keep.length - 1;
        double[][] result = new double[size][size];
        for (int a = 0, ra = 0; a < keep.length; a++) {
            if (a == drop) {
                continue;
            }
            for (int b = 0, rb = 0; b < keep.length; b++) {
                if (b != drop) {
                    result[ra][rb++] = c[keep[a]][keep[b]];
                }
            }
            ra++;
        }
        return result;
    }

    private static double[][] correlation(double[][] c) {
        int k = c.length;
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
            }
        }
        return r;
    }

    private static boolean finite(double[][] c) {
        for (double[] row : c) {
            for (double value : row) {
                if (!Double.isFinite(value)) {
                    return false;
                }
            }
        }
        return true;
    }
}
