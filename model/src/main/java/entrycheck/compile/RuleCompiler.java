package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Transition;
import entrycheck.lang.LType;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules (LANGUAGE.md section 10): one RULE transition per rule and value of its parameters
 * (first parameter outermost), labelled {@code inc(3)}; parameters are constants in the
 * body, so array indices fold to direct reads and writes.
 */
final class RuleCompiler {
    private final Symbols syms;
    private final ExprCompiler ex;
    private final AtomicCompiler atomic;

    RuleCompiler(Symbols syms, ExprCompiler ex, AtomicCompiler atomic) {
        this.syms = syms;
        this.ex = ex;
        this.atomic = atomic;
    }

    List<Draft> compile() {
        List<Draft> out = new ArrayList<>();
        for (Symbols.RuleInfo r : syms.rules()) expand(r, 0, Ctx.dynamic(), new ArrayList<>(), out);
        return out;
    }

    private void expand(Symbols.RuleInfo r, int i, Ctx x, List<String> shown, List<Draft> out) {
        if (i == r.params().size()) {
            String label = r.decl().name() + (shown.isEmpty() ? "" : "(" + String.join(", ", shown) + ")");
            List<entrycheck.ir.Update> checks = new ArrayList<>();
            Expr guard = ex.value(r.decl().guard(), x, checks);
            if (guard instanceof Expr.Const && ((Expr.Const) guard).value() == 0) return;
            out.add(new Draft(label, "", Transition.Kind.RULE, -1, "", List.of(), guard,
                    atomic.seq(r.decl().body().stmts(), x, List.of())));
            return;
        }
        Symbols.RuleParamInfo p = r.params().get(i);
        LType.EnumT en = enumOf(r, i);
        for (long lv = p.lo(); lv <= p.hi(); lv++) { // long: hi may be Integer.MAX_VALUE
            int v = (int) lv;
            shown.add(en != null ? en.type().values().get(v) : Integer.toString(v));
            expand(r, i + 1, x.bind(p.name(), v), shown, out);
            shown.remove(shown.size() - 1);
        }
    }

    private LType.EnumT enumOf(Symbols.RuleInfo r, int i) {
        var decl = r.decl().params().get(i);
        if (decl.hi() == null && decl.lo() instanceof entrycheck.lang.AstExpr.Name) {
            LType t = syms.types().get(((entrycheck.lang.AstExpr.Name) decl.lo()).name());
            if (t instanceof LType.EnumT) return (LType.EnumT) t;
        }
        return null;
    }
}
