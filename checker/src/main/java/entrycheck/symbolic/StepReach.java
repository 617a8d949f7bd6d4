package entrycheck.symbolic;

import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import java.util.BitSet;
import java.util.List;

/**
 * Which transitions can be taken at each step of an unrolling: a forward over-approximation of
 * the states reachable in exactly i steps, one set of values per variable. A transition is
 * possible at step i unless one of its {@code pre} conjuncts ("variable == constant": its
 * program counter and nesting level) names a value outside that variable's set, or its
 * enabling condition, evaluated by the same {@link SymbolicStep} the unrolling uses over
 * placeholder terms bounded by each set's minimum and maximum (and the pre variables fixed to
 * their values), folds to false. Its successor adds, per variable, the old set (unchanged), the
 * constant it assigns, or the values within the bounds of the term it assigns. Program counters
 * are assigned constants and tested by pre conjuncts, so they are tracked exactly as sets;
 * intervals alone (tried first) let three quarters of b6-pkrs-by-value's 641 transitions
 * through from step 5 on, because a handler's program counter then spans every label between
 * its first and its current one. {@link Unrolling} leaves a transition that is not possible at
 * step i out of that step: no candidates, no guard, and the action's domain without it.
 *
 * <p>Soundness: by induction on i, every concrete state reachable in i valid steps lies in the
 * abstract state: the initial state is its singleton sets; a transition enabled in a concrete
 * state satisfies its pre conjuncts, so its placeholders may be fixed to those values, and
 * {@link Terms} computes bounds that contain every value a term takes over operand values
 * within their bounds (the unrolling relies on the same bounds for its variables' domains), so
 * the enabling condition cannot fold to false and each successor value is in the added set. A
 * placeholder of variable v is a {@link Terms#variable read} of id v; it never reaches a query,
 * and two placeholders never share an id, so no simplification can identify two different
 * variables. Where the abstraction cannot exclude a transition it stays possible: precision is
 * lost, never a violation. The engine agreement tests (random programs, bmc against BFS) check
 * this end to end.
 *
 * <p>Source of the idea: abstract interpretation with a non-relational value-set domain
 * (Cousot and Cousot, "Static determination of dynamic properties of programs", 1976; the
 * "value-set analysis" of Balakrishnan and Reps, CC 2004) run for a bounded number of steps, as
 * bounded model checkers shrink each time frame of the unrolling with reachability analyses
 * (Biere et al., "Bounded model checking", Advances in Computers 58, 2003, section 6).
 */
final class StepReach {
    private StepReach() { }

    /** {@code possible[i][t]}: transition t may be the action of step i + 1 (0-based step i). */
    static boolean[][] possible(Program program, SymbolicStep step, int depth) {
        List<Transition> ts = program.transitions();
        List<Var> vars = program.layout().vars();
        int n = vars.size();
        boolean[][] possible = new boolean[depth][ts.size()];
        Values[] values = new Values[n];
        for (Var v : vars) values[v.id()] = new Values(v.type().lo(), v.type().hi()).add(v.init());
        for (int i = 0; i < depth; i++) {
            Term[] state = new Term[n];
            for (int id = 0; id < n; id++) state[id] = values[id].term(id);
            Values[] next = new Values[n];
            for (Var v : vars) next[v.id()] = new Values(v.type().lo(), v.type().hi());
            boolean any = false;
            for (Transition t : ts) {
                Term[] at = fixPres(t, values, state);
                if (at == null) continue;
                SymbolicStep.Fired f = step.fire(t, at);
                if (f.enabled().isFalse()) continue;
                possible[i][t.id()] = true;
                if (f.valid().isFalse()) continue;
                any = true;
                Term[] after = f.after();
                for (int id = 0; id < n; id++) {
                    Term a = after[id];
                    if (a.expr() == state[id].expr()) next[id].addAll(values[id]);
                    else if (a.isConst()) next[id].add(a.value());
                    else next[id].addRange(a.lo(), a.hi());
                }
            }
            if (!any) break; // no valid step: nothing is reachable in i + 1 steps
            values = next;
        }
        return possible;
    }

    /** The state with t's pre variables fixed to their values, or null when a value is not in its set. */
    private static Term[] fixPres(Transition t, Values[] values, Term[] state) {
        if (t.pre().isEmpty()) return state;
        Term[] at = state.clone();
        for (Transition.Pre p : t.pre()) {
            if (!values[p.var()].contains(p.value())) return null;
            at[p.var()] = Terms.constant(p.value());
        }
        return at;
    }

    /** A set of values of one variable within its type's domain {@code lo..hi}. */
    private static final class Values {
        private final int lo;
        private final int hi;
        private final BitSet bits = new BitSet();

        Values(int lo, int hi) {
            this.lo = lo;
            this.hi = hi;
        }

        Values add(int v) {
            if (v >= lo && v <= hi) bits.set(v - lo);
            return this;
        }

        void addRange(int from, int to) {
            int a = Math.max(from, lo), b = Math.min(to, hi);
            if (a <= b) bits.set(a - lo, b - lo + 1);
        }

        void addAll(Values other) { bits.or(other.bits); }

        boolean contains(int v) { return v >= lo && v <= hi && bits.get(v - lo); }

        /** A constant for one value, else a placeholder read of {@code id} over the set's bounds. */
        Term term(int id) {
            if (bits.isEmpty()) return Terms.variable(id, lo, hi); // not reached by a valid step; any value is sound
            int min = lo + bits.nextSetBit(0), max = lo + bits.length() - 1;
            return min == max ? Terms.constant(min) : Terms.variable(id, min, max);
        }
    }
}
