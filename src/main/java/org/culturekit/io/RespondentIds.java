package org.culturekit.io;

/**
 * The respondent ids seen so far in a run, for duplicate detection within and between exports, in about 32 bytes an id whatever its length: each id
 * is kept as a 128-bit hash in an open-addressing table. Two different ids would have to agree in all 128 bits
 * to be mistaken for each other — for a million ids, a chance of about one in 10²⁷.
 */
public final class RespondentIds {
    /** Slots for ids, filled to at most five eighths so a probe ends soon. */
    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private boolean[] used = new boolean[1 << 10];
    private int size;

    /** An empty set; share one across the exports of a run so duplicates between them are found too. */
    public RespondentIds() {}

    /**
     * Makes room for {@code more} ids beyond those there now, so a large export does not grow the table, and
     * leave the old ones as garbage, step by step; at most {@value #MAX_RESERVED} ids are reserved at once, in
     * at most an eighth of the heap.
     */
    void reserve(long more) {
        long wanted = size + Math.min(Math.max(more, 0), MAX_RESERVED);
        // an estimate must not cost more than an eighth of the heap: beyond that the table grows as ids come
        long budget = Runtime.getRuntime().maxMemory() / 8;
        int length = used.length;
        while (wanted >= length / 8 * 5 && (long) length * 2 * BYTES_PER_SLOT <= budget) {
            length *= 2;
        }
        if (length > used.length) {
            resize(length);
        }
    }

    /** The slots of the table, for tests. */
    int capacity() {
        return used.length;
    }

    /** The memory of one slot: two longs and a flag. */
    private static final int BYTES_PER_SLOT = 17;

    /** The most ids {@link #reserve} makes room for: an estimate, not a promise. */
    static final long MAX_RESERVED = 1L << 24;

    /** Adds {@code id}; false if it was already there. */
    boolean add(String id) {
        return add(high(id), low(id));
    }

    /** Adds the id whose hashes are {@code h} ({@link #high}) and {@code l} ({@link #low}); false if there. */
    boolean add(long h, long l) {
        if (size >= used.length / 8 * 5) {
            grow();
        }
        return insert(h, l);
    }

    /** Whether the id with these hashes is there. */
    boolean contains(long h, long l) {
        int mask = used.length - 1;
        for (int slot = (int) (h ^ (h >>> 32)) & mask; used[slot]; slot = (slot + 1) & mask) {
            if (high[slot] == h && low[slot] == l) {
                return true;
            }
        }
        return false;
    }

    /** The first 64 bits of an id's 128-bit hash. */
    static long high(String id) {
        return hash(id, 0x9E3779B97F4A7C15L);
    }

    /** The other 64 bits. */
    static long low(String id) {
        return hash(id, 0xC2B2AE3D27D4EB4FL);
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        for (int slot = (int) (h ^ (h >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            if (!used[slot]) {
                used[slot] = true;
                high[slot] = h;
                low[slot] = l;
                size++;
                return true;
            }
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
        }
    }

    private void grow() {
        resize(used.length * 2);
    }

    private void resize(int length) {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[length];
        low = new long[length];
        used = new boolean[length];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
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
    static void hashAscii(byte[] bytes, int from, int to, long[] hash) {
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
