package entrycheck.compile;

import entrycheck.lang.AstDecl;
import entrycheck.lang.AstPrinter;
import entrycheck.lang.AstStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of unlabelled steps: {@code proc: statement} (the statement's head, abbreviated),
 * and when several steps of one procedure read the same, {@code proc: statement #k} for the
 * k-th of them in code order. No line number: an edit elsewhere in the model file (or in the
 * base a variant extends) leaves the names, and so traces, golden files and the labels replay
 * matches, as they were. Labelled steps are named {@code proc.label} elsewhere.
 */
final class StepNames {
    private final Map<AstDecl.Proc, Map<AstStmt, String>> byProc = new IdentityHashMap<>();

    /** The name of the unlabelled simple statement {@code s} of procedure {@code proc}. */
    String of(String proc, AstDecl.Proc decl, AstStmt s) {
        String name = byProc.computeIfAbsent(decl, d -> names(proc, d)).get(s);
        return name != null ? name : proc + ": " + head(s);   // not reached: every simple statement is named
    }

    static String head(AstStmt s) {
        return AstPrinter.abbreviate(AstPrinter.head(s), 60);
    }

    private static Map<AstStmt, String> names(String proc, AstDecl.Proc decl) {
        List<AstStmt> steps = new ArrayList<>();
        collect(decl.body(), steps);
        Map<String, Integer> count = new HashMap<>();
        for (AstStmt s : steps) count.merge(head(s), 1, Integer::sum);
        Map<String, Integer> seen = new HashMap<>();
        Map<AstStmt, String> out = new IdentityHashMap<>();
        for (AstStmt s : steps) {
            String h = head(s);
            int k = seen.merge(h, 1, Integer::sum);
            out.put(s, proc + ": " + h + (count.get(h) > 1 ? " #" + k : ""));
        }
        return out;
    }

    /** The simple statements of a body in code order, as CodeCompiler numbers them (calls and locals are not steps). */
    private static void collect(AstStmt s, List<AstStmt> out) {
        if (s instanceof AstStmt.Labeled l) {
            collect(l.body(), out);
        } else if (s instanceof AstStmt.Sourced so) {
            collect(so.body(), out);
        } else if (s instanceof AstStmt.Block b) {
            for (AstStmt x : b.stmts()) collect(x, out);
        } else if (s instanceof AstStmt.Instrumentable i) {
            collect(i.body(), out);
        } else if (s instanceof AstStmt.LocalVar || CodeCompiler.callOf(s) != null) {
            return;
        } else {
            out.add(s);
            if (s instanceof AstStmt.If f) {
                collect(f.then(), out);
                if (f.otherwise() != null) collect(f.otherwise(), out);
            } else if (s instanceof AstStmt.While w) {
                collect(w.body(), out);
            } else if (s instanceof AstStmt.Choose c) {
                for (AstStmt.Block b : c.branches()) collect(b, out);
            }
        }
    }
}
