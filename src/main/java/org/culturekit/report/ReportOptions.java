package org.culturekit.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.culturekit.scoring.Changes;
import org.culturekit.scoring.Results;

/**
 * What the command line adds to a report beyond this wave's results.
 *
 * @param wave a label for this survey round, or empty
 * @param invited how many people were invited, for the response rate, if known
 * @param comments whether comments are shown ({@code --no-comments} turns them off)
 * @param changes the changes since a baseline wave, or null
 * @param history earlier waves' results, oldest first, for trends (empty for none)
 * @param breaches the CI gates this wave breaches, one sentence each
 * @param invitedSegment the segment {@code --invited FILE} gave headcounts for, or null; with it, {@code invited}
 *     is the file's total, or empty when that total may not be published
 */
public record ReportOptions(String wave, OptionalLong invited, boolean comments, Changes changes,
        List<Results> history, List<String> breaches, String invitedSegment) {
    public static final ReportOptions DEFAULT =
            new ReportOptions("", OptionalLong.empty(), true, null, List.of(), List.of());

    public ReportOptions {
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(invited, "invited");
        history = List.copyOf(history);
        breaches = List.copyOf(breaches);
    }

    /** Options without headcounts per group. */
    public ReportOptions(String wave, OptionalLong invited, boolean comments, Changes changes, List<Results> history,
            List<String> breaches) {
        this(wave, invited, comments, changes, history, breaches, null);
    }

    /** Options with a wave label, a count of invitations and the comment switch only. */
    public ReportOptions(String wave, OptionalLong invited, boolean comments) {
        this(wave, invited, comments, null, List.of(), List.of());
    }
}
