package org.culturekit.scoring.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact rational number, used to turn exact integer sums into means and variances with a single rounding.
 *
 * <p>Accumulators add integers only, so their totals do not depend on the order or grouping of rows; the one
 * rounding to {@code double} happens here, at the end.
 *
 * @param numerator the numerator
 * @param denominator the denominator, positive
 */
public record Fraction(BigInteger numerator, BigInteger denominator) {
    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    private static final MathContext PRECISION = new MathContext(40);

    public Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    static Fraction of(BigInteger numerator, long denominator) {
        return new Fraction(numerator, BigInteger.valueOf(denominator));
    }

    public Fraction plus(Fraction other) {
        return new Fraction(
                numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction minus(Fraction other) {
        return plus(other.negate());
    }

    Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    Fraction times(long factor) {
        return new Fraction(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    public Fraction dividedBy(long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        BigInteger d = BigInteger.valueOf(divisor);
        return divisor > 0
                ? new Fraction(numerator, denominator.multiply(d))
                : new Fraction(numerator.negate(), denominator.multiply(d.negate()));
    }

    public int signum() {
        return numerator.signum();
    }

    public double toDouble() {
        // Both below 2^53, so both are exact doubles and the division rounds once, correctly. The 40-digit
        // BigDecimal path gives the same double: the quotient of such integers is never a rounding midpoint
        // (that needs a 54-bit numerator) and lies at least 2^-107 (relative) from one, far beyond the
        // 10^-39 that 40 digits can move it. It is just much cheaper.
        if (numerator.bitLength() < 53 && denominator.bitLength() < 53) {
            return numerator.doubleValue() / denominator.doubleValue();
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), PRECISION).doubleValue();
    }
}
