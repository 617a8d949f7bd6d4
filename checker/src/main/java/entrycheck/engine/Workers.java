package entrycheck.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a parallel search, running one phase at a time: a phase is a number of
 * independent units; the calling thread and {@code threads - 1} pool threads claim units from
 * a shared counter until none is left (self-scheduling, as OpenMP's {@code dynamic} schedule),
 * so a worker that the operating system deschedules on a busy machine delays only the unit it
 * holds. {@link #run} returns when every unit is done, which publishes everything the units
 * wrote (the futures' completion is a happens-before edge).
 *
 * <p>Each participant has a fixed worker number in {@code [0, threads)} (the caller is 0), so
 * a unit can use that worker's scratch space. An exception in a unit is rethrown by
 * {@link #run} after the phase.
 *
 * <p>When created {@code timed}, it measures the CPU time of every unit and adds up the work
 * (the sum over all units) and the span: per phase, the larger of its longest unit and its work
 * divided by the thread count, which is what the phase takes on otherwise idle cores with
 * self-scheduling. This is the work/span measure of parallel algorithms (Blumofe and
 * Leiserson); unlike wall time (and unlike each thread's CPU share, which self-scheduling
 * shifts to whichever thread the operating system runs) it stays meaningful on a machine busy
 * with other work. For benchmarks only.
 */
final class Workers implements AutoCloseable {

    /** One unit of a phase, run by worker {@code worker}. */
    @FunctionalInterface
    interface Unit {
        void run(int worker, int unit);
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final int threads;
    private final ExecutorService pool;
    private final long[] phaseCpu;
    private long work;
    private long span;
    private long callerWork;
    /** Per phase name (timed workers only): work, span, wall nanoseconds and the number of runs. */
    private final java.util.Map<String, long[]> phases = new java.util.LinkedHashMap<>();

    Workers(int threads) { this(threads, false); }

    Workers(int threads, boolean timed) {
        this.threads = threads;
        this.phaseCpu = timed ? new long[threads] : null;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "entrycheck-worker");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() { return threads; }

    /** CPU nanoseconds of all units run so far (timed workers only). */
    long work() { return work; }

    /** Sum over the phases of the largest CPU share of one participant (timed workers only). */
    long span() { return span; }

    /** The part of {@link #work} done by the calling thread, worker 0 (timed workers only). */
    long callerWork() { return callerWork; }

    /**
     * Per phase name, after timed runs: {work, span, wall, runs}, nanoseconds. Wall minus span
     * is the time the phase's workers spent not running (descheduled by the operating system,
     * waking up) or waiting at the phase's end for the slowest unit.
     */
    java.util.Map<String, long[]> phases() { return phases; }

    /** Runs units {@code 0 .. units-1} of {@code task} on every worker and waits for all of them. */
    void run(int units, Unit task) { run("other", units, task, true); }

    /**
     * Runs units {@code 0 .. units-1} of {@code task}: on every worker when {@code parallel},
     * else all on the calling thread (worker 0), for phases too small to pay for waking the pool.
     * {@code phase} names the phase in the {@link #phases} of a timed run.
     */
    void run(String phase, int units, Unit task, boolean parallel) {
        if (phaseCpu == null) {
            dispatch(units, task, parallel);
            return;
        }
        long wall0 = System.nanoTime();
        java.util.Arrays.fill(phaseCpu, 0);
        long[] unitCpu = new long[units];
        dispatch(units, (worker, unit) -> {
            long t0 = CPU.getCurrentThreadCpuTime();
            task.run(worker, unit);
            long t = CPU.getCurrentThreadCpuTime() - t0;
            unitCpu[unit] = t;
            phaseCpu[worker] += t;
        }, parallel);
        long max = 0, sum = 0;
        for (long c : unitCpu) {
            sum += c;
            max = Math.max(max, c);
        }
        callerWork += phaseCpu[0];
        long phaseSpan = parallel ? Math.max(max, sum / threads) : sum;
        long[] t = phases.computeIfAbsent(phase, k -> new long[4]);
        t[0] += sum;
        t[1] += phaseSpan;
        t[2] += System.nanoTime() - wall0;
        t[3]++;
        work += sum;
        span += phaseSpan;
    }

    private void dispatch(int units, Unit task, boolean parallel) {
        if (pool == null || units <= 1 || !parallel) {
            for (int u = 0; u < units; u++) task.run(0, u);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int helpers = Math.min(threads - 1, units - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int w = 1; w <= helpers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> claim(worker, units, next, task)));
        }
        RuntimeException failure = null;
        try {
            claim(0, units, next, task);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            RuntimeException e = await(f);
            if (failure == null) failure = e;
        }
        if (failure != null) throw failure;
    }

    private static void claim(int worker, int units, AtomicInteger next, Unit task) {
        for (int u; (u = next.getAndIncrement()) < units; ) task.run(worker, u);
    }

    /** Waits for {@code f}; returns its runtime exception (errors are rethrown as they are). */
    private static RuntimeException await(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true; // finish the phase first: the units share the caller's data
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Error err) throw err;
            if (c instanceof RuntimeException re) return re;
            return new IllegalStateException(c);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
