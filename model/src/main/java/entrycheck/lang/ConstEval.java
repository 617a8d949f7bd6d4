package entrycheck.lang;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates constant expressions: literals, constants (after {@code -D} overrides), enum
 * constants, bound variables and the operators. Reports "not a constant" and cycles.
 */
final class ConstEval {
    private final Map<String, AstDecl.Const> decls;
    private final Map<String, Integer> overrides;
    private final Symbols syms;
    private final Diags diags;
    private final Map<String, Integer> done = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> inProgress = new HashSet<>();

    ConstEval(Map<String, AstDecl.Const> decls, Map<String, Integer> overrides, Symbols syms, Diags diags) {
        this.decls = decls;
        this.overrides = overrides;
        this.syms = syms;
        this.diags = diags;
    }

    /** The final value of constant {@code name} (an override when given), or null after an error. */
    Integer constant(String name) {
        if (done.containsKey(name)) return done.get(name);
        if (failed.contains(name)) return null;
        AstDecl.Const d = decls.get(name);
        if (overrides.containsKey(name)) {
            done.put(name, overrides.get(name));
            return overrides.get(name);
        }
        if (!inProgress.add(name)) {
            diags.error(d.pos(), "constant '" + name + "' is defined in terms of itself");
            failed.add(name);
            return null;
        }
        Integer v = eval(d.value(), Map.of());
        inProgress.remove(name);
        if (v == null) failed.add(name);
        else done.put(name, v);
        return v;
    }

    /** Whether {@code e} is a constant expression (no error is reported). */
    boolean isConstant(AstExpr e, Map<String, Integer> bound) {
        if (e instanceof AstExpr.IntLit || e instanceof AstExpr.BoolLit) return true;
        if (e instanceof AstExpr.Name) {
            String n = ((AstExpr.Name) e).name();
            return bound.containsKey(n) || decls.containsKey(n) || syms.enumConsts.containsKey(n);
        }
        if (e instanceof AstExpr.Unary) return isConstant(((AstExpr.Unary) e).operand(), bound);
        if (e instanceof AstExpr.Binary) {
            AstExpr.Binary b = (AstExpr.Binary) e;
            return isConstant(b.left(), bound) && isConstant(b.right(), bound);
        }
        if (e instanceof AstExpr.Cond) {
            AstExpr.Cond c = (AstExpr.Cond) e;
            return isConstant(c.cond(), bound) && isConstant(c.then(), bound) && isConstant(c.otherwise(), bound);
        }
        return false;
    }

    /** The value of constant expression {@code e}, or null after reporting why it is not one. */
    Integer eval(AstExpr e, Map<String, Integer> bound) {
        if (e instanceof AstExpr.IntLit) return ((AstExpr.IntLit) e).value();
        if (e instanceof AstExpr.BoolLit) return ((AstExpr.BoolLit) e).value() ? 1 : 0;
        if (e instanceof AstExpr.Name) {
            String n = ((AstExpr.Name) e).name();
            if (bound.containsKey(n)) return bound.get(n);
            if (decls.containsKey(n)) return constant(n);
            if (syms.enumConsts.containsKey(n)) return syms.enumConsts.get(n).ordinal();
            Set<String> cands = new HashSet<>(decls.keySet());
            cands.addAll(bound.keySet());
            String s = Suggest.closest(n, cands);
            boolean known = syms.vars.containsKey(n) || syms.groups.containsKey(n) || syms.stacks.containsKey(n);
            diags.error(e.pos(), (known ? "'" + n + "' is not a constant" : "unknown constant '" + n + "'")
                    + " (a constant expression is required here)" + (s == null ? "" : " (did you mean '" + s + "'?)"));
            return null;
        }
        if (e instanceof AstExpr.Unary) {
            AstExpr.Unary u = (AstExpr.Unary) e;
            Integer v = eval(u.operand(), bound);
            if (v == null) return null;
            if (u.op() == AstExpr.UnOp.NOT) return v == 0 ? 1 : 0;
            if (v == Integer.MIN_VALUE) return overflow(u.pos());
            return -v;
        }
        if (e instanceof AstExpr.Binary) {
            AstExpr.Binary b = (AstExpr.Binary) e;
            Integer l = eval(b.left(), bound);
            Integer r = eval(b.right(), bound);
            if (l == null || r == null) return null;
            switch (b.op()) {
                case ADD: return exact((long) l + r, b.opPos());
                case SUB: return exact((long) l - r, b.opPos());
                case MUL: return exact((long) l * r, b.opPos());
                case DIV:
                case MOD:
                    if (r == 0) {
                        diags.error(b.opPos(), "division by zero in a constant expression");
                        return null;
                    }
                    if (b.op() == AstExpr.BinOp.DIV) return exact((long) l / r, b.opPos());
                    return l % r;
                case EQ: return l.equals(r) ? 1 : 0;
                case NE: return l.equals(r) ? 0 : 1;
                case LT: return l < r ? 1 : 0;
                case LE: return l <= r ? 1 : 0;
                case GT: return l > r ? 1 : 0;
                case GE: return l >= r ? 1 : 0;
                case AND: return l != 0 && r != 0 ? 1 : 0;
                case OR: return l != 0 || r != 0 ? 1 : 0;
                default: return l == 0 || r != 0 ? 1 : 0;
            }
        }
        if (e instanceof AstExpr.Cond) {
            AstExpr.Cond c = (AstExpr.Cond) e;
            Integer v = eval(c.cond(), bound);
            if (v == null) return null;
            return eval(v != 0 ? c.then() : c.otherwise(), bound);
        }
        diags.error(e.pos(), "a constant expression is required here, found '" + AstPrinter.expr(e) + "'");
        return null;
    }

    /** {@code v} when it is an int, else an overflow error (the semantics' reading of overflow: an error, never a wrap). */
    private Integer exact(long v, Pos pos) {
        if (v == (int) v) return (int) v;
        return overflow(pos);
    }

    private Integer overflow(Pos pos) {
        diags.error(pos, "integer overflow in a constant expression (values are 32-bit ints)");
        return null;
    }
}
