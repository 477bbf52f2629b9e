package org.culturekit.export.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's id set that moves its ids to a temporary file when its table fills answers exactly as one held in
 * memory, keeps its memory and its file bounded, and leaves nothing on disk.
 */
class IdSpillTest {
    @TempDir Path dir;

    @Test
    void answersAsAHashSetWhenMostIdsAreOnDisk() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> reference = new HashSet<>();
        try (RespondentIds ids = new RespondentIds(500, dir)) {
            for (int i = 0; i < 120_000; i++) {
                String id = "R_" + random.nextInt(90_000) + (random.nextBoolean() ? "" : "x");
                assertEquals(reference.add(id), ids.add(id), id);
                assertTrue(ids.inMemory() < 500, "the table is emptied when it fills");
            }
            IdRuns runs = ids.spilled();
            assertNotNull(runs);
            assertEquals(reference.size(), runs.size() + ids.inMemory(), "every id once, on disk or in memory");
            // each spill is one full table; merging a run into the one before it once it is as long leaves one
            // run for each 1 in the binary count of the spills
            long spills = runs.size() / 500;
            assertEquals(spills * 500, runs.size());
            assertEquals(Long.bitCount(spills), runs.runs());
            assertEquals(IdRuns.ENTRY * runs.size(), runs.fileBytes(), "the file holds each id once");
            for (int i = 0; i < 200_000; i++) {
                String id = "R_" + i + (i % 2 == 0 ? "" : "x");
                assertEquals(reference.contains(id), ids.contains(RespondentIds.high(id), RespondentIds.low(id)),
                        id);
            }
            assertTrue(ids.warning().isEmpty());
        }
    }

    @Test
    void readsTheFileForAboutOneNewIdInAThousandARun() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        try (RespondentIds ids = new RespondentIds(4_096, dir)) {
            for (int i = 0; i < 4_096 * 24; i++) {
                assertTrue(ids.add(random.nextLong(), random.nextLong()));
            }
            IdRuns runs = ids.spilled();
            assertEquals(2, runs.runs(), "24 spills: a run of 16 and one of 8");
            long before = runs.fileLookups();
            int lookups = 200_000;
            for (int i = 0; i < lookups; i++) {
                ids.contains(random.nextLong(), random.nextLong());
            }
            // 16 bits and 7 probes an id in 512-bit blocks, so a Poisson number of ids a block, mean 32: a new id
            // passes a run's filter with probability sum over j of P(j) (1 - (1 - 1/512)^(7j))^7 = 0.099%, so
            // 395 of these 400,000 run lookups are expected through. Bits drawn from too few of the hash's bits
            // let far more through: 8 by double hashing from two 9-bit values let 784 through
            long through = runs.fileLookups() - before;
            assertTrue(through > 0 && through < 600, through + " of " + 2 * lookups + " run lookups");
        }
    }

    @Test
    void addsABatchWholeOrNotAtAllAgainstIdsOnDisk() {
        SplittableRandom random = new SplittableRandom(23);
        Set<String> reference = new HashSet<>();
        int refused = 0;
        try (RespondentIds ids = new RespondentIds(300, dir)) {
            for (int batch = 0; batch < 2_000; batch++) {
                // now and then a batch larger than the table: it goes in whole, then moves out
                int count = batch % 97 == 0 ? 700 : 1 + random.nextInt(60);
                Set<String> fresh = new HashSet<>();
                long[] hashes = new long[2 * count];
                for (int k = 0; k < count; k++) {
                    String id;
                    do {
                        id = "id" + random.nextInt(150_000);
                    } while (!fresh.add(id));
                    hashes[2 * k] = RespondentIds.high(id);
                    hashes[2 * k + 1] = RespondentIds.low(id);
                }
                boolean anyThere = fresh.stream().anyMatch(reference::contains);
                assertEquals(!anyThere, ids.addAll(hashes, 2 * count), "batch " + batch);
                if (anyThere) {
                    refused++;
                } else {
                    reference.addAll(fresh);
                }
                for (String id : fresh) {
                    assertEquals(reference.contains(id),
                            ids.contains(RespondentIds.high(id), RespondentIds.low(id)), id + " after batch " + batch);
                }
                assertTrue(ids.inMemory() < 300, "batch " + batch + " left " + ids.inMemory() + " in memory");
            }
            assertTrue(refused > 200 && refused < 1_900, refused + " batches refused");
            assertEquals(reference.size(), ids.spilled().size() + ids.inMemory());
        }
    }

    @Test
    void aTableCrowdedOnPurposeIsStillSortedRight() {
        // hashes that all want the same slot, given high to low: an insertion sort would take n² steps, so the
        // heap sort takes over; and hashes with the top bit set, which sort after the others
        List<long[]> all = new ArrayList<>();
        try (RespondentIds ids = new RespondentIds(4_000, dir)) {
            long[] hashes = new long[2 * 4_000];
            for (int k = 0; k < 4_000; k++) {
                // a third share one high hash, so they span many blocks of the file's index
                long high = k % 3 == 0 ? 0x8000_0000_0000_0000L | k
                        : k % 3 == 1 ? 0x1234_5678_0000_0000L : 0x1234_5678_0000_0000L | (4_000 - k);
                hashes[2 * k] = high;
                hashes[2 * k + 1] = -k;
                all.add(new long[] {high, -k});
            }
            assertTrue(ids.addAll(hashes, hashes.length));
            assertEquals(0, ids.inMemory(), "a full table moved out");
            for (long[] pair : all) {
                assertTrue(ids.contains(pair[0], pair[1]), Long.toHexString(pair[0]));
                assertFalse(ids.contains(pair[0], pair[1] + 1));
                assertFalse(ids.add(pair[0], pair[1]), "on disk, so already there");
            }
        }
    }

    @Test
    void theHeapSortOrdersPairsAsTheRunsDo() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 2, 3, 10, 1_000}) {
            long[] hs = new long[n];
            int[] ls = new int[n];
            List<long[]> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                hs[i] = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(3) - 1; // many equal highs
                ls[i] = random.nextInt();
                expected.add(new long[] {hs[i], ls[i]});
            }
            expected.sort(Comparator.<long[]>comparingLong(p -> p[0] ^ Long.MIN_VALUE)
                    .thenComparingLong(p -> p[1] ^ Integer.MIN_VALUE));
            RespondentIds.heapSort(hs, ls, n);
            for (int i = 0; i < n; i++) {
                assertEquals(expected.get(i)[0], hs[i], "high " + i + " of " + n);
                assertEquals((int) expected.get(i)[1], ls[i], "low " + i + " of " + n);
            }
        }
    }

    @Test
    void leavesNoFileBehindEvenWhileOpen() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "a system that can remove an open file");
        try (RespondentIds ids = new RespondentIds(10, dir)) {
            for (int i = 0; i < 100; i++) {
                assertTrue(ids.add("id" + i));
            }
            assertNotNull(ids.spilled());
            assertEquals(List.of(), files(), "the file has no name while the run goes on");
            assertFalse(ids.add("id42"), "and its ids are still there");
        }
        assertEquals(List.of(), files());
    }

    @Test
    void keepsTheIdsInMemoryAndSaysSoWhenNoFileCanBeMade() {
        Set<String> reference = new HashSet<>();
        try (RespondentIds ids = new RespondentIds(10, dir.resolve("missing"))) {
            for (int i = 0; i < 1_000; i++) {
                String id = "id" + (i * 7 % 600);
                assertEquals(reference.add(id), ids.add(id), id);
            }
            assertNull(ids.spilled());
            assertEquals(600, ids.inMemory(), "all in memory");
            assertTrue(ids.warning().orElseThrow().contains("kept in memory"), ids.warning().toString());
        }
    }

    @Test
    void aChunkSetAndAnEmptiedSetNeverKeepAFile() {
        try (RespondentIds ids = new RespondentIds(5, dir)) {
            for (int i = 0; i < 20; i++) {
                ids.add("id" + i);
            }
            assertNotNull(ids.spilled());
            ids.clear();
            assertNull(ids.spilled());
            assertTrue(ids.add("id3"), "cleared, the set is empty");
        }
        RespondentIds chunk = new RespondentIds();
        for (int i = 0; i < 300_000; i++) {
            chunk.add("id" + i);
        }
        assertNull(chunk.spilled(), "a chunk's set stays in memory");
        assertEquals(300_000, chunk.inMemory());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.toList();
        }
    }
}
