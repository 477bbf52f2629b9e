package org.culturekit.cli.run;

/** Counts in messages: "1 item", "2 items". */
public final class Plural {
    private Plural() {}

    /** {@code count} and the noun's singular or plural form. */
    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
