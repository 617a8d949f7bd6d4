package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.DomainError;
import java.io.IOException;
import java.time.Duration;

/**
 * One breadth-first search, on one thread or several, with the same result for every thread
 * count: the same numbering of states, hence the same parent of every state, the same
 * statistics, verdicts and counterexamples as the sequential loop "expand the queue head,
 * append each successor not yet seen".
 *
 * <p><b>Rounds.</b> The search is level-synchronous and proceeds in rounds of up to
 * {@code batchSources * roundBatches} consecutive states of one level (a round never crosses
 * a level). A round has three phases, each a set of units run by {@link Workers}:
 * <ol>
 *   <li><i>expand</i>, one unit per {@link Batch} of {@code batchSources} sources: compute the
 *       successors in sequential order into the batch, with their keys and their partition;</li>
 *   <li><i>look up</i>, one unit per partition of the {@link VisitedSet}: go through the
 *       round's candidates of that partition in sequential order and insert their keys; a key
 *       that was not there is a new state, and because each key lives in exactly one partition,
 *       the first occurrence in sequential order is the one that finds it new, exactly as in
 *       the sequential search. The inserts of a group of keys are preceded by touching their
 *       home slots ({@link LongHashSet#touch}) so that the cache misses overlap;</li>
 *   <li><i>store</i>, one unit per batch: give the batch's new states consecutive numbers from
 *       a prefix sum over the batches (so numbers follow sequential order), write them to the
 *       {@link StateStore} with their parent and transition, and check their invariants.</li>
 * </ol>
 * This is a deterministic scheme in the sense of Blelloch, Fineman, Gibbons and Shun
 * ("Internally deterministic parallel algorithms can be fast", PPoPP 2012): the outcome of
 * each phase depends only on its input, never on the interleaving. Violations are kept per
 * worker and merged in the canonical order of {@link FirstViolations}, which does not depend on
 * which worker saw what.
 *
 * <p><b>Stops.</b> Limits are checked between rounds (time, Ctrl-C through the
 * {@link SearchMonitor}) or inside the store phase (max states: exactly that many states are
 * stored; memory: a visited-set partition or the store refused to grow, see
 * {@link MemoryBudget}); a run stopped by max states is deterministic, one stopped by time or
 * Ctrl-C is not. "All properties violated" stops at the end of a level once no later state
 * can give a shorter or earlier trace ({@link FirstViolations#allFinal}). A violation found
 * before a mid-level stop is shortest except in one corner: a domain error in the end
 * condition of an unexpanded state of that level could be one step shorter.
 *
 * <p><b>Checkpoints.</b> Between rounds the search is consistent: the store, the violations,
 * the counters and the queue position (head, level) determine the rest of the run; the
 * visited set is the set of keys of the stored states and is rebuilt on resume.
 * {@link Checkpoint} writes that periodically and when the search stops early.
 */
final class ParallelBfs {

    /**
     * Work granularity; results depend on it only through the statistics of a run stopped
     * mid-round. {@code timed} measures work and span ({@link Workers}) for benchmarks.
     */
    record Tuning(int batchSources, int roundBatches, int serialBelow, boolean timed) {
        /**
         * 256 sources per batch (about 1,700 successors on bench/big: the batch's buffers stay
         * in the core's L2 cache), 64 batches per round; a round of fewer than 1,024 sources
         * (the first and last levels of most models, and every level of a small one) runs on the
         * calling thread alone, where waking the pool would cost more than it saves.
         */
        static final Tuning DEFAULT = new Tuning(256, 64, 1024, false);

        /** Tests: every round in parallel, however small. */
        Tuning(int batchSources, int roundBatches) { this(batchSources, roundBatches, 0, false); }

        Tuning(int batchSources, int roundBatches, boolean timed) {
            this(batchSources, roundBatches, DEFAULT.serialBelow(), timed);
        }
    }

    /**
     * CPU nanoseconds of a timed run: {@code work} in the phases (all threads), {@code span}
     * the phases' critical path, {@code serial} the coordinator's own work between phases.
     */
    record Effort(long work, long span, long serial, java.util.Map<String, long[]> phases) {
        /** The speedup over one thread that idle cores would give: (work + serial) / (span + serial). */
        double parallelism() { return (double) (work + serial) / (span + serial); }
    }

    private Effort effort;

    private static final int GROUP = 256;
    private static final String DEADLOCK_MESSAGE = "deadlock: no transition is enabled and the state is not an allowed end state";

    private final Program program;
    private final CompiledProgram system;
    private final boolean[] selected;
    private final CheckOptions options;
    private final SearchMonitor monitor;
    private final Tuning tuning;
    private final int words;
    private final int transitions;
    private final int threads;
    /**
     * Partitions of the visited set: one per thread would make the look-up phase exactly
     * {@code threads} units, so a worker that the operating system deschedules for a time slice
     * stalls the whole phase; {@link #PARTS_PER_THREAD} per thread let the other workers take
     * over its share (self-scheduling, see {@link Workers}).
     */
    private final int partitions;
    static final int PARTS_PER_THREAD = 4;
    private final int deadlock;
    private final int domain;
    private final boolean invariants;
    private final long maxStates;
    private final MemoryBudget budget;
    private final Cores cores;

    private final StateStore store;
    private final VisitedSet visited;
    private final FirstViolations found;
    private final FirstViolations[] local;
    private long fired;
    private int head;
    private int level;
    private int levelEnd = 1;
    private int depth;
    private long elapsedBefore;
    /** The position before the last round, for a checkpoint of a run stopped inside a round. */
    private final Position before = new Position();
    private final FirstViolations foundBefore;

    private Batch[] batches = new Batch[0];
    private int batchCount;
    private final Lane[] lanes;
    private final long[] touchSink;
    private final int[] cutBatch;
    private final int[] cutPos;
    private String roundStop;

    /** Counters that, with the store and the violations, are the search's position. */
    static final class Position {
        long fired;
        int head;
        int level;
        int levelEnd;
        int depth;
        int size;
        long elapsedNanos;
    }

    ParallelBfs(Program program, CompiledProgram system, boolean[] selected, CheckOptions options,
                SearchMonitor monitor, Tuning tuning) {
        this(program, system, selected, options, monitor, tuning, null);
    }

    /** @param cores where the helper threads come from when other searches run at the same time (null: own threads) */
    ParallelBfs(Program program, CompiledProgram system, boolean[] selected, CheckOptions options,
                SearchMonitor monitor, Tuning tuning, Cores cores) {
        this.cores = cores;
        this.program = program;
        this.system = system;
        this.selected = selected;
        this.options = options;
        this.monitor = monitor;
        this.tuning = tuning;
        this.words = system.words();
        this.transitions = system.transitionCount();
        this.threads = options.threads();
        this.partitions = threads == 1 ? 1 : threads * PARTS_PER_THREAD;
        this.deadlock = system.deadlockProperty();
        this.domain = system.domainProperty();
        this.invariants = system.hasInvariants();
        long limit = options.maxStates() > 0 ? options.maxStates() : Long.MAX_VALUE;
        this.maxStates = Math.min(limit, StateStore.MAX_STATES);
        this.budget = MemoryBudget.of(options);
        this.store = new StateStore(words, transitions, budget);
        this.visited = new VisitedSet(partitions, budget);
        this.found = new FirstViolations(selected);
        this.foundBefore = new FirstViolations(selected);
        this.local = new FirstViolations[threads];
        this.lanes = new Lane[threads];
        this.touchSink = new long[threads * 8];
        this.cutBatch = new int[partitions];
        this.cutPos = new int[partitions];
        for (int w = 0; w < threads; w++) {
            local[w] = new FirstViolations(selected);
            lanes[w] = new Lane(words, transitions);
        }
    }

    CheckResult run() {
        long start = System.nanoTime();
        Duration timeLimit = options.timeLimit();
        long limitNanos = timeLimit == null ? Long.MAX_VALUE : saturatedNanos(timeLimit);
        Checkpoint.Schedule checkpoints = options.checkpointDir() == null ? null
                : new Checkpoint.Schedule(options.checkpointDir(), options.effectiveCheckpointInterval(), start);
        String stop = "";
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = tuning.timed() ? cpu.getCurrentThreadCpuTime() : 0;
        try (Workers workers = new Workers(threads, tuning.timed(), cores)) {
            if (options.resumeDir() != null) resume(workers);
            else begin();
            while (head < store.size()) {
                long now = System.nanoTime();
                if (monitor.stopRequested()) { stop = "interrupted"; break; }
                if (now - start >= limitNanos) { stop = "time limit " + format(timeLimit); break; }
                if (checkpoints != null && checkpoints.due(now)) writeCheckpoint(checkpoints, start, false);
                if (checkpoints != null) remember(start);
                round(workers);
                if (roundStop != null) { stop = roundStop; break; }
                if (head == levelEnd) {
                    if (head < store.size() && found.allFinal(level, deadlock, domain)) {
                        stop = "all properties violated";
                        break;
                    }
                    level++;
                    levelEnd = store.size();
                }
                monitor.progress(new SearchMonitor.Progress(store.size(), fired, store.size() - head, depth,
                        elapsedBefore + System.nanoTime() - start));
            }
            if (checkpoints != null && !stop.isEmpty() && !stop.equals("all properties violated")) {
                writeCheckpoint(checkpoints, start, roundStop != null);
            }
            if (tuning.timed()) {
                long coordinator = cpu.getCurrentThreadCpuTime() - cpu0;
                // the coordinator is worker 0 during the phases; the rest of its CPU is serial
                effort = new Effort(workers.work(), workers.span(), Math.max(0, coordinator - workers.callerWork()),
                        workers.phases());
            }
        }
        long nanos = elapsedBefore + System.nanoTime() - start;
        return Results.of(program, system, selected, store, found, stop,
                new CheckResult.Statistics(store.size(), fired, depth, nanos,
                        words == 1 ? 0.0 : Fingerprint.collisionProbability(store.size(), fired + 1)));
    }

    /**
     * One worker's scratch space, written per state or per transition. No two workers' lanes
     * may share a cache line: when they did (the arrays of both workers side by side on the
     * heap), every write by one worker invalidated the other's copy of the line ("false
     * sharing"), and on bench/big the expand phase cost 1.66 CPU s with two threads against
     * 0.54 s with one (BigBench, after warm-up); padded, it costs 0.63 s. Each array therefore
     * ends with {@link #PAD} bytes that nobody writes, so no line holding its live part can
     * hold a live part of an array allocated after it, however the collector moves them; the
     * live parts are indexed from 0 and sized by {@code words} or a count, never by
     * {@code length}. (Java 17 has no public {@code @Contended}.)
     */
    private static final class Lane {
        static final int PAD = 128;
        final long[] cur;
        final long[] next;
        final int[] enabled;
        final long[] keys = new long[GROUP + PAD / 8];
        int[] order = new int[16 + PAD / 4];
        boolean[] mark = new boolean[16 + PAD];

        Lane(int words, int transitions) {
            cur = new long[words + PAD / 8];
            next = new long[words + PAD / 8];
            enabled = new int[Math.max(1, transitions) + PAD / 4];
        }

        int[] order(int size) {
            if (order.length < size + PAD / 4) order = new int[Math.max(size, order.length * 2) + PAD / 4];
            return order;
        }

        boolean[] mark(int size) {
            if (mark.length < size + PAD) mark = new boolean[Math.max(size, mark.length * 2) + PAD];
            return mark;
        }
    }

    private void begin() {
        long[] s = system.initial();
        visited.parts[visited.partition(key(s))].add(key(s));
        store.add(s, -1, 0);
        if (invariants) {
            found.at(0, -1, 0);
            system.checkInvariants(s, found);
        }
    }

    // ------------------------------------------------------------ one round

    private void round(Workers workers) {
        roundStop = null;
        int span = tuning.batchSources() * tuning.roundBatches();
        int end = (int) Math.min((long) head + span, levelEnd);
        int bs = tuning.batchSources();
        batchCount = (end - head + bs - 1) / bs;
        if (batches.length < batchCount) {
            Batch[] more = java.util.Arrays.copyOf(batches, batchCount);
            for (int b = batches.length; b < batchCount; b++) more[b] = new Batch(words, partitions, bs * 4);
            batches = more;
        }
        for (int b = 0; b < batchCount; b++) batches[b].reset(head + b * bs, Math.min(end, head + (b + 1) * bs));

        boolean parallel = end - head >= tuning.serialBelow();
        workers.run("expand", batchCount, this::expand, parallel);
        for (int p = 0; p < partitions; p++) cutBatch[p] = Integer.MAX_VALUE;
        workers.run("look up", partitions, this::lookup, parallel);
        int total = plan();
        workers.run("store", batchCount, this::storeBatch, parallel);

        for (int b = 0; b < batchCount; b++) fired += batches[b].fired;
        for (FirstViolations l : local) {
            found.mergeFrom(l);
            l.clear();
        }
        store.setSize(store.size() + total);
        if (total > 0) depth = level + 1;
        head = end;
        if (roundStop == null && visited.growthRefused()) roundStop = budget.reason();
    }

    /**
     * Phase 1: the successors of batch {@code b}. Counters live in locals and are written back
     * once: batches of different workers sit side by side in memory, and a field written per
     * successor would bounce its cache line between cores (false sharing).
     */
    private void expand(int worker, int b) {
        Batch batch = batches[b];
        Lane lane = lanes[worker];
        long[] s = lane.cur;
        long[] out = lane.next;
        int[] buf = lane.enabled;
        FirstViolations sink = local[worker];
        boolean partitioned = partitions > 1;
        int j = 0;
        long firedHere = 0;
        for (int src = batch.from; src < batch.to; src++) {
            store.load(src, s);
            int n = system.enabled(s, buf);
            if (n == 0 && deadlock >= 0) checkDeadlock(s, src, sink);
            batch.reserve(j, n);
            long[] states = batch.states;
            long[] keys = batch.keys;
            int[] sources = batch.sources;
            int[] actions = batch.actions;
            for (int k = 0; k < n; k++) {
                int t = buf[k];
                sink.at(src, t, level);
                if (!system.fire(s, t, out, sink)) continue;
                long key;
                if (words == 1) {
                    states[j] = out[0];
                    key = Fingerprint.mix64(out[0]);
                } else {
                    System.arraycopy(out, 0, states, j * words, words);
                    key = Fingerprint.of(out, words);
                }
                keys[j] = key;
                sources[j] = src;
                actions[j] = t;
                j++;
            }
            firedHere += n;
        }
        batch.n = j;
        batch.fired = firedHere;
        if (partitioned) batch.partition(visited);
    }

    private void checkDeadlock(long[] s, int src, FirstViolations sink) {
        sink.at(src, -1, level);
        try {
            if (!system.isEnd(s)) sink.violation(deadlock, DEADLOCK_MESSAGE);
        } catch (DomainError e) {
            if (domain >= 0) sink.violation(domain, "end condition: " + e.getMessage());
        }
    }

    /** Phase 2: the round's candidates of partition {@code p}, in order. */
    private void lookup(int worker, int p) {
        LongHashSet table = visited.parts[p];
        long sinkValue = 0;
        long[] scratch = lanes[worker].keys;
        for (int b = 0; b < batchCount; b++) {
            Batch batch = batches[b];
            long[] keys = batch.keys;
            int[] list = partitions == 1 ? null : batch.byPartition[p];
            int count = partitions == 1 ? batch.n : batch.partCount[p];
            int[] fresh = batch.freshList(p, count);
            int found = 0;
            for (int g = 0; g < count; g += GROUP) {
                int e = Math.min(g + GROUP, count);
                long[] group;
                int off;
                if (list == null) {
                    group = keys;
                    off = 0;
                } else {
                    for (int i = g; i < e; i++) scratch[i - g] = keys[list[i]];
                    group = scratch;
                    off = g;
                }
                sinkValue += table.touch(group, g - off, e - off);
                for (int i = g; i < e; i++) {
                    int r = table.insert(group[i - off]);
                    if (r == LongHashSet.ADDED) {
                        fresh[found++] = list == null ? i : list[i];
                    } else if (r == LongHashSet.FULL) {
                        batch.freshCount[p] = found;
                        cut(p, b, list == null ? i : list[i]);
                        touchSink[worker * 8] += sinkValue;
                        return;
                    }
                }
            }
            batch.freshCount[p] = found;
        }
        touchSink[worker * 8] += sinkValue;
    }

    private void cut(int p, int b, int pos) {
        cutBatch[p] = b;
        cutPos[p] = pos;
    }

    /**
     * Between phases 2 and 3, on the coordinating thread: which new states are stored (all of
     * them, unless a full partition cut the round or a limit truncates it) and their numbers.
     * Returns how many are stored.
     */
    private int plan() {
        int cb = Integer.MAX_VALUE, cp = 0;
        for (int p = 0; p < partitions; p++) {
            if (cutBatch[p] < cb || cutBatch[p] == cb && cutPos[p] < cp) { cb = cutBatch[p]; cp = cutPos[p]; }
        }
        long fresh = 0;
        for (int b = 0; b < batchCount; b++) {
            Batch batch = batches[b];
            batch.limitPos = b < cb ? batch.n : b == cb ? cp : 0;
            batch.take = b < cb ? batch.freshTotal() : batch.freshBelow(batch.limitPos);
            fresh += batch.take;
        }
        int size = store.size();
        long wanted = Math.min(size + fresh, maxStates);
        long capacity = store.ensure((int) wanted);
        long allowed = Math.min(wanted, capacity) - size;
        if (cb != Integer.MAX_VALUE) roundStop = budget.reason();
        if (allowed < fresh) {
            roundStop = capacity < wanted ? budget.reason() : maxStatesReason();
        }
        int total = 0;
        for (int b = 0; b < batchCount; b++) {
            Batch batch = batches[b];
            batch.take = (int) Math.min(batch.take, allowed - total);
            batch.base = size + total;
            total += batch.take;
        }
        return total;
    }

    private String maxStatesReason() {
        return maxStates == StateStore.MAX_STATES ? "engine capacity " + maxStates + " states" : "max states " + maxStates;
    }

    /** Phase 3: number, store and check the new states of batch {@code b}. */
    private void storeBatch(int worker, int b) {
        Batch batch = batches[b];
        if (batch.take == 0) return;
        Lane lane = lanes[worker];
        int[] order = lane.order(batch.freshTotal());
        batch.freshInOrder(order, lane.mark(batch.n));
        long[] s = lane.next;
        FirstViolations sink = local[worker];
        int idx = batch.base;
        for (int i = 0; i < batch.take; i++) {
            int j = order[i];
            store.set(idx, batch.states, j * words, batch.sources[j], batch.actions[j]);
            if (invariants) {
                System.arraycopy(batch.states, j * words, s, 0, words);
                sink.at(idx, -1, level + 1);
                system.checkInvariants(s, sink);
            }
            idx++;
        }
    }

    // ------------------------------------------------------------ checkpoints

    private void remember(long start) {
        before.fired = fired;
        before.head = head;
        before.level = level;
        before.levelEnd = levelEnd;
        before.depth = depth;
        before.size = store.size();
        before.elapsedNanos = elapsedBefore + System.nanoTime() - start;
        foundBefore.copyFrom(found);
    }

    private Position current(long start) {
        Position p = new Position();
        p.fired = fired;
        p.head = head;
        p.level = level;
        p.levelEnd = levelEnd;
        p.depth = depth;
        p.size = store.size();
        p.elapsedNanos = elapsedBefore + System.nanoTime() - start;
        return p;
    }

    /** Writes the current position, or the one before the last round when that round was cut short. */
    private void writeCheckpoint(Checkpoint.Schedule schedule, long start, boolean beforeLastRound) {
        Position p = beforeLastRound ? before : current(start);
        FirstViolations v = beforeLastRound ? foundBefore : found;
        try {
            Checkpoint.write(schedule.dir(), Checkpoint.Header.of(program, selected), p, v, store);
        } catch (IOException e) {
            throw new CheckpointException("cannot write a checkpoint into " + schedule.dir() + ": " + e.getMessage(), e);
        }
        schedule.written(System.nanoTime());
    }

    private void resume(Workers workers) {
        Position p = Checkpoint.read(options.resumeDir(), Checkpoint.Header.of(program, selected), found, store);
        fired = p.fired;
        head = p.head;
        level = p.level;
        levelEnd = p.levelEnd;
        depth = p.depth;
        elapsedBefore = p.elapsedNanos;
        // the visited set is the set of keys of the stored states
        workers.run(partitions, (worker, part) -> {
            long[] s = lanes[worker].cur;
            LongHashSet table = visited.parts[part];
            for (int i = 0; i < store.size(); i++) {
                store.load(i, s);
                long k = key(s);
                if (visited.partition(k) == part && table.insert(k) == LongHashSet.FULL) {
                    throw new CheckpointException("cannot resume: the checkpoint's " + store.size()
                            + " states do not fit the " + budget.reason().replace(" reached", ""));
                }
            }
        });
    }

    // ------------------------------------------------------------ helpers

    /** Work and span of a {@link Tuning#timed() timed} run, after {@link #run}. */
    Effort effort() { return effort; }

    /** The state store after {@link #run}: the numbering every thread count must agree on (for tests). */
    StateStore store() { return store; }

    private long key(long[] s) {
        return words == 1 ? Fingerprint.mix64(s[0]) : Fingerprint.of(s, words);
    }

    static long saturatedNanos(Duration d) {
        try {
            return Math.max(0, d.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static String format(Duration d) {
        if (d.toMillis() % 1000 == 0) return d.toSeconds() + "s";
        return d.toMillis() + "ms";
    }
}
