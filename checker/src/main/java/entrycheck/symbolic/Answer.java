package entrycheck.symbolic;

/** What a {@link SolverBackend} established about a {@link Query}. */
public sealed interface Answer {

    Stats stats();

    /** A solution: {@code values[i]} is the value of query variable i. */
    record Satisfiable(int[] values, Stats stats) implements Answer {
        public Satisfiable { values = values.clone(); }
    }

    /** No solution exists. */
    record Unsatisfiable(Stats stats) implements Answer { }

    /** The solver stopped before an answer (a time limit). */
    record Unknown(String reason, Stats stats) implements Answer { }

    /**
     * Size and effort of one solve.
     *
     * @param variables   variables of the solver's model (the query's and the solver's own auxiliaries)
     * @param constraints constraints of the solver's model
     * @param nodes       search nodes
     * @param fails       failures (backtracks caused by contradictions)
     * @param nanos       wall time of building and solving the solver's model
     * @param summary     the solver's own one-line statistics
     */
    record Stats(int variables, int constraints, long nodes, long fails, long nanos, String summary) { }
}
