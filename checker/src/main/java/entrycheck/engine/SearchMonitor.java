package entrycheck.engine;

/**
 * What a running search reports to, and asks of, its caller: progress for a display, and
 * whether to stop early (Ctrl-C). Both are called by the search's coordinating thread between
 * rounds of work (for a breadth-first search a few times a second or more often), never on
 * the per-state path. Implementations must be cheap and must not throw.
 */
public interface SearchMonitor {

    /** A snapshot of a search in progress. */
    record Progress(long distinctStates, long transitions, long queue, int depth, long nanos) {
        public double statesPerSecond() { return nanos == 0 ? 0 : distinctStates * 1e9 / nanos; }
    }

    /** True asks the search to stop as soon as it is consistent (it then reports "interrupted"). */
    default boolean stopRequested() { return false; }

    default void progress(Progress p) { }

    /** Reports nothing and never stops a search. */
    SearchMonitor NONE = new SearchMonitor() { };
}
