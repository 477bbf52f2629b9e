package org.culturekit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.Participation;
import org.culturekit.scoring.Results;

/**
 * The report's "Participation" section ({@code report --invited FILE}, docs/reports.md): each group of the
 * segment with its respondents, invited and response rate, the groups below {@code reporting.minResponseRate}
 * flagged. A hidden group shows neither its respondents nor its invited.
 *
 * @param segment the segment id
 * @param threshold the flag's threshold, e.g. "60%"
 * @param groups the segment's groups, in the heatmap's order
 * @param flagged how many shown groups are below the threshold
 * @param note why the overall response rate is not shown, or empty when it is
 */
public record ParticipationView(String segment, String threshold, List<Row> groups, int flagged, String note) {
    /** Why the overall response rate is missing when {@link Participation#total} withholds it. */
    static final String WITHHELD = "The overall response rate is not shown: the groups not shown here are fewer "
            + "than " + Participation.MIN_UNSHOWN + ", so the total invited, less the shown groups' invited, would "
            + "give away how many one hidden group invited.";

    public ParticipationView {
        groups = List.copyOf(groups);
    }

    /**
     * One group.
     *
     * @param value the label
     * @param suppressed whether the group is hidden: then every figure is empty
     * @param respondents respondents scored
     * @param invited how many were invited, or "–" for a shown group the file has no row for ("(not given)")
     * @param rate the response rate, rounded down to a whole percent so that a flagged rate never reads as the
     *     threshold itself, or "–"
     * @param low whether the rate is below the threshold
     */
    public record Row(String value, boolean suppressed, String respondents, String invited, String rate,
            boolean low) {}

    /** The section, or null without {@code --invited FILE}. */
    static ParticipationView of(Questionnaire questionnaire, Results results, ReportOptions options) {
        if (options.invitedSegment() == null) {
            return null;
        }
        int threshold = questionnaire.reporting().minResponseRate();
        List<Row> rows = new ArrayList<>();
        int flagged = 0;
        for (Results.SegmentResult segment : results.segments()) {
            if (!segment.id().equals(options.invitedSegment())) {
                continue;
            }
            for (Results.Group group : segment.groups()) {
                if (group.suppressed()) {
                    rows.add(new Row(group.value(), true, "", "", "", false));
                    continue;
                }
                Double rate = group.responseRate();
                boolean low = rate != null && rate < threshold;
                flagged += low ? 1 : 0;
                rows.add(new Row(group.value(), false, Long.toString(group.n()),
                        group.invited() == null ? Display.NONE : Long.toString(group.invited()),
                        rate == null ? Display.NONE : percentDown(rate), low));
            }
        }
        String note = options.invited().isPresent() ? "" : WITHHELD;
        return new ParticipationView(options.invitedSegment(), threshold + "%", rows, flagged, note);
    }

    private static String percentDown(double rate) {
        return new BigDecimal(rate).setScale(0, RoundingMode.FLOOR).toPlainString() + "%";
    }
}
