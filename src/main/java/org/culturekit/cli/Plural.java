package org.culturekit.cli;

/** Counts in messages: "1 item", "2 items". */
final class Plural {
    private Plural() {}

    /** {@code count} and the noun's singular or plural form. */
    static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
