package entrycheck.ir;

/**
 * A named property checked on the model.
 *
 * @param id          index in {@link Program#properties()}
 * @param name        e.g. {@code pkrs-restored}
 * @param kind        how it is checked
 * @param description one line in words
 * @param source      kernel source or mailing-list reference, or ""
 * @param expect      what the model declares about it
 */
public record Property(int id, String name, Kind kind, String description, String source, Expect expect) {

    public enum Kind {
        /** A state predicate that must hold in every reachable state. */
        INVARIANT,
        /** Checks attached to steps (assert statements, read checks, checks at a return). */
        STEP_CHECK,
        /** No reachable state without successors unless it is an allowed end state. */
        DEADLOCK,
        /** Built-in: no assignment out of its domain, no bad index, no division by zero. */
        DOMAIN,
        /**
         * Liveness: every entry eventually returns, under weak fairness of instruction execution,
         * assuming asynchronous deliveries stop eventually. A counterexample is a lasso.
         */
        RETURNS,
        /** As {@link #RETURNS}, but asynchronous deliveries may go on forever (interrupt storms count). */
        RETURNS_UNDER_STORMS;

        /** A liveness property: violated by a lasso (an infinite run), not by a finite trace. */
        public boolean isLiveness() { return this == RETURNS || this == RETURNS_UNDER_STORMS; }
    }

    /**
     * HOLDS: expected to hold; VIOLATED: expected to be violated (a bug variant); MAYBE: checked
     * and reported, never fails the run (LANGUAGE.md section 9, {@code expect maybe}).
     */
    public enum Expect { HOLDS, VIOLATED, MAYBE }
}
