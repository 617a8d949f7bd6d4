package entrycheck.symbolic;

import entrycheck.trace.Trace;
import java.util.List;

/**
 * The outcome of a bounded search: one record per outcome, never a field that is null
 * depending on which.
 */
public sealed interface BoundedResult {

    /** One solve per depth asked, in order. */
    List<DepthRun> runs();

    /** Wall time of the whole search (translation and solving). */
    long nanos();

    /** A shortest violation: its trace has {@code trace.steps().size()} steps, the last depth asked. */
    record Violated(Trace trace, List<DepthRun> runs, long nanos) implements BoundedResult {
        public Violated { runs = List.copyOf(runs); }
    }

    /** No violation of a selected property has a trace of at most {@code depth} steps. */
    record NoneWithin(int depth, List<DepthRun> runs, long nanos) implements BoundedResult {
        public NoneWithin { runs = List.copyOf(runs); }
    }

    /**
     * A limit stopped the search.
     *
     * @param noneWithin no violation within this many steps was established (-1: not even depth 0)
     */
    record Stopped(int noneWithin, String reason, List<DepthRun> runs, long nanos) implements BoundedResult {
        public Stopped { runs = List.copyOf(runs); }
    }

    /**
     * The solve of one depth.
     *
     * @param depth          the exact trace length asked for
     * @param translateNanos time to build the query
     * @param outcome        what the solver said
     * @param stats          its size and effort
     */
    record DepthRun(int depth, long translateNanos, Outcome outcome, Answer.Stats stats) { }

    /** The answer for one depth. */
    enum Outcome { VIOLATION, NONE, UNKNOWN }
}
