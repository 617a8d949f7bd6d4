package entrycheck.export;

import entrycheck.ir.Expr;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Type;

/**
 * Static bounds of an IR expression (interval arithmetic over exact longs), used by the
 * exporter to leave out range and overflow checks that provably never fail. A variable of a
 * reachable state holds a value of its domain, so {@code Read} is bounded by its type; the
 * bounds of an operand are clamped to the int range because an operand that overflowed has
 * already failed. The same reading as the engine's own analysis (entrycheck.semantics.Bounds):
 * the exporter only relies on it being sound, never on it being the same.
 */
record Interval(long lo, long hi) {

    static final Interval BOOL = new Interval(0, 1);
    static final Interval INT = new Interval(Integer.MIN_VALUE, Integer.MAX_VALUE);

    boolean fitsInt() { return lo >= Integer.MIN_VALUE && hi <= Integer.MAX_VALUE; }

    boolean within(long min, long max) { return lo >= min && hi <= max; }

    boolean contains(long v) { return lo <= v && v <= hi; }

    Interval clampInt() {
        return fitsInt() ? this : new Interval(Math.max(lo, Integer.MIN_VALUE), Math.min(hi, Integer.MAX_VALUE));
    }

    static Interval of(Type t) { return new Interval(t.lo(), t.hi()); }

    /** The bounds of the mathematical value of {@code e} when it evaluates without error. */
    static Interval of(Expr e, StateLayout layout) {
        if (e instanceof Expr.Const c) return new Interval(c.value(), c.value());
        if (e instanceof Expr.Read r) return of(layout.var(r.var()).type());
        if (e instanceof Expr.ReadIndexed ri) {
            if (ri.vars().length == 0) return INT;
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (int v : ri.vars()) {
                Type t = layout.var(v).type();
                lo = Math.min(lo, t.lo());
                hi = Math.max(hi, t.hi());
            }
            return new Interval(lo, hi);
        }
        if (e instanceof Expr.Unary u) {
            if (u.op() == Expr.UnOp.NOT) return BOOL;
            Interval a = of(u.operand(), layout).clampInt();
            return new Interval(-a.hi, -a.lo);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b.op(), of(b.left(), layout).clampInt(), of(b.right(), layout).clampInt());
        }
        if (e instanceof Expr.Cond c) {
            Interval a = of(c.then(), layout).clampInt();
            Interval b = of(c.otherwise(), layout).clampInt();
            return new Interval(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
        }
        if (e instanceof Expr.InSet) return BOOL;
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private static Interval binary(Expr.BinOp op, Interval a, Interval b) {
        switch (op) {
            case ADD: return new Interval(a.lo + b.lo, a.hi + b.hi);
            case SUB: return new Interval(a.lo - b.hi, a.hi - b.lo);
            case MUL: {
                long p1 = a.lo * b.lo, p2 = a.lo * b.hi, p3 = a.hi * b.lo, p4 = a.hi * b.hi;
                return new Interval(Math.min(Math.min(p1, p2), Math.min(p3, p4)), Math.max(Math.max(p1, p2), Math.max(p3, p4)));
            }
            case DIV: {
                long m = Math.max(Math.abs(a.lo), Math.abs(a.hi));
                return new Interval(-m, m);
            }
            case MOD: {
                long m = Math.max(Math.abs(a.lo), Math.abs(a.hi));
                return new Interval(a.lo < 0 ? -m : 0, a.hi > 0 ? m : 0);
            }
            default: return BOOL;
        }
    }
}
