package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.Replay;
import entrycheck.trace.Trace;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code returns eventually} (LANGUAGE.md section 9): lassos under weak fairness, found after the BFS. */
class LivenessTest {

    /** One CPU, two nesting levels, an IRQ (IF) and an NMI-like vector (blocked until any iret). */
    private static String model(String handler, String extra) {
        return String.join("\n",
                "model live;",
                "nesting 2;",
                "state cpu { IF: bool = 1; blocked: bool = 0; }",
                "var flag: bool = 0;",
                "var tick: bool = 0;",
                "var stopped: bool = 0;",
                "frame regs { region hw { rip: ret; IF: bool; } }",
                "stack task slots 3;",
                "hardware { task_stack task; deliver { frame.IF = cpu.IF; cpu.IF = 0; }",
                "           iret { cpu.IF = frame.IF; cpu.blocked = 0; } }",
                "vector irq async when cpu.IF lands on current enters handler;",
                "start main;",
                "proc main() { top: skip; goto top; }",
                "proc handler() @ \"test.c:handler\" {",
                handler,
                "}",
                "property live \"every entry returns\" = returns eventually;",
                "property live-storms = returns eventually under storms;",
                extra,
                "");
    }

    private static Program load(String text) throws Exception {
        return ModelLoader.loadText("live.entry", text, Map.of());
    }

    private static CheckResult check(Program p) { return BfsEngine.check(p, CheckOptions.defaults()); }

    private static Verdict verdict(CheckResult r, String property) {
        for (CheckResult.PropertyResult pr : r.properties()) if (pr.property().name().equals(property)) return pr.verdict();
        throw new AssertionError("no result for " + property);
    }

    private static Trace lasso(CheckResult r, String property) {
        Verdict v = verdict(r, property);
        assertInstanceOf(Verdict.Violated.class, v, property + " should be violated");
        return ((Verdict.Violated) v).trace();
    }

    private static long[] stateAt(Trace t, int index) { return index == 0 ? t.initial() : t.steps().get(index - 1).after(); }

    private static List<String> loopLabels(Trace t) {
        List<String> out = new ArrayList<>();
        for (int i = t.loopStart(); i < t.steps().size(); i++) out.add(t.program().transitions().get(t.steps().get(i).transition()).label());
        return out;
    }

    /** The trace closes, stays at depth >= 1 in its loop, survives JSON and replays as a violation. */
    private static void assertLasso(Program p, Trace t) throws Exception {
        int n = t.steps().size();
        assertTrue(t.loopStart() >= 1 && t.loopStart() < n, "loopStart " + t.loopStart() + " inside the trace");
        assertArrayEquals(stateAt(t, t.loopStart()), stateAt(t, n), "the last state is the state at loopStart");
        var depth = p.layout().var(p.nesting().depth());
        for (int i = t.loopStart(); i <= n; i++) assertTrue(StateLayout.get(stateAt(t, i), depth) >= 1, "depth >= 1 in the loop");
        TraceDocument doc = TraceJson.read(TraceJson.toJson(TraceDocument.of(t)));
        assertEquals(t.loopStart(), doc.loopStart());
        assertInstanceOf(Replay.Result.Reproduced.class, Replay.replay(doc, p));
    }

    @Test
    void holdsWhenEveryHandlerReturns() throws Exception {
        Program p = load(model("  h: flag = !flag; iret;", ""));
        CheckResult r = check(p);
        assertTrue(r.complete());
        assertInstanceOf(Verdict.Holds.class, verdict(r, "live"));
        assertInstanceOf(Verdict.Holds.class, verdict(r, "live-storms"));
    }

    @Test
    void spinningHandlerIsALassoThatReplays() throws Exception {
        Program p = load(model("  spin: while (!flag) { skip; } iret;", ""));
        CheckResult r = check(p);
        Trace t = lasso(r, "live");
        assertLasso(p, t);
        // prefix: the shortest way into the loop (the IRQ), then the loop: the while test and its body
        assertEquals("deliver irq", p.transitions().get(t.steps().get(t.loopStart() - 1).transition()).label());
        assertEquals(2, t.steps().size() - t.loopStart());
        for (String l : loopLabels(t)) assertTrue(l.startsWith("handler"), l);
        assertTrue(t.message().contains("irq entry at level 1 never returns"), t.message());
        // the other properties are unaffected
        assertInstanceOf(Verdict.Holds.class, verdict(r, "no-deadlock"));
        assertInstanceOf(Verdict.Violated.class, verdict(r, "live-storms"));
    }

    @Test
    void aLoopThatStarvesAContinuouslyEnabledStepIsUnfair() throws Exception {
        // the rule can toggle tick forever while the handler sits at its iret: the iret is enabled
        // in every state of that loop and never taken, so the loop is not weakly fair
        Program p = load(model("  h: iret;", "rule toggle true ==> { tick = !tick; }"));
        CheckResult r = check(p);
        assertInstanceOf(Verdict.Holds.class, verdict(r, "live"));
        assertInstanceOf(Verdict.Holds.class, verdict(r, "live-storms"));
    }

    @Test
    void aRuleLoopBesideASpinIsFairWhenTheSpinKeepsStepping() throws Exception {
        Program p = load(model("  spin: while (!flag) { skip; } iret;", "rule toggle true ==> { tick = !tick; }"));
        Trace t = lasso(check(p), "live");
        assertLasso(p, t);
        // the rule is enabled everywhere in the loop: a fair loop must take it too
        assertTrue(loopLabels(t).contains("toggle"), loopLabels(t).toString());
        assertTrue(loopLabels(t).contains("handler.spin"), loopLabels(t).toString());
        // replayed on a model where the same steps no longer close the loop: not reproduced
        Program open = load(model("  spin: while (!flag) { skip; } iret;", "rule toggle true ==> { tick = 1; }"));
        TraceDocument doc = TraceDocument.of(t);
        assertInstanceOf(Replay.Result.NotReproduced.class, Replay.replay(doc, open));
    }

    @Test
    void anInterruptStormIsACounterexampleOnlyUnderStorms() throws Exception {
        String text = model("  h: skip; iret;",
                "vector nmi async when !cpu.blocked lands on current enters nmi_handler deliver { cpu.blocked = 1; };\n"
                        + "proc nmi_handler() { n: skip; iret; }");
        Program p = load(text);
        CheckResult r = check(p);
        assertInstanceOf(Verdict.Holds.class, verdict(r, "live"));
        Trace t = lasso(r, "live-storms");
        assertLasso(p, t);
        assertTrue(loopLabels(t).contains("deliver nmi"), loopLabels(t).toString());
        assertTrue(t.message().contains("storm"), t.message());
    }

    @Test
    void faultsAreEnvironmentButTrapsAreCode() throws Exception {
        String vectors = "vector pf sync lands on current enters pf_handler;\nproc pf_handler() { p: iret; }";
        // a faulting access re-executes after the #PF: faulting forever is a storm of faults
        Program fault = load(model("  acc: may_raise pf; iret;", vectors));
        CheckResult rf = check(fault);
        assertInstanceOf(Verdict.Holds.class, verdict(rf, "live"));
        assertInstanceOf(Verdict.Violated.class, verdict(rf, "live-storms"));
        int depthVar = fault.nesting().depth();
        for (Transition tr : fault.transitions()) {
            if (tr.label().endsWith("(fault)") || tr.label().startsWith("deliver ")) assertTrue(tr.isEnvironment(depthVar), tr.label());
        }
        // a handler that raises a trap in a loop livelocks by itself
        Program trap = load(model("  again: raise pf; goto again;", vectors));
        Trace t = lasso(check(trap), "live");
        assertLasso(trap, t);
        assertTrue(loopLabels(t).contains("handler.again"), loopLabels(t).toString());
        for (Transition tr : trap.transitions()) if (tr.label().equals("handler.again")) assertFalse(tr.isEnvironment(trap.nesting().depth()));
    }

    @Test
    void unlessExcludesAStoppedMachine() throws Exception {
        String halt = "  stopped = 1; halted: goto halted;";
        Program p = load(model(halt, "property live-unless = returns eventually unless stopped;"));
        CheckResult r = check(p);
        assertInstanceOf(Verdict.Holds.class, verdict(r, "live-unless"));
        Trace t = lasso(r, "live");
        assertLasso(p, t);
        assertEquals(List.of("handler.halted"), loopLabels(t));
    }

    @Test
    void theX86MainlineDesignHoldsIt() throws Exception {
        Program p = ModelLoader.load("x86_64/mainline", Map.of());
        CheckResult r = BfsEngine.check(p, new CheckOptions(Set.of("returns-eventually"), 0, null, 1));
        assertInstanceOf(Verdict.Holds.class, verdict(r, "returns-eventually"));
    }

    @Test
    void otherEnginesLeaveItOutOrRejectIt() throws Exception {
        Program p = load(model("  spin: while (!flag) { skip; } iret;", ""));
        CheckResult dfs = Checker.check(p, CheckOptions.defaults().withEngine(CheckOptions.Engine.DFS));
        assertTrue(dfs.properties().stream().noneMatch(x -> x.property().kind().isLiveness()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checker.check(p,
                new CheckOptions(Set.of("live"), 0, null, 1).withEngine(CheckOptions.Engine.DFS)));
        assertTrue(e.getMessage().contains("liveness"), e.getMessage());
    }

    @Test
    void noVerdictWithoutTheWholeStateSpaceOrTheMemoryForItsGraph() throws Exception {
        Program p = load(model("  spin: while (!flag) { skip; } iret;", ""));
        CheckResult r = BfsEngine.check(p, new CheckOptions(Set.of("live"), 3, null, 1));
        assertFalse(r.complete());
        assertInstanceOf(Verdict.Incomplete.class, verdict(r, "live"));
        assertEquals(null, Liveness.memoryShortfall(10, 10));
        String why = Liveness.memoryShortfall(Long.MAX_VALUE / Liveness.BYTES_PER_STATE / 2, 0);
        assertTrue(why != null && why.startsWith("not enough memory for the liveness graph"), why);
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() throws Exception {
        Program p = load(model("  spin: while (!flag) { skip; } iret;", "rule toggle true ==> { tick = !tick; }"));
        Trace one = lasso(BfsEngine.check(p, new CheckOptions(Set.of(), 0, null, 1)), "live");
        Trace two = lasso(BfsEngine.check(p, new CheckOptions(Set.of(), 0, null, 2)), "live");
        assertEquals(one.loopStart(), two.loopStart());
        assertEquals(one.steps().stream().map(Trace.Step::transition).toList(), two.steps().stream().map(Trace.Step::transition).toList());
    }
}
