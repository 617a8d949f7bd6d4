package entrycheck.semantics;

import entrycheck.ir.Expr;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Type;

/**
 * Static interval analysis of expressions (abstract interpretation over intervals, Cousot and
 * Cousot, POPL 1977, in its simplest non-relational form). Every variable of a reachable state
 * holds a value of its domain, so {@code Read} is bounded by its type and everything else
 * follows by interval arithmetic. The compiler uses it to drop range checks on assignments
 * and overflow checks on arithmetic that provably cannot fail.
 *
 * <p>{@code lo} and {@code hi} are exact long bounds of the mathematical result; when they
 * leave the int range the operation may overflow (a domain error at run time). The bounds of an
 * operand are clamped to the int range because an operand that overflowed has already thrown.
 */
record Bounds(long lo, long hi) {

    static final Bounds BOOL = new Bounds(0, 1);
    static final Bounds INT = new Bounds(Integer.MIN_VALUE, Integer.MAX_VALUE);

    boolean fitsInt() { return lo >= Integer.MIN_VALUE && hi <= Integer.MAX_VALUE; }

    boolean within(long min, long max) { return lo >= min && hi <= max; }

    boolean contains(long v) { return lo <= v && v <= hi; }

    Bounds clampInt() {
        return fitsInt() ? this : new Bounds(Math.max(lo, Integer.MIN_VALUE), Math.min(hi, Integer.MAX_VALUE));
    }

    static Bounds of(Type t) { return new Bounds(t.lo(), t.hi()); }

    /** The bounds of {@code e} as evaluated without error (unclamped: see the class comment). */
    static Bounds of(Expr e, StateLayout layout) {
        if (e instanceof Expr.Const c) return new Bounds(c.value(), c.value());
        if (e instanceof Expr.Read r) return of(layout.var(r.var()).type());
        if (e instanceof Expr.ReadIndexed ri) {
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (int v : ri.vars()) {
                Type t = layout.var(v).type();
                lo = Math.min(lo, t.lo());
                hi = Math.max(hi, t.hi());
            }
            return ri.vars().length == 0 ? INT : new Bounds(lo, hi);
        }
        if (e instanceof Expr.Unary u) {
            if (u.op() == Expr.UnOp.NOT) return BOOL;
            Bounds a = of(u.operand(), layout).clampInt();
            return new Bounds(-a.hi, -a.lo);
        }
        if (e instanceof Expr.Binary b) return binary(b.op(), of(b.left(), layout).clampInt(), of(b.right(), layout).clampInt());
        if (e instanceof Expr.Cond c) {
            Bounds a = of(c.then(), layout).clampInt();
            Bounds b = of(c.otherwise(), layout).clampInt();
            return new Bounds(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
        }
        if (e instanceof Expr.InSet) return BOOL;
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private static Bounds binary(Expr.BinOp op, Bounds a, Bounds b) {
        switch (op) {
            case ADD: return new Bounds(a.lo + b.lo, a.hi + b.hi);
            case SUB: return new Bounds(a.lo - b.hi, a.hi - b.lo);
            case MUL: {
                long p1 = a.lo * b.lo, p2 = a.lo * b.hi, p3 = a.hi * b.lo, p4 = a.hi * b.hi;
                return new Bounds(Math.min(Math.min(p1, p2), Math.min(p3, p4)), Math.max(Math.max(p1, p2), Math.max(p3, p4)));
            }
            case DIV: {
                long m = Math.max(Math.abs(a.lo), Math.abs(a.hi));
                return new Bounds(-m, m);
            }
            case MOD: {
                long m = Math.max(Math.abs(b.lo), Math.abs(b.hi));
                long mag = Math.min(Math.max(m - 1, 0), Math.max(Math.abs(a.lo), Math.abs(a.hi)));
                return new Bounds(a.lo < 0 ? -mag : 0, a.hi > 0 ? mag : 0);
            }
            default: return BOOL;
        }
    }
}
