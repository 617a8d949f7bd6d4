package entrycheck.lang;

import java.util.List;

/** Finds the labels of a statement tree. */
final class Labels {
    private Labels() { }

    /** Adds every label in {@code s} (depth first, in code order) to {@code out}. */
    static void collect(AstStmt s, List<String> out) {
        if (s instanceof AstStmt.Labeled) {
            out.add(((AstStmt.Labeled) s).label());
            collect(((AstStmt.Labeled) s).body(), out);
        } else if (s instanceof AstStmt.Sourced) {
            collect(((AstStmt.Sourced) s).body(), out);
        } else if (s instanceof AstStmt.Block) {
            for (AstStmt x : ((AstStmt.Block) s).stmts()) collect(x, out);
        } else if (s instanceof AstStmt.If) {
            collect(((AstStmt.If) s).then(), out);
            if (((AstStmt.If) s).otherwise() != null) collect(((AstStmt.If) s).otherwise(), out);
        } else if (s instanceof AstStmt.While) {
            collect(((AstStmt.While) s).body(), out);
        } else if (s instanceof AstStmt.Choose) {
            for (AstStmt x : ((AstStmt.Choose) s).branches()) collect(x, out);
        } else if (s instanceof AstStmt.Atomic) {
            collect(((AstStmt.Atomic) s).body(), out);
        } else if (s instanceof AstStmt.Instrumentable) {
            collect(((AstStmt.Instrumentable) s).body(), out);
        }
    }
}
