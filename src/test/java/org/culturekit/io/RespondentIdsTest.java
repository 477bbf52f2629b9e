package org.culturekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RespondentIdsTest {
    @Test
    void agreesWithAHashSetOnManyIdsWithRepeats() {
        SplittableRandom random = new SplittableRandom(42);
        RespondentIds ids = new RespondentIds();
        Set<String> reference = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // short, similar ids with many repeats: the hard case for a hash
            String id = "R_" + random.nextInt(150_000) + (random.nextBoolean() ? "" : "x");
            assertEquals(reference.add(id), ids.add(id), id);
        }
    }

    @Test
    void tellsApartIdsThatDifferOnlyInOrderOrLength() {
        RespondentIds ids = new RespondentIds();
        for (String id : new String[] {"ab", "ba", "a", "b", "", "aa", "a\u0000", "\u0000a"}) {
            assertEquals(true, ids.add(id), id);
        }
        assertEquals(false, ids.add("ab"));
    }
}
