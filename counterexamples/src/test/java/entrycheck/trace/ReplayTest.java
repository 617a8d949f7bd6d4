package entrycheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.lang.ModelLoader;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.ViolationSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {
    static final String COUNTER = String.join("\n",
            "var x: 0..3 = 0;",
            "var y: bool = 0;",
            "rule inc x < 3 ==> { x = x + 1; }",
            "rule flip x == 1 ==> { y = !y; }",
            "property small \"x stays below 2\" = invariant x < LIMIT;",
            "const LIMIT = 2;",
            "");

    static Program load(String text) throws Exception {
        return ModelLoader.loadText("counter.entry", text, Map.of());
    }

    /** The trace that fires the named rules in order from the initial state. */
    static TraceDocument trace(Program p, String... labels) {
        CompiledProgram ts = CompiledProgram.compile(p);
        long[] s = ts.initial();
        long[] init = s.clone();
        List<Trace.Step> steps = new ArrayList<>();
        for (String l : labels) {
            Transition t = p.transitions().stream().filter(x -> x.label().equals(l)).findFirst().orElseThrow();
            long[] next = new long[ts.words()];
            ts.fire(s, t.id(), next, ViolationSink.IGNORE);
            steps.add(new Trace.Step(t.id(), next));
            s = next;
        }
        return TraceDocument.of(new Trace(p, p.property("small").id(), init, steps, "x < LIMIT", -1));
    }

    @Test
    void theTraceReproducesOnItsModel() throws Exception {
        Program p = load(COUNTER);
        Replay.Result r = Replay.replay(trace(p, "inc", "flip", "inc"), p);
        Replay.Result.Reproduced rep = assertInstanceOf(Replay.Result.Reproduced.class, r);
        assertEquals(3, rep.step());
    }

    @Test
    void aFixedModelWhereTheStepsStillFitNoLongerViolates() throws Exception {
        TraceDocument t = trace(load(COUNTER), "inc", "flip", "inc");
        Program fixed = load(COUNTER.replace("const LIMIT = 2;", "const LIMIT = 4;"));
        assertEquals(new Replay.Result.NotReproduced(3), Replay.replay(t, fixed));
    }

    @Test
    void aStepThatDoesNotFitIsNamed() throws Exception {
        Program p = load(COUNTER);
        TraceDocument t = trace(p, "inc", "flip", "inc");
        TraceDocument.StepInfo s2 = t.steps().get(2);
        List<TraceDocument.StepInfo> edited = new ArrayList<>(t.steps());
        edited.set(2, new TraceDocument.StepInfo(2, "jump", s2.kind(), s2.vector(), s2.depth(), s2.level(), s2.source(),
                s2.values(), s2.changed()));
        TraceDocument bad = new TraceDocument(t.version(), t.model(), t.sourceHash(), t.constants(), t.property(),
                t.message(), t.loopStart(), t.vars(), edited, t.memory());
        Replay.Result.Diverged d = assertInstanceOf(Replay.Result.Diverged.class, Replay.replay(bad, p));
        assertEquals(2, d.step());
        assertTrue(d.why().contains("the model has no step 'jump'"), d.why());
        assertTrue(d.why().contains("enabled: inc, flip"), d.why());

        Program noFlip = load(COUNTER.replace("rule flip x == 1", "rule flip x == 2"));
        Replay.Result.Diverged d2 = assertInstanceOf(Replay.Result.Diverged.class, Replay.replay(t, noFlip));
        assertEquals(2, d2.step());
        assertTrue(d2.why().contains("'flip' is not enabled here"), d2.why());
    }

    @Test
    void unlabelledStepsMatchAcrossLineMoves() {
        assertEquals("irq_entry: iret", Replay.withoutLine("irq_entry:42 iret"));
        assertEquals("irq_entry.enter", Replay.withoutLine("irq_entry.enter"));
        assertEquals("deliver nmi", Replay.withoutLine("deliver nmi"));
        assertEquals("main: skip", Replay.withoutLine("main: skip #2"));
        assertEquals("task_loop: choose (choice 1)", Replay.withoutLine("task_loop: choose #2 (choice 1)"));
        assertEquals("task_loop: choose (choice 1)", Replay.withoutLine("task_loop:20 choose (choice 1)"));
        assertEquals("main: x = a #b", Replay.withoutLine("main: x = a #b"));
    }
}
