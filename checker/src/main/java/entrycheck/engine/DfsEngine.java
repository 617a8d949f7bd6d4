package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.DomainError;
import java.util.Arrays;

/**
 * Depth-first search with an explicit stack (no recursion, so the depth is bounded by memory,
 * not by the Java stack), as SPIN's default search. Frame {@code d} holds a state, its enabled
 * transitions and the position of the next one to fire; a successor not yet in the visited set
 * is pushed and explored before its siblings.
 *
 * <p>Unlike the breadth-first search it needs no state store: the visited set
 * ({@link LongHashSet}, the same keys) and the stack are all it holds, so it reaches further
 * in the same memory. A violation is reported with the path on the stack when it was found,
 * rebuilt by replay: a real run of the model, but not necessarily a shortest one. The first
 * violation of each property in DFS order is kept; the search stops early when every selected
 * property is violated. On a complete search the state and transition counts equal the
 * breadth-first search's, and so does the set of violated properties. {@code depth} in the
 * statistics is the deepest stack reached. One thread.
 */
final class DfsEngine {
    private static final String DEADLOCK_MESSAGE = "deadlock: no transition is enabled and the state is not an allowed end state";

    private final Program program;
    private final CompiledProgram system;
    private final boolean[] selected;
    private final CheckOptions options;
    private final SearchMonitor monitor;
    private final int words;
    private final int transitions;
    private final int deadlock;
    private final int domain;
    private final MemoryBudget budget;
    private final PathViolations found;

    // The stack. Frame d: state frames[d]; enabled transitions ids[first[d] .. first[d] + count[d]);
    // the next to fire, pos[d]; the transition that leads on to frame d + 1, path[d].
    // Frames are allocated the first time the stack reaches them and reused after.
    private long[][] frames = new long[16][];
    private int[] first = new int[16];
    private int[] count = new int[16];
    private int[] pos = new int[16];
    private int[] path = new int[16];
    private int[] ids = new int[256];
    private final int[] scratch;
    private long reserved;

    DfsEngine(Program program, CompiledProgram system, boolean[] selected, CheckOptions options, SearchMonitor monitor) {
        this.program = program;
        this.system = system;
        this.selected = selected;
        this.options = options;
        this.monitor = monitor;
        this.words = system.words();
        this.transitions = system.transitionCount();
        this.deadlock = system.deadlockProperty();
        this.domain = system.domainProperty();
        this.budget = MemoryBudget.of(options);
        this.found = new PathViolations(selected);
        this.scratch = new int[Math.max(1, transitions)];
    }

    CheckResult run() {
        long start = System.nanoTime();
        long limitNanos = options.timeLimit() == null ? Long.MAX_VALUE : ParallelBfs.saturatedNanos(options.timeLimit());
        long maxStates = options.maxStates() > 0 ? options.maxStates() : Long.MAX_VALUE;
        LongHashSet visited = new LongHashSet(1 << 12, budget);
        long distinct = 1, fired = 0, steps = 0;
        int maxDepth = 0;
        String stop = "";

        frames[0] = system.initial();
        visited.add(Fingerprint.key(frames[0], words));
        fired += enter(0);
        int d = 0;
        while (d >= 0) {
            if ((++steps & 0x3FF) == 0) {
                long elapsed = System.nanoTime() - start;
                if (monitor.stopRequested()) { stop = "interrupted"; break; }
                if (elapsed >= limitNanos) { stop = "time limit " + ParallelBfs.format(options.timeLimit()); break; }
                if ((steps & 0x3FFFF) == 0) monitor.progress(new SearchMonitor.Progress(distinct, fired, d + 1L, maxDepth, elapsed));
            }
            if (found.allViolated()) { stop = "all properties violated"; break; }
            if (pos[d] == count[d]) { d--; continue; }
            int t = ids[first[d] + pos[d]++];
            if (!ensureFrames(d + 2)) { stop = budget.reason(); break; }
            long[] next = frames[d + 1];
            found.at(path, d, t);
            if (!system.fire(frames[d], t, next, found)) continue;
            int r = visited.insert(Fingerprint.key(next, words));
            if (r == LongHashSet.PRESENT) continue;
            if (r == LongHashSet.FULL) { stop = budget.reason(); break; }
            if (distinct >= maxStates) { stop = "max states " + maxStates; break; }
            distinct++;
            path[d] = t;
            d++;
            maxDepth = Math.max(maxDepth, d);
            fired += enter(d);
            if (count[d] < 0) { stop = budget.reason(); break; }
        }
        if (stop.isEmpty() && visited.growthRefused()) stop = budget.reason();
        long nanos = System.nanoTime() - start;
        CheckResult.Statistics stats = new CheckResult.Statistics(distinct, fired, maxDepth, nanos,
                words == 1 ? 0.0 : Fingerprint.collisionProbability(distinct, fired + 1));
        return Results.of(program, selected, stop, stats, id -> found.verdict(program, system, id));
    }

    /**
     * Enters frame {@code d}, whose state is in place: checks its invariants, lists its enabled
     * transitions after those of frame {@code d - 1}, checks for a deadlock. Returns the number
     * of enabled transitions (each will be fired once), or sets {@code count[d]} to -1 when the
     * budget refuses room for them.
     */
    private int enter(int d) {
        long[] s = frames[d];
        found.at(path, d, -1);
        system.checkInvariants(s, found);
        int n = system.enabled(s, scratch);
        int at = d == 0 ? 0 : first[d - 1] + count[d - 1];
        if (at + n > ids.length) {
            int size = Math.max(ids.length * 2, at + n);
            if (!reserve(4L * (size - ids.length))) {
                count[d] = -1;
                return 0;
            }
            ids = Arrays.copyOf(ids, size);
        }
        System.arraycopy(scratch, 0, ids, at, n);
        first[d] = at;
        count[d] = n;
        pos[d] = 0;
        if (n == 0 && deadlock >= 0) {
            try {
                if (!system.isEnd(s)) found.violation(deadlock, DEADLOCK_MESSAGE);
            } catch (DomainError e) {
                if (domain >= 0) found.violation(domain, "end condition: " + e.getMessage());
            }
        }
        return n;
    }

    /** Makes frames {@code 0 .. n-1} exist, within the budget. */
    private boolean ensureFrames(int n) {
        if (n > frames.length) {
            int size = Math.max(frames.length * 2, n);
            if (!reserve((long) (size - frames.length) * 32)) return false;
            frames = Arrays.copyOf(frames, size);
            first = Arrays.copyOf(first, size);
            count = Arrays.copyOf(count, size);
            pos = Arrays.copyOf(pos, size);
            path = Arrays.copyOf(path, size);
        }
        if (frames[n - 1] == null) {
            if (!reserve(16 + 8L * words)) return false;
            frames[n - 1] = new long[words];
        }
        return true;
    }

    private boolean reserve(long bytes) {
        if (!budget.tryReserve(bytes)) return false;
        reserved += bytes;
        return true;
    }
}
