package entrycheck.testutil;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A structural text form of IR (records with int[] fields print identities otherwise). */
public final class IrDump {
    private IrDump() { }

    public static String expr(Expr e) {
        if (e instanceof Expr.Const) return Integer.toString(((Expr.Const) e).value());
        if (e instanceof Expr.Read) return "v" + ((Expr.Read) e).var();
        if (e instanceof Expr.ReadIndexed) {
            Expr.ReadIndexed r = (Expr.ReadIndexed) e;
            return "v" + Arrays.toString(r.vars()) + "[" + expr(r.index()) + (r.base() == 0 ? "" : "-" + r.base()) + "]";
        }
        if (e instanceof Expr.Unary) return ((Expr.Unary) e).op() + "(" + expr(((Expr.Unary) e).operand()) + ")";
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            return "(" + expr(b.left()) + " " + b.op() + " " + expr(b.right()) + ")";
        }
        if (e instanceof Expr.Cond) {
            Expr.Cond c = (Expr.Cond) e;
            return "(" + expr(c.cond()) + " ? " + expr(c.then()) + " : " + expr(c.otherwise()) + ")";
        }
        Expr.InSet s = (Expr.InSet) e;
        return expr(s.operand()) + " in " + Arrays.toString(s.values());
    }

    public static String updates(List<Update> us) {
        return us.stream().map(IrDump::update).collect(Collectors.joining("; "));
    }

    public static String update(Update u) {
        if (u instanceof Update.Assign) return "v" + ((Update.Assign) u).var() + " := " + expr(((Update.Assign) u).value());
        if (u instanceof Update.AssignIndexed) {
            Update.AssignIndexed a = (Update.AssignIndexed) u;
            return "v" + Arrays.toString(a.vars()) + "[" + expr(a.index()) + (a.base() == 0 ? "" : "-" + a.base()) + "] := "
                    + expr(a.value());
        }
        if (u instanceof Update.If) {
            Update.If i = (Update.If) u;
            return "if " + expr(i.cond()) + " { " + updates(i.then()) + " } else { " + updates(i.otherwise()) + " }";
        }
        Update.Check c = (Update.Check) u;
        return "check p" + c.property() + " " + expr(c.holds()) + " \"" + c.message() + "\"";
    }

    public static String transition(Transition t) {
        return t.id() + " " + t.kind() + " L" + t.level() + " [" + t.vector() + "] " + t.label() + " @" + t.source()
                + " pre=" + t.pre().stream().map(p -> "v" + p.var() + "=" + p.value()).toList()
                + " guard=" + expr(t.guard()) + " : " + updates(t.updates());
    }

    public static String program(Program p) {
        StringBuilder sb = new StringBuilder();
        p.layout().vars().forEach(v -> sb.append(v).append('\n'));
        p.transitions().forEach(t -> sb.append(transition(t)).append('\n'));
        p.invariants().forEach(i -> sb.append("inv p").append(i.property()).append(' ').append(expr(i.holds())).append('\n'));
        sb.append("end ").append(expr(p.endState())).append('\n');
        p.properties().forEach(x -> sb.append(x).append('\n'));
        return sb.toString();
    }
}
