package org.culturekit.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FractionTest {
    /** What toDouble returned before its shortcut for small terms: 40 digits, then the nearest double. */
    private static double viaBigDecimal(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), new MathContext(40)).doubleValue();
    }

    private static void assertSameAsBigDecimal(BigInteger numerator, BigInteger denominator) {
        assertEquals(viaBigDecimal(numerator, denominator), new Fraction(numerator, denominator).toDouble(),
                numerator + "/" + denominator);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 3", "2, 3", "-1, 3", "0, 7", "10, 4", "1, 10", "7, 1", "-123456789, 1000",
        // the largest terms the shortcut takes, and the smallest it leaves to BigDecimal
        "4503599627370495, 3", "4503599627370495, 4503599627370493", "4503599627370496, 3",
        "9007199254740993, 9007199254740991", "1, 4503599627370497"
    })
    void roundsExactlyAsTheBigDecimalDivisionDid(String numerator, String denominator) {
        assertSameAsBigDecimal(new BigInteger(numerator), new BigInteger(denominator));
    }

    @Test
    void roundsSurveySizedSumsExactlyAsTheBigDecimalDivisionDid() {
        SplittableRandom random = new SplittableRandom(20260508);
        for (int i = 0; i < 200_000; i++) {
            // sums of squares of 1..10 answers over up to millions of rows, and their counts
            long numerator = random.nextLong(-(1L << 45), 1L << 45);
            long denominator = random.nextLong(1, i % 2 == 0 ? 1L << 24 : 1L << 52);
            assertSameAsBigDecimal(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }
    }
}
