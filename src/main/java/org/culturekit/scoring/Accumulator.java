package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.culturekit.model.FreeText;
import org.culturekit.model.Hierarchy;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;

/**
 * Folds responses into exact sums, one at a time, and turns them into {@link Results}.
 *
 * <ul>
 *   <li>Memory grows with items² × groups (and at most {@value #MAX_CELLS} combinations of segment values), never
 *       with respondents.
 *   <li>All sums are integers, so {@link #merge} of accumulators fed any split of the rows gives exactly the
 *       results of one accumulator fed them all, in any order.
 *   <li>Not thread-safe: use one per thread and merge.
 * </ul>
 */
public final class Accumulator {
    private final Plan plan;
    private final Observation observation;
    /**
     * Everyone, when the questionnaire has no segments. With segments every respondent is in exactly one group
     * of each, so everyone is the sum of the first segment's groups, and leaders and others sums of the leader
     * segment's groups: exact integer sums, made when results are asked for instead of on every row.
     */
    private final Tally everyone;
    private final Totals totals;
    private final List<Map<String, Tally>> segments = new ArrayList<>();
    /** Per segment: each value as read (untrimmed) and its group's tally. */
    private final List<Map<String, Tally>> byValue = new ArrayList<>();
    /**
     * With two segments or more: per combination of values as read, the tally of the respondents who gave it,
     * so a row is added to one tally rather than to one per segment. Each segment's groups are sums of these
     * cells, made when this is merged into another or asked for results. Past {@value #MAX_CELLS} combinations,
     * rows of new ones go to each segment's group directly; either way the sums are the same.
     */
    private final Map<Cell, Tally> cells = new HashMap<>();
    /**
     * Per combination of values as read that has no cell here (past {@value #MAX_CELLS}, or merged in from
     * another accumulator): how many respondents each measure has. With the cells, these give the overlap of
     * any two groups of different segments, which the disclosure rules need.
     */
    private final Map<Cell, long[]> combinations = new HashMap<>();
    /** The cell key of the row being added, refilled for each; a new cell gets a copy. */
    private final Cell probe;

    /** The most cells an accumulator keeps: a cell costs a tally, whose size depends on the questionnaire. */
    static final int MAX_CELLS = 256;
    private final int maxCells;
    /** Per comment question: its answers by group of the first segment. */
    private final CommentSample[] comments;
    /** With an organisation tree: the sums its units need beyond their groups' tallies; else null. */
    private final UnitSums units;

    public Accumulator(Questionnaire questionnaire) {
        this(new Plan(questionnaire), null, MAX_CELLS, null);
    }

    /**
     * An accumulator that also scores every unit of {@code tree} (null for none), whose leaves are groups of one of
     * the questionnaire's segments.
     */
    public Accumulator(Questionnaire questionnaire, Hierarchy tree) {
        this(new Plan(questionnaire), null, MAX_CELLS, tree);
    }

    /** An accumulator that keeps at most {@code maxCells} cells, and so do its parts: for tests. */
    Accumulator(Questionnaire questionnaire, int maxCells) {
        this(new Plan(questionnaire), null, maxCells, null);
    }

    /** An accumulator with a tree that keeps at most {@code maxCells} cells: for tests. */
    Accumulator(Questionnaire questionnaire, Hierarchy tree, int maxCells) {
        this(new Plan(questionnaire), null, maxCells, tree);
    }

    /** An accumulator that counts answers value by value on scales of at most {@code talliedPoints}: for tests. */
    Accumulator(Questionnaire questionnaire, int maxCells, int talliedPoints) {
        this(new Plan(questionnaire, talliedPoints), null, maxCells, null);
    }

    /**
     * An empty accumulator for a share of the rows, to be merged into this one, possibly on another thread:
     * it skips work that the comments already merged here make needless, with the same results once merged.
     */
    public Accumulator part() {
        return new Accumulator(plan, this, maxCells, null);
    }

    private Accumulator(Plan plan, Accumulator target, int maxCells, Hierarchy tree) {
        this.maxCells = maxCells;
        this.plan = plan;
        Questionnaire questionnaire = plan.questionnaire;
        observation = new Observation(plan);
        everyone = new Tally(plan);
        totals = new Totals(plan);
        for (int s = 0; s < questionnaire.segments().size(); s++) {
            segments.add(new TreeMap<>());
            byValue.add(new HashMap<>());
        }
        probe = questionnaire.segments().size() >= 2 ? new Cell(questionnaire.segments().size()) : null;
        comments = new CommentSample[questionnaire.comments().size()];
        for (int c = 0; c < comments.length; c++) {
            comments[c] = new CommentSample(target == null ? null : target.comments[c]);
        }
        if (target != null) {
            units = target.units == null ? null : target.units.part();
        } else {
            units = tree == null ? null : new UnitSums(plan, tree);
        }
    }

    /** Adds one respondent. */
    public void add(Response response) {
        add(response.answers(), response.segments().toArray(String[]::new),
                response.comments().toArray(String[]::new));
    }

    /**
     * Adds one respondent given as arrays, which are read during the call and not kept, so a reader can refill
     * them for the next respondent: raw answers by item position (as {@link Response#rawAnswer}), group labels
     * by segment position, and free text by comment position.
     */
    public void add(int[] answers, String[] segmentValues, String[] commentTexts) {
        add(answers, segmentValues, FreeText.of(commentTexts));
    }

    /**
     * Adds one respondent, as {@link #add(int[], String[], String[])} does, with the free text as a reader
     * holds it: a comment is read whole only when it may be kept.
     */
    public void add(int[] answers, String[] segmentValues, FreeText commentTexts) {
        observation.read(answers);
        if (segments.isEmpty()) {
            everyone.add(observation);
        }
        totals.add(observation);
        if (units != null) {
            units.add(observation, segmentValues);
        }
        Tally cell = probe == null ? null : cellOf(segmentValues);
        if (cell != null) {
            cell.add(observation);
        } else {
            for (int s = 0; s < segments.size(); s++) {
                tallyOf(s, segmentValues[s]).add(observation);
            }
            if (probe != null) {
                long[] sizes = combinations.get(probe);
                if (sizes == null) {
                    sizes = new long[Measures.count(plan.indices.size())];
                    combinations.put(probe.copy(), sizes);
                }
                Measures.count(observation, sizes);
            }
        }
        String commentGroup = segments.isEmpty() ? "" : label(segmentValues[0]);
        for (int c = 0; c < comments.length; c++) {
            comments[c].add(commentGroup, commentTexts, c);
        }
    }

    /** The cell of the combination {@code values}, made if there is room; null if there is none. */
    private Tally cellOf(String[] values) {
        probe.fill(values);
        Tally tally = cells.get(probe);
        if (tally == null && cells.size() < maxCells) {
            tally = new Tally(plan);
            cells.put(probe.copy(), tally);
        }
        return tally;
    }

    /** Adds {@code cells} to the groups in {@code groups} that they belong to, per segment. */
    private void fold(Map<Cell, Tally> cells, List<Map<String, Tally>> groups) {
        cells.forEach((cell, tally) -> {
            for (int s = 0; s < groups.size(); s++) {
                groups.get(s).computeIfAbsent(label(cell.values[s]), v -> new Tally(plan)).merge(tally);
            }
        });
    }

    /**
     * The tally of a segment's group for a value as read. A hash lookup by the value, which a reader usually
     * hands over as the same String for the same text, saves the sorted map's comparisons on every row.
     */
    private Tally tallyOf(int segment, String value) {
        Map<String, Tally> cache = byValue.get(segment);
        Tally tally = cache.get(value);
        if (tally == null) {
            tally = segments.get(segment).computeIfAbsent(label(value), v -> new Tally(plan));
            cache.put(value, tally);
        }
        return tally;
    }

    /** Adds everything {@code other} has seen; {@code other} must score the same questionnaire. */
    public void merge(Accumulator other) {
        if (other.plan.questionnaire != plan.questionnaire) {
            throw new IllegalArgumentException("accumulators of different questionnaires");
        }
        everyone.merge(other.everyone);
        totals.merge(other.totals);
        for (int s = 0; s < segments.size(); s++) {
            Map<String, Tally> mine = segments.get(s);
            other.segments.get(s).forEach((value, tally) ->
                    mine.computeIfAbsent(value, v -> new Tally(plan)).merge(tally));
        }
        fold(other.cells, segments);
        other.cells.forEach((cell, tally) -> addSizes(cell, tally.measureSizes()));
        other.combinations.forEach(this::addSizes);
        for (int c = 0; c < comments.length; c++) {
            comments[c].merge(other.comments[c]);
        }
        if (units != null) {
            units.merge(other.units);
        }
    }

    private void addSizes(Cell cell, long[] sizes) {
        long[] mine = combinations.computeIfAbsent(cell, c -> new long[sizes.length]);
        for (int m = 0; m < sizes.length; m++) {
            mine[m] += sizes[m];
        }
    }

    /** Every combination of group labels seen, with its respondents per measure. */
    private List<Measures.Atom> atoms(List<Map<String, Tally>> groups) {
        List<Measures.Atom> atoms = new ArrayList<>();
        if (groups.size() == 1) {
            groups.get(0).forEach((label, tally) -> atoms.add(new Measures.Atom(new String[] {label},
                    tally.measureSizes())));
        }
        cells.forEach((cell, tally) -> atoms.add(new Measures.Atom(cell.labels(), tally.measureSizes())));
        combinations.forEach((cell, sizes) -> atoms.add(new Measures.Atom(cell.labels(), sizes.clone())));
        return atoms;
    }

    /**
     * Per segment, every group that respondents gave, hidden or not, with its respondents; the blank value is
     * left out. For checking other files against the survey (the invited per group), never for publishing.
     */
    public List<Map<String, Long>> groupSizes() {
        List<Map<String, Long>> sizes = new ArrayList<>();
        for (Map<String, Tally> segment : segments) {
            Map<String, Long> groups = new TreeMap<>();
            segment.forEach((label, tally) -> groups.merge(label, tally.respondents, Long::sum));
            sizes.add(groups);
        }
        cells.forEach((cell, tally) -> {
            for (int s = 0; s < sizes.size(); s++) {
                sizes.get(s).merge(label(cell.values[s]), tally.respondents, Long::sum);
            }
        });
        sizes.forEach(groups -> groups.remove(""));
        return sizes;
    }

    /** The results so far; the accumulator can go on taking responses. */
    public Results results() {
        return builder().build();
    }

    /**
     * The results so far and, with a tree, every unit's, under one set of disclosure decisions: one run is one
     * publication (docs/privacy.md).
     *
     * @param results the organisation's results
     * @param units the units', or null without a tree
     */
    public record Published(Results results, Units units) {}

    /** The results so far and every unit's; the accumulator can go on taking responses. */
    public Published published() {
        ResultsBuilder builder = builder();
        return new Published(builder.build(), units == null ? null : builder.units());
    }

    private ResultsBuilder builder() {
        List<Map<String, Tally>> groups = segments;
        if (!cells.isEmpty()) {
            // this one's own cells, added to copies of its groups: it can go on taking responses
            groups = new ArrayList<>();
            for (Map<String, Tally> segment : segments) {
                Map<String, Tally> copy = new TreeMap<>();
                segment.forEach((label, tally) -> copy.computeIfAbsent(label, v -> new Tally(plan)).merge(tally));
                groups.add(copy);
            }
            fold(cells, groups);
        }
        Tally all = everyone;
        if (!groups.isEmpty()) {
            all = new Tally(plan);
            for (Tally group : groups.get(0).values()) {
                all.merge(group);
            }
        }
        return new ResultsBuilder(plan, all, totals, groups, atoms(groups), comments, units);
    }

    /** A combination of segment values as read, one per segment. */
    private static final class Cell {
        final String[] values;
        private int hash;

        Cell(int segments) {
            values = new String[segments];
        }

        void fill(String[] from) {
            System.arraycopy(from, 0, values, 0, values.length);
            hash = Arrays.hashCode(values);
        }

        String[] labels() {
            String[] labels = new String[values.length];
            for (int s = 0; s < labels.length; s++) {
                labels[s] = label(values[s]);
            }
            return labels;
        }

        Cell copy() {
            Cell copy = new Cell(values.length);
            copy.fill(values);
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Cell cell && Arrays.equals(values, cell.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Blank values become the empty key, which no real label can equal. */
    private static String label(String value) {
        return value.strip();
    }
}
