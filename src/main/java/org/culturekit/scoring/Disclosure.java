package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.List;

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
 *       shown cells of that partition that cover X less X, are each 0 or at least {@code k}.
 * </ul>
 *
 * Where a rule fails, the smallest cell it involves is hidden (ties: the later cell), never the first (everyone).
 * Pure and deterministic: the same sizes give the same decisions.
 */
final class Disclosure {
    private final long[] size;
    private final long[][] overlap;
    private final int[] partition;
    private final int k;
    private final boolean[] hidden;
    /** The cells of each partition but everyone's, in order. */
    private final List<List<Integer>> partitions = new ArrayList<>();

    private Disclosure(long[][] overlap, int[] partition, boolean[] alreadyHidden, int k) {
        this.overlap = overlap;
        this.partition = partition;
        this.k = k;
        List<Integer> ids = new ArrayList<>();
        for (int c = 1; c < partition.length; c++) {
            int at = ids.indexOf(partition[c]);
            if (partition[c] == partition[0]) {
                throw new IllegalArgumentException("cell " + c + " shares everyone's partition");
            }
            if (at < 0) {
                ids.add(partition[c]);
                partitions.add(new ArrayList<>());
                at = ids.size() - 1;
            }
            partitions.get(at).add(c);
        }
        size = new long[overlap.length];
        hidden = new boolean[overlap.length];
        for (int c = 0; c < size.length; c++) {
            size[c] = overlap[c][c];
            hidden[c] = (alreadyHidden != null && alreadyHidden[c]) || size[c] < k;
        }
    }

    /**
     * The hidden cells of one measure.
     *
     * @param overlap {@code overlap[a][b]} is how many respondents of the measure cells a and b share; the
     *     diagonal holds the cells' sizes. Cell 0 is everyone.
     * @param partition each cell's partition; cells of one partition are disjoint and cover everyone. Cell 0 has a
     *     partition of its own.
     * @param alreadyHidden cells hidden for another reason, or null
     * @param k the minimum group size
     */
    static boolean[] hide(long[][] overlap, int[] partition, boolean[] alreadyHidden, int k) {
        Disclosure disclosure = new Disclosure(overlap, partition, alreadyHidden, k);
        while (disclosure.hideOne()) {
            // each pass hides one cell more, so this ends
        }
        return disclosure.hidden;
    }

    /** Hides the cell the first failing rule names; false when every rule holds. */
    private boolean hideOne() {
        for (List<Integer> cells : partitions) {
            if (hideWithin(cells)) {
                return true;
            }
        }
        for (int x = 0; x < size.length; x++) {
            if (hidden[x]) {
                continue;
            }
            for (List<Integer> cells : partitions) {
                if (partition[cells.get(0)] != partition[x] && hideAcross(x, cells)) {
                    return true;
                }
            }
        }
        return false;
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

    /** The overlap rules between the shown cell {@code x} and the shown ones of another partition's {@code cells}. */
    private boolean hideAcross(int x, List<Integer> cells) {
        List<Integer> inside = new ArrayList<>();
        List<Integer> touching = new ArrayList<>();
        long insideSum = 0;
        long touchingSum = 0;
        long covered = 0;
        for (int a : cells) {
            if (hidden[a]) {
                continue;
            }
            long shared = overlap[x][a];
            if (small(size[x] - shared) || small(size[a] - shared)) {
                return hideSmallest(List.of(x, a));
            }
            if (shared == size[a]) {
                inside.add(a);
                insideSum += size[a];
            }
            if (shared > 0) {
                touching.add(a);
                touchingSum += size[a];
                covered += shared;
            }
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
