package entrycheck.cli;

import entrycheck.engine.CheckResult;
import entrycheck.engine.Verdict;
import entrycheck.trace.Minimize;
import entrycheck.trace.SafeText;
import entrycheck.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code check --minimize}: replaces the trace of every violation in a result by one of the
 * fewest steps with the fewest deliveries ({@link Minimize}), and says what that changed.
 *
 * @param result the result with the minimised traces (the input's when the search stopped early)
 * @param notes  one line per violated property, for the report
 */
record Minimizing(CheckResult result, List<String> notes) {

    static Minimizing apply(CheckResult result, long maxStates, BooleanSupplier stop) {
        List<Trace> before = new ArrayList<>();
        for (CheckResult.PropertyResult pr : result.properties()) {
            if (pr.verdict() instanceof Verdict.Violated v) before.add(v.trace());
        }
        if (before.isEmpty()) return new Minimizing(result, List.of());
        Minimize.Result m = Minimize.fewestDeliveries(result.program(), before, maxStates, stop);
        List<String> notes = new ArrayList<>();
        if (!m.complete()) {
            notes.add("minimize: stopped after " + m.states() + " states (--max-states or Ctrl-C); the traces are not minimised");
            return new Minimizing(result, notes);
        }
        notes.add("minimize: searched " + m.states() + " states (every state within the longest trace's length)");
        List<CheckResult.PropertyResult> props = new ArrayList<>();
        int k = 0;
        for (CheckResult.PropertyResult pr : result.properties()) {
            if (!(pr.verdict() instanceof Verdict.Violated)) {
                props.add(pr);
                continue;
            }
            Trace old = before.get(k);
            Trace now = m.traces().get(k++);
            props.add(new CheckResult.PropertyResult(pr.property(), new Verdict.Violated(now)));
            notes.add("minimize: " + SafeText.of(pr.property().name()) + ": " + now.steps().size() + " steps, "
                    + plural(Minimize.deliveries(now), "delivery", "deliveries")
                    + " (the first shortest trace had " + old.steps().size() + " steps, "
                    + plural(Minimize.deliveries(old), "delivery", "deliveries") + ")");
        }
        return new Minimizing(new CheckResult(result.program(), props, result.stats(), result.complete(), result.stopReason()), notes);
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
