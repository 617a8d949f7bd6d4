package entrycheck.semantics;

/**
 * A compiled update (or a sequence of them) applied in place to a packed state.
 * Checks report to {@code sink}; domain errors throw {@link DomainError}.
 */
@FunctionalInterface
public interface Exec {
    void run(long[] s, ViolationSink sink);
}
