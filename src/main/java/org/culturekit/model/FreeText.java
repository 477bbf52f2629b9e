package org.culturekit.model;

/**
 * A respondent's free-text answers, by comment position, as a reader holds them while they are scored: each
 * stripped, and readable by its start alone, so an answer that will only be counted need not be decoded whole.
 */
public interface FreeText {
    /** Answer {@code c}, stripped; empty when blank. */
    String text(int c);

    /**
     * The start of answer {@code c}, stripped: all of {@link #text} when {@link #whole} says so, otherwise its
     * first characters, at least one.
     */
    String start(int c);

    /** Whether {@link #start} of answer {@code c} is all of it. */
    boolean whole(int c);

    /** Answers held as Strings, stripped here. */
    static FreeText of(String[] texts) {
        return new FreeText() {
            @Override
            public String text(int c) {
                return texts[c].strip();
            }

            @Override
            public String start(int c) {
                return text(c);
            }

            @Override
            public boolean whole(int c) {
                return true;
            }
        };
    }
}
