package entrycheck.trace;

import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.DomainError;
import entrycheck.semantics.ViolationSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Minimal traces ({@code check --minimize}): among the counterexamples of the fewest steps, one
 * with the fewest interrupt and exception deliveries (transitions of kind
 * {@link Transition.Kind#DELIVER}: an asynchronous vector, a {@code raise} or a fault of
 * {@code may_raise}).
 *
 * <p><b>Method.</b> A breadth-first search by levels from the initial state, numbering states
 * exactly as the checker's search does (a new state gets the next number when it is first met,
 * sources in number order, transitions in id order), so that it finds the same shortest length.
 * Each state carries the least number of deliveries over the shortest paths to it, and the
 * predecessor (state and transition) that gives it: while level {@code k} is expanded, a
 * successor in level {@code k + 1} takes the cost of its source plus one for a delivery when
 * that is strictly less than what it has (0/1 edge weights over the shortest-path DAG; every
 * state of level {@code k} is final when level {@code k} is expanded). Violations are then
 * compared by (length, deliveries, state number, transition id): the shortest first, then the
 * fewest deliveries, then the checker's own canonical order. Ties keep the first predecessor,
 * which is the checker's BFS parent, so when no trace with fewer deliveries exists the result is
 * exactly the trace the checker printed. Invariants are checked once a level is complete (a
 * state's cost can still drop while its level is being built); failing checks and domain
 * errors of a transition and deadlocks are recorded as the search meets them. The trace is
 * rebuilt by walking the chosen predecessors back to the initial state.
 *
 * <p>A lasso trace (a liveness violation, {@link Trace#loopStart()} set) is kept as it is.
 *
 * <p><b>Cost.</b> One more search of every state within the trace's length (at most the length
 * of the longest trace asked for; several traces share one search), firing every enabled
 * transition once; memory is the states themselves (stored exactly, not as fingerprints) plus
 * three ints each and an open-addressing index. No state beyond the trace's length is stored.
 */
public final class Minimize {
    private Minimize() { }

    /**
     * @param traces   the minimised traces, in the order given (an input trace is kept when the
     *                 search stopped early)
     * @param complete false when a limit stopped the search: then {@code traces} are the inputs
     * @param states   the states the search stored
     */
    public record Result(List<Trace> traces, boolean complete, long states) { }

    /** The number of steps of {@code trace} that deliver a vector. */
    public static int deliveries(Trace trace) {
        int n = 0;
        for (Trace.Step s : trace.steps()) {
            if (trace.program().transitions().get(s.transition()).kind() == Transition.Kind.DELIVER) n++;
        }
        return n;
    }

    /**
     * For each trace (of {@code program}), a trace of the same property of the fewest steps, and
     * of those one with the fewest deliveries.
     *
     * @param maxStates stop (and keep the inputs) after storing this many states; 0 = no limit
     * @param stop      polled once per level and every 4096 sources; true stops (and keeps the inputs)
     */
    public static Result fewestDeliveries(Program program, List<Trace> traces, long maxStates, BooleanSupplier stop) {
        if (traces.isEmpty()) return new Result(List.of(), true, 0);
        return new Search(program, traces, maxStates <= 0 ? Integer.MAX_VALUE - 8 : Math.min(maxStates, Integer.MAX_VALUE - 8), stop).run();
    }

    /** The search for one set of traces of one program. */
    private static final class Search implements ViolationSink {
        private final Program program;
        private final List<Trace> inputs;
        private final long maxStates;
        private final BooleanSupplier stop;
        private final CompiledProgram system;
        private final int words;
        private final boolean[] target;
        private final int[] delivers;
        private final int deadlock;
        private final int domain;
        private int maxLength;

        // states: number -> packed state, parent, transition from the parent, least deliveries
        private long[] states;
        private int[] parent;
        private int[] via;
        private int[] cost;
        private int size;
        private int[] index = new int[1 << 10];   // open addressing: state number + 1, 0 = empty

        // the best violation of each property so far
        private final int[] bestLength;
        private final int[] bestCost;
        private final int[] bestState;
        private final int[] bestTransition;
        private final String[] bestMessage;
        private int curLength;
        private int curCost;
        private int curState;
        private int curTransition;

        Search(Program program, List<Trace> traces, long maxStates, BooleanSupplier stop) {
            this.program = program;
            this.inputs = traces;
            this.maxStates = maxStates;
            this.stop = stop;
            int props = program.properties().size();
            this.target = new boolean[props];
            for (Trace t : traces) {
                if (t.program() != program) throw new IllegalArgumentException("a trace of another program");
                if (t.loopStart() >= 0) continue;   // a lasso (liveness) trace is kept as it is
                target[t.property()] = true;
                maxLength = Math.max(maxLength, t.steps().size());
            }
            this.system = CompiledProgram.compile(program, target);
            this.words = system.words();
            this.deadlock = system.deadlockProperty();
            this.domain = system.domainProperty();
            this.delivers = new int[system.transitionCount()];
            for (int t = 0; t < delivers.length; t++) {
                delivers[t] = program.transitions().get(t).kind() == Transition.Kind.DELIVER ? 1 : 0;
            }
            this.states = new long[words * 1024];
            this.parent = new int[1024];
            this.via = new int[1024];
            this.cost = new int[1024];
            this.bestLength = new int[props];
            this.bestCost = new int[props];
            this.bestState = new int[props];
            this.bestTransition = new int[props];
            this.bestMessage = new String[props];
        }

        Result run() {
            long[] s = new long[words];
            long[] out = new long[words];
            int[] buf = new int[Math.max(1, system.transitionCount())];
            add(system.initial(), -1, -1, 0);
            int levelStart = 0;
            for (int level = 0; ; level++) {
                int levelEnd = size;
                // invariants of the (now complete) level
                for (int i = levelStart; i < levelEnd; i++) {
                    load(i, s);
                    at(level, cost[i], i, -1);
                    system.checkInvariants(s, this);
                }
                if (allFound(level) || level > maxLength || levelStart == levelEnd) break;
                if (stop.getAsBoolean()) return unchanged();
                for (int src = levelStart; src < levelEnd; src++) {
                    if ((src & 4095) == 0 && stop.getAsBoolean()) return unchanged();
                    load(src, s);
                    int n;
                    try {
                        n = system.enabled(s, buf);
                    } catch (DomainError e) {
                        n = 0;   // the checker's semantics counts such guards as enabled; not reached in practice
                    }
                    if (n == 0 && deadlock >= 0) {
                        at(level, cost[src], src, -1);
                        try {
                            if (!system.isEnd(s)) violation(deadlock, "deadlock: no transition is enabled and the state is not an allowed end state");
                        } catch (DomainError e) {
                            if (domain >= 0) violation(domain, "end condition: " + e.getMessage());
                        }
                    }
                    for (int k = 0; k < n; k++) {
                        int t = buf[k];
                        int c = cost[src] + delivers[t];
                        at(level + 1, c, src, t);
                        if (!system.fire(s, t, out, this)) continue;
                        int j = find(out);
                        if (j < 0) {
                            if (size >= maxStates) return unchanged();
                            add(out, src, t, c);
                        } else if (j >= levelEnd && c < cost[j]) {
                            parent[j] = src;
                            via[j] = t;
                            cost[j] = c;
                        }
                    }
                }
                levelStart = levelEnd;
            }
            List<Trace> result = new ArrayList<>();
            for (Trace t : inputs) {
                result.add(t.loopStart() >= 0 || bestMessage[t.property()] == null ? t : rebuild(t.property()));
            }
            return new Result(result, true, size);
        }

        private Result unchanged() { return new Result(inputs, false, size); }

        /** True when every target property has a violation of at most {@code level} steps (final). */
        private boolean allFound(int level) {
            for (int p = 0; p < target.length; p++) {
                if (target[p] && (bestMessage[p] == null || bestLength[p] > level)) return false;
            }
            return true;
        }

        private void at(int length, int c, int state, int transition) {
            curLength = length;
            curCost = c;
            curState = state;
            curTransition = transition;
        }

        @Override
        public void violation(int p, String message) {
            if (p < 0 || p >= target.length || !target[p]) return;
            if (bestMessage[p] != null && !before(p)) return;
            bestLength[p] = curLength;
            bestCost[p] = curCost;
            bestState[p] = curState;
            bestTransition[p] = curTransition;
            bestMessage[p] = message;
        }

        /** The current position precedes the best of {@code p} in (length, deliveries, state, transition). */
        private boolean before(int p) {
            if (curLength != bestLength[p]) return curLength < bestLength[p];
            if (curCost != bestCost[p]) return curCost < bestCost[p];
            if (curState != bestState[p]) return curState < bestState[p];
            return curTransition < bestTransition[p];
        }

        private Trace rebuild(int p) {
            int len = 0;
            for (int i = bestState[p]; parent[i] >= 0; i = parent[i]) len++;
            int[] chain = new int[len];
            for (int i = bestState[p], k = len - 1; k >= 0; i = parent[i], k--) chain[k] = i;
            List<Trace.Step> steps = new ArrayList<>(len + 1);
            for (int i : chain) {
                long[] after = new long[words];
                load(i, after);
                steps.add(new Trace.Step(via[i], after));
            }
            if (bestTransition[p] >= 0) {
                long[] src = new long[words];
                load(bestState[p], src);
                long[] next = new long[words];
                system.fire(src, bestTransition[p], next, ViolationSink.IGNORE); // false for a domain error: next is partial
                steps.add(new Trace.Step(bestTransition[p], next));
            }
            long[] initial = new long[words];
            load(0, initial);
            return new Trace(program, p, initial, steps, bestMessage[p], -1);
        }

        // ------------------------------------------------------------ the state table

        private void load(int i, long[] into) { System.arraycopy(states, i * words, into, 0, words); }

        private void add(long[] s, int from, int t, int c) {
            if (size == parent.length) {
                int cap = (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8);
                states = Arrays.copyOf(states, Math.multiplyExact(cap, words));
                parent = Arrays.copyOf(parent, cap);
                via = Arrays.copyOf(via, cap);
                cost = Arrays.copyOf(cost, cap);
            }
            System.arraycopy(s, 0, states, size * words, words);
            parent[size] = from;
            via[size] = t;
            cost[size] = c;
            size++;
            if (size * 2L > index.length) rehash();
            else insert(size - 1);
        }

        private int find(long[] s) {
            int mask = index.length - 1;
            for (int h = hash(s, 0) & mask; ; h = (h + 1) & mask) {
                int e = index[h];
                if (e == 0) return -1;
                if (equal(e - 1, s)) return e - 1;
            }
        }

        private boolean equal(int i, long[] s) {
            int base = i * words;
            for (int w = 0; w < words; w++) if (states[base + w] != s[w]) return false;
            return true;
        }

        private void insert(int i) {
            int mask = index.length - 1;
            int h = hash(states, i * words) & mask;
            while (index[h] != 0) h = (h + 1) & mask;
            index[h] = i + 1;
        }

        private void rehash() {
            index = new int[index.length * 2];
            for (int i = 0; i < size; i++) insert(i);
        }

        private int hash(long[] a, int off) {
            long h = 0x9E3779B97F4A7C15L;
            for (int w = 0; w < words; w++) {
                h ^= a[off + w];
                h *= 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            return (int) (h ^ (h >>> 32));
        }
    }
}
