package entrycheck.symbolic;

import entrycheck.ir.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A finite-domain constraint problem, independent of any solver: what {@link Unrolling}
 * produces and a {@link SolverBackend} solves. Constraints are IR {@link Expr}essions whose
 * {@link Expr.Read} names a variable of this query (not of a program's state).
 *
 * <p>Meaning, which a backend must implement exactly:
 * <ul>
 *   <li>a variable takes a value in {@code lo..hi}; a variable with a {@code definition} also
 *       equals the value of that expression (an alias that keeps shared terms shared);</li>
 *   <li>booleans are 0 / non-zero; comparisons, {@code ! && || ->} and {@link Expr.InSet} yield
 *       0 or 1; {@code && || -> ?:} are plain functions of their operands' values (no
 *       short-circuit: a query has no evaluation errors);</li>
 *   <li>{@link Expr.ReadIndexed} is an element constraint: its vars are query variables and its
 *       index is always within them; division and modulo truncate toward zero (Java);</li>
 *   <li>every constraint must evaluate to non-zero.</li>
 * </ul>
 * Invariants the producer guarantees (so that a backend need not guard them): no divisor can be
 * zero and no element index can leave its array in any assignment of the variables' domains,
 * and every subexpression stays within {@code -LIMIT..LIMIT}.
 *
 * @param variables   the variables, indexed by id
 * @param constraints expressions that must all be non-zero
 * @param decisions   variables to branch on first, in this order (the action of each step); the
 *                    rest follow from them by propagation
 */
public record Query(List<Variable> variables, List<Expr> constraints, int[] decisions) {

    /** The magnitude no value of a query may exceed (below the int bounds of common CP solvers). */
    public static final int LIMIT = 1 << 24;

    public Query {
        variables = List.copyOf(variables);
        constraints = List.copyOf(constraints);
        decisions = decisions.clone();
    }

    /**
     * @param definition null for a free variable, else the expression it equals
     */
    public record Variable(String name, int lo, int hi, Expr definition) { }

    /** Collects variables and constraints; not thread-safe, one per translation. */
    public static final class Builder {
        private final List<Variable> variables = new ArrayList<>();
        private final List<Expr> constraints = new ArrayList<>();

        /** A new free variable; returns its id. */
        public int free(String name, int lo, int hi) {
            variables.add(new Variable(name, lo, hi, null));
            return variables.size() - 1;
        }

        /** A new variable equal to {@code definition}, restricted to {@code lo..hi}; returns its id. */
        public int defined(String name, int lo, int hi, Expr definition) {
            variables.add(new Variable(name, lo, hi, definition));
            return variables.size() - 1;
        }

        public void require(Expr constraint) { constraints.add(constraint); }

        public int size() { return variables.size(); }

        /** The name of variable {@code id}. */
        public String nameOf(int id) { return variables.get(id).name(); }

        public Query build(int[] decisions) { return new Query(variables, constraints, decisions); }
    }
}
