package entrycheck.symbolic;

import entrycheck.ir.Expr;
import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates "a violation whose trace has exactly {@code depth} steps" into a {@link Query}:
 * a pure function of the program (which it does not change), the selected properties and the
 * depth (Kodkod's {@code translate}).
 *
 * <p>The query has, for every step i, an action variable over the transition ids, and a copy
 * of each program variable that some transition writes (variables no transition writes keep
 * the initial constant, so they cost nothing). State 0 is the initial state, as constants.
 * For every step and transition, {@link SymbolicStep} gives terms for "enabled", "fires
 * without error", "violates" and the successor; step i+1's copy of a variable is an element
 * constraint over the transitions' successor values, indexed by the action. Steps 0..depth-2
 * must fire without error. The last step must violate a selected property:
 * <ul>
 *   <li>the chosen transition's firing fails a selected check, or is a runtime error
 *       ({@code domain}); or</li>
 *   <li>it fires without error into a state that fails a selected invariant (or cannot
 *       evaluate it: {@code domain}), or, with {@code no-deadlock} selected, enables no
 *       transition and is not an allowed end state (or the end condition cannot be evaluated:
 *       {@code domain}).</li>
 * </ul>
 * A transition that a value-set analysis ({@link StepReach}) shows cannot be taken at step i
 * is left out of that step. Adjacent independent steps are taken in one order only (a partial-order reduction,
 * {@link Independence}). Depth 0 asks whether the initial state violates an invariant or deadlocks. Since violations
 * of the explicit engine have exactly these lengths (a state's violation: the number of steps
 * to it; a transition's: one more), asking depth 0, 1, 2, ... finds a shortest violation.
 *
 * <p>Requires: the selection has one entry per property; ensures: the query's variables have
 * ids in creation order and every definition refers to smaller ids only.
 */
public final class Unrolling {
    private Unrolling() { }

    /**
     * @param query   the constraints
     * @param actions the query variable of each step's action, step 0 first
     */
    public record Unrolled(Query query, int[] actions) {
        public Unrolled { actions = actions.clone(); }
    }

    /**
     * @param selected per property id: is it searched for
     * @throws UnsupportedModelException when a value of the model may leave {@code -Query.LIMIT..Query.LIMIT}
     */
    public static Unrolled translate(Program program, boolean[] selected, int depth) {
        return translate(program, selected, depth, null);
    }

    /**
     * As {@link #translate(Program, boolean[], int)}, with the per-step transitions of
     * {@link #possibleSteps} for at least {@code depth} steps (null: computed here). Row i does
     * not depend on the depth asked, so an iterative deepening computes them once for its
     * largest depth.
     */
    public static Unrolled translate(Program program, boolean[] selected, int depth, boolean[][] possible) {
        if (selected.length != program.properties().size()) {
            throw new IllegalArgumentException("selected has " + selected.length + " entries for "
                    + program.properties().size() + " properties");
        }
        if (depth < 0) throw new IllegalArgumentException("negative depth " + depth);
        if (possible != null && possible.length < depth) {
            throw new IllegalArgumentException("possible steps for " + possible.length + " steps, " + depth + " asked");
        }
        Translation tr = new Translation(program, selected.clone());
        return tr.unroll(depth, possible != null ? possible : StepReach.possible(program, tr.step, depth));
    }

    /** {@code possible[i][t]}: transition t may be step i + 1's action ({@link StepReach}), for {@code depth} steps. */
    public static boolean[][] possibleSteps(Program program, boolean[] selected, int depth) {
        return StepReach.possible(program, new SymbolicStep(program, selected.clone()), depth);
    }

    /** One translation: the query under construction and the aliases of its terms. */
    private static final class Translation {
        private final Program program;
        private final StateLayout layout;
        private final boolean[] selected;
        private final SymbolicStep step;
        private final int domain;
        private final int deadlock;
        private final Query.Builder query = new Query.Builder();
        private final Map<Expr, Integer> aliases = new IdentityHashMap<>();
        private final Map<List<Integer>, Integer> groupIndices = new java.util.HashMap<>();
        private final Map<Integer, Integer> constants = new java.util.HashMap<>();
        private Independence independence;

        Translation(Program program, boolean[] selected) {
            this.program = program;
            this.layout = program.layout();
            this.selected = selected;
            this.step = new SymbolicStep(program, selected);
            this.domain = selectedOfKind(Property.Kind.DOMAIN);
            this.deadlock = selectedOfKind(Property.Kind.DEADLOCK);
        }

        /** The id of the first property of {@code kind} if it is selected, else -1 (as CompiledProgram). */
        private int selectedOfKind(Property.Kind kind) {
            for (Property p : program.properties()) if (p.kind() == kind) return selected[p.id()] ? p.id() : -1;
            return -1;
        }

        Unrolled unroll(int depth, boolean[][] possible) {
            List<Transition> ts = program.transitions();
            int n = ts.size();
            Term[] state = SymbolicStep.initial(layout);
            int[] actions = new int[depth];
            if (depth == 0) {
                query.require(stateViolation(state).expr());
                return new Unrolled(query.build(actions), actions);
            }
            if (n == 0) { // no step can be taken
                query.require(Expr.FALSE);
                return new Unrolled(query.build(actions), actions);
            }
            boolean stateChecks = hasStateChecks();
            for (int i = 0; i < depth; i++) {
                boolean last = i == depth - 1;
                actions[i] = query.free("step" + (i + 1) + ".action", 0, n - 1);
                Term action = Terms.variable(actions[i], 0, n - 1);
                restrict(action, possible[i]);
                if (i > 0) canonicalOrder(Terms.variable(actions[i - 1], 0, n - 1), action, n);
                SymbolicStep.Fired[] fired = new SymbolicStep.Fired[n];
                Term[] valid = new Term[n];
                for (int t = 0; t < n; t++) {
                    // a transition that cannot be taken at this step (StepReach) contributes nothing
                    fired[t] = possible[i][t] ? step.fire(ts.get(t), state)
                            : new SymbolicStep.Fired(Terms.FALSE, Terms.FALSE, Terms.FALSE, Terms.FALSE, state);
                    valid[t] = fired[t].valid();
                }
                Term validChoice = select("step" + (i + 1) + ".valid", valid, action);
                if (!last) {
                    query.require(validChoice.expr());
                    state = successor(state, fired, action, i + 1, true);
                    continue;
                }
                Term[] violates = new Term[n];
                for (int t = 0; t < n; t++) {
                    Term v = fired[t].checkFails();
                    if (domain >= 0) v = Terms.or(v, fired[t].domainError());
                    violates[t] = v;
                }
                Term target = select("step" + (i + 1) + ".violates", violates, action);
                if (stateChecks) {
                    Term[] next = successor(state, fired, action, i + 1, false);
                    target = Terms.or(target, Terms.and(validChoice, stateViolation(next)));
                }
                query.require(target.expr());
            }
            return new Unrolled(query.build(actions), actions);
        }

        /** The action takes only the transitions possible at its step (all of them: no constraint). */
        private void restrict(Term action, boolean[] possible) {
            int count = 0;
            for (boolean p : possible) if (p) count++;
            if (count == possible.length) return;
            int[] ids = new int[count];
            for (int t = 0, k = 0; t < possible.length; t++) if (possible[t]) ids[k++] = t;
            query.require(Terms.inSet(action, ids).expr());
        }

        /**
         * Partial-order reduction ({@link Independence}): two adjacent steps that are independent
         * come in increasing id order: {@code (a, b)} is none of the pairs {@code (t, u)} with
         * {@code t > u} independent.
         */
        private void canonicalOrder(Term a, Term b, int n) {
            if ((long) n * n > Query.LIMIT) return; // the pair would not fit: no reduction
            if (independence == null) independence = Independence.of(program);
            List<Integer> forbidden = new ArrayList<>();
            for (int t = 1; t < n; t++) {
                for (int u = 0; u < t; u++) if (independence.independent(t, u)) forbidden.add(t * n + u);
            }
            if (forbidden.isEmpty()) return;
            Term pair = Terms.arith(Expr.BinOp.ADD, Terms.arith(Expr.BinOp.MUL, a, Terms.constant(n)), b);
            int[] values = forbidden.stream().mapToInt(Integer::intValue).toArray();
            query.require(Terms.not(Terms.inSet(pair, values)).expr());
        }

        /** {@code terms[action]}, as an element constraint unless every term is the same. */
        private Term select(String name, Term[] terms, Term action) {
            return select(name, terms, action, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        /**
         * As {@link #select(String, Term[], Term)}, the new variable restricted to {@code min..max}.
         *
         * <p>The transitions are grouped by candidate: most leave a given variable unchanged, so
         * its candidates are the same term for all but a few transitions. With {@code m}
         * distinct candidates (m below the number of transitions), the choice is two element
         * constraints: a group index {@code g = G[action]} over a constant table (shared by
         * every selection with the same grouping at this step) and {@code value = C[g]} over the
         * m candidates. A single element over one candidate per transition repeats the unchanged
         * variable once per transition, and the solver wakes it for every one of them:
         * profiling {@code bmc} on b6-pkrs-by-value showed most of the time in scheduling
         * those propagators.
         */
        private Term select(String name, Term[] terms, Term action, int min, int max) {
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            int[] group = new int[terms.length];
            List<Term> distinct = new ArrayList<>();
            Map<Expr, Integer> byExpr = new IdentityHashMap<>();
            Map<Integer, Integer> byValue = new java.util.HashMap<>();
            for (int t = 0; t < terms.length; t++) {
                Term term = terms[t];
                lo = Math.min(lo, term.lo());
                hi = Math.max(hi, term.hi());
                Integer g = term.isConst() ? byValue.get(term.value()) : byExpr.get(term.expr());
                if (g == null) {
                    g = distinct.size();
                    distinct.add(term);
                    if (term.isConst()) byValue.put(term.value(), g); else byExpr.put(term.expr(), g);
                }
                group[t] = g;
            }
            if (distinct.size() == 1) return distinct.get(0);
            int[] ids = new int[distinct.size()];
            for (int g = 0; g < ids.length; g++) ids[g] = alias(name + "[" + g + "]", distinct.get(g));
            Term index = distinct.size() == terms.length ? action : groupIndex(group, distinct.size(), action);
            Expr element = Terms.element(ids, index, 0, lo, hi).expr();
            lo = Math.max(lo, min);
            hi = Math.min(hi, max);
            if (lo > hi) { // no candidate value fits: no valid choice
                query.require(Expr.FALSE);
                hi = lo;
            }
            return Terms.variable(query.defined(name, lo, hi, element), lo, hi);
        }

        /**
         * The state after the step: for each variable, the chosen transition's value. A copy
         * restricted to the variable's domain when {@code inDomain} (the step must be valid, so
         * the value is in the domain), else over the bounds of all candidate values.
         */
        private Term[] successor(Term[] state, SymbolicStep.Fired[] fired, Term action, int index, boolean inDomain) {
            Term[] next = state.clone();
            Term[] candidates = new Term[fired.length];
            for (Var v : layout.vars()) {
                int id = v.id();
                boolean changed = false;
                for (int t = 0; t < fired.length; t++) {
                    candidates[t] = fired[t].valid().isFalse() && inDomain ? state[id] : fired[t].after()[id];
                    changed |= candidates[t] != state[id];
                }
                if (!changed) continue;
                String name = "s" + index + "." + v.name();
                next[id] = inDomain ? select(name, candidates, action, v.type().lo(), v.type().hi())
                        : select(name, candidates, action);
            }
            return next;
        }

        /**
         * {@code group[action]}: a variable over {@code 0..groups-1}, one per distinct grouping
         * and action variable, defined by an element constraint over constants.
         */
        private Term groupIndex(int[] group, int groups, Term action) {
            int actionVar = ((Expr.Read) action.expr()).var();
            List<Integer> key = new ArrayList<>(group.length + 1);
            key.add(actionVar);
            for (int g : group) key.add(g);
            Integer known = groupIndices.get(key);
            if (known == null) {
                int[] table = new int[group.length];
                for (int t = 0; t < group.length; t++) table[t] = constant(group[t]);
                known = query.defined(query.nameOf(actionVar) + ".group" + groupIndices.size(), 0, groups - 1,
                        Terms.element(table, action, 0, 0, groups - 1).expr());
                groupIndices.put(key, known);
            }
            return Terms.variable(known, 0, groups - 1);
        }

        /** A query variable fixed to {@code value}, one per value. */
        private int constant(int value) {
            return constants.computeIfAbsent(value, v -> query.defined("const " + v, v, v, Terms.constant(v).expr()));
        }

        /** A query variable equal to {@code t} (t itself when it is a variable). */
        private int alias(String name, Term t) {
            if (t.expr() instanceof Expr.Read r) return r.var();
            Integer known = aliases.get(t.expr());
            if (known != null) return known;
            int id = query.defined(name, t.lo(), t.hi(), t.expr());
            aliases.put(t.expr(), id);
            return id;
        }

        private boolean hasStateChecks() {
            if (deadlock >= 0) return true;
            for (Invariant inv : program.invariants()) if (isSelected(inv.property())) return true;
            return false;
        }

        private boolean isSelected(int property) {
            return property >= 0 && property < selected.length && selected[property];
        }

        /** The state violates a selected invariant, deadlocks, or cannot evaluate one of them. */
        private Term stateViolation(Term[] state) {
            Term v = Terms.FALSE;
            for (Invariant inv : program.invariants()) {
                if (!isSelected(inv.property())) continue;
                SymbolicStep.Sym h = step.eval(inv.holds(), state);
                v = Terms.or(v, Terms.and(h.defined(), Terms.not(h.value())));
                if (domain >= 0) v = Terms.or(v, Terms.not(h.defined()));
            }
            if (deadlock >= 0) {
                Term none = Terms.TRUE;
                for (Transition t : program.transitions()) {
                    none = Terms.and(none, Terms.not(step.enabled(t, state)));
                    if (none.isFalse()) break;
                }
                Expr endState = program.endState();
                SymbolicStep.Sym end = endState == null
                        ? new SymbolicStep.Sym(Terms.FALSE, Terms.TRUE) : step.eval(endState, state);
                v = Terms.or(v, Terms.and(none, end.defined(), Terms.not(end.value())));
                if (domain >= 0) v = Terms.or(v, Terms.and(none, Terms.not(end.defined())));
            }
            return v;
        }
    }
}
