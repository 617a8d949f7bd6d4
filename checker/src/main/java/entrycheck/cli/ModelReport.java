package entrycheck.cli;

import entrycheck.engine.Outcome;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Verdict;
import entrycheck.ir.Property;
import entrycheck.trace.Ansi;
import entrycheck.trace.SafeText;
import entrycheck.trace.Trace;
import entrycheck.trace.TraceText;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints the result of checking one model:
 * <pre>
 * x86_64/bugs/b1-nmi-iret: 1234 states, 5678 transitions, depth 42, 0.31 s (3980 states/s)
 *   holds       rcu-balanced   ok
 *   VIOLATED    frame-intact   ok (expected violation)
 *     shortest trace: 17 steps
 * </pre>
 * A violation that fails its expectation (every violation with --ignore-expectations, every
 * violation with -v) is followed by its trace ({@link TraceText}), indented by four spaces.
 */
final class ModelReport {
    private final PrintWriter out;
    private final Ansi ansi;
    private final TraceText.Options traceOptions;
    private final boolean ignoreExpectations;
    private final boolean verbose;

    ModelReport(PrintWriter out, Ansi ansi, TraceText.Options traceOptions,
                boolean ignoreExpectations, boolean verbose) {
        this.out = out;
        this.ansi = ansi;
        this.traceOptions = traceOptions;
        this.ignoreExpectations = ignoreExpectations;
        this.verbose = verbose;
    }

    void print(CheckResult result, RunSummary summary) { print(result, summary, ""); }

    /**
     * @param engine how the states were searched, for the header ("depth-first"); "" for the
     *               default breadth-first search
     */
    void print(CheckResult result, RunSummary summary, String engine) {
        String model = SafeText.of(result.program().name());
        CheckResult.Statistics s = result.stats();
        out.println(ansi.bold(model) + (engine.isEmpty() ? "" : " (" + engine + ")") + String.format(Locale.ROOT,
                ": %d states, %d transitions, depth %d, %.2f s (%.0f states/s)",
                s.distinctStates(), s.transitions(), s.depth(), s.nanos() / 1e9, s.statesPerSecond()));
        if (s.collisionProbability() > 0) {
            out.println(String.format(Locale.ROOT,
                    "  fingerprint collision probability: %.1e (states are kept as 64-bit fingerprints; TLC's optimistic estimate)",
                    s.collisionProbability()));
        }
        if (!result.complete()) {
            out.println("  " + ansi.yellow("search stopped early: " + SafeText.of(result.stopReason())));
        }
        summary.model();
        int width = 0;
        for (CheckResult.PropertyResult pr : result.properties()) {
            width = Math.max(width, SafeText.of(pr.property().name()).length());
        }
        for (CheckResult.PropertyResult pr : result.properties()) {
            property(pr.property(), pr.verdict(), width, result.stopReason());
            summary.add(result.program().name(), pr.property().name(),
                    Outcome.judge(pr.property().expect(), pr.verdict(), ignoreExpectations));
        }
        out.flush();
    }

    private void property(Property p, Verdict verdict, int width, String stopReason) {
        Outcome outcome = Outcome.judge(p.expect(), verdict, ignoreExpectations);
        String word;
        String outcomeText = outcome.text;
        if (verdict instanceof Verdict.Holds) {
            word = "holds";
        } else if (verdict instanceof Verdict.Violated) {
            word = "VIOLATED";
        } else {
            word = "incomplete";
            String reason = ((Verdict.Incomplete) verdict).reason();
            if (reason == null || reason.isEmpty()) reason = stopReason;
            if (reason != null && !reason.isEmpty()) outcomeText += " (" + SafeText.of(reason) + ")";
        }
        String coloured = outcome.failed ? ansi.boldRed(outcomeText)
                : outcome == Outcome.INCOMPLETE ? ansi.yellow(outcomeText) : ansi.green(outcomeText);
        out.println("  " + ansi.bold(pad(word, 10)) + "  " + pad(SafeText.of(p.name()), width) + "  " + coloured);
        if (verdict instanceof Verdict.Violated) {
            Trace trace = ((Verdict.Violated) verdict).trace();
            if (outcome.failed || verbose) {
                for (String line : TraceText.render(trace, traceOptions).split("\n")) out.println("    " + line);
            } else {
                int n = trace.steps().size();
                out.println("    shortest trace: " + n + (n == 1 ? " step" : " steps"));
            }
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
