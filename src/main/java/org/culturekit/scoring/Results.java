package org.culturekit.scoring;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the scorer found, at full precision, in the shape of {@code results.json} (docs/statistics.md).
 *
 * <ul>
 *   <li>A figure the disclosure rules withhold is not there at all: each {@link Cell} is shown or withheld.
 *   <li>A {@code Double} that is null is undefined (n &lt; 2, zero variance, …); it is never NaN or infinite.
 *   <li>Suppression decisions are made here, once, so every output shows and hides the same cells.
 *   <li>Lists follow the questionnaire's order; groups are sorted by label.
 * </ul>
 *
 * @param schemaVersion version of the results format
 * @param wave the label of this survey round, or null
 * @param date the date of this survey round, ISO 8601 ({@code 2026-04-20}), or null
 * @param questionnaire which instrument was scored
 * @param rows how many rows were read, scored and excluded
 * @param indices one per questionnaire index
 * @param sayDo say-do gaps, or null when the questionnaire has no pairs
 * @param enps eNPS, shown or withheld, or null when the questionnaire has no eNPS item
 * @param perceptionGap leaders vs others per index, empty without a leader segment
 * @param segments one per questionnaire segment
 * @param drivers correlation of each index with the eNPS answer, strongest first
 * @param comments comment questions with the groups whose comments may be shown
 * @param outcomes each culture measure against each customer metric of {@code --outcomes}, or null without it
 */
public record Results(
        int schemaVersion,
        String wave,
        String date,
        QuestionnaireRef questionnaire,
        Rows rows,
        List<IndexResult> indices,
        SayDo sayDo,
        Cell<Enps> enps,
        List<PerceptionGap> perceptionGap,
        List<SegmentResult> segments,
        List<Driver> drivers,
        List<CommentQuestion> comments,
        List<Outcome> outcomes) {

    public static final int SCHEMA_VERSION = 1;

    /** Results without customer outcomes. */
    public Results(int schemaVersion, String wave, String date, QuestionnaireRef questionnaire, Rows rows,
            List<IndexResult> indices, SayDo sayDo, Cell<Enps> enps, List<PerceptionGap> perceptionGap,
            List<SegmentResult> segments, List<Driver> drivers, List<CommentQuestion> comments) {
        this(schemaVersion, wave, date, questionnaire, rows, indices, sayDo, enps, perceptionGap, segments, drivers,
                comments, null);
    }

    public Results {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(rows, "rows");
        indices = List.copyOf(indices);
        perceptionGap = List.copyOf(perceptionGap);
        segments = List.copyOf(segments);
        drivers = List.copyOf(drivers);
        comments = List.copyOf(comments);
        outcomes = outcomes == null ? null : List.copyOf(outcomes);
    }

    /** These results with the rows the reader excluded added to the tally. */
    public Results withExclusions(List<Exclusion> excluded) {
        long read = rows.scored() + excluded.stream().mapToLong(Exclusion::count).sum();
        return new Results(schemaVersion, wave, date, questionnaire, new Rows(read, rows.scored(), excluded,
                rows.unmappedItems()), indices,
                sayDo, enps, perceptionGap, segments, drivers, comments, outcomes);
    }

    /** These results noting that no export had a column for the scored items {@code ids}. */
    public Results withUnmappedItems(List<String> ids) {
        return new Results(schemaVersion, wave, date, questionnaire, new Rows(rows.read(), rows.scored(), rows.excluded(),
                ids), indices, sayDo, enps, perceptionGap, segments, drivers, comments, outcomes);
    }

    /** These results without any comment, for {@code --no-comments}. */
    public Results withoutComments() {
        return new Results(schemaVersion, wave, date, questionnaire, rows, indices, sayDo, enps, perceptionGap, segments,
                drivers, List.of(), outcomes);
    }

    /** These results labelled as the survey round {@code label} (null for none). */
    public Results withWave(String label) {
        return new Results(schemaVersion, label, date, questionnaire, rows, indices, sayDo, enps, perceptionGap,
                segments, drivers, comments, outcomes);
    }

    /** These results with the customer outcomes linked to them (null for none). */
    public Results withOutcomes(List<Outcome> linked) {
        return new Results(schemaVersion, wave, date, questionnaire, rows, indices, sayDo, enps, perceptionGap,
                segments, drivers, comments, linked);
    }

    /** These results with {@code segment}'s groups replaced by {@code groups}. */
    Results withGroups(String segment, List<Group> groups) {
        List<SegmentResult> replaced = segments.stream().map(s -> s.id().equals(segment)
                ? new SegmentResult(s.id(), s.agreement(), groups) : s).toList();
        return new Results(schemaVersion, wave, date, questionnaire, rows, indices, sayDo, enps, perceptionGap,
                replaced, drivers, comments, outcomes);
    }

    /** These results dated {@code isoDate} (null for none). */
    public Results withDate(String isoDate) {
        return new Results(schemaVersion, wave, isoDate, questionnaire, rows, indices, sayDo, enps, perceptionGap,
                segments, drivers, comments, outcomes);
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
     * One index over everyone: its identity and its items always, its figures only when shown.
     *
     * @param id index id
     * @param name display name
     * @param figures the index's figures, or withheld: fewer than the minimum group size have a score
     * @param fingerprint a hash of the index's items (ids, texts, scales, keying), to compare waves
     * @param items one per item of the index
     */
    public record IndexResult(String id, String name, Cell<IndexFigures> figures, String fingerprint,
            List<ItemResult> items) {
        public IndexResult {
            Objects.requireNonNull(figures, "figures");
            items = List.copyOf(items);
        }
    }

    /**
     * The figures of a shown index.
     *
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
     */
    public record IndexFigures(
            long n,
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
            String band) {}

    /**
     * One item of an index, on keyed values.
     *
     * @param id item id
     * @param figures the item's figures, or withheld: fewer than the minimum group size answered it
     */
    public record ItemResult(String id, Cell<ItemFigures> figures) {
        public ItemResult {
            Objects.requireNonNull(figures, "figures");
        }
    }

    /**
     * The figures of a shown item.
     *
     * @param n respondents who answered it
     * @param mean mean keyed answer
     * @param sd standard deviation (n − 1)
     * @param favorable percent favourable
     * @param neutral percent neutral
     * @param unfavorable percent unfavourable
     * @param itemTotal corrected item-total correlation (psych's r.drop)
     * @param alphaIfDeleted alpha of the index without this item
     */
    public record ItemFigures(
            long n,
            Double mean,
            Double sd,
            Double favorable,
            Double neutral,
            Double unfavorable,
            Double itemTotal,
            Double alphaIfDeleted) {}

    /** @param overall the gap per respondent over all pairs @param pairs the gap per pair */
    public record SayDo(Cell<GapFigures> overall, List<Gap> pairs) {
        public SayDo {
            Objects.requireNonNull(overall, "overall");
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * The say-do gap of one pair.
     *
     * @param id pair id
     * @param name pair name
     * @param figures the gap, or withheld: fewer than the minimum group size answered
     */
    public record Gap(String id, String name, Cell<GapFigures> figures) {
        public Gap {
            Objects.requireNonNull(figures, "figures");
        }
    }

    /**
     * A say-do gap (say − do) with its one-sample t-test against 0.
     *
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
    public record GapFigures(
            long n,
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
            Double doMean) {}

    /**
     * The eNPS figures, shown when at least the minimum group size answered.
     *
     * @param n respondents who answered
     * @param promoters answers 9–10
     * @param passives answers 7–8
     * @param detractors answers 0–6
     * @param score 100 · (promoters − detractors) / n
     */
    public record Enps(long n, long promoters, long passives, long detractors, Double score) {}

    /**
     * Leaders vs everyone else on one index.
     *
     * @param index index id
     * @param figures the comparison, or withheld: either side is below the minimum group size
     */
    public record PerceptionGap(String index, Cell<Perception> figures) {
        public PerceptionGap {
            Objects.requireNonNull(figures, "figures");
        }
    }

    /**
     * @param leaders leaders' n and mean
     * @param others everyone else's n and mean
     * @param difference leaders − others
     * @param t Welch t
     * @param df Welch–Satterthwaite degrees of freedom
     * @param p two-sided p-value
     * @param hedgesG standardised difference with small-sample correction
     */
    public record Perception(
            GroupMean leaders, GroupMean others, Double difference, Double t, Double df, Double p, Double hedgesG) {}

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
     * A figure, or a set of figures, that is either shown or withheld by the disclosure rules: a withheld cell has
     * no figures at all, so no output can show one by mistake.
     *
     * @param <T> the figures of a shown cell
     */
    public sealed interface Cell<T> permits Cell.Shown, Cell.Withheld {
        /** @param figures what is shown */
        record Shown<T>(T figures) implements Cell<T> {
            public Shown {
                Objects.requireNonNull(figures, "figures");
            }
        }

        /** Nothing may be shown. */
        record Withheld<T>() implements Cell<T> {}

        static <T> Cell<T> shown(T figures) {
            return new Shown<>(figures);
        }

        static <T> Cell<T> withheld() {
            return new Withheld<>();
        }

        /** Whether the cell is withheld. */
        default boolean suppressed() {
            return this instanceof Withheld;
        }

        /** The figures, or empty when withheld. */
        default Optional<T> shown() {
            return this instanceof Shown<T> s ? Optional.of(s.figures()) : Optional.empty();
        }
    }

    /**
     * One group of a segment: a withheld group carries only its value.
     *
     * @param value the group label
     * @param figures the group's figures, or withheld
     */
    public record Group(String value, Cell<GroupFigures> figures) {
        public Group {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(figures, "figures");
        }

        static Group hidden(String value) {
            return new Group(value, Cell.withheld());
        }

        /** Whether the group is hidden. */
        public boolean suppressed() {
            return figures.suppressed();
        }

        /** Respondents, null when withheld. */
        public Long n() {
            return figures.shown().map(GroupFigures::n).orElse(null);
        }

        /** Per index, empty when withheld. */
        public List<GroupIndex> indices() {
            return figures.shown().map(GroupFigures::indices).orElse(List.of());
        }

        /** The group's respondent gaps, null when withheld or without pairs. */
        public Cell<GroupGap> sayDo() {
            return figures.shown().map(GroupFigures::sayDo).orElse(null);
        }

        /** The group's eNPS, null when withheld or without an eNPS item. */
        public Cell<GroupEnps> enps() {
            return figures.shown().map(GroupFigures::enps).orElse(null);
        }

        /** How many of the group were invited, null when withheld or not given ({@code --invited FILE}). */
        public Long invited() {
            return figures.shown().map(GroupFigures::participation).map(GroupParticipation::invited).orElse(null);
        }

        /** Percent of the invited who were scored, null when withheld or not given. */
        public Double responseRate() {
            return figures.shown().map(GroupFigures::participation).map(GroupParticipation::responseRate)
                    .orElse(null);
        }
    }

    /**
     * The figures of a shown group.
     *
     * @param n respondents
     * @param indices per index
     * @param sayDo the group's respondent gaps, null without pairs
     * @param enps the group's eNPS, null without an eNPS item
     * @param participation how many were invited and the response rate, null without {@code --invited FILE}
     *     for this segment
     */
    public record GroupFigures(long n, List<GroupIndex> indices, Cell<GroupGap> sayDo, Cell<GroupEnps> enps,
            GroupParticipation participation) {
        public GroupFigures {
            indices = List.copyOf(indices);
        }

        /** Figures without participation. */
        public GroupFigures(long n, List<GroupIndex> indices, Cell<GroupGap> sayDo, Cell<GroupEnps> enps) {
            this(n, indices, sayDo, enps, null);
        }

        /** These figures with the group's participation. */
        GroupFigures with(GroupParticipation given) {
            return new GroupFigures(n, indices, sayDo, enps, given);
        }
    }

    /**
     * A shown group's participation.
     *
     * @param invited how many of the group were invited
     * @param responseRate percent of them who were scored: 100 · n / invited
     */
    public record GroupParticipation(long invited, double responseRate) {}

    /**
     * One index within a group: a withheld cell carries only its id.
     *
     * @param id index id
     * @param figures the cell's figures, or withheld
     */
    public record GroupIndex(String id, Cell<GroupIndexFigures> figures) {
        public GroupIndex {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(figures, "figures");
        }

        static GroupIndex hidden(String id) {
            return new GroupIndex(id, Cell.withheld());
        }
    }

    /**
     * The figures of a shown index cell of a group.
     *
     * @param n respondents with a score
     * @param mean mean score
     * @param sd standard deviation (n − 1)
     * @param favorable percent favourable
     * @param rwg within-group agreement rwg(j)
     * @param deltaVsRest group mean − mean of everyone else
     * @param q Benjamini–Hochberg adjusted p of the Welch test against everyone else
     * @param flag a significant difference from everyone else, or null
     */
    public record GroupIndexFigures(
            long n, Double mean, Double sd, Double favorable, Double rwg, Double deltaVsRest, Double q, Flag flag) {}

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

    /** @param n respondents @param meanGap mean respondent gap */
    public record GroupGap(long n, Double meanGap) {}

    /** @param n respondents who answered @param score eNPS */
    public record GroupEnps(long n, Double score) {}

    /**
     * The link of one index with eNPS.
     *
     * @param id index id
     * @param figures the correlation, or withheld: fewer than the minimum group size have both figures, or the
     *     index or eNPS is withheld
     */
    public record Driver(String id, Cell<Correlation> figures) {
        public Driver {
            Objects.requireNonNull(figures, "figures");
        }
    }

    /**
     * @param r Pearson correlation of the index score with the eNPS answer
     * @param ciLow lower end of the Fisher-z 95% interval
     * @param ciHigh upper end
     * @param n respondents with both
     */
    public record Correlation(Double r, Double ciLow, Double ciHigh, long n) {}

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

    /**
     * One culture measure against one customer metric across the shown groups of a segment: each shown group with
     * both figures is one unit; a hidden group, or a group whose figure for the measure is withheld, never enters
     * (docs/privacy.md). Culture and outcomes may come from different waves ({@code lag}).
     *
     * @param segment the segment id
     * @param metric the outcome metric, as the file names it
     * @param measure an index id, or {@code enps}
     * @param lag {@code same-wave}, {@code culture-earlier} (the previous wave's culture against this wave's
     *     outcomes), {@code outcomes-earlier} (this wave's culture against the previous outcomes) or
     *     {@code previous-wave} (both of the previous wave)
     * @param cultureWave the wave label of the culture figures, or null
     * @param outcomeWave the period of the outcomes, or null when the file has no period column
     * @param n the units: groups with both figures
     * @param r Pearson's r, null with fewer than 10 units or no variation
     * @param ciLow lower end of the Fisher-z 95% interval
     * @param ciHigh upper end
     * @param p two-sided p (t with n − 2 df)
     * @param spearman Spearman's rho (average ranks), null when r is
     * @param reason why r is null, or null
     * @param icc2 ICC(2) of the index in the segment, the reliability of the group means; null for eNPS
     * @param rDisattenuated r / √ICC(2), null when either is undefined or ICC(2) ≤ 0
     * @param detectableR the smallest |r| these n units detect (α = .05 two-sided, power .8), null for n ≤ 3
     * @param unitsToDetect units needed to detect r = .3 (α = .05 two-sided, power .8)
     * @param points the units, in the segment's group order
     */
    public record Outcome(String segment, String metric, String measure, String lag, String cultureWave,
            String outcomeWave, int n, Double r, Double ciLow, Double ciHigh, Double p, Double spearman,
            String reason, Double icc2, Double rDisattenuated, Double detectableR, int unitsToDetect,
            List<OutcomePoint> points) {
        public Outcome {
            points = List.copyOf(points);
        }
    }

    /**
     * One unit of an {@link Outcome}.
     *
     * @param group the group label
     * @param culture the group's published figure for the measure (mean score, or eNPS)
     * @param outcome the group's metric value
     * @param customers the customers behind the value, or null when not given
     */
    public record OutcomePoint(String group, double culture, double outcome, Long customers) {}
}
