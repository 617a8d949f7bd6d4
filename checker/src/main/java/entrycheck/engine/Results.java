package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.semantics.TransitionSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Turns what a search found into a {@link CheckResult}: one verdict per selected property. */
final class Results {
    private Results() { }

    /** The result of a breadth-first search: traces rebuilt from the store's parents. */
    static CheckResult of(Program program, TransitionSystem system, boolean[] selected, StateStore store,
                          FirstViolations found, String stop, CheckResult.Statistics stats) {
        TraceBuilder traces = new TraceBuilder(program, system);
        return of(program, selected, stop, stats, id -> found.violated(id)
                ? new Verdict.Violated(traces.build(store, id, found.state[id], found.transition[id], found.message[id]))
                : null);
    }

    /**
     * @param violation the verdict of a violated property, null for one without a violation
     * @param stop      why the search stopped early, "" when it was complete
     */
    static CheckResult of(Program program, boolean[] selected, String stop, CheckResult.Statistics stats,
                          IntFunction<Verdict> violation) {
        boolean complete = stop.isEmpty();
        List<CheckResult.PropertyResult> results = new ArrayList<>();
        for (Property p : program.properties()) {
            int id = p.id();
            if (!selected[id]) continue;
            Verdict v = violation.apply(id);
            if (v == null) v = complete ? new Verdict.Holds() : new Verdict.Incomplete(stop);
            results.add(new CheckResult.PropertyResult(p, v));
        }
        return new CheckResult(program, results, stats, complete, stop);
    }
}
