package entrycheck.engine;

import java.util.concurrent.Semaphore;

/**
 * A budget of cores shared by searches that run at the same time (the default job and batches
 * check several models at once), so that together they never run more threads than it has.
 *
 * <p>Each concurrent search holds one core for its own thread for as long as it runs
 * ({@link #acquire}, {@link #release}); its helper threads borrow spare cores one phase at a
 * time ({@link #tryTake}, {@link #give}) and never wait for one. So small models run side by
 * side on one core each, and the search still running when the others are done (usually the
 * biggest) picks up every core they leave. A search's result does not depend on how many
 * helpers it got (see {@link ParallelBfs}): the number of visited-set partitions is fixed by
 * {@link CheckOptions#threads()}, only the number of threads working through them varies.
 *
 * <p>Thread-safe.
 */
public final class Cores {
    private final int size;
    private final Semaphore free;

    /** @param size how many threads may run at once, at least 1 */
    public Cores(int size) {
        if (size < 1) throw new IllegalArgumentException("cores must be at least 1, but was " + size);
        this.size = size;
        this.free = new Semaphore(size);
    }

    public int size() { return size; }

    /** Takes one core for a search's own thread, waiting until one is free. */
    public void acquire() throws InterruptedException { free.acquire(); }

    /** Gives back the core of {@link #acquire}. */
    public void release() { free.release(); }

    /** Takes up to {@code wanted} spare cores without waiting; returns how many it took. */
    int tryTake(int wanted) {
        int got = 0;
        while (got < wanted && free.tryAcquire()) got++;
        return got;
    }

    /** Gives back {@code n} cores of {@link #tryTake}. */
    void give(int n) {
        if (n > 0) free.release(n);
    }
}
