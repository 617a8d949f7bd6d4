package entrycheck.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compile-time {@code if} on options (LANGUAGE.md section 3a): an {@code if} whose condition is a
 * constant expression that reads an option ({@code if (CONFIG_PREEMPTION) ...}) is replaced by the
 * branch the configuration selects, like {@code if (IS_ENABLED(CONFIG_X))} in C. It is then no
 * step, so a configuration adds or removes code without adding a test step. Both branches were
 * type checked before. A branch that holds a label is never dropped (a goto, a step edit or
 * {@code interrupted_at} may name it): such an {@code if} stays a run-time test.
 */
final class ConfigFold {
    private final ConstEval consts;
    private final Options options;
    private boolean changed;

    private ConfigFold(ConstEval consts, Options options) {
        this.consts = consts;
        this.options = options;
    }

    /** The declarations with option {@code if}s folded, or null when nothing changed. */
    static List<AstDecl> fold(List<AstDecl> decls, ConstEval consts, Options options) {
        if (options.isEmpty()) return null;
        ConfigFold f = new ConfigFold(consts, options);
        List<AstDecl> out = new ArrayList<>();
        for (AstDecl d : decls) out.add(f.decl(d));
        return f.changed ? out : null;
    }

    private AstDecl decl(AstDecl d) {
        if (d instanceof AstDecl.Proc p) {
            return new AstDecl.Proc(p.pos(), p.name(), p.params(), p.result(), p.source(), block(p.body()));
        }
        if (d instanceof AstDecl.Rule r) return new AstDecl.Rule(r.pos(), r.name(), r.params(), r.guard(), block(r.body()));
        if (d instanceof AstDecl.Vector v && v.deliver() != null) {
            return new AstDecl.Vector(v.pos(), v.name(), v.kind(), v.when(), v.ist(), v.istPos(), v.userOnTask(), v.enters(),
                    v.entersPos(), v.max(), block(v.deliver()));
        }
        if (d instanceof AstDecl.Hardware h) {
            return new AstDecl.Hardware(h.pos(), h.userWhen(), h.taskStack(), h.taskStackPos(),
                    h.deliver() == null ? null : block(h.deliver()), h.iret() == null ? null : block(h.iret()));
        }
        return d;
    }

    private AstStmt.Block block(AstStmt.Block b) {
        List<AstStmt> out = new ArrayList<>();
        for (AstStmt s : b.stmts()) out.add(stmt(s));
        return new AstStmt.Block(b.pos(), out);
    }

    private AstStmt stmt(AstStmt s) {
        if (s instanceof AstStmt.Block b) return block(b);
        if (s instanceof AstStmt.Labeled l) return new AstStmt.Labeled(l.pos(), l.label(), stmt(l.body()));
        if (s instanceof AstStmt.Sourced x) return new AstStmt.Sourced(x.pos(), x.source(), stmt(x.body()));
        if (s instanceof AstStmt.While w) return new AstStmt.While(w.pos(), w.cond(), stmt(w.body()));
        if (s instanceof AstStmt.Atomic a) return new AstStmt.Atomic(a.pos(), block(a.body()));
        if (s instanceof AstStmt.Instrumentable i) return new AstStmt.Instrumentable(i.pos(), block(i.body()));
        if (s instanceof AstStmt.Choose c) {
            List<AstStmt.Block> bs = new ArrayList<>();
            for (AstStmt.Block b : c.branches()) bs.add(block(b));
            return new AstStmt.Choose(c.pos(), bs);
        }
        if (s instanceof AstStmt.If i) {
            AstStmt then = stmt(i.then());
            AstStmt otherwise = i.otherwise() == null ? null : stmt(i.otherwise());
            if (readsOption(i.cond()) && consts.isConstant(i.cond(), Map.of())) {
                Integer v = consts.eval(i.cond(), Map.of());
                AstStmt kept = v != null && v != 0 ? then : otherwise;
                AstStmt dropped = v != null && v != 0 ? otherwise : then;
                if (v != null && !hasLabel(dropped)) {
                    changed = true;
                    return kept == null ? new AstStmt.Block(i.pos(), List.of()) : kept;
                }
            }
            return new AstStmt.If(i.pos(), i.cond(), then, otherwise);
        }
        return s;
    }

    private boolean readsOption(AstExpr e) {
        if (e instanceof AstExpr.Name n) {
            return n.name().startsWith("CONFIG_") && options.option(n.name().substring(7)) != null;
        }
        if (e instanceof AstExpr.Unary u) return readsOption(u.operand());
        if (e instanceof AstExpr.Binary b) return readsOption(b.left()) || readsOption(b.right());
        if (e instanceof AstExpr.Cond c) return readsOption(c.cond()) || readsOption(c.then()) || readsOption(c.otherwise());
        return false;
    }

    private static boolean hasLabel(AstStmt s) {
        if (s == null) return false;
        if (s instanceof AstStmt.Labeled) return true;
        if (s instanceof AstStmt.Block b) return b.stmts().stream().anyMatch(ConfigFold::hasLabel);
        if (s instanceof AstStmt.Sourced x) return hasLabel(x.body());
        if (s instanceof AstStmt.While w) return hasLabel(w.body());
        if (s instanceof AstStmt.Atomic a) return hasLabel(a.body());
        if (s instanceof AstStmt.Instrumentable i) return hasLabel(i.body());
        if (s instanceof AstStmt.Choose c) return c.branches().stream().anyMatch(ConfigFold::hasLabel);
        if (s instanceof AstStmt.If i) return hasLabel(i.then()) || hasLabel(i.otherwise());
        return false;
    }
}
