package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.DomainError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One breadth-first search: the loop, its counters and limits. The queue is the tail of the
 * {@link StateStore} (states are numbered in BFS order), the visited set a {@link LongHashSet}
 * of {@link Fingerprint} keys. Sequential; one instance per run.
 *
 * <p>States are expanded in batches: the successors of consecutive states of one BFS level
 * are computed into a buffer (up to {@link #BATCH} of them), the home slots of their keys are
 * touched together ({@link LongHashSet#touch}) so that the visited-set cache misses overlap,
 * and then they are looked up and stored in order. The numbering of states is exactly that of
 * the state-by-state loop, and a batch never crosses a level.
 *
 * <p>Shortest traces: {@link FirstViolations} keeps the shortest violation of each property.
 * When level d is fully expanded, every violation of length at most d + 1 has been seen, so
 * the search may stop there when every selected property is violated. A limit (states, time)
 * stops mid-level; a violation found then is shortest except in one corner: a domain error in
 * the end condition of an unexpanded state of that level could be one step shorter.
 */
final class Search {
    static final int BATCH = 256;
    private static final String DEADLOCK_MESSAGE = "deadlock: no transition is enabled and the state is not an allowed end state";

    private final Program program;
    private final CompiledProgram system;
    private final boolean[] selected;
    private final long maxStates;
    private final Duration timeLimit;
    /** Keeps the result of {@link LongHashSet#touch} observable. */
    private long touched;

    Search(Program program, CompiledProgram system, boolean[] selected, CheckOptions options) {
        this.program = program;
        this.system = system;
        this.selected = selected;
        long limit = options.maxStates() > 0 ? options.maxStates() : Long.MAX_VALUE;
        this.maxStates = Math.min(limit, StateStore.MAX_STATES);
        this.timeLimit = options.timeLimit();
    }

    CheckResult run() {
        long start = System.nanoTime();
        long limitNanos = timeLimit == null ? Long.MAX_VALUE : saturatedNanos(timeLimit);
        int words = system.words();
        int transitions = system.transitionCount();
        StateStore store = new StateStore(words, transitions);
        LongHashSet visited = new LongHashSet(1 << 12);
        FirstViolations found = new FirstViolations(selected);
        int deadlock = system.deadlockProperty();
        int domain = system.domainProperty();
        boolean invariants = system.hasInvariants();

        long[] cur = system.initial();
        long[] next = new long[words];
        int[] buf = new int[Math.max(1, transitions)];
        int capacity = BATCH + transitions;
        long[] succ = new long[capacity * words];
        long[] keys = new long[capacity];
        int[] sources = new int[capacity];
        int[] actions = new int[capacity];

        visited.add(key(cur, words));
        store.add(cur, -1, 0);
        if (invariants) {
            found.at(0, -1, 0);
            system.checkInvariants(cur, found);
        }

        long fired = 0;
        int head = 0, levelEnd = 1, level = 0, depth = 0;
        String stop = "";
        while (head < store.size()) {
            if (head == levelEnd) {
                level++;
                levelEnd = store.size();
            }
            // 1. successors of states head.. (same level) into the batch buffer
            int m = 0;
            int src = head;
            while (src < levelEnd && m < BATCH) {
                store.load(src, cur);
                int n = system.enabled(cur, buf);
                if (n == 0 && deadlock >= 0) checkDeadlock(cur, src, level, deadlock, domain, found);
                for (int k = 0; k < n; k++) {
                    int t = buf[k];
                    found.at(src, t, level);
                    if (!system.fire(cur, t, next, found)) continue;
                    if (words == 1) succ[m] = next[0]; else System.arraycopy(next, 0, succ, m * words, words);
                    keys[m] = key(next, words);
                    sources[m] = src;
                    actions[m] = t;
                    m++;
                }
                fired += n;
                src++;
            }
            // 2. overlap the cache misses of the lookups
            touched += visited.touch(keys, m);
            // 3. look up and store, in order
            for (int j = 0; j < m; j++) {
                if (!visited.add(keys[j])) continue;
                if (store.size() >= maxStates) {
                    stop = maxStates == StateStore.MAX_STATES ? "engine capacity " + maxStates + " states" : "max states " + maxStates;
                    break;
                }
                int idx = store.add(succ, j * words, sources[j], actions[j]);
                depth = level + 1;
                if (invariants) {
                    store.load(idx, next);
                    found.at(idx, -1, level + 1);
                    system.checkInvariants(next, found);
                }
            }
            if (!stop.isEmpty()) break;
            head = src;
            if (head == levelEnd && found.allViolated() && head < store.size()) {
                stop = "all properties violated";
                break;
            }
            if (timeLimit != null && System.nanoTime() - start >= limitNanos && head < store.size()) {
                stop = "time limit " + format(timeLimit);
                break;
            }
        }
        long nanos = System.nanoTime() - start;
        boolean complete = stop.isEmpty();
        double collision = words == 1 ? 0.0 : Fingerprint.collisionProbability(store.size(), fired + 1);
        CheckResult.Statistics stats = new CheckResult.Statistics(store.size(), fired, depth, nanos, collision);

        TraceBuilder traces = new TraceBuilder(program, system, store);
        List<CheckResult.PropertyResult> results = new ArrayList<>();
        for (Property p : program.properties()) {
            int id = p.id();
            if (!selected[id]) continue;
            Verdict v;
            if (found.violated(id)) {
                v = new Verdict.Violated(traces.build(id, found.state[id], found.transition[id], found.message[id]));
            } else if (complete) {
                v = new Verdict.Holds();
            } else {
                v = new Verdict.Incomplete(stop);
            }
            results.add(new CheckResult.PropertyResult(p, v));
        }
        return new CheckResult(program, results, stats, complete, stop);
    }

    private static long key(long[] s, int words) {
        return words == 1 ? Fingerprint.mix64(s[0]) : Fingerprint.of(s);
    }

    private void checkDeadlock(long[] s, int state, int level, int deadlock, int domain, FirstViolations found) {
        found.at(state, -1, level);
        try {
            if (!system.isEnd(s)) found.violation(deadlock, DEADLOCK_MESSAGE);
        } catch (DomainError e) {
            if (domain >= 0) found.violation(domain, "end condition: " + e.getMessage());
        }
    }

    private static long saturatedNanos(Duration d) {
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
