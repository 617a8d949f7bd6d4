package entrycheck.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a search may hold in its large structures (the visited set and the state store),
 * reserved before each allocation. A structure that is refused does not allocate: the visited
 * set stops growing and fills up to its hard load limit, the store takes no new chunk, and the
 * search stops cleanly with an incomplete result ("memory budget N MB reached") instead of
 * running into an {@link OutOfMemoryError}. This is SPIN's {@code -DMEMLIM} discipline (pan
 * refuses an allocation past the limit and reports, rather than letting malloc fail), applied
 * to the Java heap.
 *
 * <p>What is counted: the arrays of {@link LongHashSet} (while a table doubles, old and new
 * together) and the chunks of {@link StateStore}. Not counted: per-round successor buffers,
 * worker scratch and the JVM itself; {@link #defaultBytes()} leaves room for them.
 *
 * <p>Thread-safe: the partitions of the visited set grow from different workers.
 */
public final class MemoryBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private volatile boolean refused;

    /** @param limit bytes; {@code Long.MAX_VALUE} for no limit */
    public MemoryBudget(long limit) {
        if (limit <= 0) throw new IllegalArgumentException("memory budget must be positive, but was " + limit);
        this.limit = limit;
    }

    /** No limit (tests and tools that manage memory themselves). */
    public static MemoryBudget unlimited() { return new MemoryBudget(Long.MAX_VALUE); }

    /**
     * Three quarters of the JVM's maximum heap ({@code -Xmx}, or the launcher's
     * {@code MaxRAMPercentage}): the structures are large arrays that the collector never moves
     * often, and the remaining quarter is for the young generation, the successor buffers and
     * the rest of the program. That rest needs some 20 MB whatever the heap, so at least
     * {@link #RESERVE} stays outside the budget: with {@code -Xmx64m} a budget of three quarters
     * ran into an OutOfMemoryError (exit 70) instead of stopping cleanly (exit 3); found by
     * CleanStopTest. Heaps of 128 MB and more are unaffected.
     */
    public static long defaultBytes() { return defaultBytes(Runtime.getRuntime().maxMemory()); }

    /** Bytes kept outside the default budget on a small heap. */
    static final long RESERVE = 32L << 20;

    /** The default budget for a heap of {@code maxHeap} bytes: 3/4 of it, leaving at least {@link #RESERVE} (and at least 1/4 budget). */
    static long defaultBytes(long maxHeap) {
        return Math.max(maxHeap - Math.max(maxHeap / 4, RESERVE), maxHeap / 4);
    }

    /** The budget of {@code options}: its explicit byte count or the default. */
    static MemoryBudget of(CheckOptions options) {
        return new MemoryBudget(options.memoryBytes() > 0 ? options.memoryBytes() : defaultBytes());
    }

    public long limit() { return limit; }

    public long used() { return used.get(); }

    /** True once a reservation has been refused. */
    public boolean refused() { return refused; }

    /** Reserves {@code bytes} if they fit; false (and nothing reserved) otherwise. */
    public boolean tryReserve(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("negative reservation");
        for (;;) {
            long u = used.get();
            if (bytes > limit - u) {
                refused = true;
                return false;
            }
            if (used.compareAndSet(u, u + bytes)) return true;
        }
    }

    /** Reserves {@code bytes} even past the limit (the few bytes every search needs to start at all). */
    void force(long bytes) { used.addAndGet(bytes); }

    public void release(long bytes) { used.addAndGet(-bytes); }

    /** "memory budget 512 MB reached": the stop reason of a search that the budget stopped. */
    String reason() { return "memory budget " + describe(limit) + " reached"; }

    static String describe(long bytes) {
        if (bytes == Long.MAX_VALUE) return "unlimited";
        if (bytes >= 1L << 20) return (bytes >> 20) + " MB";
        if (bytes >= 1L << 10) return (bytes >> 10) + " KB";
        return bytes + " bytes";
    }
}
