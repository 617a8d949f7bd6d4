package entrycheck.symbolic;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import java.util.BitSet;
import java.util.List;

/**
 * Static independence of transitions: t and u are independent when neither writes a variable
 * that the other reads or writes (pres, guard, updates and checks included; an indexed access
 * counts as every element). Firing independent transitions in either order from a state where
 * both are enabled gives the same state, and neither enables, disables or changes the other.
 *
 * <p>{@link Unrolling} uses it for a partial-order reduction of the bounded search: two adjacent
 * independent steps are taken in increasing id order only. This keeps a shortest violation:
 * <ul>
 *   <li>swapping two adjacent independent steps keeps a trace's length and final state, and
 *       sorting by such swaps (a bubble sort) brings any trace into that order, so a violation
 *       of the final state (an invariant, a deadlock) keeps a representative;</li>
 *   <li>a violation by the last transition itself (a failing check, a runtime error) never ends
 *       a shortest trace with two independent steps: the last one reads nothing the one before
 *       it writes, so it could fire, and fail the same way, one step earlier.</li>
 * </ul>
 * (The idea is the canonical form of Mazurkiewicz traces that partial-order methods for bounded
 * model checking build on; here only its simplest, adjacent-pair form.)
 */
final class Independence {
    private final boolean[][] independent;

    private Independence(boolean[][] independent) { this.independent = independent; }

    static Independence of(Program program) {
        List<Transition> ts = program.transitions();
        int n = ts.size();
        BitSet[] reads = new BitSet[n];
        BitSet[] writes = new BitSet[n];
        for (int t = 0; t < n; t++) {
            reads[t] = new BitSet();
            writes[t] = new BitSet();
            Transition tr = ts.get(t);
            for (Transition.Pre p : tr.pre()) reads[t].set(p.var());
            read(tr.guard(), reads[t]);
            updates(tr.updates(), reads[t], writes[t]);
        }
        boolean[][] ind = new boolean[n][n];
        for (int t = 0; t < n; t++) {
            for (int u = 0; u < t; u++) {
                boolean dependent = writes[t].intersects(reads[u]) || writes[t].intersects(writes[u]) || writes[u].intersects(reads[t]);
                ind[t][u] = ind[u][t] = !dependent;
            }
        }
        return new Independence(ind);
    }

    boolean independent(int t, int u) { return independent[t][u]; }

    private static void updates(List<Update> us, BitSet reads, BitSet writes) {
        for (Update u : us) {
            if (u instanceof Update.Assign a) {
                writes.set(a.var());
                read(a.value(), reads);
            } else if (u instanceof Update.AssignIndexed a) {
                for (int v : a.vars()) writes.set(v);
                read(a.index(), reads);
                read(a.value(), reads);
            } else if (u instanceof Update.If i) {
                read(i.cond(), reads);
                updates(i.then(), reads, writes);
                updates(i.otherwise(), reads, writes);
            } else if (u instanceof Update.Check c) {
                read(c.holds(), reads);
            } else {
                throw new IllegalArgumentException("unknown update " + u);
            }
        }
    }

    private static void read(Expr e, BitSet reads) {
        if (e instanceof Expr.Read r) {
            reads.set(r.var());
        } else if (e instanceof Expr.ReadIndexed ri) {
            for (int v : ri.vars()) reads.set(v);
            read(ri.index(), reads);
        } else if (e instanceof Expr.Unary u) {
            read(u.operand(), reads);
        } else if (e instanceof Expr.Binary b) {
            read(b.left(), reads);
            read(b.right(), reads);
        } else if (e instanceof Expr.Cond c) {
            read(c.cond(), reads);
            read(c.then(), reads);
            read(c.otherwise(), reads);
        } else if (e instanceof Expr.InSet in) {
            read(in.operand(), reads);
        }
    }
}
