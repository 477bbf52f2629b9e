package org.culturekit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounds numbers for reports, once, with an explicit rounding mode and no locale. */
final class Display {
    /** What a report shows for a statistic that is undefined or withheld. */
    static final String NONE = "–";

    private Display() {}

    /** {@code value} rounded half-up to {@code places} decimals, or {@link #NONE}. */
    static String decimal(Double value, int places) {
        return value == null ? NONE : text(round(value, places));
    }

    /** A signed difference: {@code +0.42}, {@code −0.10}, {@code 0.00}. */
    static String signed(Double value, int places) {
        if (value == null) {
            return NONE;
        }
        BigDecimal rounded = round(value, places);
        return (rounded.signum() > 0 ? "+" : "") + text(rounded);
    }

    private static BigDecimal round(double value, int places) {
        BigDecimal rounded = new BigDecimal(value).setScale(places, RoundingMode.HALF_UP);
        // −0.00 reads as a direction that is not there
        return rounded.signum() == 0 ? rounded.abs() : rounded;
    }

    /** Plain digits with a typographic minus sign. */
    private static String text(BigDecimal rounded) {
        return rounded.toPlainString().replace('-', '\u2212');
    }

    /** A whole number, or {@link #NONE}. */
    static String whole(Double value) {
        return decimal(value, 0);
    }

    /** A p- or q-value: three decimals, or {@code <0.001}. */
    static String probability(Double value) {
        if (value == null) {
            return NONE;
        }
        return value < 0.001 ? "<0.001" : decimal(value, 3);
    }

    /** An integer percentage for a bar width, 0–100, with 0 for an undefined share. */
    static int width(Double percent) {
        return percent == null ? 0 : round(percent, 0).intValue();
    }
}
