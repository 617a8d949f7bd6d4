package entrycheck.engine;

import entrycheck.ir.Property;

/**
 * How a property's verdict compares with what the model declares about it
 * ({@code expect holds|violated|maybe}). Only failures make the run exit 1. The one place where
 * the exit-code rules of DESIGN.md live, shared by {@code check} and {@code batch}.
 */
public enum Outcome {
    OK("ok", false),
    EXPECTED_VIOLATION("ok (expected violation)", false),
    /** {@code expect maybe}: checked and reported, never a failure. */
    MAYBE_VIOLATED("ok (expect maybe)", false),
    FAIL_EXPECTED_TO_HOLD("FAIL: expected to hold", true),
    FAIL_VIOLATION_NOT_FOUND("FAIL: expected violation not found", true),
    /** With --ignore-expectations every violation is a failure. */
    FAIL_VIOLATED("FAIL: violated", true),
    INCOMPLETE("unknown", false);

    public final String text;
    public final boolean failed;

    Outcome(String text, boolean failed) {
        this.text = text;
        this.failed = failed;
    }

    /**
     * @param expect             the model's expectation (compared by name, so that expectation kinds
     *                           added later, such as MAYBE, need no change here; unknown kinds count as HOLDS)
     * @param ignoreExpectations every property is expected to hold
     */
    public static Outcome judge(Property.Expect expect, Verdict verdict, boolean ignoreExpectations) {
        if (verdict instanceof Verdict.Incomplete) return INCOMPLETE;
        boolean violated = verdict instanceof Verdict.Violated;
        if (ignoreExpectations) return violated ? FAIL_VIOLATED : OK;
        String kind = expect == null ? "HOLDS" : expect.name();
        switch (kind) {
            case "VIOLATED": return violated ? EXPECTED_VIOLATION : FAIL_VIOLATION_NOT_FOUND;
            case "MAYBE": return violated ? MAYBE_VIOLATED : OK;
            default: return violated ? FAIL_EXPECTED_TO_HOLD : OK;
        }
    }
}
