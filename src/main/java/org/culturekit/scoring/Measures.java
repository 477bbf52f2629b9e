package org.culturekit.scoring;

/**
 * The measures that groups show figures of, as positions in a tally's {@link Tally#measureSizes}: each is
 * published over its own respondents (those who answered it), so each is protected on its own.
 */
final class Measures {
    /** Everyone in the population: a group's n. */
    static final int RESPONDENTS = 0;

    private Measures() {}

    /** The scores of the index at position {@code x}. */
    static int index(int x) {
        return 1 + x;
    }

    /** The respondent say-do gaps, with {@code indices} indices before it. */
    static int gap(int indices) {
        return 1 + indices;
    }

    /** The eNPS answers, with {@code indices} indices before it. */
    static int enps(int indices) {
        return 2 + indices;
    }

    /** How many measures a questionnaire with {@code indices} indices has. */
    static int count(int indices) {
        return 3 + indices;
    }

    /**
     * One combination of segment values and how many respondents who gave it each measure has: what the
     * overlap of any two groups of different segments is summed from.
     *
     * @param labels a group label per segment (blank for not given)
     * @param sizes respondents per measure
     */
    record Atom(String[] labels, long[] sizes) {}

    /** Adds one respondent's measures to {@code sizes}. */
    static void count(Observation o, long[] sizes) {
        sizes[RESPONDENTS]++;
        int indices = o.answered.length;
        for (int x = 0; x < indices; x++) {
            if (o.answered[x] > 0) {
                sizes[index(x)]++;
            }
        }
        if (o.gapPairs > 0) {
            sizes[gap(indices)]++;
        }
        if (o.enps >= 0) {
            sizes[enps(indices)]++;
        }
    }
}
