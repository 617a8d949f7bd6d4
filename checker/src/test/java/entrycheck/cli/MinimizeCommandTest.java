package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Checker;
import entrycheck.engine.Verdict;
import entrycheck.ir.Program;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.Minimize;
import entrycheck.trace.Replay;
import entrycheck.trace.Trace;
import entrycheck.trace.TraceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code check --minimize}: fewer deliveries at the same length, and traces that still replay. */
class MinimizeCommandTest {
    /** x reaches 3 in 6 steps through the irq handler (found first by BFS) or by task steps alone. */
    static final Path TWO_WAYS = Path.of("../counterexamples/src/test/resources/minimize/two-ways.entry");

    @TempDir
    Path dir;

    @Test
    void theMinimizedTraceHasNoNeedlessDeliveryAndTheSameLength() throws Exception {
        CliRun plain = CliRun.run("check", "-p", "small", TWO_WAYS.toString());
        assertEquals(ExitCodes.FAILED, plain.exitCode(), plain.both());
        assertTrue(plain.out().contains("counterexample for small: 6 steps"), plain.both());
        assertTrue(plain.out().contains("deliver irq"), plain.both());

        Path traces = dir.resolve("traces");
        CliRun min = CliRun.run("check", "-p", "small", "--minimize", "--trace-out", traces.toString(), TWO_WAYS.toString());
        assertEquals(ExitCodes.FAILED, min.exitCode(), min.both());
        assertTrue(min.out().contains("counterexample for small: 6 steps"), min.both());
        assertFalse(min.out().contains("deliver irq"), min.both());
        assertTrue(min.out().contains("task_loop: choose (choice 2)"), min.both());
        assertTrue(min.out().contains("  minimize: small: 6 steps, 0 deliveries "
                + "(the first shortest trace had 6 steps, 1 delivery)"), min.both());

        List<Path> files;
        try (var list = Files.list(traces)) {
            files = list.toList();
        }
        assertEquals(1, files.size(), files.toString());
        Path file = files.get(0);
        assertFalse(Files.readString(file).contains("\"DELIVER\""), "the written trace is the minimised one");
        CliRun replay = CliRun.run("replay", file.toString());
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.both());
        assertTrue(replay.out().contains("still violates small at step 6 of 6"), replay.both());
    }

    /**
     * On the bug variants the first shortest traces already have the fewest deliveries; with
     * ties the minimiser gives exactly the checker's trace, and every minimised trace replays.
     */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64/bugs/b1-nmi-iret", "x86_64/bugs/b6-pkrs-by-value", "x86_64/bugs/b8-percpu-exit-rcu"})
    void onBugVariantsTheMinimizedTracesReplay(String model) throws Exception {
        Program program = ModelLoader.load(model, Map.of());
        CheckResult r = Checker.check(program, CheckOptions.defaults());
        List<Trace> traces = new ArrayList<>();
        for (CheckResult.PropertyResult pr : r.properties()) {
            if (pr.verdict() instanceof Verdict.Violated v) traces.add(v.trace());
        }
        assertFalse(traces.isEmpty());
        Minimize.Result m = Minimize.fewestDeliveries(program, traces, 0, () -> false);
        assertTrue(m.complete());
        for (int i = 0; i < traces.size(); i++) {
            Trace before = traces.get(i);
            Trace after = m.traces().get(i);
            String what = model + " " + program.properties().get(before.property()).name();
            assertEquals(before.property(), after.property(), what);
            assertEquals(before.steps().size(), after.steps().size(), what + ": same length");
            assertTrue(Minimize.deliveries(after) <= Minimize.deliveries(before), what);
            if (Minimize.deliveries(after) == Minimize.deliveries(before)) {
                assertEquals(transitions(before), transitions(after), what + ": ties keep the checker's trace");
            }
            Replay.Result.Reproduced rep = assertInstanceOf(Replay.Result.Reproduced.class,
                    Replay.replay(TraceDocument.of(after), program), what);
            assertEquals(after.steps().size(), rep.step(), what);
        }
    }

    private static List<Integer> transitions(Trace t) {
        List<Integer> out = new ArrayList<>();
        for (Trace.Step s : t.steps()) out.add(s.transition());
        return out;
    }
}
