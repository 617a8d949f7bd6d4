package entrycheck.engine;

/**
 * The visited set (or one partition of it): a set of 64-bit keys in one open-addressing table
 * of primitive longs (linear probing, Knuth TAOCP vol. 3, section 6.4, Algorithm L), as in
 * fastutil's {@code LongOpenHashSet} and the JCTools/Caffeine habit of hot state in primitive
 * arrays.
 *
 * <p>The capacity is a power of two, so the home slot is {@code key & mask}; keys are already
 * uniformly mixed ({@link Fingerprint}), so the low bits are as good as any. Slot value 0 means
 * empty; the key 0 itself is kept out of band in {@link #hasZero} (fastutil's
 * {@code containsNullKey}), so every long can be stored.
 *
 * <p>Load factor 0.75: with linear probing a hit inspects on average (1 + 1/(1-a))/2 = 2.5
 * slots and a miss (1 + 1/(1-a)^2)/2 = 8.5 slots (Knuth, ibid.). Most lookups of a search are
 * hits (on big.m 31.9M of 37.6M), and 2.5 consecutive longs usually sit in the one 64-byte
 * cache line the probe had to fetch anyway, so the table costs one cache miss per lookup, like
 * a table at 0.5 that would need a third more memory. Memory is 8/a = 10.7 to 21.3 bytes per
 * state between doublings.
 *
 * <p>Growth is reserved in a {@link MemoryBudget} first (old and new table together, since
 * both live during the rehash). When the budget refuses, or the table is at its largest
 * capacity (2^30 slots), the table stops growing and keeps filling up to {@link #MAX_LOAD};
 * past that, {@link #insert} answers {@link #FULL} without inserting, and the search stops.
 *
 * <p>Not thread-safe: a parallel search gives each partition of the key space its own table,
 * used by one worker at a time.
 */
final class LongHashSet {
    static final double LOAD_FACTOR = 0.75;
    static final int MAX_CAPACITY = 1 << 30;
    static final double MAX_LOAD = 0.9;

    /** {@link #insert} results. */
    static final int ADDED = 1, PRESENT = 0, FULL = -1;

    private final MemoryBudget budget;
    private long[] table;
    private int mask;
    private long growAt;
    private long hardLimit = Long.MAX_VALUE;
    private long size;
    private boolean hasZero;
    private boolean growthRefused;

    /** An unbounded set (tests, and callers that bound memory otherwise). */
    LongHashSet(int expected) { this(expected, MemoryBudget.unlimited()); }

    LongHashSet(int expected, MemoryBudget budget) {
        this.budget = budget;
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(MAX_CAPACITY, (long) (expected / LOAD_FACTOR) + 1)) - 1) << 1;
        cap = Math.min(cap, MAX_CAPACITY);
        if (!budget.tryReserve(bytes(cap))) {
            cap = 16;
            budget.force(bytes(cap));
        }
        allocate(cap);
    }

    static long bytes(long capacity) { return 8L * capacity + 16; }

    private void allocate(int capacity) {
        table = new long[capacity];
        mask = capacity - 1;
        growAt = (long) (capacity * LOAD_FACTOR);
    }

    long size() { return size; }

    int capacity() { return table.length; }

    /** Bytes of the table, as reserved in the budget. */
    long bytes() { return bytes(table.length); }

    /** True once the table wanted to grow and could not (budget or largest capacity). */
    boolean growthRefused() { return growthRefused; }

    /** Adds {@code key}; true when it was not in the set. For callers that never fill the set. */
    boolean add(long key) {
        int r = insert(key);
        if (r == FULL) throw new IllegalStateException("visited set full: " + size + " keys");
        return r == ADDED;
    }

    /** Adds {@code key}: {@link #ADDED}, {@link #PRESENT}, or {@link #FULL} (not added: no room). */
    int insert(long key) {
        if (key == 0) {
            if (hasZero) return PRESENT;
            if (size >= hardLimit) return FULL;
            hasZero = true;
            size++;
            return ADDED;
        }
        long[] t = table;
        int m = mask;
        int i = (int) key & m;
        for (long k; (k = t[i]) != 0; i = (i + 1) & m) {
            if (k == key) return PRESENT;
        }
        if (size >= hardLimit) return FULL;
        t[i] = key;
        if (++size >= growAt) grow();
        return ADDED;
    }

    /**
     * Reads the home slot of each of {@code keys[from..to)} and returns a value derived from them
     * (the caller must keep it, so the loads are not optimised away). The loads are independent,
     * so the CPU overlaps their cache misses (memory-level parallelism); the {@link #insert} calls
     * that follow then mostly hit the cache. Java has no prefetch instruction; this is the
     * portable substitute, in the spirit of group prefetching for hash joins (Chen, Ailamaki,
     * Gibbons and Mowry, "Improving hash join performance through prefetching", ICDE 2004).
     */
    long touch(long[] keys, int from, int to) {
        long[] t = table;
        int m = mask;
        long x = 0;
        for (int i = from; i < to; i++) x += t[(int) keys[i] & m];
        return x;
    }

    boolean contains(long key) {
        if (key == 0) return hasZero;
        long[] t = table;
        int m = mask;
        for (int i = (int) key & m; t[i] != 0; i = (i + 1) & m) {
            if (t[i] == key) return true;
        }
        return false;
    }

    private void grow() {
        int cap = table.length;
        if (cap == MAX_CAPACITY || !budget.tryReserve(bytes(2L * cap))) {
            growthRefused = true;
            growAt = Long.MAX_VALUE;
            hardLimit = (long) (cap * MAX_LOAD);
            return;
        }
        long[] old = table;
        allocate(cap << 1);
        long[] t = table;
        int m = mask;
        for (long k : old) {
            if (k == 0) continue;
            int i = (int) k & m;
            while (t[i] != 0) i = (i + 1) & m;
            t[i] = k;
        }
        budget.release(bytes(cap));
    }
}
