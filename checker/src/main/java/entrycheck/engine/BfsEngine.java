package entrycheck.engine;

import entrycheck.ir.Program;

/**
 * Explicit-state breadth-first search over the IR (see {@link ParallelBfs} for how, and
 * {@link Checker} for the other engines).
 *
 * <p>One search checks every selected property: invariants on every new state (the initial
 * one included), step checks at their transition, domain errors, and deadlocks (a state with
 * no enabled transition that is not an allowed end state). The canonical violation of each
 * property is kept (shortest trace, then first in BFS order). The search explores the whole
 * reachable state space unless a limit stops it (max states, time limit, memory budget,
 * Ctrl-C) or every selected property is already violated; then the result is incomplete, and
 * properties without a violation are {@link Verdict.Incomplete}.
 *
 * <p>Counting: {@code distinctStates} includes the initial state; {@code transitions} counts
 * every successor computation (every enabled transition of every explored state, including
 * those that end in a domain error or reach a known state).
 *
 * <p>{@link CheckOptions#threads()} workers; the result is the same for every thread count.
 */
public final class BfsEngine {
    private BfsEngine() { }

    /**
     * Explores {@code program} breadth-first (whatever engine {@code options} names) and returns
     * a verdict per property, with shortest traces for violations.
     *
     * @throws IllegalArgumentException when {@code options} names a property the model does not have
     */
    public static CheckResult check(Program program, CheckOptions options) {
        return Checker.check(program, options.withEngine(CheckOptions.Engine.BFS));
    }
}
