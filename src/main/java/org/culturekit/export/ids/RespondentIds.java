package org.culturekit.export.ids;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The respondent ids seen so far in a run, for duplicate detection within and between exports, in 16 bytes an
 * id whatever its length when the table is sized ahead ({@link #reserve}), at most 32 when it grew: each id is
 * kept as a 96-bit hash in an open-addressing table at most three quarters full. Two different ids would have
 * to agree in all 96 bits to be mistaken for each other — for a million ids, a chance of about one in 10¹⁷.
 *
 * <p>A run's set ({@link #forRun}) keeps at most {@value #IN_MEMORY} ids in its table: when it is full, they
 * are moved, sorted, to a temporary file ({@link IdRuns}), leaving about 2.1 bytes an id in memory, so memory
 * stops growing with the rows. The answers are the same either way. If the file cannot be written, the ids
 * stay in memory and {@link #warning} says why.
 */
public final class RespondentIds implements AutoCloseable {
    /** The ids a run's set holds in memory before it moves them to its file: a table of about 2 MB. */
    static final int IN_MEMORY = 1 << 17;

    /** The slots a new table has. */
    private static final int INITIAL = 1 << 10;

    /** Per slot: the first 64 bits of the hash, never 0 but in an empty slot, and 32 more. */
    private long[] high = new long[INITIAL];
    private int[] low = new int[INITIAL];
    private int size;

    /** The ids the table holds before they are moved to the file; {@link Long#MAX_VALUE} for never. */
    private long spillAt;
    /** Where the file goes: null for the system's temporary folder. */
    private final Path spillDirectory;
    /** The ids moved out so far, or null. */
    private IdRuns spilled;
    private String warning;

    /** An empty set held in memory whatever its size, as for the ids of one chunk. */
    public RespondentIds() {
        this(Long.MAX_VALUE, null);
    }

    /** An empty set whose table moves its ids to a temporary file in {@code directory} at {@code spillAt}. */
    public RespondentIds(long spillAt, Path directory) {
        if (spillAt < 1) {
            throw new IllegalArgumentException("spillAt must be positive");
        }
        this.spillAt = spillAt;
        this.spillDirectory = directory;
    }

    /**
     * An empty set for a run, its memory bounded: share one across the exports of a run so duplicates between
     * them are found too, and close it at the end.
     */
    public static RespondentIds forRun() {
        return new RespondentIds(IN_MEMORY, null);
    }

    /** Why the ids stayed in memory though there were many, if they did. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Makes room for {@code more} ids beyond those there now, so a large export does not grow the table, and
     * leave the old ones as garbage, step by step; at most {@value #MAX_RESERVED} ids are reserved at once, in
     * at most an eighth of the heap.
     */
    public void reserve(long more) {
        long wanted = Math.min(size + Math.min(Math.max(more, 0), MAX_RESERVED), spillAt);
        // an estimate must not cost more than an eighth of the heap: beyond that the table grows as ids come
        long budget = Runtime.getRuntime().maxMemory() / 8;
        long length = Math.min(slotsFor(wanted), budget / BYTES_PER_SLOT);
        if (length > high.length) {
            resize((int) length);
        }
    }

    /** The slots that hold {@code ids} at three quarters full. */
    private static long slotsFor(long ids) {
        return ids / 3 * 4 + (ids % 3 == 0 ? 0 : ids % 3 + 1);
    }

    /** The slots of the table, for tests. */
    int capacity() {
        return high.length;
    }

    /** Empties the set, keeping its slots for the ids to come. */
    public void clear() {
        close();
        if (size > 0) {
            Arrays.fill(high, 0); // what is left in low is never read: a slot is looked at by its high first
            size = 0;
        }
    }

    /** The memory of one slot: a long and an int. */
    static final int BYTES_PER_SLOT = 12;

    /** The most ids {@link #reserve} makes room for: an estimate, not a promise. */
    static final long MAX_RESERVED = 1L << 24;

    /** Adds {@code id}; false if it was already there. */
    boolean add(String id) {
        return add(high(id), low(id));
    }

    /** Adds the id whose hashes are {@code h} ({@link #high}) and {@code l} ({@link #low}); false if there. */
    public boolean add(long h, long l) {
        long hi = stored(h);
        if (spilled != null && spilled.contains(hi, (int) l)) {
            return false;
        }
        if (slotsFor(size + 1L) > high.length) {
            resize(high.length * 2);
        }
        boolean added = insert(hi, (int) l) >= 0;
        if (size >= spillAt) {
            spill();
        }
        return added;
    }

    /** The slots {@link #addAll} filled so far, to empty again if it finds an id there. */
    private int[] filled = new int[0];

    /**
     * Adds the ids whose hashes ({@link #high}, {@link #low}) are the pairs in {@code hashes[0, length)}: all of
     * them, and true, or none, and false, if one of them was there already; one probe an id either way.
     */
    public boolean addAll(long[] hashes, int length) {
        int count = length / 2;
        if (size > 0 && size + (long) count > spillAt) {
            spill(); // room for the whole batch, which then either all goes in or leaves the set as it was
        }
        int slots = high.length;
        while (slotsFor(size + (long) count) > slots) {
            slots *= 2;
        }
        if (slots > high.length) {
            resize(slots);
        }
        if (filled.length < count) {
            filled = new int[count];
        }
        for (int k = 0; k < count; k++) {
            long hi = stored(hashes[2 * k]);
            int lo = (int) hashes[2 * k + 1];
            int slot = spilled != null && spilled.contains(hi, lo) ? -1 : insert(hi, lo);
            if (slot < 0) {
                // every slot this call filled empty again: the table is as it was before the call
                for (int undo = 0; undo < k; undo++) {
                    high[filled[undo]] = 0;
                }
                size -= k;
                return false;
            }
            filled[k] = slot;
        }
        if (size >= spillAt) {
            spill();
        }
        return true;
    }

    /** Whether the id with these hashes is there (the reader asks {@link #addAll}; tests ask this). */
    boolean contains(long h, long l) {
        long hi = stored(h);
        int lo = (int) l;
        long[] highs = high;
        int length = highs.length;
        for (int slot = home(hi, length); highs[slot] != 0; slot = slot + 1 == length ? 0 : slot + 1) {
            if (highs[slot] == hi && low[slot] == lo) {
                return true;
            }
        }
        return spilled != null && spilled.contains(hi, lo);
    }

    /** The ids in memory, for tests. */
    int inMemory() {
        return size;
    }

    /** The file's runs, for tests: null before the first spill. */
    IdRuns spilled() {
        return spilled;
    }

    /**
     * Moves the table's ids, sorted, to the file, and empties the table; if the file cannot be made or written,
     * keeps them, stops trying, and says so in {@link #warning}.
     */
    private void spill() {
        int count = size;
        long[] sortedHigh = new long[count];
        int[] sortedLow = new int[count];
        sortInto(sortedHigh, sortedLow);
        try {
            if (spilled == null) {
                spilled = IdRuns.create(spillDirectory);
            }
            spilled.add(sortedHigh, sortedLow, count);
        } catch (IOException | SecurityException e) {
            spillAt = Long.MAX_VALUE;
            warning = "the respondent ids could not be moved to a temporary file (" + e.getClass().getSimpleName()
                    + "), so they are kept in memory, about 16 bytes each; check the temporary folder "
                    + "(java.io.tmpdir)";
            return;
        }
        Arrays.fill(high, 0);
        size = 0;
    }

    /**
     * Puts the table's ids into the arrays in the order of {@link IdRuns#compare}. The table is almost in that
     * order already (an id's slot is its top bits, or a little after): the ids pushed from the table's end to its
     * start are taken last, and an insertion sort puts the rest right in a pass or so; a table made out of order
     * on purpose falls back to a heap sort, so the work stays n log n.
     */
    private void sortInto(long[] sortedHigh, int[] sortedLow) {
        int length = high.length;
        int n = 0;
        int wrapped = 0;
        while (wrapped < length && high[wrapped] != 0) {
            wrapped++; // slots [0, wrapped) may hold ids whose home is near the end
        }
        for (int slot = 0; slot < length; slot++) {
            if (high[slot] != 0 && !(slot < wrapped && home(high[slot], length) > slot)) {
                sortedHigh[n] = high[slot];
                sortedLow[n++] = low[slot];
            }
        }
        for (int slot = 0; slot < wrapped; slot++) {
            if (home(high[slot], length) > slot) {
                sortedHigh[n] = high[slot];
                sortedLow[n++] = low[slot];
            }
        }
        long budget = 16L * n + 1024;
        for (int i = 1; i < n; i++) {
            long h = sortedHigh[i];
            int l = sortedLow[i];
            int j = i - 1;
            while (j >= 0 && IdRuns.compare(sortedHigh[j], sortedLow[j], h, l) > 0) {
                sortedHigh[j + 1] = sortedHigh[j];
                sortedLow[j + 1] = sortedLow[j];
                j--;
                if (--budget < 0) {
                    sortedHigh[j + 1] = h;
                    sortedLow[j + 1] = l;
                    heapSort(sortedHigh, sortedLow, n);
                    return;
                }
            }
            sortedHigh[j + 1] = h;
            sortedLow[j + 1] = l;
        }
    }

    /** Sorts the first {@code n} pairs by {@link IdRuns#compare}, in place. */
    static void heapSort(long[] hs, int[] ls, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(hs, ls, i, n);
        }
        for (int last = n - 1; last > 0; last--) {
            swap(hs, ls, 0, last);
            siftDown(hs, ls, 0, last);
        }
    }

    private static void siftDown(long[] hs, int[] ls, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && IdRuns.compare(hs[child + 1], ls[child + 1], hs[child], ls[child]) > 0) {
                child++;
            }
            if (IdRuns.compare(hs[child], ls[child], hs[i], ls[i]) <= 0) {
                return;
            }
            swap(hs, ls, i, child);
            i = child;
        }
    }

    private static void swap(long[] hs, int[] ls, int i, int j) {
        long h = hs[i];
        hs[i] = hs[j];
        hs[j] = h;
        int l = ls[i];
        ls[i] = ls[j];
        ls[j] = l;
    }

    /** Removes the temporary file, if there is one. */
    @Override
    public void close() {
        if (spilled != null) {
            spilled.close();
            spilled = null;
        }
    }

    /** The first 64 bits of an id's hash. */
    public static long high(String id) {
        return hash(id, 0x9E3779B97F4A7C15L);
    }

    /** The other bits: the table keeps the low 32 of these 64. */
    public static long low(String id) {
        return hash(id, 0xC2B2AE3D27D4EB4FL);
    }

    /**
     * {@code h} as the table keeps it: 0 marks an empty slot, so it becomes 1, and an empty slot is told by one
     * look-up rather than two.
     */
    private static long stored(long h) {
        return h == 0 ? 1 : h;
    }

    /** The slot a probe for {@code h} starts at: its top 32 bits scaled to the table's length, any length. */
    private static int home(long h, int length) {
        return (int) (((h >>> 32) * length) >>> 32);
    }

    /** Adds an id whose {@code h} is {@link #stored}: the slot it now has, or -1 if it was there. */
    private int insert(long h, int lo) {
        long[] highs = high;
        int length = highs.length;
        for (int slot = home(h, length); ; slot = slot + 1 == length ? 0 : slot + 1) {
            long there = highs[slot];
            if (there == 0) {
                highs[slot] = h;
                low[slot] = lo;
                size++;
                return slot;
            }
            if (there == h && low[slot] == lo) {
                return -1;
            }
        }
    }

    private void resize(int length) {
        long[] oldHigh = high;
        int[] oldLow = low;
        high = new long[length];
        low = new int[length];
        size = 0;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldHigh[i] != 0) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }

    /** A 64-bit hash of the id's characters, seeded, with a full avalanche at the end. */
    private static long hash(String id, long seed) {
        long h = seed ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            h = step(h, id.charAt(i), seed);
        }
        return avalanche(h);
    }

    /**
     * The hashes of the ASCII text in {@code bytes[from, to)}, equal to {@link #high} and {@link #low} of the
     * same text as a String (an ASCII byte is the char it encodes): no String needed.
     */
    public static void hashAscii(byte[] bytes, int from, int to, long[] hash) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        long l = 0xC2B2AE3D27D4EB4FL ^ (to - from);
        for (int i = from; i < to; i++) {
            h = step(h, bytes[i], 0x9E3779B97F4A7C15L);
            l = step(l, bytes[i], 0xC2B2AE3D27D4EB4FL);
        }
        hash[0] = avalanche(h);
        hash[1] = avalanche(l);
    }

    private static long step(long h, int c, long seed) {
        return Long.rotateLeft((h ^ c) * 0x100000001B3L, 29) + seed;
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
