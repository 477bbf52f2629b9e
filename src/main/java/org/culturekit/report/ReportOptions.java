package org.culturekit.report;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the command line adds to a report beyond the results.
 *
 * @param wave a label for this survey round, or empty
 * @param invited how many people were invited, for the response rate, if known
 * @param comments whether comments are shown ({@code --no-comments} turns them off)
 */
public record ReportOptions(String wave, OptionalLong invited, boolean comments) {
    public static final ReportOptions DEFAULT = new ReportOptions("", OptionalLong.empty(), true);

    public ReportOptions {
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(invited, "invited");
    }
}
