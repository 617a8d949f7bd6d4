package entrycheck.symbolic;

import java.time.Duration;

/**
 * A constraint solver behind the bounded engine: the whole interface (Kodkod's habit of a tiny
 * backend). Implementations translate a {@link Query} into their own model; nothing outside
 * their package sees the solver's types. Each call is independent; an instance may be used for
 * several queries in sequence.
 */
public interface SolverBackend {

    /** The solver's name and version, for reports (e.g. {@code Choco Solver 4.10.18}). */
    String name();

    /**
     * Decides whether {@code query} has a solution.
     *
     * @param timeLimit stop after this long with {@link Answer.Unknown} (null: no limit)
     */
    Answer solve(Query query, Duration timeLimit);
}
