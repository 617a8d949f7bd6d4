package entrycheck.semantics;

/**
 * A compiled integer expression: straight-line code over a packed state.
 * Implementations capture word indices, shifts and masks as final primitive fields; they
 * never allocate and throw only {@link DomainError}.
 */
@FunctionalInterface
public interface IntEval {
    int eval(long[] s);
}
