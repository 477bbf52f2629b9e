package org.culturekit.export.ids;

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
    void addsABatchWholeOrLeavesTheSetAsItWasWhenOneIdWasThere() {
        // small tables, grown batch by batch, so batches crowd into long runs of filled slots and wrap around
        SplittableRandom random = new SplittableRandom(17);
        RespondentIds ids = new RespondentIds();
        Set<String> reference = new HashSet<>();
        int refused = 0;
        for (int batch = 0; batch < 3_000; batch++) {
            int count = 1 + random.nextInt(40);
            long[] hashes = new long[2 * count + 2 * random.nextInt(3)]; // room past the pairs, left unread
            Set<String> fresh = new HashSet<>();
            String[] batchIds = new String[count];
            for (int k = 0; k < count; k++) {
                String id;
                do {
                    id = "id" + random.nextInt(60_000);
                } while (!fresh.add(id));
                batchIds[k] = id;
                hashes[2 * k] = RespondentIds.high(id);
                hashes[2 * k + 1] = RespondentIds.low(id);
            }
            boolean anyThere = false;
            for (String id : batchIds) {
                anyThere |= reference.contains(id);
            }
            assertEquals(!anyThere, ids.addAll(hashes, 2 * count), "batch " + batch);
            if (anyThere) {
                refused++;
            } else {
                reference.addAll(fresh);
            }
            for (String id : batchIds) {
                assertEquals(reference.contains(id), ids.contains(RespondentIds.high(id), RespondentIds.low(id)),
                        id + " after batch " + batch);
            }
        }
        assertTrue(refused > 500 && refused < 2_900, refused + " batches refused");
        for (int i = 0; i < 60_000; i++) {
            String id = "id" + i;
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
        assertEquals(1_333_334, hinted.capacity(), "a million ids fit in 1,333,334 slots at three quarters");
        for (int i = 0; i < 1_000_000; i++) {
            assertTrue(hinted.add("r" + i));
        }
        assertEquals(1_333_334, hinted.capacity(), "as many ids as reserved: the table did not grow");
        assertEquals(false, hinted.add("r999999"));
    }

    @Test
    void findsIdsAcrossTheEndOfATableWhoseLengthIsNoPowerOfTwo() {
        // tables of 1,334 slots and twice that, filled to three quarters: probes wrap from the last slot
        RespondentIds ids = new RespondentIds();
        ids.reserve(1_000);
        assertEquals(1_334, ids.capacity());
        Set<String> reference = new HashSet<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            String id = Integer.toString(random.nextInt(4_000));
            assertEquals(reference.add(id), ids.add(id), id);
        }
        for (String id : reference) {
            assertTrue(ids.contains(RespondentIds.high(id), RespondentIds.low(id)), id);
        }
        assertEquals(false, ids.contains(RespondentIds.high("4001"), RespondentIds.low("4001")));
    }

    @Test
    void anIdWhoseHashIsZeroIsStillFound() {
        // both stored halves 0 would read as an empty slot
        RespondentIds ids = new RespondentIds();
        assertTrue(ids.add(0L, 0L));
        assertTrue(ids.contains(0L, 0L));
        assertEquals(false, ids.add(0L, 0L));
        assertTrue(ids.add(0L, 2L), "an id that differs from it in the kept bits");
    }

    @Test
    void clearingEmptiesTheSetAndKeepsItsSlots() {
        RespondentIds ids = new RespondentIds();
        for (int i = 0; i < 10_000; i++) {
            ids.add("c" + i);
        }
        int slots = ids.capacity();
        ids.clear();
        assertEquals(slots, ids.capacity());
        assertTrue(ids.add("c1"), "gone after clear");
        assertEquals(false, ids.add("c1"));
    }

    @Test
    void anEstimateNeverReservesMoreThanAnEighthOfTheHeap() {
        RespondentIds ids = new RespondentIds();
        ids.reserve(Long.MAX_VALUE);
        assertTrue((long) ids.capacity() * RespondentIds.BYTES_PER_SLOT
                <= Math.max(Runtime.getRuntime().maxMemory() / 8, RespondentIds.BYTES_PER_SLOT * 1024L),
                () -> ids.capacity() + " slots");
        assertTrue(ids.add("still works"));
    }
}
