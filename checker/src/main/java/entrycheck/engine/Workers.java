package entrycheck.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a parallel search, running one phase at a time: a phase is a number of
 * independent units; the calling thread and {@code threads - 1} pool threads claim units from
 * a shared counter until none is left (self-scheduling, as OpenMP's {@code dynamic} schedule),
 * so a worker that the operating system deschedules on a busy machine delays only the unit it
 * holds. {@link #run} returns when every unit is done, which publishes everything the units
 * wrote (each helper's exit from the phase is a volatile write that the caller reads before it
 * returns: a happens-before edge). The caller waits only for helpers that joined the phase
 * before the last unit was claimed ({@code Phase}).
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
    private final Cores cores;
    private final ExecutorService pool;
    private final long[] phaseCpu;
    private long work;
    private long span;
    private long callerWork;
    /** Per phase name (timed workers only): work, span, wall nanoseconds and the number of runs. */
    private final java.util.Map<String, long[]> phases = new java.util.LinkedHashMap<>();

    Workers(int threads) { this(threads, false); }

    Workers(int threads, boolean timed) { this(threads, timed, null); }

    /**
     * @param cores when not null, the helpers of each phase are borrowed from this budget
     *              (as many as are free, up to {@code threads - 1}; possibly none, and then the
     *              caller runs every unit itself); null: the helpers always run
     */
    Workers(int threads, boolean timed, Cores cores) {
        this.threads = threads;
        this.cores = cores;
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
        int helpers = Math.min(threads - 1, units - 1);
        if (cores == null) {
            dispatch(units, task, helpers);
            return;
        }
        helpers = cores.tryTake(helpers);
        try {
            dispatch(units, task, helpers);
        } finally {
            cores.give(helpers);
        }
    }

    private void dispatch(int units, Unit task, int helpers) {
        if (helpers == 0) {
            for (int u = 0; u < units; u++) task.run(0, u);
            return;
        }
        Phase phase = new Phase(units, task);
        for (int w = 1; w <= helpers; w++) {
            int worker = w;
            pool.execute(() -> phase.help(worker));
        }
        try {
            phase.claim(0);
        } catch (RuntimeException | Error e) {
            phase.fail(e);
        }
        phase.closeAndAwait();
        Throwable failure = phase.failure.get();
        if (failure instanceof Error err) throw err;
        if (failure != null) throw (RuntimeException) failure;
    }

    /**
     * One phase's shared state. Helpers must <i>enter</i> before they claim units, and the
     * caller, once no unit is left to claim, closes the entry and waits only for the helpers
     * inside. A helper that the operating system had not scheduled by then finds the phase
     * closed and returns without work, so the caller never waits for a thread that has nothing
     * to do: on a loaded machine, waking a pool thread can take a scheduler time slice or more,
     * and a level-synchronous search has three phases per round. (The futures this replaced
     * made the caller wait for every submitted helper, even one that would find no unit left.)
     * A late helper of a closed phase touches nothing: it returns before running a unit, so it
     * cannot use a worker's scratch space while the next phase does.
     */
    private static final class Phase {
        private static final int CLOSED = Integer.MIN_VALUE;
        private final AtomicInteger next = new AtomicInteger();
        /** Helpers inside; {@link #CLOSED} is added when the caller closes the entry. */
        private final AtomicInteger inside = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        private final Thread caller = Thread.currentThread();
        private final int units;
        private final Unit task;

        Phase(int units, Unit task) {
            this.units = units;
            this.task = task;
        }

        void claim(int worker) {
            for (int u; (u = next.getAndIncrement()) < units; ) task.run(worker, u);
        }

        void fail(Throwable t) { failure.compareAndSet(null, t); }

        void help(int worker) {
            for (int n; ; ) {
                n = inside.get();
                if (n < 0) return;                  // closed: the caller is not waiting for this helper
                if (inside.compareAndSet(n, n + 1)) break;
            }
            try {
                claim(worker);
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                // the decrement publishes this helper's writes to the caller, which reads inside
                if (inside.decrementAndGet() == CLOSED) java.util.concurrent.locks.LockSupport.unpark(caller);
            }
        }

        /** Closes the entry and waits until every helper that entered has finished. */
        void closeAndAwait() {
            for (int n; ; ) {
                n = inside.get();
                if (inside.compareAndSet(n, n + CLOSED)) break;
            }
            boolean interrupted = false;
            while (inside.get() != CLOSED) {
                java.util.concurrent.locks.LockSupport.park(this);
                // finish the phase first: the units share the caller's data
                if (Thread.interrupted()) interrupted = true;
            }
            if (interrupted) caller.interrupt();
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
