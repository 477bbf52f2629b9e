package org.culturekit.report;

import java.util.List;
import java.util.Objects;
import org.culturekit.model.Questionnaire;
import org.culturekit.scoring.Results;

/**
 * What a report shows, already decided: rows in display order, numbers rounded to text, chart geometry worked
 * out, suppressed cells marked, sentences written. Templates see one root variable, {@code report}, of this
 * type and do no arithmetic.
 *
 * @param title the questionnaire's title
 * @param questionnaireId its id
 * @param questionnaireVersion its version
 * @param wave the wave label given on the command line, or empty
 * @param date the date of this survey round, ISO 8601 ({@code 2026-04-20}): given with {@code --date}, else the
 *     day of the latest response in the exports; empty when neither is known
 * @param respondents respondents scored
 * @param responseRate e.g. "62% of 530 invited", or empty when the number invited is not known
 * @param summary the executive summary, a few plain sentences
 * @param rows the row reconciliation
 * @param minGroupSize the anonymity threshold for figures
 * @param minCommentGroupSize the anonymity threshold for comments
 * @param indices one card per index
 * @param sayDo say-do gaps, or null without pairs
 * @param enps eNPS, or null without an eNPS item
 * @param perceptionGaps leaders vs others per index
 * @param segments one heatmap per segment
 * @param spots the groups that stand out most above everyone else, then below, one line per group
 * @param moreSpots a note on further groups marked only in the heatmaps, or empty
 * @param drivers correlations with eNPS, strongest first
 * @param actions recommended actions for the bands the indices fall in
 * @param comments comment questions with the groups whose comments may be shown
 * @param commentsOff whether comments were left out on request
 * @param notes plain sentences on what was withheld and why, and on reliability
 * @param changes the change since a baseline wave, or null
 * @param trend the scores over the waves given with {@code --history}, or null
 * @param breaches the CI gates breached, one sentence each
 * @param outcomes culture against customer outcomes, or null without {@code --outcomes}
 * @param participation each group's invited and response rate, or null without {@code --invited FILE}
 * @param unit what a unit's report adds ({@code --per-unit}), or null in the organisation's report
 */
public record ReportModel(
        String title,
        String questionnaireId,
        String questionnaireVersion,
        String wave,
        String date,
        String respondents,
        String responseRate,
        List<String> summary,
        RowsView rows,
        int minGroupSize,
        int minCommentGroupSize,
        List<IndexCard> indices,
        SayDoView sayDo,
        EnpsView enps,
        List<PerceptionRow> perceptionGaps,
        List<SegmentTable> segments,
        List<Spot> spots,
        String moreSpots,
        List<DriverRow> drivers,
        List<ActionRow> actions,
        List<CommentSection> comments,
        boolean commentsOff,
        List<String> notes,
        ChangesView changes,
        TrendView trend,
        List<String> breaches,
        OutcomesView outcomes,
        ParticipationView participation,
        UnitView unit) {

    public ReportModel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(date, "date");
        summary = List.copyOf(summary);
        indices = List.copyOf(indices);
        perceptionGaps = List.copyOf(perceptionGaps);
        segments = List.copyOf(segments);
        spots = List.copyOf(spots);
        drivers = List.copyOf(drivers);
        actions = List.copyOf(actions);
        comments = List.copyOf(comments);
        notes = List.copyOf(notes);
        breaches = List.copyOf(breaches);
    }

    /** The model of a report. */
    public static ReportModel of(Questionnaire questionnaire, Results results, ReportOptions options) {
        return new ReportModelBuilder(questionnaire, results, options).build();
    }

    /** This model as a unit's report: {@code view} tells the templates which unit, and what it adds. */
    ReportModel withUnit(UnitView view) {
        return new ReportModel(title, questionnaireId, questionnaireVersion, wave, date, respondents, responseRate,
                summary, rows, minGroupSize, minCommentGroupSize, indices, sayDo, enps, perceptionGaps, segments,
                spots, moreSpots, drivers, actions, comments, commentsOff, notes, changes, trend, breaches, outcomes,
                participation, view);
    }

    /** @param read rows read @param scored rows scored @param excluded rows left out by reason */
    public record RowsView(String read, String scored, List<Excluded> excluded) {
        public RowsView {
            excluded = List.copyOf(excluded);
        }
    }

    /** @param reason why @param count how many */
    public record Excluded(String reason, String count) {}

    /**
     * One index.
     *
     * @param id index id
     * @param name display name
     * @param n respondents
     * @param mean mean on the scale, two decimals
     * @param ci the 95% interval, "low–high"
     * @param score100 0–100, whole
     * @param band the band label, or empty
     * @param level 0–4 by score alone (score / 20), kept for existing templates; shade by {@code tone}
     * @param favorable percent, whole
     * @param neutral percent, whole
     * @param unfavorable percent, whole
     * @param bar bar geometry
     * @param alpha Cronbach's alpha, two decimals
     * @param items item rows
     * @param suppressed whether withheld
     * @param tone the band's shade, {@code tone0} (lowest band) to {@code tone4} (highest), or empty without a
     *     band
     * @param bands the index's bands, lowest first, for a legend
     */
    public record IndexCard(String id, String name, String n, String mean, String ci, String score100, String band,
            int level, String favorable, String neutral, String unfavorable, Bar bar, String alpha,
            List<ItemRow> items, boolean suppressed, String tone, List<BandKey> bands) {
        public IndexCard {
            items = List.copyOf(items);
            bands = List.copyOf(bands);
        }
    }

    /**
     * One band of an index, as a legend shows it.
     *
     * @param label the band label
     * @param range the scores it covers, e.g. "50 to under 70"
     * @param tone its shade, as {@link IndexCard#tone()}
     */
    public record BandKey(String label, String range, String tone) {}

    /**
     * Segments of a stacked favourable / neutral / unfavourable bar on a 0–100 axis; the widths add up to 100,
     * or are all 0 when there is nothing to show.
     *
     * @param favorable width
     * @param neutral width
     * @param unfavorable width
     * @param neutralStart where the neutral segment starts
     * @param unfavorableStart where the unfavourable segment starts
     */
    public record Bar(int favorable, int neutral, int unfavorable, int neutralStart, int unfavorableStart) {
        static Bar of(Double favorable, Double neutral, Double unfavorable) {
            if (favorable == null) {
                return new Bar(0, 0, 0, 0, 0);
            }
            int f = Display.width(favorable);
            int u = Math.min(Display.width(unfavorable), 100 - f);
            // neutral takes the rounding remainder so the bar is always exactly full
            int n = 100 - f - u;
            return new Bar(f, n, u, f, f + n);
        }
    }

    /**
     * One item of an index, keyed so that higher is better.
     *
     * @param id item id
     * @param text the question
     * @param reverse whether it is reverse-keyed
     * @param n respondents
     * @param mean two decimals
     * @param favorable percent, whole
     * @param neutral percent, whole
     * @param unfavorable percent, whole
     * @param bar bar geometry
     * @param itemTotal corrected item-total correlation, two decimals
     */
    public record ItemRow(String id, String text, boolean reverse, String n, String mean, String favorable,
            String neutral, String unfavorable, Bar bar, String itemTotal, boolean suppressed) {}

    /** @param overall the gap per respondent @param pairs the gap per value, widest first */
    public record SayDoView(GapRow overall, List<GapRow> pairs) {
        public SayDoView {
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * A say-do gap, with a dumbbell from the do mean to the say mean on a 0–100 axis.
     *
     * @param name the value, or "All values"
     * @param n respondents
     * @param say mean say answer, two decimals (empty for all values)
     * @param doo mean do answer, two decimals (empty for all values)
     * @param meanGap two decimals, signed
     * @param ci the 95% interval
     * @param p the p-value
     * @param dz standardised gap, two decimals
     * @param shareGapAtLeast1 percent, whole
     * @param dumbbell chart geometry, or null
     */
    public record GapRow(String name, String n, String say, String doo, String meanGap, String ci, String p,
            String dz, String shareGapAtLeast1, Dumbbell dumbbell, boolean suppressed) {}

    /**
     * Two points on a 0–100 axis joined by a line, for say vs do or leaders vs others.
     *
     * @param low the lower x
     * @param high the higher x
     * @param first x of the first point (say, leaders)
     * @param second x of the second point (do, others)
     */
    public record Dumbbell(String low, String high, String first, String second) {}

    /**
     * @param n respondents
     * @param score eNPS, whole, signed
     * @param promoters percent
     * @param passives percent
     * @param detractors percent
     */
    public record EnpsView(String n, String score, String promoters, String passives, String detractors,
            boolean suppressed) {}

    /**
     * Leaders vs everyone else on one index.
     *
     * @param index index name
     * @param suppressed whether withheld (a side below the minimum group size)
     * @param leaders leaders' mean
     * @param others others' mean
     * @param difference leaders − others, signed
     * @param p Welch p
     * @param hedgesG effect size
     * @param significant whether p &lt; .05
     * @param dumbbell leaders (first) vs others (second), or null when suppressed
     */
    public record PerceptionRow(String index, boolean suppressed, String leaders, String others, String difference,
            String p, String hedgesG, boolean significant, Dumbbell dumbbell) {}

    /**
     * One segment as a groups × indices heatmap.
     *
     * @param id segment id
     * @param indexNames column headings
     * @param groups rows
     * @param icc1 ICC(1) per index, in column order
     * @param hiddenGroups how many groups are not shown (never their sizes)
     */
    public record SegmentTable(String id, List<String> indexNames, List<GroupRow> groups, List<String> icc1,
            int hiddenGroups) {
        public SegmentTable {
            indexNames = List.copyOf(indexNames);
            groups = List.copyOf(groups);
            icc1 = List.copyOf(icc1);
        }
    }

    /**
     * One group.
     *
     * @param value the label
     * @param suppressed whether the whole group is withheld
     * @param n respondents, or empty when suppressed
     * @param cells one per index
     * @param sayDo mean gap
     * @param enps eNPS
     */
    public record GroupRow(String value, boolean suppressed, String n, List<Cell> cells, Cell sayDo, Cell enps) {
        public GroupRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One figure of a group.
     *
     * @param text the figure, or empty when suppressed
     * @param suppressed whether withheld
     * @param flag {@code bright-spot}, {@code hot-spot} or empty
     * @param level 0–4 by score alone (score / 20), −1 when there is nothing to shade; kept for existing
     *     templates, shade by {@code tone}
     * @param band the label of the index band the figure falls in, or empty
     * @param tone the band's shade, as {@link IndexCard#tone()}, or empty (say-do gap, eNPS, no bands)
     */
    public record Cell(String text, boolean suppressed, String flag, int level, String band, String tone) {
        static final Cell SUPPRESSED = new Cell("", true, "", -1, "", "");

        /** A figure that has no band: the say-do gap, eNPS. */
        static Cell plain(String text) {
            return new Cell(text, false, "", -1, "", "");
        }
    }

    /**
     * A group that stands out from everyone else, on one index or several: one line per group, not per index.
     *
     * @param kind {@code bright-spot} (above everyone else) or {@code hot-spot} (below)
     * @param segment segment id
     * @param group group label
     * @param index the name of the index it differs on most
     * @param score the group's score on that index, 0–100
     * @param delta points above (+) or below (−) everyone else on that index, on 0–100
     * @param q the adjusted p on that index
     * @param advice what to do about it
     * @param indices every index it differs on, largest difference first
     * @param text the line in plain words, e.g. "lower than everyone else on A (−28 points), B (−25) and C (−24)."
     */
    public record Spot(String kind, String segment, String group, String index, String score, String delta,
            String q, String advice, List<SpotIndex> indices, String text) {
        public Spot {
            indices = List.copyOf(indices);
        }
    }

    /**
     * One index a group differs on.
     *
     * @param name index name
     * @param score the group's score, 0–100
     * @param delta points above (+) or below (−) everyone else, on 0–100
     * @param q the Benjamini–Hochberg adjusted p of the difference
     */
    public record SpotIndex(String name, String score, String delta, String q) {}

    /** @param index index name @param r correlation @param ci interval @param n respondents @param width bar 0–100 */
    public record DriverRow(String index, String r, String ci, String n, int width) {}

    /** @param index index name @param band band label @param text what to do */
    public record ActionRow(String index, String band, String text) {}

    /** @param question the comment question @param groups its groups, each with its comments */
    public record CommentSection(String question, List<CommentBlock> groups) {
        public CommentSection {
            groups = List.copyOf(groups);
        }
    }

    /** @param group the group @param comments its comments @param omitted how many more were written, or empty */
    public record CommentBlock(String group, List<CommentLine> comments, String omitted) {
        public CommentBlock {
            comments = List.copyOf(comments);
        }
    }

    /** @param text the comment @param count "×3" when several wrote exactly this, else empty */
    public record CommentLine(String text, String count) {}

    /**
     * What moved since the baseline wave.
     *
     * @param baselineWave the baseline's label
     * @param note a caution when the questionnaires differ, or empty
     * @param indices index score changes (0–100 points)
     * @param pairs say-do gap changes (scale points; a fall is good)
     * @param enps the eNPS change, or null
     * @param groups group changes, by segment
     * @param onlyHere what is new in this wave
     * @param onlyInBaseline what the baseline had and this wave does not
     */
    public record ChangesView(String baselineWave, String note, List<ChangeRow> indices, List<ChangeRow> pairs,
            ChangeRow enps, List<ChangeRow> groups, List<String> onlyHere, List<String> onlyInBaseline) {
        public ChangesView {
            indices = List.copyOf(indices);
            pairs = List.copyOf(pairs);
            groups = List.copyOf(groups);
            onlyHere = List.copyOf(onlyHere);
            onlyInBaseline = List.copyOf(onlyInBaseline);
        }
    }

    /**
     * One figure then and now.
     *
     * @param name what it is ("Psychological safety", "Billing · Psychological safety")
     * @param before the baseline figure, or empty
     * @param after this wave's figure, or empty
     * @param delta the change, signed, or the reason it is not compared
     * @param direction {@code up}, {@code down} or {@code flat}, in the figure's own sense
     * @param better whether the change is an improvement (a falling say-do gap is)
     * @param p the p-value of the change
     * @param significant whether p &lt; .05
     */
    public record ChangeRow(String name, String before, String after, String delta, String direction,
            boolean better, String p, boolean significant) {}

    /**
     * Scores over the waves, oldest first, this wave last.
     *
     * @param waves the wave labels
     * @param series one line per index (0–100)
     * @param sayDo the overall say-do gap per wave
     * @param enps eNPS per wave
     */
    public record TrendView(List<String> waves, List<Series> series, List<String> sayDo, List<String> enps) {
        public TrendView {
            waves = List.copyOf(waves);
            series = List.copyOf(series);
            sayDo = List.copyOf(sayDo);
            enps = List.copyOf(enps);
        }
    }

    /**
     * One index over the waves.
     *
     * @param name the index
     * @param values its score per wave, "–" where it has none or is not comparable
     * @param points SVG polyline points on a 100 × 40 box ("x,y x,y …"), only for comparable waves
     * @param dots the same points one by one, for markers
     */
    public record Series(String name, List<String> values, String points, List<Dot> dots) {
        public Series {
            values = List.copyOf(values);
            dots = List.copyOf(dots);
        }
    }

    /** @param x position @param y position @param label the value shown */
    public record Dot(String x, String y, String label) {}
}
