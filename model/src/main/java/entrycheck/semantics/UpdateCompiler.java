package entrycheck.semantics;

import entrycheck.ir.Expr;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the update list of a transition into one {@link Exec}. Checks of properties that
 * are not selected are dropped, unless their expression can fail (then it is still evaluated,
 * so the set of successors does not depend on which properties are checked).
 */
final class UpdateCompiler {
    private final ExprCompiler exprs;
    private final boolean[] checked;

    /** @param checked per property id: is it being checked */
    UpdateCompiler(ExprCompiler exprs, boolean[] checked) {
        this.exprs = exprs;
        this.checked = checked;
    }

    Exec compile(List<Update> updates) {
        List<Exec> steps = new ArrayList<>();
        for (Update u : updates) {
            Exec e = compile(u);
            if (e == Execs.NOP) continue;
            int last = steps.size() - 1;
            if (e instanceof Execs.SetConst b && last >= 0 && steps.get(last) instanceof Execs.SetConst a && a.word() == b.word()) {
                // consecutive constant stores into one word are one and-or (the later store wins a
                // field both write): rel(i) of bench/big, a[i] = 0; lock = 0; pc[i] = TOP, is one step
                steps.set(last, new Execs.SetConst(a.word(), a.keep() & b.keep(), (a.bits() & b.keep()) | b.bits()));
                continue;
            }
            steps.add(e);
            if (e instanceof Execs.Fail) break; // nothing after it runs
        }
        switch (steps.size()) {
            case 0: return Execs.NOP;
            case 1: return steps.get(0);
            case 2: return new Execs.Seq2(steps.get(0), steps.get(1));
            case 3: return new Execs.Seq3(steps.get(0), steps.get(1), steps.get(2));
            default: return new Execs.Seq(steps.toArray(new Exec[0]));
        }
    }

    private Exec compile(Update u) {
        if (u instanceof Update.Assign a) return assign(exprs.layout().var(a.var()), a.value());
        if (u instanceof Update.AssignIndexed a) return assignIndexed(a);
        if (u instanceof Update.If i) {
            Condition c = exprs.condition(i.cond());
            Exec then = compile(i.then()), otherwise = compile(i.otherwise());
            if (c instanceof Conditions.Const k) return k.value() ? then : otherwise;
            if (then == Execs.NOP && otherwise == Execs.NOP) return exprs.fallible(i.cond()) ? new Execs.EvaluateOnly(c) : Execs.NOP;
            return new Execs.If(c, then, otherwise);
        }
        if (u instanceof Update.Check c) {
            Condition holds = exprs.condition(c.holds());
            boolean selected = c.property() >= 0 && c.property() < checked.length && checked[c.property()];
            if (selected) return holds == Conditions.TRUE ? Execs.NOP : new Execs.Check(c.property(), holds, c.message());
            return exprs.fallible(c.holds()) ? new Execs.EvaluateOnly(holds) : Execs.NOP;
        }
        throw new IllegalArgumentException("unknown update " + u);
    }

    private Exec assign(Var v, Expr value) {
        int lo = v.type().lo(), hi = v.type().hi();
        long keep = ~(v.mask() << v.shift());
        if (value instanceof Expr.Const c) {
            if (!v.type().contains(c.value())) {
                return new Execs.Fail("value " + c.value() + " assigned to " + v.name() + " is outside its domain " + lo + ".." + hi);
            }
            return new Execs.SetConst(v.word(), keep, (long) (c.value() - lo) << v.shift());
        }
        Integer k = increment(v, value);
        if (k != null) {
            long max = v.type().size() - 1L;
            Bounds b = Bounds.of(value, exprs.layout());
            if (b.within(lo, hi)) return new Execs.AddConstUnchecked(v.word(), (long) k << v.shift());
            return new Execs.AddConst(v.word(), v.shift(), v.mask(), k, (int) max, v.name(), lo, hi);
        }
        IntEval e = exprs.intEval(value);
        if (e instanceof IntEvals.ConstI c) return assign(v, new Expr.Const(c.value()));
        if (Bounds.of(value, exprs.layout()).within(lo, hi) && !exprs.fallible(value)) {
            return new Execs.Store(v.word(), v.shift(), keep, lo, e);
        }
        return new Execs.StoreChecked(v.word(), v.shift(), keep, lo, hi, e, v.name());
    }

    /** k when {@code value} is {@code v + k}, {@code k + v} or {@code v - k}; null otherwise. */
    private static Integer increment(Var v, Expr value) {
        if (!(value instanceof Expr.Binary b)) return null;
        if (b.op() == Expr.BinOp.ADD) {
            if (isRead(b.left(), v) && b.right() instanceof Expr.Const c) return c.value();
            if (isRead(b.right(), v) && b.left() instanceof Expr.Const c) return c.value();
        }
        if (b.op() == Expr.BinOp.SUB && isRead(b.left(), v) && b.right() instanceof Expr.Const c
                && c.value() != Integer.MIN_VALUE) {
            return -c.value();
        }
        return null;
    }

    private static boolean isRead(Expr e, Var v) {
        return e instanceof Expr.Read r && r.var() == v.id();
    }

    private Exec assignIndexed(Update.AssignIndexed a) {
        int[] vars = a.vars();
        if (ExprCompiler.isClosed(a.index()) && !exprs.fallible(a.index())) {
            long k = (long) exprs.intEval(a.index()).eval(new long[exprs.layout().words()]) - a.base();
            if (k >= 0 && k < vars.length) return assign(exprs.layout().var(vars[(int) k]), a.value());
        }
        if (vars.length == 0) throw new IllegalArgumentException("indexed assignment to an empty array");
        ExprCompiler.ElementTable t = new ExprCompiler.ElementTable(exprs.layout(), vars);
        return new Execs.StoreIndexed(exprs.intEval(a.index()), a.base(), exprs.intEval(a.value()),
                t.words, t.shifts, t.masks, t.los, t.his, t.names);
    }
}
