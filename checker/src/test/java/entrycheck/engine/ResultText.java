package entrycheck.engine;

import entrycheck.trace.Trace;
import java.util.Arrays;

/**
 * Everything deterministic about a result as text (all but the time), so that two results can
 * be compared with one assertEquals and a failure shows the difference.
 */
final class ResultText {
    private ResultText() { }

    static String of(CheckResult r) {
        StringBuilder b = new StringBuilder();
        CheckResult.Statistics s = r.stats();
        b.append("states ").append(s.distinctStates()).append(", transitions ").append(s.transitions())
                .append(", depth ").append(s.depth()).append(", complete ").append(r.complete())
                .append(", stop '").append(r.stopReason()).append("', collision ").append(s.collisionProbability()).append('\n');
        for (CheckResult.PropertyResult pr : r.properties()) {
            b.append(pr.property().name()).append(": ").append(verdict(pr.verdict())).append('\n');
        }
        return b.toString();
    }

    static String verdict(Verdict v) {
        if (v instanceof Verdict.Violated violated) return "violated " + trace(violated.trace());
        return v.toString();
    }

    static String trace(Trace t) {
        StringBuilder b = new StringBuilder("[").append(t.message()).append("] ").append(Arrays.toString(t.initial()));
        for (Trace.Step step : t.steps()) b.append(" -").append(step.transition()).append("-> ").append(Arrays.toString(step.after()));
        return b.toString();
    }
}
