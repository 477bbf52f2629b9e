package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which cells of one measure a run may show, so that no published figure, nor any difference of
 * published figures, covers fewer than {@code k} respondents (docs/privacy.md).
 *
 * <p>A cell is a set of respondents a figure is computed over: everyone, a group of a segment, leaders or
 * everyone else. Cells of one partition (a segment, or leaders and others) are disjoint and together make up
 * everyone. The rules, applied until none hides anything more:
 *
 * <ul>
 *   <li>a cell under {@code k} is hidden;
 *   <li>within a partition, hidden cells together are 0 or at least {@code k}, and so are they without any one
 *       of them (the complement and insider rules of {@link Suppression});
 *   <li>across partitions, for two shown cells A and B, {@code |A∖B|} and {@code |B∖A|} are each 0 or at least
 *       {@code k};
 *   <li>for a shown cell X and another partition, X less the shown cells of that partition inside X, and the
 *       shown cells of that partition that cover X less X, are each 0 or at least {@code k};
 *   <li>two cells of the same respondents are both shown or both hidden, unless one was hidden before the rules
 *       ran (not shown, rather than protected).
 * </ul>
 *
 * Where a rule fails, the smallest cell it involves is hidden (ties: the later cell), never the first (everyone).
 * Pure and deterministic: the same overlaps give the same decisions.
 */
final class Disclosure {
    private final long[] size;
    private final int[] partition;
    private final int k;
    private final boolean[] hidden;
    /** Cells hidden before the rules ran: not shown here, rather than protected. */
    private final boolean[] given;
    /** Per cell: the cells of other partitions it shares respondents with, ascending, and how many it shares. */
    private final int[][] neighbour;
    private final long[][] shared;
    /** The cells of each partition but everyone's, in order. */
    private final List<List<Integer>> partitions = new ArrayList<>();

    /**
     * The respondents of one measure that cells share, added up respondent group by respondent group: only pairs
     * of cells that share someone are kept, so a segment of thousands of groups costs what its overlaps are.
     */
    static final class Overlaps {
        private final long[] size;
        private final List<Map<Integer, Long>> shared = new ArrayList<>();

        Overlaps(int cells) {
            size = new long[cells];
            for (int c = 0; c < cells; c++) {
                shared.add(new TreeMap<>());
            }
        }

        /** Adds {@code count} respondents who are in every one of {@code cells} (at most one per partition). */
        void add(int[] cells, long count) {
            if (count == 0) {
                return;
            }
            for (int a : cells) {
                size[a] += count;
                for (int b : cells) {
                    if (a != b) {
                        shared.get(a).merge(b, count, Long::sum);
                    }
                }
            }
        }
    }

    private Disclosure(Overlaps overlaps, int[] partition, boolean[] alreadyHidden, int k) {
        this.partition = partition;
        this.k = k;
        int cells = partition.length;
        size = overlaps.size;
        hidden = new boolean[cells];
        given = new boolean[cells];
        neighbour = new int[cells][];
        shared = new long[cells][];
        for (int c = 0; c < cells; c++) {
            given[c] = alreadyHidden != null && alreadyHidden[c];
            hidden[c] = given[c] || size[c] < k;
            Map<Integer, Long> near = overlaps.shared.get(c);
            neighbour[c] = near.keySet().stream().mapToInt(Integer::intValue).toArray();
            shared[c] = near.values().stream().mapToLong(Long::longValue).toArray();
        }
        List<Integer> ids = new ArrayList<>();
        for (int c = 1; c < cells; c++) {
            if (partition[c] == partition[0] || (c > 1 && partition[c] < partition[c - 1])) {
                throw new IllegalArgumentException("cell " + c + ": partitions must follow everyone's, in order");
            }
            if (!ids.contains(partition[c])) {
                ids.add(partition[c]);
                partitions.add(new ArrayList<>());
            }
            partitions.get(partitions.size() - 1).add(c);
        }
    }

    /**
     * The hidden cells of one measure.
     *
     * @param overlaps the cells' sizes and the respondents they share; cell 0 is everyone
     * @param partition each cell's partition, ascending; cells of one partition are disjoint and cover everyone,
     *     and cell 0 has a partition of its own
     * @param alreadyHidden cells hidden for another reason, or null
     * @param k the minimum group size
     */
    static boolean[] hide(Overlaps overlaps, int[] partition, boolean[] alreadyHidden, int k) {
        Disclosure disclosure = new Disclosure(overlaps, partition, alreadyHidden, k);
        while (disclosure.pass()) {
            // each pass that hides something hides at least one cell more, so this ends
        }
        return disclosure.hidden;
    }

    /** Checks every rule once, hiding as it goes; false when nothing was hidden. */
    private boolean pass() {
        boolean changed = false;
        for (List<Integer> cells : partitions) {
            changed |= hideWithin(cells);
        }
        for (int x = 0; x < size.length; x++) {
            int at = 0;
            while (!hidden[x] && at < neighbour[x].length) {
                // the neighbours of x in one partition at a time: ascending cell order keeps a partition together
                int p = partition[neighbour[x][at]];
                int end = at;
                while (end < neighbour[x].length && partition[neighbour[x][end]] == p) {
                    end++;
                }
                changed |= hideAcross(x, at, end);
                at = end;
            }
        }
        return changed;
    }

    /** The complement and insider rules within one partition's {@code cells}. */
    private boolean hideWithin(List<Integer> cells) {
        long[] sizes = new long[cells.size()];
        boolean[] before = new boolean[cells.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = size[cells.get(i)];
            before[i] = hidden[cells.get(i)];
        }
        boolean[] after = Suppression.hide(sizes, before, k);
        boolean changed = false;
        for (int i = 0; i < after.length; i++) {
            if (after[i] && !before[i]) {
                hidden[cells.get(i)] = true;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The overlap rules between the shown cell {@code x} and the shown cells of one other partition that share
     * respondents with it, {@code neighbour[x][from..to)}: a cell that shares none differs from x by all of
     * itself and all of x, which are shown and so at least {@code k}.
     */
    private boolean hideAcross(int x, int from, int to) {
        List<Integer> inside = new ArrayList<>();
        List<Integer> touching = new ArrayList<>();
        long insideSum = 0;
        long touchingSum = 0;
        long covered = 0;
        for (int i = from; i < to; i++) {
            int a = neighbour[x][i];
            long common = shared[x][i];
            if (hidden[a]) {
                if (common == size[x] && common == size[a] && x != 0 && !given[a]) {
                    // the same respondents in two partitions (a team that is a whole unit of the tree above it)
                    // are one figure: shown in one place, it is shown, and the rules that hid it fail; a cell that
                    // is merely not shown here (leaders outside the indices) protects nothing
                    hidden[x] = true;
                    return true;
                }
                continue;
            }
            if (small(size[x] - common) || small(size[a] - common)) {
                return hideSmallest(List.of(x, a));
            }
            if (common == size[a]) {
                inside.add(a);
                insideSum += size[a];
            }
            touching.add(a);
            touchingSum += size[a];
            covered += common;
        }
        if (small(size[x] - insideSum)) {
            inside.add(x);
            return hideSmallest(inside);
        }
        if (covered == size[x] && small(touchingSum - size[x])) {
            touching.add(x);
            return hideSmallest(touching);
        }
        return false;
    }

    /** Hides the smallest of {@code cells} (ties: the later), never everyone; false if only everyone is there. */
    private boolean hideSmallest(List<Integer> cells) {
        int smallest = -1;
        for (int c : cells) {
            if (c != 0 && (smallest < 0 || size[c] < size[smallest] || (size[c] == size[smallest] && c > smallest))) {
                smallest = c;
            }
        }
        if (smallest < 0) {
            return false;
        }
        hidden[smallest] = true;
        return true;
    }

    private boolean small(long difference) {
        return difference >= 1 && difference < k;
    }
}
