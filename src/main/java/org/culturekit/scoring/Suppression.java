package org.culturekit.scoring;

/**
 * Decides which cells of one partition stay hidden, so that no group under the minimum size is shown or can
 * be worked out by subtracting the shown ones from the total (docs/privacy.md).
 */
final class Suppression {
    private Suppression() {}

    /**
     * The hidden cells: those already hidden, those under {@code k}, and then the smallest visible cells (ties
     * by position) until the hidden cells together are 0 or at least {@code k}, and each hidden cell's
     * companions are too (so a member of one hidden group cannot subtract their own and learn another).
     *
     * @param sizes respondents per cell; the cells partition a population whose total is shown
     * @param alreadyHidden cells hidden for another reason, or null
     * @param k the minimum group size
     */
    static boolean[] hide(long[] sizes, boolean[] alreadyHidden, int k) {
        boolean[] hidden = new boolean[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            hidden[i] = (alreadyHidden != null && alreadyHidden[i]) || sizes[i] < k;
        }
        while (derivable(sizes, hidden, k)) {
            int smallest = -1;
            for (int i = 0; i < sizes.length; i++) {
                if (!hidden[i] && (smallest < 0 || sizes[i] < sizes[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            hidden[smallest] = true;
        }
        return hidden;
    }

    private static boolean derivable(long[] sizes, boolean[] hidden, int k) {
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (hidden[i]) {
                total += sizes[i];
            }
        }
        if (small(total, k)) {
            return true;
        }
        for (int i = 0; i < sizes.length; i++) {
            if (hidden[i] && small(total - sizes[i], k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean small(long size, int k) {
        return size >= 1 && size < k;
    }
}
