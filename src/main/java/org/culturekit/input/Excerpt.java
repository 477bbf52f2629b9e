package org.culturekit.input;

import org.culturekit.model.VisibleText;

/**
 * Quotes a piece of user input for a message, cut short so messages never carry much of a file, and shown as
 * a terminal may print it ({@link VisibleText#TERMINAL}).
 */
public final class Excerpt {
    static final int LIMIT = 40;

    private Excerpt() {}

    /** {@code value} in single quotes, cut after {@link #LIMIT} characters. */
    public static String of(String value) {
        return quoted(value, LIMIT);
    }

    /** {@code value} in single quotes, cut after {@code limit} characters (code points) with an ellipsis. */
    public static String quoted(String value, int limit) {
        return "'" + shortened(value, limit) + "'";
    }

    /**
     * {@code value} cut after {@code limit} characters (code points) with an ellipsis, then made visible, so the
     * cut never falls inside a <code>&#92;uXXXX</code>.
     */
    public static String shortened(String value, int limit) {
        if (value.codePointCount(0, value.length()) <= limit) {
            return VisibleText.TERMINAL.of(value);
        }
        return VisibleText.TERMINAL.of(value.substring(0, value.offsetByCodePoints(0, limit))) + "…";
    }
}
