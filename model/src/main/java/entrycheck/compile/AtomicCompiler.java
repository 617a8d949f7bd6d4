package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Update;
import entrycheck.lang.AstDecl;
import entrycheck.lang.AstExpr;
import entrycheck.lang.AstStmt;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles statements that run as one atomic step (atomic blocks, rule bodies, hardware and
 * vector deliver/iret blocks, calls inside them) to a sequence of updates. {@code return}
 * inside such code ends the procedure: the statements after it are placed in the other
 * branch of every enclosing {@code if}.
 */
final class AtomicCompiler {
    private final Symbols syms;
    private final ExprCompiler ex;
    private final Control ctl;
    private final int assertProp;

    AtomicCompiler(Symbols syms, ExprCompiler ex, Control ctl, Props props) {
        this.syms = syms;
        this.ex = ex;
        this.ctl = ctl;
        this.assertProp = syms.usesPlainAssert() ? props.id("assert") : -1;
    }

    /** Updates for the statements, then {@code tail}. */
    List<Update> seq(List<AstStmt> stmts, Ctx x, List<Update> tail) {
        List<Update> out = new ArrayList<>();
        for (int i = 0; i < stmts.size(); i++) {
            AstStmt s = stmts.get(i);
            if (hasReturn(s)) {
                List<Update> rest = seq(stmts.subList(i + 1, stmts.size()), x, tail);
                out.addAll(stmt(s, x, rest));
                return out;
            }
            out.addAll(stmt(s, x, null));
        }
        out.addAll(tail);
        return out;
    }

    /** Whether {@code s} contains a {@code return} of the procedure it is in. */
    static boolean hasReturn(AstStmt s) {
        if (s instanceof AstStmt.Return) return true;
        if (s instanceof AstStmt.Labeled) return hasReturn(((AstStmt.Labeled) s).body());
        if (s instanceof AstStmt.Sourced) return hasReturn(((AstStmt.Sourced) s).body());
        if (s instanceof AstStmt.Instrumentable) return hasReturn(((AstStmt.Instrumentable) s).body());
        if (s instanceof AstStmt.Atomic) return hasReturn(((AstStmt.Atomic) s).body());
        if (s instanceof AstStmt.Block) return ((AstStmt.Block) s).stmts().stream().anyMatch(AtomicCompiler::hasReturn);
        if (s instanceof AstStmt.If) {
            AstStmt.If i = (AstStmt.If) s;
            return hasReturn(i.then()) || (i.otherwise() != null && hasReturn(i.otherwise()));
        }
        return false;
    }

    /** One statement; {@code rest} (when not null) runs after it unless it returns. */
    private List<Update> stmt(AstStmt s, Ctx x, List<Update> rest) {
        List<Update> tail = rest == null ? List.of() : rest;
        if (s instanceof AstStmt.Labeled) return stmt(((AstStmt.Labeled) s).body(), x, rest);
        if (s instanceof AstStmt.Sourced) return stmt(((AstStmt.Sourced) s).body(), x, rest);
        if (s instanceof AstStmt.Instrumentable) return seq(((AstStmt.Instrumentable) s).body().stmts(), x, tail);
        if (s instanceof AstStmt.Atomic) return seq(((AstStmt.Atomic) s).body().stmts(), x, tail);
        if (s instanceof AstStmt.Block) return seq(((AstStmt.Block) s).stmts(), x, tail);
        if (s instanceof AstStmt.If) {
            AstStmt.If i = (AstStmt.If) s;
            List<Update> out = new ArrayList<>();
            Expr c = ex.value(i.cond(), x, out);
            List<Update> then = seq(List.of(i.then()), x, tail);
            List<Update> otherwise = i.otherwise() == null ? new ArrayList<>(tail) : seq(List.of(i.otherwise()), x, tail);
            out.addAll(branch(c, then, otherwise));
            return out;
        }
        if (s instanceof AstStmt.Return) return ret((AstStmt.Return) s, x);
        if (s instanceof AstStmt.Assign) {
            AstStmt.Assign a = (AstStmt.Assign) s;
            if (a.value() instanceof AstExpr.Call) return call((AstExpr.Call) a.value(), a.target(), x);
            return ex.assign(a.target(), a.value(), x);
        }
        if (s instanceof AstStmt.CallStmt) return call(((AstStmt.CallStmt) s).call(), null, x);
        if (s instanceof AstStmt.LocalVar) return localInit((AstStmt.LocalVar) s, x);
        if (s instanceof AstStmt.Assert) return check((AstStmt.Assert) s, x);
        if (s instanceof AstStmt.Clear) return ex.clear(((AstStmt.Clear) s).target(), x);
        if (s instanceof AstStmt.Skip) return new ArrayList<>();
        throw new IllegalStateException("statement not allowed in atomic code at " + s.pos());
    }

    /** {@code If(c, then, otherwise)}, folded when c is a constant. */
    static List<Update> branch(Expr c, List<Update> then, List<Update> otherwise) {
        if (c instanceof Expr.Const) return new ArrayList<>(((Expr.Const) c).value() != 0 ? then : otherwise);
        List<Update> out = new ArrayList<>();
        out.add(new Update.If(c, then, otherwise));
        return out;
    }

    private List<Update> ret(AstStmt.Return r, Ctx x) {
        Instance in = x.inst();
        List<Update> out = new ArrayList<>();
        if (r.value() != null && in.target != null) {
            Place dst = ex.place(in.target, x.withInst(in.caller), out);
            out.addAll(ex.assignTo(dst, r.value(), x));
        }
        if (!in.atomic) out.addAll(jump(in.level, in.returnCont));
        return out;
    }

    /** The updates that pass control to {@code k} at level {@code level}. */
    List<Update> jump(int level, Cont k) {
        List<Update> out = new ArrayList<>(k.pre());
        out.add(new Update.Assign(ctl.pc(level), ExprCompiler.c(k.loc())));
        return out;
    }

    /** {@code var x: T [= e];}: the local starts at e, or at the first value of T. */
    List<Update> localInit(AstStmt.LocalVar v, Ctx x) {
        Place p = ctl.local(x.inst().level, x.inst().proc, v.name());
        if (v.init() == null) return ex.zero(p);
        return ex.assignTo(p, v.init(), x);
    }

    private List<Update> check(AstStmt.Assert a, Ctx x) {
        List<Update> out = new ArrayList<>();
        Expr c = ex.value(a.cond(), x, out);
        int prop = a.property() == null ? assertProp : ex.props().id(a.property());
        String msg = a.message() != null ? a.message()
                : "assertion " + entrycheck.lang.AstPrinter.expr(a.cond()) + " failed (" + a.pos() + ")";
        out.add(new Update.Check(prop, c, msg));
        return out;
    }

    /** The ref arguments of a call: parameter name to the caller's l-value. */
    Map<String, AstExpr> refArgs(AstExpr.Call call) {
        Map<String, AstExpr> refs = new HashMap<>();
        Symbols.ProcInfo p = syms.procs().get(call.name());
        for (int i = 0; i < p.params().size(); i++) {
            if (p.params().get(i).ref()) refs.put(p.params().get(i).name(), call.args().get(i));
        }
        return refs;
    }

    /** Initialises the by-value parameters of {@code callee} from the call's arguments (in the caller's context). */
    List<Update> params(Instance callee, AstExpr.Call call, Ctx caller) {
        List<Update> out = new ArrayList<>();
        Symbols.ProcInfo p = syms.procs().get(call.name());
        for (int i = 0; i < p.params().size(); i++) {
            Symbols.ParamInfo pa = p.params().get(i);
            if (pa.ref()) continue;
            out.addAll(ex.assignTo(ctl.local(callee.level, callee.proc, pa.name()), call.args().get(i), caller));
        }
        return out;
    }

    /** Resets the locals of a procedure (when its inlined body ends: they are dead). */
    List<Update> resetLocals(Instance callee) {
        List<Update> out = new ArrayList<>();
        for (String n : syms.procs().get(callee.proc).locals().keySet()) out.addAll(ex.zero(ctl.local(callee.level, callee.proc, n)));
        return out;
    }

    private List<Update> call(AstExpr.Call call, AstExpr target, Ctx x) {
        Instance in = x.inst();
        AstDecl.Proc p = syms.procs().get(call.name()).decl();
        String src = p.source().isEmpty() ? in.source : p.source();
        Instance callee = new Instance(call.name(), in, in.level, in.root, refArgs(call), target, true, src);
        List<Update> out = params(callee, call, x);
        out.addAll(seq(p.body().stmts(), x.withInst(callee), List.of()));
        out.addAll(resetLocals(callee));
        return out;
    }
}
