package entrycheck.engine;

import entrycheck.ir.Property;
import java.util.List;

/** Judgements of verdicts against expectations ({@link Outcome}), and the exit code they add up to. */
public final class Expectations {
    private Expectations() { }

    /** The judgement of one property. */
    public record Judged(Property property, Verdict verdict, Outcome outcome) {
        public String reason() { return outcome.text; }
    }

    public static Judged judge(CheckResult.PropertyResult r, boolean ignoreExpectations) {
        return new Judged(r.property(), r.verdict(), Outcome.judge(r.property().expect(), r.verdict(), ignoreExpectations));
    }

    /** 0 when every outcome passed, 1 when one failed, else 3 when one is incomplete. */
    public static int exitCode(List<Judged> judged) {
        boolean incomplete = false;
        for (Judged j : judged) {
            if (j.outcome().failed) return 1;
            if (j.outcome() == Outcome.INCOMPLETE) incomplete = true;
        }
        return incomplete ? 3 : 0;
    }
}
