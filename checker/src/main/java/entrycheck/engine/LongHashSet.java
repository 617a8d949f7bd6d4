package entrycheck.engine;

/**
 * The visited set: a set of 64-bit keys in one open-addressing table of primitive longs
 * (linear probing, Knuth TAOCP vol. 3, section 6.4, Algorithm L), as in fastutil's
 * {@code LongOpenHashSet} and the JCTools/Caffeine habit of hot state in primitive arrays.
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
 * state between doublings. The table doubles (rehashing every key) at the threshold; the
 * largest capacity is 2^30 slots, then it fills up to {@link #MAX_LOAD} before giving up.
 *
 * <p>Not thread-safe.
 */
final class LongHashSet {
    static final double LOAD_FACTOR = 0.75;
    static final int MAX_CAPACITY = 1 << 30;
    static final double MAX_LOAD = 0.95;

    private long[] table;
    private int mask;
    private int growAt;
    private long size;
    private boolean hasZero;

    LongHashSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(MAX_CAPACITY, (long) (expected / LOAD_FACTOR) + 1)) - 1) << 1;
        allocate(Math.min(cap, MAX_CAPACITY));
    }

    private void allocate(int capacity) {
        table = new long[capacity];
        mask = capacity - 1;
        growAt = capacity == MAX_CAPACITY ? (int) (capacity * MAX_LOAD) : (int) (capacity * LOAD_FACTOR);
    }

    long size() { return size; }

    int capacity() { return table.length; }

    /** Adds {@code key}; true when it was not in the set. */
    boolean add(long key) {
        if (key == 0) {
            if (hasZero) return false;
            hasZero = true;
            size++;
            return true;
        }
        long[] t = table;
        int m = mask;
        int i = (int) key & m;
        for (long k; (k = t[i]) != 0; i = (i + 1) & m) {
            if (k == key) return false;
        }
        t[i] = key;
        if (++size >= growAt) grow();
        return true;
    }

    /**
     * Reads the home slot of each of {@code keys[0..n)} and returns a value derived from them
     * (the caller must keep it, so the loads are not optimised away). The loads are independent,
     * so the CPU overlaps their cache misses (memory-level parallelism); the {@link #add} calls
     * that follow then mostly hit the cache. Java has no prefetch instruction; this is the
     * portable substitute, in the spirit of the batched probing of Zhao et al., "Prefetching
     * hash-table lookups" / group prefetching (Chen, Ailamaki et al., ICDE 2004).
     */
    long touch(long[] keys, int n) {
        long[] t = table;
        int m = mask;
        long x = 0;
        for (int i = 0; i < n; i++) x += t[(int) keys[i] & m];
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
        if (table.length == MAX_CAPACITY) throw new IllegalStateException("visited set full: " + size + " states");
        long[] old = table;
        allocate(old.length << 1);
        long[] t = table;
        int m = mask;
        for (long k : old) {
            if (k == 0) continue;
            int i = (int) k & m;
            while (t[i] != 0) i = (i + 1) & m;
            t[i] = k;
        }
    }
}
