package entrycheck.semantics;

/**
 * What an engine needs to know about a model: as small as Stateright's {@code Model} trait
 * (initial states, actions into a caller's buffer, next state of an action) plus the checks.
 *
 * <p>States are packed {@code long[]} of {@link #words()} words (see
 * {@link entrycheck.ir.StateLayout}). Implementations are immutable and thread-safe: all
 * scratch space is passed in by the caller, so several workers may share one instance.
 * No method allocates unless it reports a violation.
 */
public interface TransitionSystem {

    /** Width of a packed state in 64-bit words. */
    int words();

    /** Number of transitions; a buffer of this size always suffices for {@link #enabled}. */
    int transitionCount();

    /** A fresh copy of the (single) initial state. */
    long[] initial();

    /**
     * Fills {@code buf} with the ids of the transitions enabled in {@code state}, in increasing
     * id order (the deterministic successor order), and returns how many there are.
     * A transition whose guard cannot be evaluated (a {@link DomainError} in the guard) counts
     * as enabled: firing it reports the error.
     */
    int enabled(long[] state, int[] buf);

    /**
     * Computes the successor of {@code state} by {@code transition}, which must be one that
     * {@link #enabled} returned for it, into {@code out} (of {@link #words()} words; it may not
     * alias {@code state}). Failing checks are reported to {@code sink} and the updates go on.
     *
     * @return true when {@code out} holds the successor; false when a domain error (reported to
     *         {@code sink} as the {@code domain} property, if the model has one) discards it: then
     *         {@code out} holds the state as updated by the updates before the failing one
     */
    boolean fire(long[] state, int transition, long[] out, ViolationSink sink);

    /** Reports every checked invariant that does not hold in {@code state} (or cannot be evaluated). */
    void checkInvariants(long[] state, ViolationSink sink);

    /** True when the model has at least one checked invariant, so callers may skip {@link #checkInvariants}. */
    boolean hasInvariants();

    /**
     * True when {@code state} is an allowed end state (a state without successors that is not a deadlock).
     *
     * @throws DomainError when the end condition cannot be evaluated in {@code state}
     */
    boolean isEnd(long[] state);
}
