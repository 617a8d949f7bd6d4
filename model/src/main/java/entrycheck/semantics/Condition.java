package entrycheck.semantics;

/**
 * A compiled boolean expression (guards, checks, invariants, {@code if} conditions).
 * Kept separate from {@link IntEval} so that comparisons on packed fields need no 0/1 conversion.
 */
@FunctionalInterface
public interface Condition {
    boolean test(long[] s);
}
