package org.culturekit.scoring.stats;

/**
 * Exact sums of values of the form {@code s / m} with small positive integer {@code m} — a respondent's mean
 * over the {@code m} items (or pairs) they answered — optionally paired with an integer {@code y}.
 *
 * <ul>
 *   <li>Sums are kept per denominator, as longs, so adding, merging and subtracting are exact.
 *   <li>Values with denominator 1 are plain integers, which is how single-item figures use it.
 * </ul>
 */
public final class Sums {
    private final long[] count;
    private final long[] sum;
    private final long[] sumSquares;
    /** Sums of the paired values y, and of their products with x; null when the values are not paired. */
    private final long[] sumY;
    private final long[] sumYSquares;
    private final long[] sumProducts;

    /** Room for denominators {@code 1..maxDenominator}, for values without a paired y. */
    public Sums(int maxDenominator) {
        this(maxDenominator, false);
    }

    /** Room for denominators {@code 1..maxDenominator}, for values each paired with a y. */
    public static Sums paired(int maxDenominator) {
        return new Sums(maxDenominator, true);
    }

    private Sums(int maxDenominator, boolean paired) {
        // a group's tally holds many of these, and a tally is made for each group in each chunk read: the
        // paired sums only where they are used
        int size = maxDenominator + 1;
        count = new long[size];
        sum = new long[size];
        sumSquares = new long[size];
        sumY = paired ? new long[size] : null;
        sumYSquares = paired ? new long[size] : null;
        sumProducts = paired ? new long[size] : null;
    }

    /** Sums of {@code count} whole numbers (denominator 1) with this sum and sum of squares. */
    public static Sums ofIntegers(long count, long sum, long sumSquares) {
        Sums sums = new Sums(1);
        sums.count[1] = count;
        sums.sum[1] = sum;
        sums.sumSquares[1] = sumSquares;
        return sums;
    }

    public void add(long numerator, int denominator) {
        count[denominator]++;
        sum[denominator] += numerator;
        sumSquares[denominator] += numerator * numerator;
    }

    public void add(long numerator, int denominator, long y) {
        add(numerator, denominator);
        sumY[denominator] += y;
        sumYSquares[denominator] += y * y;
        sumProducts[denominator] += numerator * y;
    }

    public void merge(Sums other) {
        combine(other, 1);
    }

    /** These sums less {@code other}'s, which must be a subset of the same rows. */
    public Sums minus(Sums other) {
        Sums result = copy();
        result.combine(other, -1);
        return result;
    }

    private Sums copy() {
        Sums copy = new Sums(count.length - 1, sumY != null);
        copy.merge(this);
        return copy;
    }

    private void combine(Sums other, int sign) {
        for (int m = 0; m < count.length; m++) {
            count[m] += sign * other.count[m];
            sum[m] += sign * other.sum[m];
            sumSquares[m] += sign * other.sumSquares[m];
        }
        if (sumY != null) {
            for (int m = 0; m < count.length; m++) {
                sumY[m] += sign * other.sumY[m];
                sumYSquares[m] += sign * other.sumYSquares[m];
                sumProducts[m] += sign * other.sumProducts[m];
            }
        }
    }

    public long n() {
        long n = 0;
        for (long c : count) {
            n += c;
        }
        return n;
    }

    /** Σx exactly. */
    Fraction sum() {
        return overDenominators(sum, 1);
    }

    /** Σx² exactly. */
    Fraction sumSquares() {
        return overDenominators(sumSquares, 2);
    }

    Fraction sumY() {
        long total = 0;
        for (long y : sumY) {
            total += y;
        }
        return Fraction.of(total, 1);
    }

    Fraction sumYSquares() {
        long total = 0;
        for (long y : sumYSquares) {
            total += y;
        }
        return Fraction.of(total, 1);
    }

    /** Σxy exactly. */
    Fraction sumProducts() {
        return overDenominators(sumProducts, 1);
    }

    /** Σ over denominators m of {@code numerators[m] / m^power}. */
    private Fraction overDenominators(long[] numerators, int power) {
        Fraction total = Fraction.ZERO;
        for (int m = 1; m < count.length; m++) {
            if (count[m] != 0) {
                total = total.plus(Fraction.of(numerators[m], power == 1 ? m : (long) m * m));
            }
        }
        return total;
    }

    /** The mean, or null when empty. */
    public Double mean() {
        long n = n();
        return n == 0 ? null : sum().dividedBy(n).toDouble();
    }

    /** The mean of the paired values y, or null when empty. */
    public Double meanY() {
        long n = n();
        return n == 0 ? null : sumY().dividedBy(n).toDouble();
    }

    /** Exact sample variance (n − 1), or null when n &lt; 2. */
    public Fraction variance() {
        long n = n();
        if (n < 2) {
            return null;
        }
        return centred(n, sum(), sumSquares());
    }

    /** Exact sample covariance of x and y (n − 1), or null when n &lt; 2. */
    public Fraction covariance() {
        long n = n();
        if (n < 2) {
            return null;
        }
        return sumProducts().times(n).minus(sum().times(sumY())).dividedBy(n).dividedBy(n - 1);
    }

    public Fraction varianceY() {
        long n = n();
        if (n < 2) {
            return null;
        }
        return centred(n, sumY(), sumYSquares());
    }

    /** The exact sum of squared deviations from the mean, Σ(x − x̄)². */
    public Fraction squaredDeviations() {
        long n = n();
        return n == 0 ? Fraction.ZERO : sumSquares().minus(sum().times(sum()).dividedBy(n));
    }

    /** The sample variance from exact n, Σx and Σx²: (nΣx² − (Σx)²) / (n(n − 1)). */
    private static Fraction centred(long n, Fraction sum, Fraction sumSquares) {
        return sumSquares.times(n).minus(sum.times(sum)).dividedBy(n).dividedBy(n - 1);
    }
}
