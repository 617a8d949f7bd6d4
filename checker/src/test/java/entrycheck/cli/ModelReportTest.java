package entrycheck.cli;

import entrycheck.engine.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.engine.CheckResult;
import entrycheck.engine.Verdict;
import entrycheck.ir.Property.Expect;
import entrycheck.trace.Ansi;
import entrycheck.trace.TraceText;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ModelReportTest {

    private record Printed(String text, int exitCode) { }

    private static Printed print(CheckResult result, boolean ignoreExpectations, boolean verbose, Ansi ansi) {
        StringWriter w = new StringWriter();
        PrintWriter out = new PrintWriter(w);
        RunSummary summary = new RunSummary();
        new ModelReport(out, ansi, new TraceText.Options(false, ansi), ignoreExpectations, verbose)
                .print(result, summary);
        out.flush();
        return new Printed(w.toString(), summary.exitCode());
    }

    private static Printed print(CheckResult result, boolean ignoreExpectations, boolean verbose) {
        return print(result, ignoreExpectations, verbose, Ansi.OFF);
    }

    @Test
    void verdictsOutcomesAndTheTraceOfAFailure() {
        ReportFixture f = new ReportFixture(Expect.HOLDS, Expect.VIOLATED, Expect.HOLDS);
        Printed p = print(f.result(true, "", new Verdict.Holds(), f.violated(1, 3), f.violated(2, 2)), false, false);
        assertEquals(String.join("\n",
                "m: 10 states, 25 transitions, depth 3, 0.50 s (20 states/s)",
                "  holds       safe   ok",
                "  VIOLATED    bug    ok (expected violation)",
                "    shortest trace: 3 steps",
                "  VIOLATED    small  FAIL: expected to hold",
                "    counterexample for small: 2 steps",
                "      1  inc",
                "           x: 0 -> 1",
                "      2  inc",
                "           x: 1 -> 2",
                "    violated small: x < 2",
                ""), p.text());
        assertEquals(ExitCodes.FAILED, p.exitCode());
    }

    @Test
    void everyExpectationMetExits0() {
        ReportFixture f = new ReportFixture(Expect.HOLDS, Expect.VIOLATED);
        Printed p = print(f.result(true, "", new Verdict.Holds(), f.violated(1, 1)), false, false);
        assertEquals(ExitCodes.OK, p.exitCode(), p.text());
        assertTrue(p.text().contains("    shortest trace: 1 step\n"), p.text());
        assertFalse(p.text().contains("counterexample"), p.text());
    }

    @Test
    void verboseShowsExpectedViolationsToo() {
        ReportFixture f = new ReportFixture(Expect.HOLDS, Expect.VIOLATED);
        Printed p = print(f.result(true, "", new Verdict.Holds(), f.violated(1, 1)), false, true);
        assertEquals(ExitCodes.OK, p.exitCode(), p.text());
        assertTrue(p.text().contains("  VIOLATED    bug   ok (expected violation)\n"
                + "    counterexample for bug: 1 step\n"), p.text());
    }

    @Test
    void expectedViolationNotFoundFails() {
        ReportFixture f = new ReportFixture(Expect.HOLDS, Expect.VIOLATED);
        Printed p = print(f.result(true, "", new Verdict.Holds(), new Verdict.Holds()), false, false);
        assertEquals(ExitCodes.FAILED, p.exitCode());
        assertTrue(p.text().contains("  holds       bug   FAIL: expected violation not found\n"), p.text());
    }

    @Test
    void ignoringExpectationsMakesEveryViolationAFailureWithItsTrace() {
        ReportFixture f = new ReportFixture(Expect.HOLDS, Expect.VIOLATED);
        Printed p = print(f.result(true, "", new Verdict.Holds(), f.violated(1, 1)), true, false);
        assertEquals(ExitCodes.FAILED, p.exitCode());
        assertTrue(p.text().contains("  VIOLATED    bug   FAIL: violated\n    counterexample for bug: 1 step\n"),
                p.text());
        ReportFixture g = new ReportFixture(Expect.HOLDS, Expect.VIOLATED);
        Printed q = print(g.result(true, "", new Verdict.Holds(), new Verdict.Holds()), true, false);
        assertEquals(ExitCodes.OK, q.exitCode(), q.text());
    }

    @Test
    void incompleteWhenNothingFailedExits3() {
        ReportFixture f = new ReportFixture(Expect.HOLDS, Expect.VIOLATED, Expect.HOLDS, Expect.HOLDS);
        CheckResult r = f.result(false, "max states 10", new Verdict.Holds(), f.violated(1, 1),
                new Verdict.Incomplete(""), new Verdict.Incomplete("time limit 1s"));
        Printed p = print(r, false, false);
        assertEquals(ExitCodes.INCOMPLETE, p.exitCode(), p.text());
        assertTrue(p.text().contains("\n  search stopped early: max states 10\n"), p.text());
        assertTrue(p.text().contains("\n  incomplete  small  unknown (max states 10)\n"), p.text());
        assertTrue(p.text().contains("\n  incomplete  later  unknown (time limit 1s)\n"), p.text());

        ReportFixture g = new ReportFixture(Expect.HOLDS, Expect.HOLDS);
        Printed q = print(g.result(false, "max states 10", g.violated(0, 1), new Verdict.Incomplete("")), false, false);
        assertEquals(ExitCodes.FAILED, q.exitCode(), "a failure wins over incomplete");
    }

    @Test
    void colourOnlyWhenAsked() {
        ReportFixture f = new ReportFixture(Expect.HOLDS, Expect.VIOLATED, Expect.HOLDS);
        CheckResult r = f.result(true, "", new Verdict.Holds(), f.violated(1, 3), f.violated(2, 2));
        Printed plain = print(r, false, false, Ansi.OFF);
        Printed coloured = print(r, false, false, Ansi.ON);
        assertFalse(plain.text().contains("\u001b"));
        assertTrue(coloured.text().contains("\u001b[1;31mFAIL: expected to hold\u001b[0m"), coloured.text());
        assertEquals(plain.text(), coloured.text().replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void summaryOfABatch() {
        RunSummary s = new RunSummary();
        s.model();
        s.add("a", "p", Outcome.OK);
        s.add("a", "q", Outcome.EXPECTED_VIOLATION);
        s.model();
        s.add("b", "r", Outcome.FAIL_VIOLATION_NOT_FOUND);
        s.add("b", "s", Outcome.INCOMPLETE);
        StringWriter w = new StringWriter();
        s.print(new PrintWriter(w, true), Ansi.OFF);
        assertEquals("\nsummary: 2 models, 4 properties: 2 ok, 1 failed, 1 incomplete\n"
                + "  b: r: FAIL: expected violation not found\n", w.toString());
        assertEquals(ExitCodes.FAILED, s.exitCode());
    }
}
