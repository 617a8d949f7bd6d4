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
 */
final class Search {
    private static final String DEADLOCK_MESSAGE = "deadlock: no transition is enabled and the state is not an allowed end state";

    private final Program program;
    private final CompiledProgram system;
    private final boolean[] selected;
    private final long maxStates;
    private final Duration timeLimit;

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
        StateStore store = new StateStore(words, system.transitionCount());
        LongHashSet visited = new LongHashSet(1 << 12);
        FirstViolations found = new FirstViolations(selected);
        int deadlock = system.deadlockProperty();
        int domain = system.domainProperty();
        boolean invariants = system.hasInvariants();

        long[] cur = system.initial();
        long[] next = new long[words];
        int[] buf = new int[Math.max(1, system.transitionCount())];
        visited.add(words == 1 ? Fingerprint.mix64(cur[0]) : Fingerprint.of(cur));
        store.add(cur, -1, 0);
        if (invariants) {
            found.at(0, -1);
            system.checkInvariants(cur, found);
        }

        long fired = 0;
        int head = 0, levelEnd = 1, level = 0, depth = 0;
        String stop = "";
        expand:
        while (head < store.size()) {
            if (head == levelEnd) {
                level++;
                levelEnd = store.size();
            }
            store.load(head, cur);
            int n = system.enabled(cur, buf);
            if (n == 0 && deadlock >= 0) checkDeadlock(cur, head, deadlock, domain, found);
            for (int k = 0; k < n; k++) {
                int t = buf[k];
                found.at(head, t);
                fired++;
                if (!system.fire(cur, t, next, found)) continue;
                if (!visited.add(words == 1 ? Fingerprint.mix64(next[0]) : Fingerprint.of(next))) continue;
                if (store.size() >= maxStates) {
                    stop = maxStates == StateStore.MAX_STATES ? "engine capacity " + maxStates + " states" : "max states " + maxStates;
                    break expand;
                }
                int idx = store.add(next, head, t);
                depth = level + 1;
                if (invariants) {
                    found.at(idx, -1);
                    system.checkInvariants(next, found);
                }
            }
            head++;
            if (found.allViolated() && head < store.size()) {
                stop = "all properties violated";
                break;
            }
            if ((head & 1023) == 0 && timeLimit != null && System.nanoTime() - start >= limitNanos) {
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

    private void checkDeadlock(long[] s, int head, int deadlock, int domain, FirstViolations found) {
        found.at(head, -1);
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
