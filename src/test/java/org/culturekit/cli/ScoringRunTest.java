package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringRunTest {
    @TempDir
    Path dir;

    @Test
    void collectsWhatReadingLeftOnlyAfter64MiBOfInputInAll() throws IOException {
        Path half = sparse("half.csv", ScoringRun.COLLECTED_FROM / 2);
        Path otherHalf = sparse("other.csv", ScoringRun.COLLECTED_FROM / 2);
        Path short1 = sparse("short.csv", ScoringRun.COLLECTED_FROM / 2 - 1);
        assertFalse(ScoringRun.worthCollecting(List.of(half)));
        assertFalse(ScoringRun.worthCollecting(List.of(half, short1)), "one byte short");
        assertTrue(ScoringRun.worthCollecting(List.of(half, otherHalf)));
        assertTrue(ScoringRun.worthCollecting(List.of(sparse("big.csv", ScoringRun.COLLECTED_FROM))));
        assertFalse(ScoringRun.worthCollecting(List.of(dir.resolve("missing.csv"), Path.of("-"), dir)),
                "what is no plain file counts nothing, and fails nothing");
    }

    @Test
    void aLargeInputGetsAFullCollection() throws IOException {
        long before = collections();
        ScoringRun.collectReadingGarbage(List.of(sparse("big.csv", ScoringRun.COLLECTED_FROM)));
        assertTrue(collections() > before, "no collection ran");
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    /** A file of {@code length} bytes that takes no room on disk. */
    private Path sparse(String name, long length) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
        return file;
    }
}
