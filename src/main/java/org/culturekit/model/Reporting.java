package org.culturekit.model;

/**
 * Anonymity thresholds.
 *
 * @param minGroupSize no figure is shown for a group with fewer respondents
 * @param minCommentGroupSize no comment is shown for a group with fewer respondents
 */
public record Reporting(int minGroupSize, int minCommentGroupSize) {
    /** The floor below which no threshold is accepted (docs/privacy.md). */
    public static final int FLOOR = 3;

    public static final Reporting DEFAULT = new Reporting(5, 10);

    public Reporting {
        if (minGroupSize < FLOOR) {
            throw new IllegalArgumentException("minGroupSize below " + FLOOR);
        }
        if (minCommentGroupSize < minGroupSize) {
            throw new IllegalArgumentException("minCommentGroupSize below minGroupSize");
        }
    }
}
