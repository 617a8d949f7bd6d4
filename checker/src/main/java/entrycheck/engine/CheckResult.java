package entrycheck.engine;

import entrycheck.ir.Program;
import java.util.List;

/**
 * The outcome of exploring a model once: statistics and one verdict per checked property.
 *
 * @param complete    true when the whole reachable state space was explored
 * @param stopReason  why the search stopped early ("time limit 10s", "max states 1000"), or "" when complete
 */
public record CheckResult(Program program, List<PropertyResult> properties, Statistics stats,
                          boolean complete, String stopReason) {
    public CheckResult { properties = List.copyOf(properties); }

    /**
     * @param distinctStates number of distinct reachable states found
     * @param transitions    number of transitions fired (successor computations, duplicates included)
     * @param depth          BFS depth reached (number of levels; the initial state is depth 0): the
     *                       level of the deepest state found, i.e. the length of the longest
     *                       shortest path from the initial state
     * @param nanos          wall time of the exploration
     * @param collisionProbability TLC-style optimistic estimate of the probability that two
     *                       distinct states had the same 64-bit fingerprint, so that a state was
     *                       missed: {@code distinct * (generated - distinct) / 2^64}; exactly 0
     *                       when states are stored without loss (states of one word)
     */
    public record Statistics(long distinctStates, long transitions, int depth, long nanos,
                             double collisionProbability) {
        /** Statistics of a search without fingerprint collisions. */
        public Statistics(long distinctStates, long transitions, int depth, long nanos) {
            this(distinctStates, transitions, depth, nanos, 0.0);
        }

        public double statesPerSecond() { return nanos == 0 ? 0 : distinctStates * 1e9 / nanos; }
    }

    public record PropertyResult(entrycheck.ir.Property property, Verdict verdict) { }
}
