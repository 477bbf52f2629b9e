package org.culturekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void hashingAsciiBytesGivesWhatHashingTheStringGives() {
        // exports read in chunks hash the bytes, workbooks the text: a respondent in both must be found
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder id = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                id.append((char) random.nextInt(128));
            }
            byte[] bytes = ("xx" + id + "y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long[] hash = new long[2];
            RespondentIds.hashAscii(bytes, 2, bytes.length - 1, hash);
            assertEquals(RespondentIds.high(id.toString()), hash[0], id::toString);
            assertEquals(RespondentIds.low(id.toString()), hash[1], id::toString);
        }
    }

    @Test
    void reservingRoomChangesNothingButTheTable() {
        RespondentIds ids = new RespondentIds();
        ids.add("a");
        ids.reserve(100_000);
        ids.reserve(-5);
        assertEquals(false, ids.add("a"), "what was there before is still there");
        for (int i = 0; i < 150_000; i++) {
            assertEquals(true, ids.add("id" + i), "beyond the estimate it still grows");
        }
        assertEquals(false, ids.add("id149999"));
        RespondentIds hinted = new RespondentIds();
        hinted.reserve(1_000_000);
        assertEquals(1 << 21, hinted.capacity(), "a million ids fit in 2^21 slots at five eighths");
    }

    @Test
    void anEstimateNeverReservesMoreThanAnEighthOfTheHeap() {
        RespondentIds ids = new RespondentIds();
        ids.reserve(Long.MAX_VALUE);
        assertTrue((long) ids.capacity() * 17 <= Math.max(Runtime.getRuntime().maxMemory() / 8, 17L * 1024),
                () -> ids.capacity() + " slots");
        assertTrue(ids.add("still works"));
    }
}
