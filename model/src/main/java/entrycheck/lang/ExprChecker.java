package entrycheck.lang;

import entrycheck.lang.AstExpr.BinOp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the names of expressions and computes their types, reporting unknown names
 * (with a suggestion) and type mismatches. A null type means an error was already reported.
 */
final class ExprChecker {
    private final Symbols syms;
    private final ConstEval consts;
    private final Diags diags;
    /** First use of {@code frame} per procedure (for the task-level check). */
    final Map<String, Pos> frameUses;

    ExprChecker(Symbols syms, ConstEval consts, Diags diags, Map<String, Pos> frameUses) {
        this.syms = syms;
        this.consts = consts;
        this.diags = diags;
        this.frameUses = frameUses;
    }

    static boolean isBoolLiteral(AstExpr e) {
        return e instanceof AstExpr.IntLit && (((AstExpr.IntLit) e).value() == 0 || ((AstExpr.IntLit) e).value() == 1);
    }

    /** Whether values of the two types can be compared or assigned (0/1 literals aside). */
    static boolean compatible(LType a, LType b) {
        if (a == null || b == null) return true;
        if (a instanceof LType.BoolT) return b instanceof LType.BoolT;
        if (a instanceof LType.IntT) return b instanceof LType.IntT;
        if (a instanceof LType.EnumT) return b instanceof LType.EnumT && ((LType.EnumT) a).type().equals(((LType.EnumT) b).type());
        if (a instanceof LType.RetT) return b instanceof LType.RetT;
        if (a instanceof LType.RecordT) return b instanceof LType.RecordT && ((LType.RecordT) a).name().equals(((LType.RecordT) b).name())
                && a.equals(b);
        if (a instanceof LType.FrameT) return b instanceof LType.FrameT;
        if (a instanceof LType.ArrayT && b instanceof LType.ArrayT) {
            LType.ArrayT x = (LType.ArrayT) a;
            LType.ArrayT y = (LType.ArrayT) b;
            return x.size() == y.size() && compatible(x.elem(), y.elem());
        }
        return false;
    }

    static String kind(LType t) {
        if (t instanceof LType.IntT) return "int";
        return String.valueOf(t);
    }

    /** Checks that {@code e} is a bool (or a 0/1 literal); reports a mismatch naming {@code what}. */
    void expectBool(AstExpr e, Scope s, String what) {
        LType t = type(e, s);
        if (t != null && !(t instanceof LType.BoolT) && !isBoolLiteral(e)) {
            diags.error(e.pos(), "type mismatch: " + what + " must be bool, found " + kind(t));
        }
    }

    /** Checks that value {@code v} can be assigned to something of type {@code target}. */
    void expectAssignable(LType target, AstExpr v, LType vt, String what) {
        if (target == null || vt == null) return;
        if (target instanceof LType.BoolT && isBoolLiteral(v)) return;
        if (!compatible(target, vt)) {
            diags.error(v.pos(), "type mismatch: " + what + " is " + kind(target) + ", found " + kind(vt));
            return;
        }
        if (target instanceof LType.IntT && consts.isConstant(v, Map.of())) {
            Integer c = consts.eval(v, Map.of());
            LType.IntT r = (LType.IntT) target;
            if (c != null && (c < r.lo() || c > r.hi())) diags.error(v.pos(), "value " + c + " is out of the range " + r + " of " + what);
        }
    }

    LType type(AstExpr e, Scope s) {
        if (e instanceof AstExpr.IntLit) return new LType.IntT(((AstExpr.IntLit) e).value(), ((AstExpr.IntLit) e).value());
        if (e instanceof AstExpr.BoolLit) return LType.BOOL;
        if (e instanceof AstExpr.Name) return name((AstExpr.Name) e, s);
        if (e instanceof AstExpr.Field) return field((AstExpr.Field) e, s);
        if (e instanceof AstExpr.Index) return index((AstExpr.Index) e, s);
        if (e instanceof AstExpr.Unary) {
            AstExpr.Unary u = (AstExpr.Unary) e;
            if (u.op() == AstExpr.UnOp.NOT) {
                expectBool(u.operand(), s, "the operand of '!'");
                return LType.BOOL;
            }
            expectInt(u.operand(), s, "the operand of unary '-'");
            return LType.INT;
        }
        if (e instanceof AstExpr.Binary) return binary((AstExpr.Binary) e, s);
        if (e instanceof AstExpr.Cond) {
            AstExpr.Cond c = (AstExpr.Cond) e;
            expectBool(c.cond(), s, "the condition of '?:'");
            LType a = type(c.then(), s);
            LType b = type(c.otherwise(), s);
            if (a instanceof LType.BoolT && isBoolLiteral(c.otherwise())) return a;
            if (b instanceof LType.BoolT && isBoolLiteral(c.then())) return b;
            if (a != null && b != null && (!compatible(a, b) || !LType.isScalar(a))) {
                diags.error(c.otherwise().pos(), "type mismatch: the branches of '?:' are " + kind(a) + " and " + kind(b));
                return null;
            }
            return a instanceof LType.IntT ? LType.INT : a;
        }
        if (e instanceof AstExpr.Call) {
            AstExpr.Call c = (AstExpr.Call) e;
            diags.error(c.pos(), syms.procs.containsKey(c.name())
                    ? "a procedure call is a statement or the right side of an assignment, not part of an expression"
                    : "unknown procedure '" + c.name() + "'" + suggest(c.name(), syms.procs.keySet()));
            return null;
        }
        if (e instanceof AstExpr.Builtin) return builtin((AstExpr.Builtin) e, s);
        if (e instanceof AstExpr.Keyword) return keyword((AstExpr.Keyword) e, s);
        AstExpr.Quant q = (AstExpr.Quant) e;
        LType bt = quantRange(q);
        if (bt == null) return null;
        if (Limits.saturatedTimes(Limits.expansion(s.bound()), Limits.values(bt)) > Limits.MAX_EXPANSION) {
            diags.error(q.pos(), "'" + (q.forall() ? "forall" : "exists") + "' expands to more than " + Limits.MAX_EXPANSION
                    + " copies of its body (its values times those of the quantifiers and rule parameters around it)");
            return null;
        }
        expectBool(q.body(), s.bind(q.var(), bt), "the body of '" + (q.forall() ? "forall" : "exists") + "'");
        return LType.BOOL;
    }

    /** The type of a quantifier's bound variable (a constant range or a range/enum type), or null. */
    LType quantRange(AstExpr.Quant q) {
        if (q.hi() == null) {
            if (q.lo() instanceof AstExpr.Name) {
                LType t = syms.types.get(((AstExpr.Name) q.lo()).name());
                if (t instanceof LType.IntT || t instanceof LType.EnumT) return t;
            }
            diags.error(q.lo().pos(), "a quantifier ranges over lo..hi or a range or enum type");
            return null;
        }
        Integer lo = consts.eval(q.lo(), Map.of());
        Integer hi = consts.eval(q.hi(), Map.of());
        if (lo == null || hi == null) return null;
        if (hi < lo) {
            diags.error(q.pos(), "empty range " + lo + ".." + hi);
            return null;
        }
        return new LType.IntT(lo, hi);
    }

    private void expectInt(AstExpr e, Scope s, String what) {
        LType t = type(e, s);
        if (t != null && !(t instanceof LType.IntT)) diags.error(e.pos(), "type mismatch: " + what + " must be int, found " + kind(t));
    }

    private static String suggest(String n, Set<String> cands) {
        String s = Suggest.closest(n, cands);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    private LType binary(AstExpr.Binary b, Scope s) {
        BinOp op = b.op();
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MOD:
                expectInt(b.left(), s, "the left operand of '" + op.symbol + "'");
                expectInt(b.right(), s, "the right operand of '" + op.symbol + "'");
                return LType.INT;
            case LT: case LE: case GT: case GE:
                expectInt(b.left(), s, "the left operand of '" + op.symbol + "'");
                expectInt(b.right(), s, "the right operand of '" + op.symbol + "'");
                return LType.BOOL;
            case EQ: case NE: {
                LType l = type(b.left(), s);
                LType r = type(b.right(), s);
                if (l == null || r == null) return LType.BOOL;
                if (l instanceof LType.BoolT && isBoolLiteral(b.right())) return LType.BOOL;
                if (r instanceof LType.BoolT && isBoolLiteral(b.left())) return LType.BOOL;
                if (!LType.isScalar(l)) {
                    diags.error(b.left().pos(), "'" + op.symbol + "' compares scalars, found " + kind(l));
                } else if (!compatible(l, r)) {
                    diags.error(b.right().pos(), "type mismatch: cannot compare " + kind(l) + " with " + kind(r));
                }
                return LType.BOOL;
            }
            default:
                expectBool(b.left(), s, "the left operand of '" + op.symbol + "'");
                expectBool(b.right(), s, "the right operand of '" + op.symbol + "'");
                return LType.BOOL;
        }
    }

    private Set<String> visibleNames(Scope s) {
        Set<String> n = new LinkedHashSet<>();
        n.addAll(s.bound().keySet());
        n.addAll(s.locals().keySet());
        n.addAll(syms.vars.keySet());
        n.addAll(syms.groups.keySet());
        n.addAll(syms.stacks.keySet());
        n.addAll(syms.constants.keySet());
        n.addAll(syms.enumConsts.keySet());
        return n;
    }

    private LType name(AstExpr.Name e, Scope s) {
        String n = e.name();
        if (s.bound().containsKey(n)) return s.bound().get(n);
        if (s.locals().containsKey(n)) return s.locals().get(n);
        if (syms.vars.containsKey(n)) return syms.vars.get(n).type();
        if (syms.groups.containsKey(n)) return new LType.GroupT(n);
        if (syms.stacks.containsKey(n)) return new LType.StackT(n);
        if (syms.constants.containsKey(n)) {
            int v = syms.constants.get(n);
            return syms.constIsBool(n) ? LType.BOOL : new LType.IntT(v, v);
        }
        if (syms.enumConsts.containsKey(n)) return new LType.EnumT(syms.enumConsts.get(n).type());
        for (String p : syms.entryProcs()) {
            Symbols.ProcInfo pi = syms.procs.get(p);
            if (pi != null && pi.labels().contains(n)) {
                if (!syms.retLabels.contains(n)) syms.retLabels.add(n);
                return LType.RET;
            }
        }
        for (Symbols.ProcInfo pi : syms.procs.values()) {
            if (pi.labels().contains(n)) {
                diags.error(e.pos(), "label '" + n + "' of procedure '" + pi.name() + "' is not a return address "
                        + "(return addresses are labels of vector entry procedures)");
                return null;
            }
        }
        diags.error(e.pos(), "unknown variable '" + n + "'" + suggest(n, visibleNames(s)));
        return null;
    }

    private LType field(AstExpr.Field e, Scope s) {
        LType base = type(e.base(), s);
        if (base == null) return null;
        String f = e.field();
        if (base instanceof LType.GroupT) {
            Map<String, Symbols.VarInfo> g = syms.groups.get(((LType.GroupT) base).name());
            if (g.containsKey(f)) return g.get(f).type();
            String gn = ((LType.GroupT) base).name();
            List<String> cands = new ArrayList<>();
            for (String x : g.keySet()) cands.add(gn + "." + x);
            diags.error(e.pos(), "unknown variable '" + gn + "." + f + "'" + suggest(gn + "." + f, new LinkedHashSet<>(cands)));
            return null;
        }
        if (base instanceof LType.StackT) {
            Symbols.StackInfo st = syms.stacks.get(((LType.StackT) base).name());
            if (st.cells().containsKey(f)) return st.cells().get(f).type();
            diags.error(e.pos(), "stack '" + st.name() + "' has no cell '" + f + "'" + suggest(f, st.cells().keySet()));
            return null;
        }
        if (base instanceof LType.RecordT) {
            LType t = ((LType.RecordT) base).field(f);
            if (t != null) return t;
            List<String> names = new ArrayList<>();
            for (LType.Member m : ((LType.RecordT) base).fields()) names.add(m.name());
            diags.error(e.pos(), "record type " + base + " has no field '" + f + "' in '" + AstPrinter.expr(e) + "'"
                    + suggest(f, new LinkedHashSet<>(names)));
            return null;
        }
        if (base instanceof LType.FrameT) {
            Symbols.FrameField ff = syms.frame.field(f);
            if (ff != null) return ff.type();
            if (syms.frame.hasRegion(f)) return new LType.RegionT(f);
            List<String> names = new ArrayList<>();
            for (Symbols.FrameField x : syms.frame.fields()) names.add(x.name());
            diags.error(e.pos(), "frame " + syms.frame.name() + " has no field '" + f + "' in '" + AstPrinter.expr(e) + "'"
                    + suggest(f, new LinkedHashSet<>(names)));
            return null;
        }
        diags.error(e.pos(), "'" + AstPrinter.expr(e.base()) + "' is " + kind(base) + ", it has no fields");
        return null;
    }

    private LType index(AstExpr.Index e, Scope s) {
        LType base = type(e.base(), s);
        LType it = type(e.index(), s);
        if (base == null) return null;
        if (!(base instanceof LType.ArrayT)) {
            diags.error(e.pos(), "'" + AstPrinter.expr(e.base()) + "' is " + kind(base) + ", not an array");
            return null;
        }
        LType.ArrayT a = (LType.ArrayT) base;
        if (it != null) {
            if (a.index() != null && !(it instanceof LType.EnumT && ((LType.EnumT) it).type().equals(a.index()))) {
                diags.error(e.index().pos(), "type mismatch: the index of '" + AstPrinter.expr(e.base()) + "' is "
                        + a.index().name() + ", found " + kind(it));
            } else if (a.index() == null && !(it instanceof LType.IntT)) {
                diags.error(e.index().pos(), "type mismatch: an array index must be int, found " + kind(it));
            } else if (a.index() == null && consts.isConstant(e.index(), Map.of())) {
                Integer v = consts.eval(e.index(), Map.of());
                if (v != null && (v < 0 || v >= a.size())) {
                    diags.error(e.index().pos(), "index " + v + " is out of range 0.." + (a.size() - 1));
                }
            }
        }
        return a.elem();
    }

    private LType builtin(AstExpr.Builtin b, Scope s) {
        if (b.args().size() != b.fn().arity) {
            diags.error(b.pos(), "'" + b.fn().word + "' takes " + b.fn().arity + " argument" + (b.fn().arity == 1 ? "" : "s")
                    + ", found " + b.args().size());
            return LType.BOOL;
        }
        List<String> names = new ArrayList<>();
        for (AstExpr a : b.args()) {
            if (!(a instanceof AstExpr.Name)) {
                diags.error(a.pos(), "'" + b.fn().word + "' takes names as arguments, found '" + AstPrinter.expr(a) + "'");
                return LType.BOOL;
            }
            names.add(((AstExpr.Name) a).name());
        }
        switch (b.fn()) {
            case HANDLING:
                if (!syms.vectors.containsKey(names.get(0))) {
                    diags.error(b.args().get(0).pos(), "unknown vector '" + names.get(0) + "'" + suggest(names.get(0), syms.vectors.keySet()));
                }
                break;
            case INTERRUPTED_ON:
                if (!syms.stacks.containsKey(names.get(0))) {
                    diags.error(b.args().get(0).pos(), "unknown stack '" + names.get(0) + "'" + suggest(names.get(0), syms.stacks.keySet()));
                }
                break;
            default:
                if (labelProc(names.get(0), names.get(1)) == null) {
                    diags.error(b.pos(), "no procedure has both labels '" + names.get(0) + "' and '" + names.get(1) + "'");
                }
                break;
        }
        return LType.BOOL;
    }

    /** The procedure that has both labels, or null. */
    Symbols.ProcInfo labelProc(String a, String b) {
        for (Symbols.ProcInfo p : syms.procs.values()) if (p.labels().contains(a) && p.labels().contains(b)) return p;
        return null;
    }

    private LType keyword(AstExpr.Keyword k, Scope s) {
        switch (k.kw()) {
            case DEPTH: return new LType.IntT(0, Math.max(0, syms.nesting));
            case INSTRUMENTABLE: return LType.BOOL;
            case INTERRUPTED: return LType.RET;
            default:
                if (!s.frameAllowed()) {
                    diags.error(k.pos(), "'frame' is not available in " + s.where() + " (only in handler code and deliver/iret blocks)");
                    return null;
                }
                if (syms.frame == null) {
                    diags.error(k.pos(), "'frame' used but the model declares no frame type");
                    return null;
                }
                if (syms.stacks.isEmpty()) {
                    diags.error(k.pos(), "'frame' used but the model declares no stack for frames to live in");
                    return null;
                }
                if (s.proc() != null) frameUses.putIfAbsent(s.proc(), k.pos());
                return new LType.FrameT(syms.frame.name());
        }
    }

    /** Whether {@code e} denotes something that can be assigned (a variable, field, element, local or frame). */
    boolean isLvalue(AstExpr e, Scope s) {
        if (e instanceof AstExpr.Name) {
            String n = ((AstExpr.Name) e).name();
            if (s.bound().containsKey(n)) return false;
            return s.locals().containsKey(n) || syms.vars.containsKey(n);
        }
        if (e instanceof AstExpr.Keyword) return ((AstExpr.Keyword) e).kw() == AstExpr.Kw.FRAME;
        if (e instanceof AstExpr.Field) {
            AstExpr base = ((AstExpr.Field) e).base();
            if (base instanceof AstExpr.Name) {
                String n = ((AstExpr.Name) base).name();
                if (!s.locals().containsKey(n) && !s.bound().containsKey(n)
                        && (syms.groups.containsKey(n) || syms.stacks.containsKey(n))) return true;
            }
            return isLvalue(base, s);
        }
        if (e instanceof AstExpr.Index) return isLvalue(((AstExpr.Index) e).base(), s);
        return false;
    }
}
