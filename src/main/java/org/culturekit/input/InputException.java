package org.culturekit.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one expected failure: an input file the user gave is missing, unreadable or wrong. Its message names
 * the file, the place and what to do; the CLI prints it without a stack trace and exits 1.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /** A failure with one or more located problems, all of which are reported. */
    public InputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    /** A failure with one located problem. */
    public InputException(Problem problem) {
        this(List.of(problem));
    }

    /** A failure of a whole file, such as one that cannot be opened. */
    public InputException(String file, String message) {
        this(new Problem(file, 0, 0, message, ""));
    }

    /** Every problem found, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
