package entrycheck.semantics;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compiles IR expressions once into trees of closures ({@link IntEval}, {@link Condition}):
 * closure compilation in the style of Feeley and Lapalme, "Using closures for code generation"
 * (Computer Languages 12(1), 1987). The tree is walked once at compile time; at run time each
 * node is a virtual call on a final class holding primitive fields, with no interpretation of
 * the IR, no boxing and no allocation.
 *
 * <p>Common shapes get dedicated nodes: a variable compared with a constant works on the encoded
 * field ({@link Conditions.WordEq}, {@link Conditions.FieldLt}), conjunctions of equalities on
 * one word merge into one mask-and-compare, {@code x + c} is {@link IntEvals.AddConstI}, and
 * closed subexpressions are folded to constants. {@link Bounds} decides where overflow checks
 * are needed.
 *
 * <p>Semantics (shared with every backend): booleans are 0/non-0, {@code && || ->} and
 * {@code ?:} short-circuit as in C, division truncates toward 0, and division by zero, an
 * index outside its array and an int overflow throw {@link DomainError}.
 */
final class ExprCompiler {
    private final StateLayout layout;
    private final long[] scratch;

    ExprCompiler(StateLayout layout) {
        this.layout = layout;
        this.scratch = new long[layout.words()];
    }

    StateLayout layout() { return layout; }

    // ---------------------------------------------------------------- integers

    IntEval intEval(Expr e) {
        IntEval r = intEvalRaw(e);
        if (!(r instanceof IntEvals.ConstI) && isClosed(e) && !fallible(e)) {
            return new IntEvals.ConstI(r.eval(scratch));
        }
        return r;
    }

    private IntEval intEvalRaw(Expr e) {
        if (e instanceof Expr.Const c) return new IntEvals.ConstI(c.value());
        if (e instanceof Expr.Read r) return read(layout.var(r.var()));
        if (e instanceof Expr.ReadIndexed ri) return readIndexed(ri);
        if (e instanceof Expr.Unary u) {
            if (u.op() == Expr.UnOp.NOT) return new IntEvals.FromCond(condition(e));
            IntEval a = intEval(u.operand());
            return Bounds.of(e, layout).fitsInt() ? new IntEvals.NegI(a) : new IntEvals.NegCheckedI(a);
        }
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Cond c) {
            return new IntEvals.CondI(condition(c.cond()), intEval(c.then()), intEval(c.otherwise()));
        }
        if (e instanceof Expr.InSet) return new IntEvals.FromCond(condition(e));
        throw new IllegalArgumentException("unknown expression " + e);
    }

    static IntEval read(Var v) {
        int lo = v.type().lo();
        return lo == 0 ? new IntEvals.ReadI(v.word(), v.shift(), v.mask())
                       : new IntEvals.ReadOffI(v.word(), v.shift(), v.mask(), lo);
    }

    private IntEval readIndexed(Expr.ReadIndexed ri) {
        int[] vars = ri.vars();
        if (isClosed(ri.index()) && !fallible(ri.index())) {
            long k = (long) intEval(ri.index()).eval(scratch) - ri.base();
            if (k >= 0 && k < vars.length) return read(layout.var(vars[(int) k]));
        }
        if (vars.length == 0) throw new IllegalArgumentException("indexed read of an empty array");
        ElementTable t = new ElementTable(layout, vars);
        return new IntEvals.ReadIndexedI(intEval(ri.index()), ri.base(), t.words, t.shifts, t.masks, t.los, t.names);
    }

    private IntEval binary(Expr.Binary b) {
        BinOp op = b.op();
        boolean fits = Bounds.of(b, layout).fitsInt();
        switch (op) {
            case ADD: {
                if (fits && b.right() instanceof Expr.Const c) return new IntEvals.AddConstI(intEval(b.left()), c.value());
                if (fits && b.left() instanceof Expr.Const c) return new IntEvals.AddConstI(intEval(b.right()), c.value());
                IntEval l = intEval(b.left()), r = intEval(b.right());
                return fits ? new IntEvals.AddI(l, r) : new IntEvals.AddCheckedI(l, r);
            }
            case SUB: {
                if (fits && b.right() instanceof Expr.Const c && c.value() != Integer.MIN_VALUE) {
                    return new IntEvals.AddConstI(intEval(b.left()), -c.value());
                }
                IntEval l = intEval(b.left()), r = intEval(b.right());
                return fits ? new IntEvals.SubI(l, r) : new IntEvals.SubCheckedI(l, r);
            }
            case MUL: {
                IntEval l = intEval(b.left()), r = intEval(b.right());
                return fits ? new IntEvals.MulI(l, r) : new IntEvals.MulCheckedI(l, r);
            }
            case DIV: return new IntEvals.DivI(intEval(b.left()), intEval(b.right()));
            case MOD: return new IntEvals.ModI(intEval(b.left()), intEval(b.right()));
            default: return new IntEvals.FromCond(condition(b));
        }
    }

    // ---------------------------------------------------------------- conditions

    Condition condition(Expr e) {
        Condition c = conditionRaw(e);
        if (!(c instanceof Conditions.Const) && isClosed(e) && !fallible(e)) {
            return c.test(scratch) ? Conditions.TRUE : Conditions.FALSE;
        }
        return c;
    }

    private Condition conditionRaw(Expr e) {
        if (e instanceof Expr.Const c) return c.value() != 0 ? Conditions.TRUE : Conditions.FALSE;
        if (e instanceof Expr.Read r) return compareConst(BinOp.NE, layout.var(r.var()), 0);
        if (e instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) return negate(condition(u.operand()));
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case EQ: case NE: case LT: case LE: case GT: case GE: return compare(b.op(), b.left(), b.right());
                case AND: return and(b);
                case OR: return or(b);
                case IMPLIES: return implies(b);
                default: return new Conditions.NonZero(intEval(e));
            }
        }
        if (e instanceof Expr.Cond c) {
            return new Conditions.Choose(condition(c.cond()), condition(c.then()), condition(c.otherwise()));
        }
        if (e instanceof Expr.InSet in) return inSet(in);
        return new Conditions.NonZero(intEval(e));
    }

    private Condition compare(BinOp op, Expr l, Expr r) {
        if (l instanceof Expr.Read rd && r instanceof Expr.Const c) return compareConst(op, layout.var(rd.var()), c.value());
        if (l instanceof Expr.Const c && r instanceof Expr.Read rd) return compareConst(flip(op), layout.var(rd.var()), c.value());
        if (l instanceof Expr.Read ra && r instanceof Expr.Read rb) {
            return compareVars(op, layout.var(ra.var()), layout.var(rb.var()));
        }
        IntEval a = intEval(l), b = intEval(r);
        switch (op) {
            case EQ: return new Conditions.Eq(a, b);
            case NE: return new Conditions.Ne(a, b);
            case LT: return new Conditions.Lt(a, b);
            case LE: return new Conditions.Le(a, b);
            case GT: return new Conditions.Gt(a, b);
            default: return new Conditions.Ge(a, b);
        }
    }

    /** {@code a op b} on the encoded fields of two variables. */
    static Condition compareVars(BinOp op, Var a, Var b) {
        long d = (long) a.type().lo() - b.type().lo();
        switch (op) {
            case EQ: return new Conditions.FieldsEq(a.word(), a.shift(), a.mask(), b.word(), b.shift(), b.mask(), d);
            case NE: return new Conditions.FieldsNe(a.word(), a.shift(), a.mask(), b.word(), b.shift(), b.mask(), d);
            case LT: return fieldsLt(a, b, d);       // a < b
            case LE: return fieldsLt(a, b, d - 1);   // a < b + 1
            case GT: return fieldsLt(b, a, -d);      // b < a
            case GE: return fieldsLt(b, a, -d - 1);  // b < a + 1
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    private static Condition fieldsLt(Var a, Var b, long delta) {
        return new Conditions.FieldsLt(a.word(), a.shift(), a.mask(), b.word(), b.shift(), b.mask(), delta);
    }

    private static BinOp flip(BinOp op) {
        switch (op) {
            case LT: return BinOp.GT;
            case LE: return BinOp.GE;
            case GT: return BinOp.LT;
            case GE: return BinOp.LE;
            default: return op;
        }
    }

    /** {@code v op c} on the encoded field {@code enc = v - lo}, folded when the domain decides it. */
    static Condition compareConst(BinOp op, Var v, int c) {
        long k = (long) c - v.type().lo();
        long max = v.type().size() - 1L;
        long fieldMask = v.mask() << v.shift();
        switch (op) {
            case EQ: return k < 0 || k > max ? Conditions.FALSE : new Conditions.WordEq(v.word(), fieldMask, k << v.shift());
            case NE: return k < 0 || k > max ? Conditions.TRUE : new Conditions.WordNe(v.word(), fieldMask, k << v.shift());
            case LT: return fieldLt(v, k, max);
            case LE: return fieldLt(v, k + 1, max);
            case GT: return fieldGt(v, k, max);
            case GE: return fieldGt(v, k - 1, max);
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    private static Condition fieldLt(Var v, long bound, long max) {
        if (bound <= 0) return Conditions.FALSE;
        if (bound > max) return Conditions.TRUE;
        return new Conditions.FieldLt(v.word(), v.shift(), v.mask(), bound);
    }

    private static Condition fieldGt(Var v, long bound, long max) {
        if (bound < 0) return Conditions.TRUE;
        if (bound >= max) return Conditions.FALSE;
        return new Conditions.FieldGt(v.word(), v.shift(), v.mask(), bound);
    }

    static Condition negate(Condition c) {
        if (c instanceof Conditions.Const k) return k.value() ? Conditions.FALSE : Conditions.TRUE;
        if (c instanceof Conditions.WordEq w) return new Conditions.WordNe(w.word(), w.mask(), w.bits());
        if (c instanceof Conditions.WordNe w) return new Conditions.WordEq(w.word(), w.mask(), w.bits());
        if (c instanceof Conditions.FieldLt f) return new Conditions.FieldGt(f.word(), f.shift(), f.mask(), f.bound() - 1);
        if (c instanceof Conditions.FieldGt f) return new Conditions.FieldLt(f.word(), f.shift(), f.mask(), f.bound() + 1);
        if (c instanceof Conditions.FieldsEq f) return new Conditions.FieldsNe(f.wa(), f.sa(), f.ma(), f.wb(), f.sb(), f.mb(), f.delta());
        if (c instanceof Conditions.FieldsNe f) return new Conditions.FieldsEq(f.wa(), f.sa(), f.ma(), f.wb(), f.sb(), f.mb(), f.delta());
        if (c instanceof Conditions.FieldsLt f) { // !(ea + d < eb)  <=>  eb + (-d - 1) < ea
            return new Conditions.FieldsLt(f.wb(), f.sb(), f.mb(), f.wa(), f.sa(), f.ma(), -f.delta() - 1);
        }
        if (c instanceof Conditions.Not n) return n.a();
        return new Conditions.Not(c);
    }

    private Condition and(Expr.Binary b) {
        List<Expr> parts = new ArrayList<>();
        flatten(b, BinOp.AND, parts);
        List<Condition> cs = new ArrayList<>();
        boolean anyFallible = false;
        for (Expr p : parts) {
            anyFallible |= fallible(p);
            cs.add(condition(p));
        }
        return conjunction(cs, !anyFallible);
    }

    /**
     * The conjunction of {@code cs} in order. When {@code reorder} (no conjunct can throw, so
     * evaluation order is unobservable) equalities on the same word merge into one
     * {@link Conditions.WordEq} and go first.
     */
    static Condition conjunction(List<Condition> cs, boolean reorder) {
        List<Condition> out = new ArrayList<>();
        Map<Integer, long[]> words = new LinkedHashMap<>();
        for (Condition c : cs) {
            if (c instanceof Conditions.Const k) {
                if (k.value()) continue;
                if (reorder) return Conditions.FALSE;
                out.add(c);
                break; // nothing after a false conjunct is evaluated
            }
            if (reorder && c instanceof Conditions.WordEq w) {
                long[] mb = words.computeIfAbsent(w.word(), x -> new long[2]);
                long overlap = mb[0] & w.mask();
                if ((mb[1] & overlap) != (w.bits() & overlap)) return Conditions.FALSE;
                mb[0] |= w.mask();
                mb[1] |= w.bits();
                continue;
            }
            out.add(c);
        }
        List<Condition> all = new ArrayList<>();
        for (Map.Entry<Integer, long[]> en : words.entrySet()) {
            all.add(new Conditions.WordEq(en.getKey(), en.getValue()[0], en.getValue()[1]));
        }
        all.addAll(out);
        if (all.isEmpty()) return Conditions.TRUE;
        if (all.size() == 1) return all.get(0);
        if (all.size() == 2) return new Conditions.And(all.get(0), all.get(1));
        return new Conditions.AndN(all.toArray(new Condition[0]));
    }

    private Condition or(Expr.Binary b) {
        List<Expr> parts = new ArrayList<>();
        flatten(b, BinOp.OR, parts);
        List<Condition> cs = new ArrayList<>();
        for (Expr p : parts) {
            Condition c = condition(p);
            if (c instanceof Conditions.Const k) {
                if (!k.value()) continue;
                cs.add(c);
                break; // nothing after a true disjunct is evaluated
            }
            cs.add(c);
        }
        if (cs.isEmpty()) return Conditions.FALSE;
        if (cs.size() == 1) return cs.get(0);
        if (cs.size() == 2) return new Conditions.Or(cs.get(0), cs.get(1));
        return new Conditions.OrN(cs.toArray(new Condition[0]));
    }

    private Condition implies(Expr.Binary b) {
        Condition a = condition(b.left());
        if (a instanceof Conditions.Const k) return k.value() ? condition(b.right()) : Conditions.TRUE;
        Condition c = condition(b.right());
        return new Conditions.Or(negate(a), c);
    }

    private static void flatten(Expr e, BinOp op, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == op) {
            flatten(b.left(), op, out);
            flatten(b.right(), op, out);
        } else {
            out.add(e);
        }
    }

    private Condition inSet(Expr.InSet in) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int v : in.values()) values.add(v);
        if (in.operand() instanceof Expr.Read r) {
            Var v = layout.var(r.var());
            int size = v.type().size();
            if (size <= 64) {
                long set = 0;
                for (int x : values) if (v.type().contains(x)) set |= 1L << (x - v.type().lo());
                if (set == 0) return Conditions.FALSE;
                long all = size == 64 ? -1L : (1L << size) - 1;
                if (set == all) return Conditions.TRUE;
                return new Conditions.FieldIn(v.word(), v.shift(), v.mask(), set);
            }
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
        return new Conditions.In(intEval(in.operand()), sorted);
    }

    // ---------------------------------------------------------------- analysis

    /** True when {@code e} reads no state variable. */
    static boolean isClosed(Expr e) {
        if (e instanceof Expr.Const) return true;
        if (e instanceof Expr.Read || e instanceof Expr.ReadIndexed) return false;
        if (e instanceof Expr.Unary u) return isClosed(u.operand());
        if (e instanceof Expr.Binary b) return isClosed(b.left()) && isClosed(b.right());
        if (e instanceof Expr.Cond c) return isClosed(c.cond()) && isClosed(c.then()) && isClosed(c.otherwise());
        if (e instanceof Expr.InSet in) return isClosed(in.operand());
        throw new IllegalArgumentException("unknown expression " + e);
    }

    /** False only when evaluating {@code e} can never throw {@link DomainError} (conservative). */
    boolean fallible(Expr e) {
        if (e instanceof Expr.Const || e instanceof Expr.Read) return false;
        if (e instanceof Expr.ReadIndexed ri) {
            Bounds ix = Bounds.of(ri.index(), layout);
            return fallible(ri.index()) || !ix.within((long) ri.base(), (long) ri.base() + ri.vars().length - 1);
        }
        if (e instanceof Expr.Unary u) {
            return fallible(u.operand()) || (u.op() == Expr.UnOp.NEG && !Bounds.of(u, layout).fitsInt());
        }
        if (e instanceof Expr.Binary b) {
            if (fallible(b.left()) || fallible(b.right())) return true;
            switch (b.op()) {
                case ADD: case SUB: case MUL: return !Bounds.of(b, layout).fitsInt();
                case DIV: {
                    Bounds l = Bounds.of(b.left(), layout).clampInt(), r = Bounds.of(b.right(), layout).clampInt();
                    return r.contains(0) || (l.contains(Integer.MIN_VALUE) && r.contains(-1));
                }
                case MOD: return Bounds.of(b.right(), layout).clampInt().contains(0);
                default: return false;
            }
        }
        if (e instanceof Expr.Cond c) return fallible(c.cond()) || fallible(c.then()) || fallible(c.otherwise());
        if (e instanceof Expr.InSet in) return fallible(in.operand());
        throw new IllegalArgumentException("unknown expression " + e);
    }

    /** The packed locations of the elements of an array, as parallel primitive arrays. */
    static final class ElementTable {
        final int[] words, shifts, los, his;
        final long[] masks;
        final String[] names;

        ElementTable(StateLayout layout, int[] vars) {
            int n = vars.length;
            words = new int[n]; shifts = new int[n]; los = new int[n]; his = new int[n];
            masks = new long[n]; names = new String[n];
            for (int i = 0; i < n; i++) {
                Var v = layout.var(vars[i]);
                words[i] = v.word(); shifts[i] = v.shift(); masks[i] = v.mask();
                los[i] = v.type().lo(); his[i] = v.type().hi(); names[i] = v.name();
            }
        }
    }
}
