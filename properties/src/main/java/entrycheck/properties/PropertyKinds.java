package entrycheck.properties;

import entrycheck.lang.AstDecl;
import java.util.List;

/**
 * The kinds of property a model can state or get built in (docs/LANGUAGE.md section 9), with
 * what each one checks and what it cannot detect. The language keywords are the syntax of
 * {@code property NAME = KIND ...;}; the built-in kinds have no syntax of their own.
 */
public final class PropertyKinds {
    private PropertyKinds() { }

    /**
     * One kind.
     *
     * @param name        the name shown in catalogs ({@code balanced-across-entry})
     * @param syntax      how a property of this kind is written, or "(built in)"
     * @param description what is checked, in one or two sentences
     */
    public record Kind(String name, String syntax, String description) { }

    public static final Kind INVARIANT = new Kind("invariant", "invariant E",
            "E holds in every reachable state (a state predicate; cannot relate two points in time).");
    public static final Kind ASSERTION = new Kind("assertion", "assertion",
            "every `assert E as NAME` step of the model: E holds when the step runs (checked only "
                    + "where the model places the asserts).");
    public static final Kind BALANCED = new Kind("balanced-across-entry", "balanced E1, ..., En across entry [of V, ...]",
            "the values of E1..En captured at the delivery of every entry (of the listed vectors) are "
                    + "equal again right after the IRET that ends that entry (ghost state per nesting level).");
    public static final Kind FRAME_INTACT = new Kind("frame-intact", "frame intact",
            "at the IRET that ends an entry, the frame it returns through is its own (owner tag) and its "
                    + "hardware region holds what the delivery pushed; catches IST slot reuse even when values agree.");
    public static final Kind ZEROED_READS = new Kind("zeroed-reads", "zeroed reads",
            "a handler's read of a zero-initialised frame field is violated when another entry owns the "
                    + "slot now, or when this entry has not written the field and it is not zero.");
    public static final Kind UNINIT_READS = new Kind("uninit-reads", "uninit reads",
            "a handler's read of an uninitialised frame field before this entry wrote it (read-before-write).");
    public static final Kind DOMAIN = new Kind("domain", "(built in: domain)",
            "no assignment out of a variable's range, no index out of range, no division by zero, no "
                    + "stack overflow.");
    public static final Kind DEADLOCK = new Kind("deadlock", "(built in: no-deadlock)",
            "no reachable state without successors unless it is an allowed `end when` state.");
    public static final Kind EVENTUALLY_RETURNS = new Kind("eventually-returns", "returns eventually",
            "every entry eventually returns to the code it interrupted: liveness, under weak fairness "
                    + "of instruction execution (an infinite run that never returns is a lasso counterexample).");

    /** Every kind, the declarable ones first. */
    public static final List<Kind> ALL = List.of(INVARIANT, ASSERTION, BALANCED, FRAME_INTACT, ZEROED_READS,
            UNINIT_READS, DOMAIN, DEADLOCK, EVENTUALLY_RETURNS);

    /**
     * The kind of a declared property body. A body kind this catalog does not know yet (the
     * language grows) is named after its record.
     */
    public static Kind of(AstDecl.PropBody body) {
        if (body instanceof AstDecl.PropBody.Invariant) return INVARIANT;
        if (body instanceof AstDecl.PropBody.Assertion) return ASSERTION;
        if (body instanceof AstDecl.PropBody.Balanced) return BALANCED;
        if (body instanceof AstDecl.PropBody.FrameIntact) return FRAME_INTACT;
        if (body instanceof AstDecl.PropBody.ZeroedReads) return ZEROED_READS;
        if (body instanceof AstDecl.PropBody.UninitReads) return UNINIT_READS;
        if (body instanceof AstDecl.PropBody.ReturnsEventually) return EVENTUALLY_RETURNS;
        String n = body.getClass().getSimpleName();
        return new Kind(n.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT), n, "");
    }
}
