package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Update;
import entrycheck.lang.AstExpr;
import entrycheck.lang.AstPrinter;
import entrycheck.lang.LType;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles expressions and assignments of the checked AST to IR expressions and updates:
 * names to places in the flattened state, constants folded, level-dependent built-ins
 * specialised when the level is known.
 */
final class ExprCompiler {
    private final Symbols syms;
    private final Layout lay;
    private final Control ctl;
    private final Props props;
    private CodeInfo code;
    private final int zeroedProp;
    private final int uninitProp;

    ExprCompiler(Symbols syms, Layout lay, Control ctl, Props props) {
        this.syms = syms;
        this.lay = lay;
        this.ctl = ctl;
        this.props = props;
        this.zeroedProp = props.ofKind(syms, entrycheck.lang.AstDecl.PropBody.ZeroedReads.class);
        this.uninitProp = props.ofKind(syms, entrycheck.lang.AstDecl.PropBody.UninitReads.class);
    }

    void setCode(CodeInfo code) { this.code = code; }

    // ---- helpers building IR ----

    static Expr c(int v) { return new Expr.Const(v); }

    static Expr eq(Expr a, Expr b) { return bin(Expr.BinOp.EQ, a, b); }

    static Expr and(Expr a, Expr b) { return bin(Expr.BinOp.AND, a, b); }

    static Expr read(int var) { return new Expr.Read(var); }

    /** A binary expression, folded when both sides are constants (and trivially simplified). */
    static Expr bin(Expr.BinOp op, Expr l, Expr r) {
        if (l instanceof Expr.Const && r instanceof Expr.Const) {
            int a = ((Expr.Const) l).value();
            int b = ((Expr.Const) r).value();
            switch (op) {
                // an overflow (or a division by zero) is left to run time, where it is a domain error
                case ADD: if ((long) a + b == a + b) return c(a + b); break;
                case SUB: if ((long) a - b == a - b) return c(a - b); break;
                case MUL: if ((long) a * b == a * b) return c(a * b); break;
                case DIV: if (b != 0 && !(a == Integer.MIN_VALUE && b == -1)) return c(a / b); break;
                case MOD: if (b != 0) return c(a % b); break;
                case EQ: return c(a == b ? 1 : 0);
                case NE: return c(a != b ? 1 : 0);
                case LT: return c(a < b ? 1 : 0);
                case LE: return c(a <= b ? 1 : 0);
                case GT: return c(a > b ? 1 : 0);
                case GE: return c(a >= b ? 1 : 0);
                case AND: return c(a != 0 && b != 0 ? 1 : 0);
                case OR: return c(a != 0 || b != 0 ? 1 : 0);
                default: return c(a == 0 || b != 0 ? 1 : 0);
            }
        }
        if (op == Expr.BinOp.AND) {
            if (l instanceof Expr.Const) return ((Expr.Const) l).value() != 0 ? r : c(0);
            if (r instanceof Expr.Const && ((Expr.Const) r).value() != 0) return l;
        }
        if (op == Expr.BinOp.OR) {
            if (l instanceof Expr.Const) return ((Expr.Const) l).value() != 0 ? c(1) : r;
            if (r instanceof Expr.Const && ((Expr.Const) r).value() == 0) return l;
        }
        if (op == Expr.BinOp.IMPLIES && l instanceof Expr.Const) return ((Expr.Const) l).value() != 0 ? r : c(1);
        return new Expr.Binary(op, l, r);
    }

    static Expr cond(Expr c, Expr a, Expr b) {
        if (c instanceof Expr.Const) return ((Expr.Const) c).value() != 0 ? a : b;
        return new Expr.Cond(c, a, b);
    }

    // ---- values ----

    /**
     * The value of {@code e}. Reads of the zeroed/uninit fields of {@code frame} in handler code
     * add their read checks to {@code checks} (which may be null when none can occur).
     */
    Expr value(AstExpr e, Ctx x, List<Update> checks) {
        if (e instanceof AstExpr.IntLit) return c(((AstExpr.IntLit) e).value());
        if (e instanceof AstExpr.BoolLit) return c(((AstExpr.BoolLit) e).value() ? 1 : 0);
        if (e instanceof AstExpr.Name) {
            String n = ((AstExpr.Name) e).name();
            if (x.bound().containsKey(n)) return c(x.bound().get(n));
            Place p = namePlace(n, x);
            if (p != null) return Place.read(p);
            if (syms.constants().containsKey(n)) return c(syms.constants().get(n));
            if (syms.enumConsts().containsKey(n)) return c(syms.enumConsts().get(n).ordinal());
            int label = syms.retLabels().indexOf(n);
            if (label >= 0) return c(label + 1);
            throw new IllegalStateException("unresolved name " + n + " at " + e.pos());
        }
        if (e instanceof AstExpr.Field || e instanceof AstExpr.Index) {
            readCheck(e, x, checks);
            return Place.read(place(e, x, checks));
        }
        if (e instanceof AstExpr.Unary) {
            AstExpr.Unary u = (AstExpr.Unary) e;
            Expr v = value(u.operand(), x, checks);
            if (v instanceof Expr.Const && (u.op() == AstExpr.UnOp.NOT || ((Expr.Const) v).value() != Integer.MIN_VALUE)) {
                int k = ((Expr.Const) v).value();
                return c(u.op() == AstExpr.UnOp.NOT ? (k == 0 ? 1 : 0) : -k);
            }
            return new Expr.Unary(u.op() == AstExpr.UnOp.NOT ? Expr.UnOp.NOT : Expr.UnOp.NEG, v);
        }
        if (e instanceof AstExpr.Binary) {
            AstExpr.Binary b = (AstExpr.Binary) e;
            return bin(Expr.BinOp.valueOf(b.op().name()), value(b.left(), x, checks), value(b.right(), x, checks));
        }
        if (e instanceof AstExpr.Cond) {
            AstExpr.Cond k = (AstExpr.Cond) e;
            return cond(value(k.cond(), x, checks), value(k.then(), x, checks), value(k.otherwise(), x, checks));
        }
        if (e instanceof AstExpr.Keyword) return keyword((AstExpr.Keyword) e, x);
        if (e instanceof AstExpr.Builtin) return builtin((AstExpr.Builtin) e, x);
        if (e instanceof AstExpr.Quant) {
            AstExpr.Quant q = (AstExpr.Quant) e;
            int lo;
            int hi;
            if (q.hi() == null) {
                LType t = syms.types().get(((AstExpr.Name) q.lo()).name());
                lo = t instanceof LType.IntT ? ((LType.IntT) t).lo() : 0;
                hi = t instanceof LType.IntT ? ((LType.IntT) t).hi() : ((LType.EnumT) t).type().hi();
            } else {
                lo = ((Expr.Const) value(q.lo(), x, null)).value();
                hi = ((Expr.Const) value(q.hi(), x, null)).value();
            }
            List<Expr> bodies = new ArrayList<>();
            for (long li = lo; li <= hi; li++) bodies.add(value(q.body(), x.bind(q.var(), (int) li), checks)); // long: hi may be MAX_VALUE
            return balanced(bodies, 0, bodies.size(), q.forall() ? Expr.BinOp.AND : Expr.BinOp.OR, q.forall() ? 1 : 0);
        }
        throw new IllegalStateException("cannot compile " + AstPrinter.expr(e) + " at " + e.pos());
    }

    /**
     * {@code es[from] op ... op es[to-1]} as a balanced tree, so that a quantifier over many
     * values does not nest as deep as it has values. {@code &&} and {@code ||} are associative
     * with C's short-circuit evaluation too (left to right, stopping at the first deciding
     * operand), so the shape changes nothing. An empty range gives {@code unit}.
     */
    private Expr balanced(List<Expr> es, int from, int to, Expr.BinOp op, int unit) {
        if (to - from == 0) return c(unit);
        if (to - from == 1) return es.get(from);
        int mid = (from + to) >>> 1;
        return bin(op, balanced(es, from, mid, op, unit), balanced(es, mid, to, op, unit));
    }

    private Expr keyword(AstExpr.Keyword k, Ctx x) {
        switch (k.kw()) {
            case DEPTH:
                if (x.level() >= 0) return c(x.level());
                return ctl == null ? c(0) : read(ctl.depth);
            case INTERRUPTED: return c(0);
            case INSTRUMENTABLE: {
                if (ctl == null) return c(0);
                if (x.level() >= 0) {
                    int[] locs = code.instrumentable(x.level());
                    if (x.curLoc() >= 0) {
                        for (int l : locs) if (l == x.curLoc()) return c(1);
                        return c(0);
                    }
                    return inSet(read(ctl.pc(x.level())), locs);
                }
                return byDepth(0, l -> inSet(read(ctl.pc(l)), code.instrumentable(l)));
            }
            default:
                throw new IllegalStateException("'frame' is not a scalar at " + k.pos());
        }
    }

    static Expr inSet(Expr v, int[] values) {
        if (values.length == 0) return c(0);
        return new Expr.InSet(v, values);
    }

    /** {@code Cond(depth == from, f(from), Cond(depth == from+1, ...))}, false for the other depths. */
    private Expr byDepth(int from, java.util.function.IntFunction<Expr> f) {
        Expr r = c(0);
        for (int l = ctl.maxLevel; l >= from; l--) r = cond(eq(read(ctl.depth), c(l)), f.apply(l), r);
        return r;
    }

    private Expr builtin(AstExpr.Builtin b, Ctx x) {
        if (ctl == null) return c(0);
        String a0 = ((AstExpr.Name) b.args().get(0)).name();
        switch (b.fn()) {
            case HANDLING: {
                int v = syms.vectors().get(a0).index();
                if (x.level() == 0) return c(0);
                if (x.level() > 0) {
                    if (x.inst() != null) {
                        List<Symbols.VectorInfo> vs = syms.vectorsEntering(x.inst().root);
                        boolean in = vs.stream().anyMatch(vi -> vi.index() == v);
                        if (!in) return c(0);
                        if (vs.size() == 1) return c(1);
                    }
                    return eq(read(ctl.vec(x.level())), c(v));
                }
                return byDepth(1, l -> eq(read(ctl.vec(l)), c(v)));
            }
            case INTERRUPTED_ON: {
                Symbols.StackInfo s = syms.stacks().get(a0);
                boolean task = a0.equals(syms.taskStack());
                java.util.function.IntFunction<Expr> on = l -> l == 1 ? c(task ? 1 : 0)
                        : ctl.fstack(l - 1) < 0 ? c(0) : eq(read(ctl.fstack(l - 1)), c(s.index()));
                if (x.level() == 0) return c(0);
                if (x.level() > 0) return on.apply(x.level());
                return byDepth(1, on);
            }
            default: {
                String a1 = ((AstExpr.Name) b.args().get(1)).name();
                java.util.function.IntFunction<Expr> at = l -> inSet(read(ctl.pc(l - 1)), code.labelRange(l - 1, a0, a1));
                if (x.level() == 0) return c(0);
                if (x.level() > 0) return at.apply(x.level());
                return byDepth(1, at);
            }
        }
    }

    // ---- places ----

    /** The place of a local, parameter, ref parameter or global, or null when the name is not a variable. */
    private Place namePlace(String n, Ctx x) {
        Instance in = x.inst();
        if (in != null) {
            if (in.refArgs.containsKey(n)) return place(in.refArgs.get(n), x.withInst(in.caller), null);
            if (syms.procs().get(in.proc).locals().containsKey(n)) return ctl.local(in.level, in.proc, n);
        }
        return lay.global(n);
    }

    /** The place an l-value expression denotes. */
    Place place(AstExpr e, Ctx x, List<Update> checks) {
        if (e instanceof AstExpr.Name) {
            Place p = namePlace(((AstExpr.Name) e).name(), x);
            if (p == null) throw new IllegalStateException("not a variable: " + AstPrinter.expr(e) + " at " + e.pos());
            return p;
        }
        if (e instanceof AstExpr.Keyword && ((AstExpr.Keyword) e).kw() == AstExpr.Kw.FRAME) {
            if (x.frame() == null) throw new IllegalStateException("no frame at " + e.pos());
            return x.frame();
        }
        if (e instanceof AstExpr.Field) {
            AstExpr.Field f = (AstExpr.Field) e;
            Place base = place(f.base(), x, checks);
            if (base instanceof Place.Rec) return ((Place.Rec) base).fields().get(f.field());
            if (base instanceof Place.Frame) {
                Place p = ((Place.Frame) base).fields().get(f.field());
                if (p != null) return p;
            }
            throw new IllegalStateException("no field " + f.field() + " at " + e.pos());
        }
        if (e instanceof AstExpr.Index) {
            AstExpr.Index i = (AstExpr.Index) e;
            Place base = place(i.base(), x, checks);
            return Place.element((Place.Arr) base, value(i.index(), x, checks));
        }
        throw new IllegalStateException("not an l-value: " + AstPrinter.expr(e) + " at " + e.pos());
    }

    /** The place of {@code e} if it is a variable (composite or scalar), else null. */
    Place placeOrNull(AstExpr e, Ctx x) {
        if (e instanceof AstExpr.Name) {
            String n = ((AstExpr.Name) e).name();
            if (x.bound().containsKey(n)) return null;
            return namePlace(n, x);
        }
        if (e instanceof AstExpr.Keyword) return ((AstExpr.Keyword) e).kw() == AstExpr.Kw.FRAME ? x.frame() : null;
        if (e instanceof AstExpr.Field || e instanceof AstExpr.Index) return place(e, x, null);
        return null;
    }

    /** For {@code frame.f} with f zeroed/uninit and tracked: the read check (before the read). */
    private void readCheck(AstExpr e, Ctx x, List<Update> checks) {
        if (checks == null || !x.checks() || !(e instanceof AstExpr.Field)) return;
        AstExpr.Field f = (AstExpr.Field) e;
        if (!(f.base() instanceof AstExpr.Keyword) || ((AstExpr.Keyword) f.base()).kw() != AstExpr.Kw.FRAME) return;
        Symbols.FrameField ff = syms.frame().field(f.field());
        Place.Frame fr = x.frame();
        if (ff == null || fr == null || fr.owner() == null || !fr.written().containsKey(f.field())) return;
        Expr owned = eq(Place.read(fr.owner()), c(x.level()));
        Expr w = Place.read(fr.written().get(f.field()));
        if (ff.region().equals("zeroed") && zeroedProp >= 0) {
            Expr zero = eq(Place.read(fr.fields().get(f.field())), c(lay.syms.irType(ff.type()).lo()));
            checks.add(new Update.Check(zeroedProp, and(owned, bin(Expr.BinOp.OR, w, zero)),
                    "read of frame." + f.field() + " (zeroed region): the slot belongs to another entry, or this entry has not "
                            + "written it and it is not zero"));
        } else if (ff.region().equals("uninit") && uninitProp >= 0) {
            checks.add(new Update.Check(uninitProp, and(owned, w),
                    "read of frame." + f.field() + " (uninit region) before this entry wrote it"));
        }
    }

    // ---- assignments ----

    /** {@code target = value} (scalar or whole record/array/frame copy), read checks first. */
    List<Update> assign(AstExpr target, AstExpr value, Ctx x) {
        List<Update> out = new ArrayList<>();
        Place dst = place(target, x, out);
        out.addAll(assignTo(dst, value, x));
        markWritten(target, x, out);
        return out;
    }

    /** Stores {@code value} (compiled in {@code x}) into {@code dst}, read checks first. */
    List<Update> assignTo(Place dst, AstExpr value, Ctx x) {
        List<Update> out = new ArrayList<>();
        if (Place.isScalar(dst)) {
            Expr v = value(value, x, out);
            out.add(Place.assign(dst, v));
        } else {
            copy(dst, placeOrNull(value, x), out);
        }
        return out;
    }

    /** Whole-value copy; a frame copy carries the owner tag and marks the destination's fields written. */
    static void copy(Place dst, Place src, List<Update> out) {
        if (Place.isScalar(dst)) {
            out.add(Place.assign(dst, Place.read(src)));
        } else if (dst instanceof Place.Rec) {
            for (Map.Entry<String, Place> f : ((Place.Rec) dst).fields().entrySet()) {
                copy(f.getValue(), ((Place.Rec) src).fields().get(f.getKey()), out);
            }
        } else if (dst instanceof Place.Arr) {
            List<Place> d = ((Place.Arr) dst).elems();
            for (int i = 0; i < d.size(); i++) copy(d.get(i), ((Place.Arr) src).elems().get(i), out);
        } else {
            Place.Frame df = (Place.Frame) dst;
            Place.Frame sf = (Place.Frame) src;
            for (Map.Entry<String, Place> f : df.fields().entrySet()) copy(f.getValue(), sf.fields().get(f.getKey()), out);
            if (df.owner() != null && sf.owner() != null) out.add(Place.assign(df.owner(), Place.read(sf.owner())));
            for (Place w : df.written().values()) out.add(Place.assign(w, c(1)));
        }
    }

    /** A write to {@code frame.f} (or the whole frame) sets the written-bits. */
    private void markWritten(AstExpr target, Ctx x, List<Update> out) {
        if (!(target instanceof AstExpr.Field) || x.frame() == null) return;
        AstExpr.Field f = (AstExpr.Field) target;
        if (!(f.base() instanceof AstExpr.Keyword) || ((AstExpr.Keyword) f.base()).kw() != AstExpr.Kw.FRAME) return;
        Place w = x.frame().written().get(f.field());
        if (w != null) out.add(Place.assign(w, c(1)));
    }

    /** {@code clear target}: the first value of its type into every scalar (a region: its fields, marked written). */
    List<Update> clear(AstExpr target, Ctx x) {
        List<Update> out = new ArrayList<>();
        if (target instanceof AstExpr.Field) {
            AstExpr.Field f = (AstExpr.Field) target;
            Place base = placeOrNull(f.base(), x);
            if (base instanceof Place.Frame && !((Place.Frame) base).fields().containsKey(f.field())) {
                Place.Frame fr = (Place.Frame) base;
                for (Symbols.FrameField ff : syms.frame().fields()) {
                    if (!ff.region().equals(f.field())) continue;
                    out.add(Place.assign(fr.fields().get(ff.name()), c(syms.irType(ff.type()).lo())));
                    Place w = fr.written().get(ff.name());
                    if (w != null) out.add(Place.assign(w, c(1)));
                }
                return out;
            }
        }
        Place p = place(target, x, out);
        List<Place> leaves = new ArrayList<>();
        Place.leaves(p, leaves);
        for (Place l : leaves) out.add(Place.assign(l, c(lo(l))));
        if (p instanceof Place.Frame) for (Place w : ((Place.Frame) p).written().values()) out.add(Place.assign(w, c(1)));
        markWritten(target, x, out);
        return out;
    }

    private int lo(Place leaf) {
        int var = leaf instanceof Place.Scalar ? ((Place.Scalar) leaf).var() : ((Place.Indexed) leaf).vars()[0];
        return lay.vars.get(var).type().lo();
    }

    /** The updates that set every variable of {@code p} to the first value of its type. */
    List<Update> zero(Place p) {
        List<Place> leaves = new ArrayList<>();
        Place.leaves(p, leaves);
        List<Update> out = new ArrayList<>();
        for (Place l : leaves) out.add(Place.assign(l, c(lo(l))));
        return out;
    }

    Props props() { return props; }
}
