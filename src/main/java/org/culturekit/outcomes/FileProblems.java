package org.culturekit.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;

/**
 * The problems one of this package's readers finds in a user's file: at most {@link OutcomeReader#MAX_PROBLEMS},
 * since past that more would bury the first, thrown at once in the order of their places in the file.
 */
final class FileProblems {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    FileProblems(String file) {
        this.file = file;
    }

    /** Notes a problem at {@code line} and {@code column} (0 when there is none), unless the list is full. */
    void add(long line, int column, String message) {
        if (!full()) {
            problems.add(new Problem(file, line, column, message, ""));
        }
    }

    /** Whether as many problems are noted as are reported at once: reading on would find none to report. */
    boolean full() {
        return problems.size() >= OutcomeReader.MAX_PROBLEMS;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws the problems noted, by line and column, if there is any. */
    void throwAny() {
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingLong(Problem::line).thenComparingLong(Problem::column));
            throw new InputException(problems);
        }
    }

    /** The first {@code limit} of {@code values}, then how many more there are, so a message stays short. */
    static String listed(List<String> values, int limit) {
        int shown = Math.min(limit, values.size());
        return String.join(", ", values.subList(0, shown))
                + (values.size() > shown ? " and " + (values.size() - shown) + " more" : "");
    }
}
