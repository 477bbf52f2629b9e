package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuppressionTest {
    @Test
    void hidesOnlyGroupsUnderTheMinimumWhenTheirTotalIsSafe() {
        // hidden 2 + 3 = 5 ≥ k, and 5 − 2 = 3, 5 − 3 = 2 are under k: an insider could subtract, so 8 goes too
        assertArrayEquals(new boolean[] {true, true, true, false},
                Suppression.hide(new long[] {2, 3, 8, 20}, null, 5));
        // no group under k: nothing is hidden
        assertArrayEquals(new boolean[] {false, false, false},
                Suppression.hide(new long[] {5, 6, 7}, null, 5));
    }

    @Test
    void hidesTheNextSmallestWhenOneSmallGroupCouldBeDerived() {
        // 3 alone is derivable from the total, so the smallest shown group (6) joins it; but then a member of
        // the 6 could subtract their own group and learn the 3, so the 7 joins as well: 16 − 3, 16 − 6, 16 − 7 ≥ 5
        assertArrayEquals(new boolean[] {false, true, true, true},
                Suppression.hide(new long[] {10, 6, 3, 7}, null, 5));
    }

    static LongStream seeds() {
        return LongStream.range(0, 500).map(i -> i * 7919 + 13);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noHiddenTotalCanBeWorkedOutBySubtraction(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = 3 + random.nextInt(8);
        long[] sizes = new long[1 + random.nextInt(12)];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = random.nextInt(4) == 0 ? random.nextInt(k) : random.nextInt(4 * k);
        }
        boolean[] hidden = Suppression.hide(sizes, null, k);
        long hiddenTotal = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < k) {
                assertTrue(hidden[i], "seed " + seed + ": a group under k is shown");
            }
            if (hidden[i]) {
                hiddenTotal += sizes[i];
            }
        }
        boolean everythingHidden = true;
        for (boolean h : hidden) {
            everythingHidden &= h;
        }
        if (everythingHidden) {
            return; // nothing is shown, so nothing can be subtracted
        }
        assertFalse(hiddenTotal >= 1 && hiddenTotal < k, "seed " + seed + ": hidden total " + hiddenTotal);
        for (int i = 0; i < sizes.length; i++) {
            long rest = hiddenTotal - sizes[i];
            assertFalse(hidden[i] && rest >= 1 && rest < k, "seed " + seed + ": insider could derive " + rest);
        }
    }
}
