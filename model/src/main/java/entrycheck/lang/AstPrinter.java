package entrycheck.lang;

import java.util.stream.Collectors;

/** Prints expressions and statement heads back as source text (for transition labels). */
public final class AstPrinter {
    private AstPrinter() { }

    public static String expr(AstExpr e) { return expr(e, 0); }

    private static String expr(AstExpr e, int outer) {
        if (e instanceof AstExpr.IntLit) return Integer.toString(((AstExpr.IntLit) e).value());
        if (e instanceof AstExpr.BoolLit) return ((AstExpr.BoolLit) e).value() ? "true" : "false";
        if (e instanceof AstExpr.Name) return ((AstExpr.Name) e).name();
        if (e instanceof AstExpr.Field) {
            AstExpr.Field f = (AstExpr.Field) e;
            return expr(f.base(), 100) + "." + f.field();
        }
        if (e instanceof AstExpr.Index) {
            AstExpr.Index i = (AstExpr.Index) e;
            return expr(i.base(), 100) + "[" + expr(i.index(), 0) + "]";
        }
        if (e instanceof AstExpr.Unary) {
            AstExpr.Unary u = (AstExpr.Unary) e;
            return u.op().symbol + expr(u.operand(), 50);
        }
        if (e instanceof AstExpr.Binary) {
            AstExpr.Binary b = (AstExpr.Binary) e;
            int prec = b.op().precedence;
            String s = expr(b.left(), prec) + " " + b.op().symbol + " " + expr(b.right(), prec + 1);
            return prec < outer ? "(" + s + ")" : s;
        }
        if (e instanceof AstExpr.Cond) {
            AstExpr.Cond c = (AstExpr.Cond) e;
            String s = expr(c.cond(), 4) + " ? " + expr(c.then(), 0) + " : " + expr(c.otherwise(), 3);
            return 3 < outer ? "(" + s + ")" : s;
        }
        if (e instanceof AstExpr.Call) {
            AstExpr.Call c = (AstExpr.Call) e;
            return c.name() + "(" + c.args().stream().map(AstPrinter::expr).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof AstExpr.Builtin) {
            AstExpr.Builtin c = (AstExpr.Builtin) e;
            return c.fn().word + "(" + c.args().stream().map(AstPrinter::expr).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof AstExpr.Keyword) return ((AstExpr.Keyword) e).kw().word;
        AstExpr.Quant q = (AstExpr.Quant) e;
        String range = q.hi() == null ? expr(q.lo()) : expr(q.lo()) + ".." + expr(q.hi());
        String s = (q.forall() ? "forall " : "exists ") + q.var() + ": " + range + " : " + expr(q.body());
        return outer > 0 ? "(" + s + ")" : s;
    }

    /** The head of a statement as one line: {@code x = 1}, {@code if (c)}, {@code iret via s.c}. */
    public static String head(AstStmt s) {
        if (s instanceof AstStmt.Labeled) return head(((AstStmt.Labeled) s).body());
        if (s instanceof AstStmt.Sourced) return head(((AstStmt.Sourced) s).body());
        if (s instanceof AstStmt.Assign) {
            AstStmt.Assign a = (AstStmt.Assign) s;
            return expr(a.target()) + " = " + expr(a.value());
        }
        if (s instanceof AstStmt.CallStmt) return expr(((AstStmt.CallStmt) s).call());
        if (s instanceof AstStmt.LocalVar) return "var " + ((AstStmt.LocalVar) s).name();
        if (s instanceof AstStmt.If) return "if (" + expr(((AstStmt.If) s).cond()) + ")";
        if (s instanceof AstStmt.While) return "while (" + expr(((AstStmt.While) s).cond()) + ")";
        if (s instanceof AstStmt.Goto) return "goto " + ((AstStmt.Goto) s).label();
        if (s instanceof AstStmt.Choose) return "choose";
        if (s instanceof AstStmt.Atomic) return "atomic";
        if (s instanceof AstStmt.Assert) {
            AstStmt.Assert a = (AstStmt.Assert) s;
            return "assert " + expr(a.cond()) + (a.property() == null ? "" : " as " + a.property());
        }
        if (s instanceof AstStmt.Raise) {
            AstStmt.Raise r = (AstStmt.Raise) s;
            return (r.may() ? "may_raise " : "raise ") + r.vector();
        }
        if (s instanceof AstStmt.Clear) return "clear " + expr(((AstStmt.Clear) s).target());
        if (s instanceof AstStmt.Instrumentable) return "instrumentable";
        if (s instanceof AstStmt.Iret) {
            AstStmt.Iret r = (AstStmt.Iret) s;
            return r.via() == null ? "iret" : "iret via " + expr(r.via());
        }
        if (s instanceof AstStmt.Skip) return "skip";
        if (s instanceof AstStmt.Return) {
            AstStmt.Return r = (AstStmt.Return) s;
            return r.value() == null ? "return" : "return " + expr(r.value());
        }
        return "{...}";
    }

    /** {@code text} cut to at most {@code max} characters with "..." when longer. */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
