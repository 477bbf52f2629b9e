package org.culturekit.export.ids;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.culturekit.input.InputException;

/**
 * The respondent ids a run has moved out of memory ({@link RespondentIds}): sorted runs of their 96-bit hashes
 * in a temporary file, each run with a Bloom filter and a sparse index in memory, 2.1 bytes an id in all.
 *
 * <ul>
 *   <li>The file is created private to the user and unlinked at once where the system allows it (as on Linux and
 *       macOS), so nothing is left behind even if the process is killed; elsewhere it is deleted on close.
 *   <li>A run is merged with the one before it once it is as long, so a lookup asks at most log₂ of the spills
 *       plus one Bloom filters, and the file holds each id once, plus the merge being copied back.
 *   <li>Looking an id up reads the file only where a Bloom filter says it may be there: for a new id, about one
 *       lookup in a thousand a run.
 * </ul>
 */
final class IdRuns implements AutoCloseable {
    /** The bytes an id takes in the file: the 64 high bits of its hash, then 32 low ones, big-endian. */
    static final int ENTRY = 12;

    /** Entries per block of the sparse index: the bytes one lookup reads are this many entries. */
    static final int BLOCK = 64;

    /**
     * Bloom filter bits an id, in blocks of 512 bits (a cache line), {@value #PROBES} bits set an id: each bit
     * from 9 bits of the hash of its own, about 0.1% false positives a run (averaged over how full the blocks
     * are). Eight bits drawn by double hashing from two 9-bit values let about 0.2% through.
     */
    private static final int BITS_PER_ID = 16;
    private static final int PROBES = 7;

    /** Bytes per read and write while spilling and merging. */
    private static final int BUFFER = 1 << 16;

    /** A sorted run: where it is in the file, and what is kept of it in memory. */
    private static final class Run {
        final long offset;
        final long count;
        /** Its Bloom filter: blocks of 8 longs. */
        final long[] bloom;
        /** The high hash of every {@value #BLOCK}th entry, from the first. */
        final long[] index;

        Run(long offset, long count) {
            this.offset = offset;
            this.count = count;
            long blocks = Math.max(1, (count * BITS_PER_ID + 511) / 512);
            this.bloom = new long[Math.toIntExact(blocks * 8)];
            this.index = new long[Math.toIntExact((count + BLOCK - 1) / BLOCK)];
        }

        /**
         * Notes the entry at {@code position} of this run in its filter and index. The entries come in their
         * order, and so do their blocks: the filter is written front to back rather than a cache line anywhere.
         */
        void note(long position, long high, int low) {
            int base = blockOf(high);
            long bits = bits(high, low);
            for (int i = 0; i < PROBES; i++, bits >>>= 9) {
                int bit = (int) bits & 511;
                bloom[base + (bit >>> 6)] |= 1L << bit;
            }
            if (position % BLOCK == 0) {
                index[(int) (position / BLOCK)] = high;
            }
        }

        /** False if the id is surely not in this run. */
        boolean mayHold(long high, int low) {
            int base = blockOf(high);
            long bits = bits(high, low);
            for (int i = 0; i < PROBES; i++, bits >>>= 9) {
                int bit = (int) bits & 511;
                if ((bloom[base + (bit >>> 6)] & 1L << bit) == 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The first long of the filter block that holds an id's bits: chosen by the top 32 bits of its high hash,
         * so in the order of the runs.
         */
        private int blockOf(long high) {
            return (int) (((high >>> 32) * (bloom.length >>> 3)) >>> 32) << 3;
        }

        /**
         * The hash bits that choose an id's bits in its block, 9 bits each from the bottom: its low hash and the
         * bottom 32 bits of its high one, which do not choose the block.
         */
        private static long bits(long high, int low) {
            return (long) low << 32 | high & 0xFFFFFFFFL;
        }
    }

    private final FileChannel file;
    private final String name;
    private final List<Run> runs = new ArrayList<>();
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK * ENTRY);
    private long end;
    private boolean merging = true;
    /** How many lookups a filter let through to the file, for tests. */
    private long fileLookups;

    private IdRuns(FileChannel file, String name) {
        this.file = file;
        this.name = name;
    }

    /** A new, empty set of runs in a new temporary file in {@code directory}, or the system's if null. */
    static IdRuns create(Path directory) throws IOException {
        Path path = directory == null
                ? Files.createTempFile("culturekit-ids-", ".tmp")
                : Files.createTempFile(directory, "culturekit-ids-", ".tmp");
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        try {
            Files.deleteIfExists(path); // the open channel keeps the data; the name goes now
        } catch (IOException e) {
            // a system that cannot remove an open file: DELETE_ON_CLOSE removes it on close
        }
        return new IdRuns(channel, path.toString());
    }

    /** The runs there are, for tests. */
    int runs() {
        return runs.size();
    }

    /** The bytes of the file, for tests. */
    long fileBytes() throws IOException {
        return file.size();
    }

    /** How many lookups read the file because a run's Bloom filter did not rule the id out, for tests. */
    long fileLookups() {
        return fileLookups;
    }

    /** The number of ids, for tests. */
    long size() {
        long total = 0;
        for (Run run : runs) {
            total += run.count;
        }
        return total;
    }

    /**
     * Adds the ids {@code (high[i], low[i])} for {@code i < count}, sorted by {@link #compare} and none of them
     * here already, as a new run; merges runs as they pile up. On an exception the ids are not all added, and
     * the set may be unusable.
     */
    void add(long[] high, int[] low, int count) throws IOException {
        Run run = new Run(end, count);
        ByteBuffer out = ByteBuffer.allocate(BUFFER);
        long at = end;
        for (int i = 0; i < count; i++) {
            if (out.remaining() < ENTRY) {
                at = flush(out, at);
            }
            out.putLong(high[i]).putInt(low[i]);
            run.note(i, high[i], low[i]);
        }
        at = flush(out, at);
        end = at;
        runs.add(run);
        try {
            while (merging && runs.size() >= 2
                    && runs.get(runs.size() - 1).count >= runs.get(runs.size() - 2).count) {
                mergeLastTwo();
            }
        } catch (IOException e) {
            merging = false; // the runs stay as they are: lookups ask more filters, the answers are the same
        }
    }

    /** Whether the id with these hashes is here. */
    boolean contains(long high, int low) {
        // by index: an iterator would be an object a lookup, a million of them for a million ids
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            if (run.mayHold(high, low) && holds(run, high, low)) {
                return true;
            }
        }
        return false;
    }

    /** The order of the runs: unsigned, by the high hash, then the low. */
    static int compare(long high, int low, long otherHigh, int otherLow) {
        int byHigh = Long.compareUnsigned(high, otherHigh);
        return byHigh != 0 ? byHigh : Integer.compareUnsigned(low, otherLow);
    }

    private boolean holds(Run run, long high, int low) {
        fileLookups++;
        long[] index = run.index;
        // the blocks that may hold it: from the last that starts below it (or the first) to the last that
        // starts at or below it; usually one, more only when many ids share their high hash
        int below = lastStartingBelow(index, high, false);
        int atOrBelow = lastStartingBelow(index, high, true);
        for (int b = Math.max(below, 0); b <= atOrBelow; b++) {
            long first = (long) b * BLOCK;
            int entries = (int) Math.min(BLOCK, run.count - first);
            read(run.offset + first * ENTRY, entries);
            for (int i = 0; i < entries; i++) {
                int order = compare(block.getLong(i * ENTRY), block.getInt(i * ENTRY + 8), high, low);
                if (order == 0) {
                    return true;
                }
                if (order > 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The last block whose first high is below {@code high} (or at most, when {@code orEqual}); -1 if none. */
    private static int lastStartingBelow(long[] index, long high, boolean orEqual) {
        int lo = 0;
        int hi = index.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int order = Long.compareUnsigned(index[mid], high);
            if (order < 0 || orEqual && order == 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private void read(long position, int entries) {
        block.clear().limit(entries * ENTRY);
        try {
            readFully(block, position);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Fills {@code buffer} from its position to its limit with the file's bytes from {@code position} on. */
    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = file.read(buffer, at);
            if (n < 0) {
                throw new IOException("ends early");
            }
            at += n;
        }
    }

    /**
     * The last run merged into the one before it: written after both, then copied back over them. An exception
     * while writing leaves the runs as they were; one while copying back leaves them unusable, and is unchecked.
     */
    private void mergeLastTwo() throws IOException {
        Run right = runs.get(runs.size() - 1);
        Run left = runs.get(runs.size() - 2);
        Run merged = new Run(left.offset, left.count + right.count);
        Cursor a = new Cursor(left);
        Cursor b = new Cursor(right);
        ByteBuffer out = ByteBuffer.allocate(BUFFER);
        long at = end;
        long position = 0;
        while (a.more || b.more) {
            Cursor next = !b.more || a.more && compare(a.high, a.low, b.high, b.low) < 0 ? a : b;
            if (out.remaining() < ENTRY) {
                at = flush(out, at);
            }
            out.putLong(next.high).putInt(next.low);
            merged.note(position++, next.high, next.low);
            next.advance();
        }
        at = flush(out, at);
        // the merged run back where the two were, so the file never holds an id twice for long
        long length = at - end;
        try {
            ByteBuffer copy = ByteBuffer.allocate(BUFFER);
            for (long done = 0; done < length; ) {
                copy.clear().limit((int) Math.min(BUFFER, length - done));
                readFully(copy, end + done);
                copy.flip();
                while (copy.hasRemaining()) {
                    file.write(copy, left.offset + done + copy.position());
                }
                done += copy.limit();
            }
            end = left.offset + length;
            file.truncate(end);
        } catch (IOException e) {
            throw failure(e);
        }
        runs.remove(runs.size() - 1);
        runs.remove(runs.size() - 1);
        runs.add(merged);
    }

    /** Reads a run in order. */
    private final class Cursor {
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER / ENTRY * ENTRY);
        private long next;
        private final long limit;
        boolean more;
        long high;
        int low;

        Cursor(Run run) throws IOException {
            next = run.offset;
            limit = run.offset + run.count * ENTRY;
            buffer.limit(0);
            advance();
        }

        void advance() throws IOException {
            if (!buffer.hasRemaining()) {
                if (next >= limit) {
                    more = false;
                    return;
                }
                buffer.clear().limit((int) Math.min(buffer.capacity(), limit - next));
                readFully(buffer, next);
                next += buffer.limit();
                buffer.flip();
            }
            high = buffer.getLong();
            low = buffer.getInt();
            more = true;
        }
    }

    private long flush(ByteBuffer out, long at) throws IOException {
        out.flip();
        long position = at;
        while (out.hasRemaining()) {
            position += file.write(out, position);
        }
        out.clear();
        return position;
    }

    /** A failure to read back what was written: the run cannot go on without the ids it moved out. */
    InputException failure(IOException e) {
        return new InputException(name, "the temporary file of respondent ids could not be read back ("
                + e.getClass().getSimpleName() + "); check the temporary folder (java.io.tmpdir) and run again");
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            // nothing kept in it is needed any more
        }
    }
}
