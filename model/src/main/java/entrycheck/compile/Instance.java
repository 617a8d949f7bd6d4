package entrycheck.compile;

import entrycheck.lang.AstExpr;
import entrycheck.lang.AstStmt;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One inlined copy of a procedure body at one nesting level: the start procedure, a vector's
 * entry procedure, or a procedure at one call site. Each has its own code locations.
 */
final class Instance {
    final String proc;
    /** The instance that contains the call, or null for a top-level (start or entry) instance. */
    final Instance caller;
    final int level;
    /** The start or entry procedure at the root of the inlining chain. */
    final String root;
    /** Ref parameters: the caller's argument expressions (compiled in the caller's instance). */
    final Map<String, AstExpr> refArgs;
    /** Where {@code return e} stores e (an l-value of the caller), or null. */
    final AstExpr target;
    /** Atomic instances (calls inside atomic code) have no locations; return ends their body. */
    final boolean atomic;
    /** The source reference of steps without their own {@code @}. */
    final String source;
    /** Where control goes after {@code return} or the end of the body (step instances). */
    Cont returnCont;
    final Map<AstStmt, Integer> locs = new IdentityHashMap<>();
    final Map<AstStmt, Instance> callees = new IdentityHashMap<>();
    final Map<String, Integer> labelStart = new HashMap<>();
    final Map<String, AstStmt> labelStmt = new HashMap<>();
    final Map<String, Cont> labelCont = new HashMap<>();

    Instance(String proc, Instance caller, int level, String root, Map<String, AstExpr> refArgs, AstExpr target,
             boolean atomic, String source) {
        this.proc = proc;
        this.caller = caller;
        this.level = level;
        this.root = root;
        this.refArgs = refArgs;
        this.target = target;
        this.atomic = atomic;
        this.source = source;
    }
}
