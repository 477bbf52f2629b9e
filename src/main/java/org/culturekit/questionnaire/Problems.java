package org.culturekit.questionnaire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.culturekit.input.Excerpt;
import org.culturekit.input.Problem;

/**
 * Collects the problems found in one questionnaire file so that all of them can be reported at once.
 *
 * <ul>
 *   <li>Input text is echoed only through {@link #quote}, which keeps every message within an 80-character
 *       budget for input content, so a secret in a malformed file is not repeated whole: no message quotes more
 *       than four values.
 *   <li>After {@link #LIMIT} problems the rest are only counted, so a hostile file cannot make the report
 *       itself huge.
 * </ul>
 */
final class Problems {
    /** The most characters of one input value a message repeats. */
    static final int ECHO_LENGTH = 20;

    private static final int LIMIT = 1000;

    private final String file;
    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private int dropped;

    Problems(String file) {
        this.file = file;
    }

    /** A problem with the value {@code node}. */
    void at(Node node, String message) {
        add(new Problem(file, node.line(), node.column(), message, node.path()));
    }

    /** A problem with the key of {@code entry} itself, such as an unknown key. */
    void atKey(Node.Entry entry, String message) {
        add(new Problem(file, entry.line(), entry.column(), message, entry.value().path()));
    }

    /** Advice about the value {@code node}: the file is valid, but probably not what the author wants. */
    void warnAt(Node node, String message) {
        if (warnings.size() < LIMIT) {
            warnings.add(new Problem(file, node.line(), node.column(), message, node.path()));
        }
    }

    /** Every warning in document order. */
    List<Problem> warnings() {
        List<Problem> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparingLong(Problem::line).thenComparingLong(Problem::column));
        return sorted;
    }

    private void add(Problem problem) {
        if (found.size() < LIMIT) {
            found.add(problem);
        } else {
            dropped++;
        }
    }

    /** How many problems have been found so far. */
    int count() {
        return found.size() + dropped;
    }

    /** Every problem in document order (ties in the order found), then a count of those left out. */
    List<Problem> sorted() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingLong(Problem::line).thenComparingLong(Problem::column));
        if (dropped > 0) {
            sorted.add(new Problem(file, 0, 0, dropped + (dropped == 1 ? " more problem" : " more problems") + " not shown; fix the ones above first", ""));
        }
        return sorted;
    }

    /** {@code value} in single quotes, shortened to {@link #ECHO_LENGTH} characters. */
    static String quote(String value) {
        return Excerpt.quoted(value, ECHO_LENGTH);
    }

    /**
     * {@code value} shortened to {@link #ECHO_LENGTH} characters, with an ellipsis if anything was cut, and
     * control characters made visible ({@link Excerpt}) so that input cannot move the cursor or recolour
     * a terminal.
     */
    static String shorten(String value) {
        return Excerpt.shortened(value, ECHO_LENGTH);
    }
}
