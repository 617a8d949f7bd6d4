package entrycheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.lang.ModelLoader;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.ViolationSink;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Minimize} on minimize/two-ways.entry: x reaches 3 in six steps either through the irq
 * handler (one delivery; the first branch of the task's choice, so the path a plain BFS finds
 * first) or by three task steps (no delivery).
 */
class MinimizeTest {

    static Program twoWays() throws Exception {
        try (InputStream in = MinimizeTest.class.getResourceAsStream("/minimize/two-ways.entry")) {
            return ModelLoader.loadText("two-ways.entry", new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
        }
    }

    /** The trace that fires, in order, the enabled transitions whose labels start with the given prefixes. */
    static Trace path(Program p, String property, String... prefixes) {
        CompiledProgram ts = CompiledProgram.compile(p);
        long[] s = ts.initial();
        long[] init = s.clone();
        int[] buf = new int[ts.transitionCount()];
        List<Trace.Step> steps = new ArrayList<>();
        for (String prefix : prefixes) {
            int n = ts.enabled(s, buf);
            int t = -1;
            for (int k = 0; k < n && t < 0; k++) if (p.transitions().get(buf[k]).label().startsWith(prefix)) t = buf[k];
            if (t < 0) throw new AssertionError("no enabled step " + prefix);
            long[] next = new long[ts.words()];
            ts.fire(s, t, next, ViolationSink.IGNORE);
            steps.add(new Trace.Step(t, next));
            s = next;
        }
        return new Trace(p, p.property(property).id(), init, steps, "given", -1);
    }

    private static List<String> labels(Trace t) {
        List<String> out = new ArrayList<>();
        for (Trace.Step s : t.steps()) out.add(t.program().transitions().get(s.transition()).label());
        return out;
    }

    @Test
    void findsTheTraceOfTheSameLengthWithoutADelivery() throws Exception {
        Program p = twoWays();
        Trace viaIrq = path(p, "small", "task_loop: choose (choice 1)", "task_loop: cpu.IF", "deliver irq",
                "irq_entry", "irq_entry", "irq_entry");
        assertEquals(1, Minimize.deliveries(viaIrq));
        Minimize.Result r = Minimize.fewestDeliveries(p, List.of(viaIrq), 0, () -> false);
        assertTrue(r.complete());
        Trace min = r.traces().get(0);
        assertEquals(6, min.steps().size(), labels(min).toString());
        assertEquals(0, Minimize.deliveries(min), labels(min).toString());
        assertEquals("task_loop: choose (choice 2)", labels(min).get(0));
        assertEquals(p.property("small").id(), min.property());
        assertTrue(min.message().contains("x stays below 3"), min.message());
        for (Trace.Step s : min.steps()) {
            assertFalse(p.transitions().get(s.transition()).kind() == Transition.Kind.DELIVER);
        }
        // the minimised trace is a run of the model that reaches the violation
        Replay.Result.Reproduced rep = assertInstanceOf(Replay.Result.Reproduced.class,
                Replay.replay(TraceDocument.of(min), p));
        assertEquals(6, rep.step());
    }

    @Test
    void aLongerTraceIsShortenedToTheShortestLength() throws Exception {
        Program p = twoWays();
        // first branch, a useless if test, then the handler: 7 steps
        Trace longer = path(p, "small", "task_loop: choose (choice 1)", "task_loop: cpu.IF", "task_loop: if",
                "deliver irq", "irq_entry", "irq_entry", "irq_entry");
        Trace min = Minimize.fewestDeliveries(p, List.of(longer), 0, () -> false).traces().get(0);
        assertEquals(6, min.steps().size());
        assertEquals(0, Minimize.deliveries(min));
    }

    @Test
    void aStoppedSearchKeepsTheInput() throws Exception {
        Program p = twoWays();
        Trace viaIrq = path(p, "small", "task_loop: choose (choice 1)", "task_loop: cpu.IF", "deliver irq",
                "irq_entry", "irq_entry", "irq_entry");
        Minimize.Result capped = Minimize.fewestDeliveries(p, List.of(viaIrq), 3, () -> false);
        assertFalse(capped.complete());
        assertEquals(List.of(viaIrq), capped.traces());
        Minimize.Result interrupted = Minimize.fewestDeliveries(p, List.of(viaIrq), 0, () -> true);
        assertFalse(interrupted.complete());
        assertEquals(List.of(viaIrq), interrupted.traces());
    }

    @Test
    void aLassoTraceIsKeptAsItIs() throws Exception {
        Program p = twoWays();
        Trace viaIrq = path(p, "small", "task_loop: choose (choice 1)", "task_loop: cpu.IF", "deliver irq",
                "irq_entry", "irq_entry", "irq_entry");
        Trace lasso = new Trace(p, viaIrq.property(), viaIrq.initial(), viaIrq.steps(), "loops", 2);
        Minimize.Result r = Minimize.fewestDeliveries(p, List.of(lasso), 0, () -> false);
        assertTrue(r.complete());
        assertTrue(r.traces().get(0) == lasso);
    }
}
