package entrycheck.semantics;

/**
 * Receives the violations found while firing a transition or checking a state.
 * Called only when something fails, so an implementation may allocate; the hot path never calls it.
 */
@FunctionalInterface
public interface ViolationSink {

    /**
     * @param property index into {@link entrycheck.ir.Program#properties()}
     * @param message  what failed, in words
     */
    void violation(int property, String message);

    /** A sink that ignores everything (for replaying a trace). */
    ViolationSink IGNORE = (property, message) -> { };
}
