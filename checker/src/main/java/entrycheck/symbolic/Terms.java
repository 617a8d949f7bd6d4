package entrycheck.symbolic;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import java.util.Arrays;

/**
 * Smart constructors of {@link Term}s: each computes sound interval bounds of its result and
 * folds what the operands decide (constants, comparisons that the bounds decide, {@code x && 0},
 * {@code c ? a : a}). Folding keeps the queries of models without fallible expressions free of
 * the "no error so far" bookkeeping of {@link Unrolling}. Values follow the IR (Java int
 * arithmetic, division truncating toward 0); the caller guarantees that divisors are non-zero.
 *
 * @throws UnsupportedModelException (from every constructor) when a bound leaves
 *         {@code -Query.LIMIT..Query.LIMIT}
 */
final class Terms {
    private Terms() { }

    static final Term TRUE = new Term(Expr.TRUE, 1, 1);
    static final Term FALSE = new Term(Expr.FALSE, 0, 0);

    static Term constant(long v) {
        if (v == 0) return FALSE;
        if (v == 1) return TRUE;
        check(v, v, "the constant " + v);
        return new Term(new Expr.Const((int) v), (int) v, (int) v);
    }

    static Term bool(boolean b) { return b ? TRUE : FALSE; }

    /** The query variable {@code id} with domain {@code lo..hi}. */
    static Term variable(int id, int lo, int hi) {
        check(lo, hi, "a variable");
        return new Term(new Expr.Read(id), lo, hi);
    }

    /** {@code vars[index - base]} for query variables {@code vars}; the caller keeps the index inside. */
    static Term element(int[] vars, Term index, int base, int lo, int hi) {
        return new Term(new Expr.ReadIndexed(vars.clone(), index.expr(), base), lo, hi);
    }

    // ------------------------------------------------------------------ arithmetic

    static Term neg(Term a) {
        if (a.isConst()) return constant(-(long) a.value());
        return make(new Expr.Unary(Expr.UnOp.NEG, a.expr()), -(long) a.hi(), -(long) a.lo());
    }

    static Term arith(BinOp op, Term a, Term b) {
        if (a.isConst() && b.isConst()) return constant(fold(op, a.value(), b.value()));
        switch (op) {
            case ADD:
                if (a.isConst() && a.value() == 0) return b;
                if (b.isConst() && b.value() == 0) return a;
                return make(bin(op, a, b), (long) a.lo() + b.lo(), (long) a.hi() + b.hi());
            case SUB:
                if (b.isConst() && b.value() == 0) return a;
                return make(bin(op, a, b), (long) a.lo() - b.hi(), (long) a.hi() - b.lo());
            case MUL: {
                if (a.isConst() && a.value() == 1) return b;
                if (b.isConst() && b.value() == 1) return a;
                long p1 = (long) a.lo() * b.lo(), p2 = (long) a.lo() * b.hi();
                long p3 = (long) a.hi() * b.lo(), p4 = (long) a.hi() * b.hi();
                return make(bin(op, a, b), Math.min(Math.min(p1, p2), Math.min(p3, p4)),
                        Math.max(Math.max(p1, p2), Math.max(p3, p4)));
            }
            case DIV: {
                long m = Math.max(Math.abs((long) a.lo()), Math.abs((long) a.hi()));
                boolean nonNegative = a.lo() >= 0 && b.lo() >= 0;
                return make(bin(op, a, b), nonNegative ? 0 : -m, m);
            }
            case MOD: {
                long m = Math.max(Math.abs((long) b.lo()), Math.abs((long) b.hi()));
                long mag = Math.min(Math.max(m - 1, 0), Math.max(Math.abs((long) a.lo()), Math.abs((long) a.hi())));
                return make(bin(op, a, b), a.lo() < 0 ? -mag : 0, a.hi() > 0 ? mag : 0);
            }
            default:
                throw new IllegalArgumentException("not arithmetic: " + op);
        }
    }

    /** Java int semantics of an arithmetic or comparison operator on constants ({@code b != 0} for DIV and MOD). */
    static long fold(BinOp op, int a, int b) {
        switch (op) {
            case ADD: return (long) a + b;
            case SUB: return (long) a - b;
            case MUL: return (long) a * b;
            case DIV: return a / b;
            case MOD: return a % b;
            case EQ: return a == b ? 1 : 0;
            case NE: return a != b ? 1 : 0;
            case LT: return a < b ? 1 : 0;
            case LE: return a <= b ? 1 : 0;
            case GT: return a > b ? 1 : 0;
            case GE: return a >= b ? 1 : 0;
            case AND: return a != 0 && b != 0 ? 1 : 0;
            case OR: return a != 0 || b != 0 ? 1 : 0;
            case IMPLIES: return a == 0 || b != 0 ? 1 : 0;
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    // ------------------------------------------------------------------ comparisons

    static Term compare(BinOp op, Term a, Term b) {
        if (a.isConst() && b.isConst()) return constant(fold(op, a.value(), b.value()));
        switch (op) {
            case EQ:
                if (a.expr() == b.expr()) return TRUE;
                if (a.hi() < b.lo() || b.hi() < a.lo()) return FALSE;
                break;
            case NE:
                if (a.expr() == b.expr()) return FALSE;
                if (a.hi() < b.lo() || b.hi() < a.lo()) return TRUE;
                break;
            case LT:
                if (a.hi() < b.lo()) return TRUE;
                if (a.lo() >= b.hi()) return FALSE;
                break;
            case LE:
                if (a.hi() <= b.lo()) return TRUE;
                if (a.lo() > b.hi()) return FALSE;
                break;
            case GT:
                return compare(BinOp.LT, b, a);
            case GE:
                return compare(BinOp.LE, b, a);
            default:
                throw new IllegalArgumentException("not a comparison: " + op);
        }
        return new Term(bin(op, a, b), 0, 1);
    }

    static Term eq(Term a, int c) { return compare(BinOp.EQ, a, constant(c)); }

    /** {@code lo <= a <= hi}, folded by a's bounds. */
    static Term within(Term a, int lo, int hi) {
        return and(compare(BinOp.GE, a, constant(lo)), compare(BinOp.LE, a, constant(hi)));
    }

    // ------------------------------------------------------------------ logic

    /** The IR truth of {@code a} (non-zero) as a 0/1 term. */
    static Term truth(Term a) {
        if (a.isBool()) return a;
        if (a.isConst()) return bool(a.value() != 0);
        return compare(BinOp.NE, a, FALSE);
    }

    static Term not(Term a) {
        Term t = truth(a);
        if (t.isConst()) return bool(t.value() == 0);
        if (t.expr() instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT && isBoolean(u.operand())) {
            return new Term(u.operand(), 0, 1); // !!x == x for a 0/1 x
        }
        return notOf(t);
    }

    private static Term notOf(Term t) { return new Term(new Expr.Unary(Expr.UnOp.NOT, t.expr()), 0, 1); }

    /** True when {@code e} is built by an operator that yields 0 or 1. */
    private static boolean isBoolean(Expr e) {
        if (e instanceof Expr.Unary u) return u.op() == Expr.UnOp.NOT;
        if (e instanceof Expr.InSet) return true;
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case ADD: case SUB: case MUL: case DIV: case MOD: return false;
                default: return true;
            }
        }
        return false;
    }

    static Term and(Term a, Term b) {
        Term x = truth(a), y = truth(b);
        if (x.isFalse() || y.isFalse()) return FALSE;
        if (x.isTrue()) return y;
        if (y.isTrue()) return x;
        if (x.expr() == y.expr()) return x;
        return new Term(new Expr.Binary(BinOp.AND, x.expr(), y.expr()), 0, 1);
    }

    static Term and(Term a, Term b, Term c) { return and(and(a, b), c); }

    static Term or(Term a, Term b) {
        Term x = truth(a), y = truth(b);
        if (x.isTrue() || y.isTrue()) return TRUE;
        if (x.isFalse()) return y;
        if (y.isFalse()) return x;
        if (x.expr() == y.expr()) return x;
        return new Term(new Expr.Binary(BinOp.OR, x.expr(), y.expr()), 0, 1);
    }

    static Term implies(Term a, Term b) { return or(not(a), b); }

    /** {@code c ? a : b}. */
    static Term cond(Term c, Term a, Term b) {
        Term t = truth(c);
        if (t.isConst()) return t.value() != 0 ? a : b;
        if (a.expr() == b.expr() || (a.isConst() && b.isConst() && a.value() == b.value())) return a;
        if (isConst(a, 1) && isConst(b, 0)) return t;      // c ? 1 : 0 (not "true": 2 is true too)
        if (isConst(a, 0) && isConst(b, 1)) return not(t);
        return new Term(new Expr.Cond(t.expr(), a.expr(), b.expr()), Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
    }

    private static boolean isConst(Term t, int v) { return t.isConst() && t.value() == v; }

    /** 1 when a's value is one of {@code values}. */
    static Term inSet(Term a, int[] values) {
        int[] inside = Arrays.stream(values).filter(v -> v >= a.lo() && v <= a.hi()).distinct().sorted().toArray();
        if (inside.length == 0) return FALSE;
        if (a.isConst()) return TRUE;
        if ((long) inside.length == (long) a.hi() - a.lo() + 1) return TRUE;
        if (inside.length == 1) return eq(a, inside[0]);
        return new Term(new Expr.InSet(a.expr(), inside), 0, 1);
    }

    // ------------------------------------------------------------------ helpers

    private static Expr bin(BinOp op, Term a, Term b) { return new Expr.Binary(op, a.expr(), b.expr()); }

    private static Term make(Expr e, long lo, long hi) {
        check(lo, hi, "an intermediate value");
        return new Term(e, (int) lo, (int) hi);
    }

    private static void check(long lo, long hi, String what) {
        if (lo < -Query.LIMIT || hi > Query.LIMIT) {
            throw new UnsupportedModelException(what + " may reach " + (lo < -Query.LIMIT ? lo : hi)
                    + ", beyond the bounded engine's range -" + Query.LIMIT + ".." + Query.LIMIT
                    + " (use 'check', the explicit engine, for this model)");
        }
    }
}
