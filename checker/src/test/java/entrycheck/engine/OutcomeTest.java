package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import entrycheck.engine.Verdict;
import entrycheck.ir.Property.Expect;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    private static final Verdict HOLDS = new Verdict.Holds();
    private static final Verdict VIOLATED = new Verdict.Violated(null);
    private static final Verdict INCOMPLETE = new Verdict.Incomplete("max states 1");

    @Test
    void judgesAgainstTheExpectation() {
        assertEquals(Outcome.OK, Outcome.judge(Expect.HOLDS, HOLDS, false));
        assertEquals(Outcome.FAIL_EXPECTED_TO_HOLD, Outcome.judge(Expect.HOLDS, VIOLATED, false));
        assertEquals(Outcome.EXPECTED_VIOLATION, Outcome.judge(Expect.VIOLATED, VIOLATED, false));
        assertEquals(Outcome.FAIL_VIOLATION_NOT_FOUND, Outcome.judge(Expect.VIOLATED, HOLDS, false));
        assertEquals(Outcome.INCOMPLETE, Outcome.judge(Expect.VIOLATED, INCOMPLETE, false));
        assertEquals(Outcome.INCOMPLETE, Outcome.judge(Expect.HOLDS, INCOMPLETE, true));
        assertEquals(Outcome.FAIL_EXPECTED_TO_HOLD, Outcome.judge(null, VIOLATED, false));
    }

    @Test
    void ignoringExpectationsEveryViolationFails() {
        for (Expect e : Expect.values()) {
            assertEquals(Outcome.FAIL_VIOLATED, Outcome.judge(e, VIOLATED, true), e.name());
            assertEquals(Outcome.OK, Outcome.judge(e, HOLDS, true), e.name());
        }
    }

    /** {@code expect maybe} never fails; checked for whichever constant of that name the IR has. */
    @Test
    void maybeNeverFails() {
        for (Expect e : Expect.values()) {
            if (!e.name().equals("MAYBE")) continue;
            assertEquals(Outcome.MAYBE_VIOLATED, Outcome.judge(e, VIOLATED, false));
            assertEquals(Outcome.OK, Outcome.judge(e, HOLDS, false));
            assertFalse(Outcome.judge(e, VIOLATED, false).failed);
        }
    }
}
