package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import entrycheck.semantics.DomainError;
import entrycheck.semantics.TransitionSystem;
import entrycheck.semantics.ViolationSink;
import entrycheck.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The liveness properties {@code returns eventually [under storms]} (LANGUAGE.md section 9),
 * checked after a complete breadth-first search over the states it stored.
 *
 * <p><b>What a violation is.</b> A lasso: a reachable cycle along which the nesting depth never
 * drops below 1, so the activation at the lowest depth of the cycle (and every one below it)
 * never returns, and which is <i>weakly fair</i> to instruction execution: every code
 * transition (a step, a rule, an iret, a trap raised by {@code raise}) that is enabled in every
 * state of the cycle is taken on it. Deliveries that complete no instruction (asynchronous,
 * {@code sync anywhere}, the fault of a {@code may_raise}) are the environment and get no
 * fairness. For {@code returns eventually} the cycle contains no environment delivery
 * (interrupts and faults are assumed to stop eventually, so a storm is not a counterexample);
 * for {@code under storms} it may (then a storm that keeps re-entering is one). States where
 * the property's {@code unless} condition holds are no part of a cycle.
 *
 * <p><b>How.</b> The subgraph of the reachable states with depth >= 1 (every cycle of an
 * activation that never returns lies in it: a return from level d leads to depth d - 1, and a
 * new activation at level d needs depth d - 1 first) is materialised as edges (compressed
 * rows: 8 bytes per edge; per state of depth >= 1 a hash entry of 13 bytes at load 0.25 to
 * 0.75 and about 50 bytes of numbering and search arrays; docs/PERFORMANCE.md has
 * measurements). Its strongly connected components come from Tarjan's algorithm with an
 * explicit stack. A non-trivial component contains a weakly fair cycle iff every code transition enabled
 * in all of its states labels one of its internal edges (a cycle through all its states and
 * edges is then fair; if some transition is enabled everywhere in it and never taken inside
 * it, no cycle inside it is fair). Of the fair components the one with the smallest state
 * number (fewest steps from the start) is reported: the BFS path to that state, then a cycle
 * inside the component that is itself fair (a shortest cycle, extended by a detour through
 * each transition that would otherwise stay enabled and untaken).
 *
 * <p>Only the breadth-first engine calls this: it needs every reachable state and its number.
 */
final class Liveness {
    private final Program program;
    private final TransitionSystem system;
    private final StateStore store;
    private final Var depthVar;
    private final Var[] vecVar;
    /** per transition: a delivery that completes no instruction ({@link Transition#isEnvironment}). */
    private final boolean[] environment;
    private final int words;

    // the graph over the states with depth >= 1, numbered 0..m-1 in state-number order
    private int m;
    private int[] stateOf;
    private int[] offset;
    private int[] target;
    private int[] action;
    private int edges;
    private IntMap local;

    private final int[] enabledBuf;
    private final boolean[] markScratch;

    // the property being checked: may the loop contain environment deliveries; excluded nodes
    private boolean storms;
    private boolean[] excluded;

    private Liveness(Program program, TransitionSystem system, StateStore store) {
        this.program = program;
        this.system = system;
        this.store = store;
        this.words = system.words();
        this.enabledBuf = new int[Math.max(1, system.transitionCount())];
        this.markScratch = new boolean[system.transitionCount()];
        Program.Nesting nesting = program.nesting();
        this.depthVar = program.layout().var(nesting.depth());
        this.vecVar = new Var[nesting.vectorOfLevel().length];
        for (int l = 0; l < vecVar.length; l++) {
            int v = nesting.vectorOfLevel()[l];
            vecVar[l] = v < 0 ? null : program.layout().var(v);
        }
        List<Transition> ts = program.transitions();
        this.environment = new boolean[ts.size()];
        for (Transition t : ts) environment[t.id()] = t.isEnvironment(nesting.depth());
    }

    /** The ids of the selected liveness properties. */
    static List<Integer> selectedLiveness(Program program, boolean[] selected) {
        List<Integer> out = new ArrayList<>();
        for (Property p : program.properties()) if (selected[p.id()] && p.kind().isLiveness()) out.add(p.id());
        return out;
    }

    /** Bytes the pass needs per stored state and per fired transition (an upper bound on edges), see the class comment. */
    static final long BYTES_PER_STATE = 100, BYTES_PER_TRANSITION = 16;

    /**
     * The result of a breadth-first search with the verdicts of its selected liveness properties
     * filled in: unchanged when the search was incomplete (they stay incomplete) or selected none.
     * They are {@link Verdict.Incomplete} when the heap cannot hold the graph (checked before
     * anything is allocated) or the monitor asks to stop during the pass.
     */
    static CheckResult apply(CheckResult result, Program program, TransitionSystem system, StateStore store,
                             boolean[] selected, SearchMonitor monitor) {
        List<Integer> ids = selectedLiveness(program, selected);
        if (ids.isEmpty() || !result.complete() || program.nesting() == null) return result;
        long start = System.nanoTime();
        String stop = memoryShortfall(store.size(), result.stats().transitions());
        Liveness live = null;
        if (stop == null) {
            live = new Liveness(program, system, store);
            if (!live.build(monitor)) stop = "interrupted during the liveness pass";
        }
        List<CheckResult.PropertyResult> out = new ArrayList<>();
        for (CheckResult.PropertyResult r : result.properties()) {
            Property p = r.property();
            if (!p.kind().isLiveness()) {
                out.add(r);
                continue;
            }
            if (stop != null) {
                out.add(new CheckResult.PropertyResult(p, new Verdict.Incomplete(stop)));
                continue;
            }
            Trace lasso = live.findLasso(p.id(), p.kind() == Property.Kind.RETURNS_UNDER_STORMS, unlessOf(program, p.id()));
            out.add(new CheckResult.PropertyResult(p, lasso == null ? new Verdict.Holds() : new Verdict.Violated(lasso)));
        }
        CheckResult.Statistics st = result.stats();
        // the reported time includes the liveness pass
        CheckResult.Statistics withLiveness = new CheckResult.Statistics(st.distinctStates(), st.transitions(), st.depth(),
                st.nanos() + System.nanoTime() - start, st.collisionProbability());
        return new CheckResult(result.program(), out, withLiveness, result.complete(), result.stopReason());
    }

    /** Why the heap cannot hold the liveness graph of {@code states} states, or null when it can. */
    static String memoryShortfall(long states, long transitions) {
        long need = states * BYTES_PER_STATE + transitions * BYTES_PER_TRANSITION;
        if (need <= available()) return null;
        System.gc(); // the estimate of free memory counts garbage as used; ask once before giving up
        long free = available();
        if (need <= free) return null;
        return "not enough memory for the liveness graph (about " + (need >> 20) + " MB needed, "
                + (free >> 20) + " MB free; raise -Xmx through JAVA_OPTS)";
    }

    private static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static entrycheck.ir.Expr unlessOf(Program program, int property) {
        for (entrycheck.ir.Invariant u : program.unless()) if (u.property() == property) return u.holds();
        return null;
    }

    // ------------------------------------------------------------ the graph

    private int depth(long[] s) { return StateLayout.get(s, depthVar); }

    /** Builds the graph; false when the monitor asked to stop. */
    private boolean build(SearchMonitor monitor) {
        int n = store.size();
        long[] s = new long[words];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0 && monitor.stopRequested()) return false;
            store.load(i, s);
            if (depth(s) >= 1) count++;
        }
        m = count;
        local = new IntMap(Math.max(16, m));
        stateOf = new int[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            store.load(i, s);
            if (depth(s) < 1) continue;
            stateOf[k] = i;
            local.put(key(s), k);
            k++;
        }
        offset = new int[m + 1];
        target = new int[Math.max(16, m * 2)];
        action = new int[target.length];
        int[] buf = new int[Math.max(1, system.transitionCount())];
        long[] next = new long[words];
        for (int u = 0; u < m; u++) {
            if ((u & 0xFFFF) == 0 && monitor.stopRequested()) return false;
            offset[u] = edges;
            store.load(stateOf[u], s);
            int ne = enabledOrNone(s, buf);
            for (int j = 0; j < ne; j++) {
                int t = buf[j];
                if (!system.fire(s, t, next, ViolationSink.IGNORE)) continue;
                if (depth(next) < 1) continue;
                int v = local.get(key(next));
                if (v < 0) throw new IllegalStateException("liveness: a successor of state " + stateOf[u] + " was not stored");
                if (edges == target.length) {
                    target = Arrays.copyOf(target, edges * 2);
                    action = Arrays.copyOf(action, edges * 2);
                }
                target[edges] = v;
                action[edges] = t;
                edges++;
            }
        }
        offset[m] = edges;
        return true;
    }

    private int enabledOrNone(long[] s, int[] buf) {
        try {
            return system.enabled(s, buf);
        } catch (DomainError e) {
            return 0; // reported as a domain violation by the search
        }
    }

    private long key(long[] s) { return words == 1 ? Fingerprint.mix64(s[0]) : Fingerprint.of(s); }

    /** Edge {@code e} out of node {@code u} may be part of a loop of the property being checked. */
    private boolean usable(int u, int e) {
        return (storms || !environment[action[e]]) && !excluded[u] && !excluded[target[e]];
    }

    /** The nodes where the {@code unless} condition holds (or cannot be evaluated: not a stopped machine). */
    private boolean[] excludedBy(entrycheck.ir.Expr unless) {
        boolean[] out = new boolean[m];
        if (unless == null) return out;
        entrycheck.semantics.Condition c = entrycheck.semantics.CompiledProgram.condition(program, unless);
        long[] s = new long[words];
        for (int u = 0; u < m; u++) {
            store.load(stateOf[u], s);
            try {
                out[u] = c.test(s);
            } catch (DomainError e) {
                out[u] = false;
            }
        }
        return out;
    }

    // ------------------------------------------------------------ components

    /** Tarjan's strongly connected components with an explicit stack; {@code comp[u]} per node. */
    private int[] components() {
        int[] index = new int[m];
        int[] low = new int[m];
        int[] comp = new int[m];
        Arrays.fill(index, -1);
        int[] stack = new int[m];
        boolean[] onStack = new boolean[m];
        int sp = 0;
        int[] callNode = new int[m];
        int[] callEdge = new int[m];
        int next = 0;
        int comps = 0;
        for (int root = 0; root < m; root++) {
            if (index[root] >= 0) continue;
            int cp = 0;
            callNode[cp] = root;
            callEdge[cp] = offset[root];
            index[root] = low[root] = next++;
            stack[sp++] = root;
            onStack[root] = true;
            while (cp >= 0) {
                int u = callNode[cp];
                int e = callEdge[cp];
                if (e < offset[u + 1]) {
                    callEdge[cp] = e + 1;
                    if (!usable(u, e)) continue;
                    int v = target[e];
                    if (index[v] < 0) {
                        index[v] = low[v] = next++;
                        stack[sp++] = v;
                        onStack[v] = true;
                        cp++;
                        callNode[cp] = v;
                        callEdge[cp] = offset[v];
                    } else if (onStack[v]) {
                        low[u] = Math.min(low[u], index[v]);
                    }
                    continue;
                }
                if (low[u] == index[u]) {
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp[w] = comps;
                    } while (w != u);
                    comps++;
                }
                cp--;
                if (cp >= 0) low[callNode[cp]] = Math.min(low[callNode[cp]], low[u]);
            }
        }
        return comp;
    }

    /** The lasso of the first fair component, or null when there is none. */
    private Trace findLasso(int property, boolean storms, entrycheck.ir.Expr unless) {
        this.storms = storms;
        this.excluded = excludedBy(unless);
        int[] comp = components();
        int comps = 0;
        for (int c : comp) comps = Math.max(comps, c + 1);
        // members grouped by component (counting sort), each group in node order
        int[] start = new int[comps + 1];
        for (int c : comp) start[c + 1]++;
        for (int c = 0; c < comps; c++) start[c + 1] += start[c];
        int[] members = new int[m];
        int[] fill = Arrays.copyOf(start, comps);
        for (int u = 0; u < m; u++) members[fill[comp[u]]++] = u;
        int best = -1;
        for (int c = 0; c < comps; c++) {
            int first = members[start[c]];
            if (best >= 0 && first >= members[start[best]]) continue;
            if (nonTrivial(c, comp, members, start) && fair(c, comp, members, start)) best = c;
        }
        if (best < 0) return null;
        return lasso(property, best, comp, members, start);
    }

    private boolean nonTrivial(int c, int[] comp, int[] members, int[] start) {
        if (start[c + 1] - start[c] > 1) return true;
        int u = members[start[c]];
        for (int e = offset[u]; e < offset[u + 1]; e++) if (usable(u, e) && target[e] == u) return true;
        return false;
    }

    /** Every code transition enabled in all states of component {@code c} labels one of its internal edges. */
    private boolean fair(int c, int[] comp, int[] members, int[] start) {
        int[] nodes = Arrays.copyOfRange(members, start[c], start[c + 1]);
        int[] always = alwaysEnabled(nodes);
        if (always.length == 0) return true;
        boolean[] taken = scratchTaken();
        for (int u : nodes) {
            for (int e = offset[u]; e < offset[u + 1]; e++) {
                if (usable(u, e) && comp[target[e]] == c) taken[action[e]] = true;
            }
        }
        boolean fair = true;
        for (int t : always) if (!taken[t]) fair = false;
        for (int u : nodes) for (int e = offset[u]; e < offset[u + 1]; e++) taken[action[e]] = false;
        return fair;
    }

    private boolean[] takenScratch;

    /** A per-transition scratch array, all false (callers clear what they set). */
    private boolean[] scratchTaken() {
        if (takenScratch == null) takenScratch = new boolean[system.transitionCount()];
        return takenScratch;
    }

    /** The code (non-environment) transitions enabled in every state of {@code nodes}, by id. */
    private int[] alwaysEnabled(int[] nodes) {
        int[] buf = enabledBuf;
        boolean[] mark = markScratch;
        long[] s = new long[words];
        int[] cand = null;
        int nc = 0;
        for (int u : nodes) {
            store.load(stateOf[u], s);
            int n = enabledOrNone(s, buf);
            if (cand == null) {
                cand = new int[n];
                for (int j = 0; j < n; j++) if (!environment[buf[j]]) cand[nc++] = buf[j];
            } else {
                for (int j = 0; j < n; j++) mark[buf[j]] = true;
                int keep = 0;
                for (int j = 0; j < nc; j++) if (mark[cand[j]]) cand[keep++] = cand[j];
                nc = keep;
                for (int j = 0; j < n; j++) mark[buf[j]] = false;
            }
            if (nc == 0) break;
        }
        return cand == null ? new int[0] : Arrays.copyOf(cand, nc);
    }

    // ------------------------------------------------------------ the lasso

    private Trace lasso(int property, int c, int[] comp, int[] members, int[] start) {
        int entry = members[start[c]];
        List<Integer> cycle = new ArrayList<>(); // edge indices, from entry back to entry
        appendPath(cycle, entry, entry, true, c, comp);
        boolean[] resolved = new boolean[system.transitionCount()];
        for (;;) {
            int[] nodes = cycleNodes(entry, cycle);
            int[] always = alwaysEnabled(nodes);
            boolean[] taken = new boolean[system.transitionCount()];
            for (int e : cycle) taken[action[e]] = true;
            int missing = -1;
            for (int t : always) if (!taken[t] && !resolved[t]) { missing = t; break; }
            if (missing < 0) break;
            resolved[missing] = true;
            int via = internalEdge(missing, c, comp, members, start);
            if (via >= 0) {
                int u = sourceOf(via);
                appendPath(cycle, entry, u, false, c, comp);
                cycle.add(via);
                appendPath(cycle, target[via], entry, false, c, comp);
            } else {
                int w = stateWithout(missing, c, members, start);
                appendPath(cycle, entry, w, false, c, comp);
                appendPath(cycle, w, entry, false, c, comp);
            }
        }
        // prefix: the BFS path to the entry state
        int state = stateOf[entry];
        int len = 0;
        for (int i = state; store.parent(i) >= 0; i = store.parent(i)) len++;
        int[] path = new int[len + cycle.size()];
        for (int i = state, k = len - 1; k >= 0; i = store.parent(i), k--) path[k] = store.action(i);
        for (int k = 0; k < cycle.size(); k++) path[len + k] = action[cycle.get(k)];
        Trace t = new TraceBuilder(program, system).build(property, path, null, -1, "");
        long[] loopState = len == 0 ? t.initial() : t.steps().get(len - 1).after();
        if (!Arrays.equals(loopState, t.steps().get(t.steps().size() - 1).after())) {
            throw new IllegalStateException("liveness: the lasso does not close");
        }
        return new Trace(program, property, t.initial(), t.steps(), message(cycle), len);
    }

    private String message(List<Integer> cycle) {
        long[] s = new long[words];
        int low = Integer.MAX_VALUE;
        int lowNode = -1;
        boolean env = false;
        for (int e : cycle) {
            int v = target[e];
            store.load(stateOf[v], s);
            int d = depth(s);
            if (d < low) { low = d; lowNode = v; }
            if (environment[action[e]]) env = true;
        }
        store.load(stateOf[lowNode], s);
        String vector = "";
        if (low < vecVar.length && vecVar[low] != null) {
            int vi = StateLayout.get(s, vecVar[low]);
            List<String> vs = program.nesting().vectors();
            if (vi > 0 && vi < vs.size()) vector = vs.get(vi) + " ";
        }
        return "the " + vector + "entry at level " + low + " never returns: the loop repeats forever, "
                + (env ? "re-entered by interrupts that never stop (a storm), " : storms ? "" : "with no interrupt in it, ")
                + "and every instruction step enabled throughout the loop is taken in it (weakly fair)";
    }

    private int sourceOf(int e) {
        int lo = 0, hi = m - 1;
        while (lo < hi) { // the last node whose offset is <= e
            int mid = (lo + hi + 1) >>> 1;
            if (offset[mid] <= e) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private int internalEdge(int t, int c, int[] comp, int[] members, int[] start) {
        for (int k = start[c]; k < start[c + 1]; k++) {
            int u = members[k];
            for (int e = offset[u]; e < offset[u + 1]; e++) {
                if (action[e] == t && usable(u, e) && comp[target[e]] == c) return e;
            }
        }
        return -1;
    }

    private int stateWithout(int t, int c, int[] members, int[] start) {
        int[] buf = new int[Math.max(1, system.transitionCount())];
        long[] s = new long[words];
        for (int k = start[c]; k < start[c + 1]; k++) {
            int u = members[k];
            store.load(stateOf[u], s);
            int n = enabledOrNone(s, buf);
            boolean has = false;
            for (int j = 0; j < n; j++) if (buf[j] == t) has = true;
            if (!has) return u;
        }
        throw new IllegalStateException("liveness: transition " + t + " is enabled throughout a fair component but never taken in it");
    }

    private int[] cycleNodes(int entry, List<Integer> cycle) {
        int[] out = new int[cycle.size() + 1];
        out[0] = entry;
        for (int k = 0; k < cycle.size(); k++) out[k + 1] = target[cycle.get(k)];
        return out;
    }

    /**
     * Appends a shortest path of internal edges of component {@code c} from {@code from} to
     * {@code to}; with {@code nonEmpty} at least one edge (a cycle when from == to).
     */
    private void appendPath(List<Integer> out, int from, int to, boolean nonEmpty, int c, int[] comp) {
        if (from == to && !nonEmpty) return;
        IntMap via = new IntMap(64); // node -> edge it was reached by
        int[] queue = new int[64];
        int qh = 0, qt = 0;
        queue[qt++] = from;
        int found = -1;
        search:
        while (qh < qt) {
            int u = queue[qh++];
            for (int e = offset[u]; e < offset[u + 1]; e++) {
                if (!usable(u, e)) continue;
                int v = target[e];
                if (comp[v] != c || via.get(v) >= 0 || (v == from && v != to)) continue;
                via.put(v, e);
                if (v == to) { found = e; break search; }
                if (qt == queue.length) queue = Arrays.copyOf(queue, qt * 2);
                queue[qt++] = v;
            }
        }
        if (found < 0) throw new IllegalStateException("liveness: no path inside a strongly connected component");
        List<Integer> rev = new ArrayList<>();
        int v = to;
        int e = via.get(v);
        rev.add(e);
        int u = sourceOf(e);
        while (u != from) {
            e = via.get(u);
            rev.add(e);
            u = sourceOf(e);
        }
        for (int k = rev.size() - 1; k >= 0; k--) out.add(rev.get(k));
    }

    /** An open-addressing map from long keys (state fingerprints) to int values; -1 for an absent key. */
    static final class IntMap {
        private long[] keys;
        private int[] vals;
        private boolean[] used;
        private int size;
        private int mask;

        IntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            vals = new int[cap];
            used = new boolean[cap];
            mask = cap - 1;
        }

        int get(long k) {
            int h = (int) Fingerprint.mix64(k) & mask;
            while (used[h]) {
                if (keys[h] == k) return vals[h];
                h = (h + 1) & mask;
            }
            return -1;
        }

        void put(long k, int v) {
            if ((size + 1) * 4L > keys.length * 3L) grow();
            int h = (int) Fingerprint.mix64(k) & mask;
            while (used[h]) {
                if (keys[h] == k) { vals[h] = v; return; }
                h = (h + 1) & mask;
            }
            used[h] = true;
            keys[h] = k;
            vals[h] = v;
            size++;
        }

        private void grow() {
            long[] ok = keys;
            int[] ov = vals;
            boolean[] ou = used;
            keys = new long[ok.length * 2];
            vals = new int[ok.length * 2];
            used = new boolean[ok.length * 2];
            mask = keys.length - 1;
            size = 0;
            for (int i = 0; i < ok.length; i++) if (ou[i]) put(ok[i], ov[i]);
        }
    }
}
