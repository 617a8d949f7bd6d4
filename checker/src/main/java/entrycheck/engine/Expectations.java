package entrycheck.engine;

import entrycheck.ir.Property;
import java.util.List;

/**
 * Judges verdicts against what the model declares ({@code expect holds/violated/maybe}): the one
 * place where the exit-code rules of DESIGN.md live, shared by {@code check} and {@code batch}.
 */
public final class Expectations {
    private Expectations() { }

    public enum Outcome { PASS, FAIL, INCOMPLETE }

    /** The judgement of one property: its outcome and the reason in words. */
    public record Judged(Property property, Verdict verdict, Outcome outcome, String reason) { }

    /**
     * @param ignoreExpectations when true every violation is a failure (and a missing expected
     *                           violation is not)
     */
    public static Judged judge(CheckResult.PropertyResult r, boolean ignoreExpectations) {
        Property p = r.property();
        String expect = ignoreExpectations ? "HOLDS" : p.expect().name();
        Verdict v = r.verdict();
        if (v instanceof Verdict.Violated) {
            return switch (expect) {
                case "VIOLATED" -> new Judged(p, v, Outcome.PASS, "expected violation found");
                case "HOLDS" -> new Judged(p, v, Outcome.FAIL, ignoreExpectations && p.expect().name().equals("VIOLATED")
                        ? "violated (expected; failing because of --ignore-expectations)" : "violated, expected to hold");
                default -> new Judged(p, v, Outcome.PASS, "violated (expectation: maybe)");
            };
        }
        if (v instanceof Verdict.Holds) {
            return switch (expect) {
                case "VIOLATED" -> new Judged(p, v, Outcome.FAIL, "expected violation not found");
                default -> new Judged(p, v, Outcome.PASS, "holds");
            };
        }
        return new Judged(p, v, Outcome.INCOMPLETE, ((Verdict.Incomplete) v).reason());
    }

    /** 0 when every outcome passed, 1 when one failed, else 3 when one is incomplete. */
    public static int exitCode(List<Judged> judged) {
        boolean incomplete = false;
        for (Judged j : judged) {
            if (j.outcome() == Outcome.FAIL) return 1;
            if (j.outcome() == Outcome.INCOMPLETE) incomplete = true;
        }
        return incomplete ? 3 : 0;
    }
}
