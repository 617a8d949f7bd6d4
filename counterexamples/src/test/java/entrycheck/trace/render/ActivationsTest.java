package entrycheck.trace.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import entrycheck.ir.Program;
import entrycheck.trace.TraceDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void deliveriesAndReturnsGiveTheNestingAndTheFrameSlotOfEveryEntry() {
        Activations acts = Activations.of(Fixtures.entryTrace());
        List<Activations.Activation> all = acts.all();
        assertEquals(List.of(
                new Activations.Activation(0, 0, "", -1, 0, -1, -1, -1),
                new Activations.Activation(1, 1, "irq", 0, 2, -1, 0, 0),
                new Activations.Activation(2, 2, "pf", 1, 4, -1, 0, 1),
                new Activations.Activation(3, 3, "nmi", 2, 5, 7, 1, 0),
                new Activations.Activation(4, 3, "nmi", 2, 9, 10, 1, 0)), all);
        int[] of = new int[11];
        for (int i = 0; i < 11; i++) of[i] = acts.activationOf(i);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 3, 3, 3, 2, 4, 4}, of, "a return belongs to the entry it ends");
        assertArrayEquals(new int[] {0, 1, 2, 3}, acts.liveAfter(6));
        assertArrayEquals(new int[] {0, 1, 2}, acts.liveAfter(7));
        assertArrayEquals(new int[] {0, 1, 2}, acts.liveAfter(10));
        assertEquals("L3 nmi", all.get(3).title());
        assertEquals("task", all.get(0).title());
    }

    @Test
    void withoutOwnerTagsTheSlotIsTheOneWhoseFieldsTheDeliveryChanged() {
        TraceDocument d = Fixtures.entryTrace();
        List<Program.Stack> stacks = new ArrayList<>();
        for (Program.Stack s : d.memory().stacks()) {
            List<Program.Slot> slots = new ArrayList<>();
            for (Program.Slot sl : s.slots()) slots.add(new Program.Slot(-1, sl.fields()));
            stacks.add(new Program.Stack(s.name(), s.ist(), slots, s.cells()));
        }
        TraceDocument untagged = new TraceDocument(d.version(), d.model(), d.sourceHash(), d.constants(), d.property(),
                d.message(), d.loopStart(), d.vars(), d.steps(), new Program.Memory(d.memory().frame(), stacks));
        List<Activations.Activation> all = Activations.of(untagged).all();
        assertEquals(List.of(0, 0), List.of(all.get(1).stack(), all.get(1).slot()));
        assertEquals(List.of(0, 1), List.of(all.get(2).stack(), all.get(2).slot()));
        assertEquals(List.of(-1, -1), List.of(all.get(3).stack(), all.get(3).slot()),
                "the first nmi delivery changed no field of any slot: unknown, not guessed");
        assertEquals(List.of(1, 0), List.of(all.get(4).stack(), all.get(4).slot()));
    }

    @Test
    void ruleTracesAreOneActivationAndDepthJumpsGetPlaceholders() {
        Activations rules = Activations.of(Fixtures.ruleTrace());
        assertEquals(1, rules.all().size());
        for (int i = 0; i < 5; i++) assertEquals(0, rules.activationOf(i));

        TraceDocument d = Fixtures.entryTrace();
        List<TraceDocument.StepInfo> steps = new ArrayList<>(d.steps());
        TraceDocument.StepInfo s3 = steps.get(3);
        // step 3 claims depth 2 without a delivery: a placeholder level-2 activation appears
        steps.set(3, new TraceDocument.StepInfo(3, s3.action(), s3.kind(), "", 2, s3.level(), s3.source(), s3.values(), s3.changed()));
        TraceDocument odd = new TraceDocument(d.version(), d.model(), d.sourceHash(), d.constants(), d.property(),
                d.message(), d.loopStart(), d.vars(), steps, null);
        Activations acts = Activations.of(odd);
        Activations.Activation placeholder = acts.all().get(acts.activationOf(3));
        assertEquals(2, placeholder.level());
        assertEquals("?", placeholder.vector());
        assertEquals(4, acts.all().get(acts.activationOf(4)).deliveredAt(), "the pf delivery at step 4 replaces it at level 2");
        assertEquals(4, placeholder.endedAt());
    }
}
