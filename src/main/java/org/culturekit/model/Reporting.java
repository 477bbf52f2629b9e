package org.culturekit.model;

/**
 * Anonymity thresholds, and the response rate below which a group's participation is flagged.
 *
 * @param minGroupSize no figure is shown for a group with fewer respondents
 * @param minCommentGroupSize no comment is shown for a group with fewer respondents
 * @param minResponseRate a group whose response rate (percent of its invited, {@code report --invited FILE}) is
 *     below this is flagged in the reports; 0 flags none
 */
public record Reporting(int minGroupSize, int minCommentGroupSize, int minResponseRate) {
    /** The floor below which no threshold is accepted (docs/privacy.md). */
    public static final int FLOOR = 3;

    /** Culture Amp's line: below 60%, a group's results may not speak for the group. */
    public static final int DEFAULT_MIN_RESPONSE_RATE = 60;

    public static final Reporting DEFAULT = new Reporting(5, 10, DEFAULT_MIN_RESPONSE_RATE);

    public Reporting {
        if (minGroupSize < FLOOR) {
            throw new IllegalArgumentException("minGroupSize below " + FLOOR);
        }
        if (minCommentGroupSize < minGroupSize) {
            throw new IllegalArgumentException("minCommentGroupSize below minGroupSize");
        }
        if (minResponseRate < 0 || minResponseRate > 100) {
            throw new IllegalArgumentException("minResponseRate outside 0–100");
        }
    }

    /** Thresholds with the default response-rate flag. */
    public Reporting(int minGroupSize, int minCommentGroupSize) {
        this(minGroupSize, minCommentGroupSize, DEFAULT_MIN_RESPONSE_RATE);
    }
}
