package org.culturekit.scoring;

import java.util.List;
import java.util.Objects;

/**
 * Everything the scorer found, at full precision, in the shape of {@code results.json} (DESIGN.md §5).
 *
 * <ul>
 *   <li>A {@code Double} or {@code Long} that is null is undefined (n &lt; 2, zero variance, …) or suppressed;
 *       it is never NaN or infinite.
 *   <li>Suppression decisions are made here, once, so every output shows and hides the same cells.
 *   <li>Lists follow the questionnaire's order; groups are sorted by label.
 * </ul>
 *
 * @param schemaVersion version of the results format
 * @param wave the label of this survey round, or null
 * @param questionnaire which instrument was scored
 * @param rows how many rows were read, scored and excluded
 * @param indices one per questionnaire index
 * @param sayDo say-do gaps, or null when the questionnaire has no pairs
 * @param enps eNPS, or null when the questionnaire has no eNPS item
 * @param perceptionGap leaders vs others per index, empty without a leader segment
 * @param segments one per questionnaire segment
 * @param drivers correlation of each index with the eNPS answer, strongest first
 */
public record Results(
        int schemaVersion,
        String wave,
        QuestionnaireRef questionnaire,
        Rows rows,
        List<IndexResult> indices,
        SayDo sayDo,
        Enps enps,
        List<PerceptionGap> perceptionGap,
        List<SegmentResult> segments,
        List<Driver> drivers,
        List<CommentQuestion> comments) {

    public static final int SCHEMA_VERSION = 1;

    public Results {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(rows, "rows");
        indices = List.copyOf(indices);
        perceptionGap = List.copyOf(perceptionGap);
        segments = List.copyOf(segments);
        drivers = List.copyOf(drivers);
        comments = List.copyOf(comments);
    }

    /** These results with the rows the reader excluded added to the tally. */
    public Results withExclusions(List<Exclusion> excluded) {
        long read = rows.scored() + excluded.stream().mapToLong(Exclusion::count).sum();
        return new Results(schemaVersion, wave, questionnaire, new Rows(read, rows.scored(), excluded,
                rows.unmappedItems()), indices,
                sayDo, enps, perceptionGap, segments, drivers, comments);
    }

    /** These results noting that no export had a column for the scored items {@code ids}. */
    public Results withUnmappedItems(List<String> ids) {
        return new Results(schemaVersion, wave, questionnaire, new Rows(rows.read(), rows.scored(), rows.excluded(),
                ids), indices, sayDo, enps, perceptionGap, segments, drivers, comments);
    }

    /** These results without any comment, for {@code --no-comments}. */
    public Results withoutComments() {
        return new Results(schemaVersion, wave, questionnaire, rows, indices, sayDo, enps, perceptionGap, segments,
                drivers, List.of());
    }

    /** These results labelled as the survey round {@code label} (null for none). */
    public Results withWave(String label) {
        return new Results(schemaVersion, label, questionnaire, rows, indices, sayDo, enps, perceptionGap, segments,
                drivers, comments);
    }

    /**
     * @param id questionnaire id
     * @param version questionnaire version
     * @param fingerprint a hash of everything scored (items, texts, scales, keying), to compare waves
     */
    public record QuestionnaireRef(String id, String version, String fingerprint) {}

    /**
     * The row reconciliation: {@code read = scored + Σ excluded.count}.
     *
     * @param read data rows read
     * @param scored rows that were scored
     * @param excluded rows left out, by reason
     * @param unmappedItems ids of the scored items no export had a column for, in questionnaire order
     */
    public record Rows(long read, long scored, List<Exclusion> excluded, List<String> unmappedItems) {
        public Rows {
            excluded = List.copyOf(excluded);
            unmappedItems = List.copyOf(unmappedItems);
        }

        /** Rows of exports that had a column for every scored item. */
        public Rows(long read, long scored, List<Exclusion> excluded) {
            this(read, scored, excluded, List.of());
        }
    }

    /** @param reason why rows were left out @param count how many */
    public record Exclusion(String reason, long count) {}

    /**
     * One index over everyone.
     *
     * @param id index id
     * @param name display name
     * @param suppressed whether the index is withheld: fewer than the minimum group size have a score (then only
     *     {@code id}, {@code name}, {@code fingerprint} and the items' ids are set)
     * @param n respondents with a score
     * @param mean mean respondent score
     * @param sd standard deviation (n − 1)
     * @param ciLow lower end of the 95% confidence interval of the mean
     * @param ciHigh upper end
     * @param score100 the mean on 0–100
     * @param favorable percent of answered keyed item responses that are favourable
     * @param neutral percent neutral
     * @param unfavorable percent unfavourable
     * @param alpha Cronbach's alpha from the pairwise covariance matrix
     * @param standardizedAlpha alpha from the correlation matrix
     * @param band label of the band score100 falls in
     * @param items one per item of the index
     * @param fingerprint a hash of the index's items (ids, texts, scales, keying), to compare waves
     */
    public record IndexResult(
            String id,
            String name,
            boolean suppressed,
            Long n,
            Double mean,
            Double sd,
            Double ciLow,
            Double ciHigh,
            Double score100,
            Double favorable,
            Double neutral,
            Double unfavorable,
            Double alpha,
            Double standardizedAlpha,
            String band,
            List<ItemResult> items,
            String fingerprint) {
        public IndexResult {
            items = List.copyOf(items);
        }
    }

    /**
     * One item of an index, on keyed values.
     *
     * @param id item id
     * @param suppressed whether the item is withheld: fewer than the minimum group size answered it
     * @param n respondents who answered it
     * @param mean mean keyed answer
     * @param sd standard deviation (n − 1)
     * @param favorable percent favourable
     * @param neutral percent neutral
     * @param unfavorable percent unfavourable
     * @param itemTotal corrected item-total correlation (psych's r.drop)
     * @param alphaIfDeleted alpha of the index without this item
     */
    public record ItemResult(
            String id,
            boolean suppressed,
            Long n,
            Double mean,
            Double sd,
            Double favorable,
            Double neutral,
            Double unfavorable,
            Double itemTotal,
            Double alphaIfDeleted) {
        static ItemResult hidden(String id) {
            return new ItemResult(id, true, null, null, null, null, null, null, null, null);
        }
    }

    /** @param overall gaps per respondent @param pairs gaps per pair */
    public record SayDo(Gap overall, List<Gap> pairs) {
        public SayDo {
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * A say-do gap (say − do) with its one-sample t-test against 0.
     *
     * @param id pair id, null for the overall gap
     * @param name pair name, null for the overall gap
     * @param suppressed whether the gap is withheld: fewer than the minimum group size answered
     * @param n respondents
     * @param meanGap mean gap
     * @param sd standard deviation (n − 1)
     * @param ciLow lower end of the 95% confidence interval
     * @param ciHigh upper end
     * @param t t statistic
     * @param df degrees of freedom
     * @param p two-sided p-value
     * @param dz standardised mean gap
     * @param shareGapAtLeast1 percent of respondents whose gap is at least 1
     * @param sayMean mean keyed say answer over the same respondents; null for the overall gap
     * @param doMean mean keyed do answer over the same respondents; null for the overall gap
     */
    public record Gap(
            String id,
            String name,
            boolean suppressed,
            Long n,
            Double meanGap,
            Double sd,
            Double ciLow,
            Double ciHigh,
            Double t,
            Double df,
            Double p,
            Double dz,
            Double shareGapAtLeast1,
            Double sayMean,
            Double doMean) {
        static Gap hidden(String id, String name) {
            return new Gap(id, name, true, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * @param suppressed whether eNPS is withheld: fewer than the minimum group size answered (then nothing else is
     *     set)
     * @param n respondents who answered
     * @param promoters answers 9–10
     * @param passives answers 7–8
     * @param detractors answers 0–6
     * @param score 100 · (promoters − detractors) / n
     */
    public record Enps(boolean suppressed, Long n, Long promoters, Long passives, Long detractors, Double score) {}

    /**
     * Leaders vs everyone else on one index; when either side is below the minimum group size only
     * {@code index} and {@code suppressed} are set.
     *
     * @param index index id
     * @param suppressed whether the comparison is withheld
     * @param leaders leaders' n and mean
     * @param others everyone else's n and mean
     * @param difference leaders − others
     * @param t Welch t
     * @param df Welch–Satterthwaite degrees of freedom
     * @param p two-sided p-value
     * @param hedgesG standardised difference with small-sample correction
     */
    public record PerceptionGap(
            String index,
            boolean suppressed,
            GroupMean leaders,
            GroupMean others,
            Double difference,
            Double t,
            Double df,
            Double p,
            Double hedgesG) {}

    /** @param n respondents @param mean mean score */
    public record GroupMean(long n, Double mean) {}

    /**
     * One segment: agreement across its groups and each group's figures.
     *
     * @param id segment id
     * @param agreement ICC(1) and ICC(2) per index
     * @param groups groups sorted by label
     */
    public record SegmentResult(String id, List<Agreement> agreement, List<Group> groups) {
        public SegmentResult {
            agreement = List.copyOf(agreement);
            groups = List.copyOf(groups);
        }
    }

    /**
     * ICC(1) and ICC(2) of one index across the shown groups of a segment; hidden groups never enter it.
     *
     * @param index index id
     * @param icc1 ICC(1)
     * @param icc2 ICC(2)
     * @param n respondents of the shown groups it was computed from
     * @param groups how many shown groups it was computed from
     */
    public record Agreement(String index, Double icc1, Double icc2, long n, int groups) {}

    /**
     * One group of a segment. A suppressed group carries only its value.
     *
     * @param value the group label
     * @param suppressed whether the group is hidden
     * @param n respondents, null when suppressed
     * @param indices per index, empty when suppressed
     * @param sayDo the group's respondent gaps, null when suppressed or without pairs
     * @param enps the group's eNPS, null when suppressed or without an eNPS item
     */
    public record Group(
            String value, boolean suppressed, Long n, List<GroupIndex> indices, GroupGap sayDo, GroupEnps enps) {
        public Group {
            indices = List.copyOf(indices);
        }

        static Group hidden(String value) {
            return new Group(value, true, null, List.of(), null, null);
        }
    }

    /**
     * One index within a group. A suppressed cell carries only its id.
     *
     * @param id index id
     * @param suppressed whether this cell is hidden
     * @param n respondents with a score
     * @param mean mean score
     * @param sd standard deviation (n − 1)
     * @param favorable percent favourable
     * @param rwg within-group agreement rwg(j)
     * @param deltaVsRest group mean − mean of everyone else
     * @param q Benjamini–Hochberg adjusted p of the Welch test against everyone else
     * @param flag a significant difference from everyone else, or null
     */
    public record GroupIndex(
            String id,
            boolean suppressed,
            Long n,
            Double mean,
            Double sd,
            Double favorable,
            Double rwg,
            Double deltaVsRest,
            Double q,
            Flag flag) {
        static GroupIndex hidden(String id) {
            return new GroupIndex(id, true, null, null, null, null, null, null, null, null);
        }
    }

    /** A group that differs from everyone else at q &lt; .05, by the direction of the difference. */
    public enum Flag {
        BRIGHT_SPOT("bright-spot"),
        HOT_SPOT("hot-spot");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        /** The flag as {@code results.json} and the reports spell it. */
        public String label() {
            return label;
        }

        /** The flag spelt {@code label}, or null for null. */
        public static Flag of(String label) {
            if (label == null) {
                return null;
            }
            for (Flag flag : values()) {
                if (flag.label.equals(label)) {
                    return flag;
                }
            }
            throw new IllegalArgumentException("no flag " + label);
        }
    }

    /** @param suppressed whether hidden @param n respondents @param meanGap mean respondent gap */
    public record GroupGap(boolean suppressed, Long n, Double meanGap) {}

    /** @param suppressed whether hidden @param n respondents who answered @param score eNPS */
    public record GroupEnps(boolean suppressed, Long n, Double score) {}

    /**
     * @param id index id
     * @param suppressed whether the driver is withheld: fewer than the minimum group size have both figures
     * @param r Pearson correlation of the index score with the eNPS answer
     * @param ciLow lower end of the Fisher-z 95% interval
     * @param ciHigh upper end
     * @param n respondents with both
     */
    public record Driver(String id, boolean suppressed, Double r, Double ciLow, Double ciHigh, Long n) {}

    /**
     * The answers to one comment question.
     *
     * @param item the comment item's id
     * @param question its text
     * @param groups the groups whose comments may be shown, each with at least the comment threshold of
     *     respondents
     */
    public record CommentQuestion(String item, String question, List<CommentGroup> groups) {
        public CommentQuestion {
            groups = List.copyOf(groups);
        }
    }

    /**
     * The comments of one group, or of several small groups together, or of everyone.
     *
     * @param group the group label, "Other groups" or "All respondents"
     * @param comments the comments in text order (never submission order), redacted, equal texts counted once
     * @param omitted how many further comments were written but not kept
     */
    public record CommentGroup(String group, List<Comment> comments, long omitted) {
        public CommentGroup {
            comments = List.copyOf(comments);
        }
    }

    /** @param text the comment, redacted @param count how many respondents wrote exactly this */
    public record Comment(String text, long count) {}
}
