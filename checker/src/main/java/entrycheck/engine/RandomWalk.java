package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.DomainError;
import java.util.SplittableRandom;

/**
 * Random walks ("simulation" in TLC and Stateright, SPIN's random simulation runs), for models
 * too large to explore exhaustively: walk {@code i} starts in the initial state and fires, at
 * each step, one enabled transition chosen uniformly at random, until it has taken
 * {@code depth} steps, reaches a state without successors, or a domain error ends it. Every
 * state on the way is checked (invariants, deadlock) and every fired transition's checks run.
 *
 * <p>Walk {@code i} draws from a {@link SplittableRandom} seeded by the run's seed and
 * {@code i}, so a run is reproducible from its seed. The first violation of each property is
 * reported with the walk's path, rebuilt into a trace by replay; it may be long and it may
 * revisit states. Random walks never prove a property: properties without a violation are
 * incomplete. The distinct states the walks visited are counted in a visited set (within the
 * memory budget); {@code transitions} counts the transitions fired and {@code depth} the
 * longest walk. One thread.
 */
final class RandomWalk {
    private static final String DEADLOCK_MESSAGE = "deadlock: no transition is enabled and the state is not an allowed end state";

    private final Program program;
    private final CompiledProgram system;
    private final boolean[] selected;
    private final CheckOptions options;
    private final SearchMonitor monitor;

    RandomWalk(Program program, CompiledProgram system, boolean[] selected, CheckOptions options, SearchMonitor monitor) {
        this.program = program;
        this.system = system;
        this.selected = selected;
        this.options = options;
        this.monitor = monitor;
    }

    CheckResult run() {
        long start = System.nanoTime();
        CheckOptions.Walks walks = options.walks();
        long limitNanos = options.timeLimit() == null ? Long.MAX_VALUE : ParallelBfs.saturatedNanos(options.timeLimit());
        long maxStates = options.maxStates() > 0 ? options.maxStates() : Long.MAX_VALUE;
        int words = system.words();
        int deadlock = system.deadlockProperty(), domain = system.domainProperty();
        MemoryBudget budget = MemoryBudget.of(options);
        LongHashSet visited = new LongHashSet(1 << 12, budget);
        PathViolations found = new PathViolations(selected);
        int[] path = new int[Math.min(walks.depth(), 1 << 16)];
        int[] buf = new int[Math.max(1, system.transitionCount())];
        long[] s = new long[words], next = new long[words];
        long fired = 0;
        int longest = 0;
        String stop = "";

        walking:
        for (long w = 0; w < walks.count(); w++) {
            long now = System.nanoTime();
            if (monitor.stopRequested()) { stop = "interrupted"; break; }
            if (now - start >= limitNanos) { stop = "time limit " + ParallelBfs.format(options.timeLimit()); break; }
            if ((w & 0xFF) == 0) monitor.progress(new SearchMonitor.Progress(visited.size(), fired, walks.count() - w, longest, now - start));
            SplittableRandom rnd = new SplittableRandom(Fingerprint.mix64(walks.seed() ^ Fingerprint.mix64(w + 1)));
            System.arraycopy(system.initial(), 0, s, 0, words);
            int len = 0;
            while (true) {
                int r = visited.insert(Fingerprint.key(s, words));
                if (r == LongHashSet.FULL) { stop = budget.reason(); break walking; }
                if (r == LongHashSet.ADDED && visited.size() > maxStates) { stop = "max states " + maxStates; break walking; }
                found.at(path, len, -1);
                system.checkInvariants(s, found);
                int n = system.enabled(s, buf);
                if (n == 0) {
                    if (deadlock >= 0) {
                        try {
                            if (!system.isEnd(s)) found.violation(deadlock, DEADLOCK_MESSAGE);
                        } catch (DomainError e) {
                            if (domain >= 0) found.violation(domain, "end condition: " + e.getMessage());
                        }
                    }
                    break;
                }
                if (len == walks.depth()) break;
                int t = buf[rnd.nextInt(n)];
                found.at(path, len, t);
                fired++;
                if (!system.fire(s, t, next, found)) break;
                if (len == path.length) path = java.util.Arrays.copyOf(path, (int) Math.min((long) path.length * 2, walks.depth()));
                path[len++] = t;
                long[] tmp = s; s = next; next = tmp;
            }
            longest = Math.max(longest, len);
            if (found.allViolated()) { stop = "all properties violated"; break; }
        }
        if (stop.isEmpty()) {
            stop = "random walks prove nothing (" + walks.count() + (walks.count() == 1 ? " walk" : " walks")
                    + " of up to " + walks.depth() + " steps, seed " + walks.seed() + ")";
        }
        long nanos = System.nanoTime() - start;
        long distinct = Math.min(visited.size(), maxStates);
        CheckResult.Statistics stats = new CheckResult.Statistics(distinct, fired, longest, nanos,
                words == 1 ? 0.0 : Fingerprint.collisionProbability(distinct, fired + 1));
        return Results.of(program, selected, stop, stats, id -> found.verdict(program, system, id));
    }
}
