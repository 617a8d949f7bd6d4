package entrycheck.engine;

import entrycheck.ir.Expr;
import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A compact text form of a small IR program, for the counterexamples of property tests. */
final class Pretty {
    private Pretty() { }

    static String print(Program p) {
        StringBuilder sb = new StringBuilder("\n");
        for (Var v : p.layout().vars()) sb.append("var ").append(v.name()).append(": ").append(v.type()).append(" = ").append(v.init()).append('\n');
        for (Transition t : p.transitions()) {
            sb.append("rule ").append(t.label()).append(' ');
            for (Transition.Pre pre : t.pre()) sb.append('[').append(name(p, pre.var())).append("==").append(pre.value()).append("] ");
            sb.append(expr(p, t.guard())).append(" ==> { ").append(updates(p, t.updates())).append("}\n");
        }
        for (Invariant i : p.invariants()) sb.append("invariant ").append(p.properties().get(i.property()).name()).append(": ").append(expr(p, i.holds())).append('\n');
        if (p.endState() != null) sb.append("end ").append(expr(p, p.endState())).append('\n');
        return sb.toString();
    }

    private static String name(Program p, int var) { return p.layout().var(var).name(); }

    private static String names(Program p, int[] vars) {
        return Arrays.stream(vars).mapToObj(v -> name(p, v)).collect(Collectors.joining(",", "{", "}"));
    }

    static String updates(Program p, List<Update> us) {
        StringBuilder sb = new StringBuilder();
        for (Update u : us) {
            if (u instanceof Update.Assign a) sb.append(name(p, a.var())).append(" = ").append(expr(p, a.value()));
            else if (u instanceof Update.AssignIndexed a) sb.append(names(p, a.vars())).append('[').append(expr(p, a.index())).append(" - ").append(a.base()).append("] = ").append(expr(p, a.value()));
            else if (u instanceof Update.If i) sb.append("if ").append(expr(p, i.cond())).append(" { ").append(updates(p, i.then())).append("} else { ").append(updates(p, i.otherwise())).append('}');
            else if (u instanceof Update.Check c) sb.append("check ").append(p.properties().get(c.property()).name()).append(' ').append(expr(p, c.holds()));
            sb.append("; ");
        }
        return sb.toString();
    }

    static String expr(Program p, Expr e) {
        if (e instanceof Expr.Const c) return Integer.toString(c.value());
        if (e instanceof Expr.Read r) return name(p, r.var());
        if (e instanceof Expr.ReadIndexed ri) return names(p, ri.vars()) + "[" + expr(p, ri.index()) + " - " + ri.base() + "]";
        if (e instanceof Expr.Unary u) return (u.op() == Expr.UnOp.NOT ? "!" : "-") + expr(p, u.operand());
        if (e instanceof Expr.Binary b) return "(" + expr(p, b.left()) + " " + b.op() + " " + expr(p, b.right()) + ")";
        if (e instanceof Expr.Cond c) return "(" + expr(p, c.cond()) + " ? " + expr(p, c.then()) + " : " + expr(p, c.otherwise()) + ")";
        Expr.InSet in = (Expr.InSet) e;
        return expr(p, in.operand()) + " in " + Arrays.toString(in.values());
    }
}
