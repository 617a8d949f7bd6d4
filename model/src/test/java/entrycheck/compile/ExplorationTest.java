package entrycheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.testutil.Models;
import entrycheck.testutil.TinyExplorer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs compiled test models through a naive explorer and checks what holds and what is
 * violated: evidence that the compilation of calls, frames, cells, returns to labels and
 * the property checks means what LANGUAGE.md says.
 */
class ExplorationTest {

    @Test
    void nestedNmiProtocolKeepsTheFrameIntact() throws Exception {
        Program p = Models.load("nmi-protocol.entry");
        TinyExplorer x = new TinyExplorer(p).run(500_000);
        assertTrue(x.violations.isEmpty(), x.violations.toString());
        assertTrue(x.fired.contains("asm_exc_nmi.nested_nmi"), "a nested NMI happened");
        assertTrue(x.fired.contains("exc_nmi: may_raise pf (fault)"));
        int pc1 = x.var("level[1].pc");
        int handled = x.var("percpu.handled");
        // the outer NMI ran the handler again after the nested one redirected its iret
        assertTrue(x.anyState(s -> s[pc1] > 0 && s[handled] == 1 && s[x.var("level[2].vec")] == 0
                && s[x.var("nmi_ist.iret.rip")] == 1));
    }

    @Test
    void nmiWithoutNestingDetectionLosesItsFrame() throws Exception {
        Program p = Models.load("nmi-no-nesting.entry");
        assertEquals(Property.Expect.VIOLATED, p.property("frame-intact").expect());
        TinyExplorer x = new TinyExplorer(p).run(500_000);
        assertEquals(List.of("frame-intact"), List.copyOf(x.violations.keySet()));
        List<String> trace = x.violations.get("frame-intact");
        assertTrue(trace.contains("exc_nmi: may_raise pf (fault)"), trace.toString());
        assertEquals(2, trace.stream().filter(l -> l.equals("deliver nmi")).count(), trace.toString());
    }

    @Test
    void featuresCompileToWhatTheyMean() throws Exception {
        Program p = Models.load("features.entry");
        TinyExplorer x = new TinyExplorer(p).run(500_000);
        assertEquals(List.of("zeroed-init-intact", "uninit-not-read"), List.copyOf(x.violations.keySet()).stream().sorted(
                (a, b) -> a.startsWith("z") ? -1 : 1).toList());
        List<String> z = x.violations.get("zeroed-init-intact");
        assertTrue(z.get(z.size() - 1).startsWith("read of frame.exit_rcu (zeroed region)"), z.toString());
        assertTrue(x.deadlocks.isEmpty());
        int log0 = x.var("log[0]");
        int log1 = x.var("log[1]");
        int done = x.var("task.done");
        int work = x.var("task.work");
        // bump() increments its ref argument through add(); the loop ran twice
        assertTrue(x.anyState(s -> s[done] == 1 && s[log0] == 1 && s[log1] == 2 && s[work] == 2));
        assertFalse(x.anyState(s -> s[log1] == 1));
        assertTrue(x.fired.contains("main: choose (choice 2)"));
        assertTrue(x.fired.contains("main: raise bp"));
        assertFalse(x.fired.contains("main: raise bp (max reached: no-op)"));
        var raise = p.transitions().stream().filter(t -> t.label().startsWith("main: raise bp")).toList();
        assertEquals(List.of(entrycheck.ir.Transition.Kind.DELIVER, entrycheck.ir.Transition.Kind.STEP),
                raise.stream().map(t -> t.kind()).toList());
        assertEquals("bp", raise.get(0).vector());
        var deliverIrq = p.transitions().stream().filter(t -> t.label().equals("deliver irq")).findFirst().get();
        assertEquals("arch/x86/entry/entry_64.S:asm_common_interrupt", deliverIrq.source());
        // locals of a returned call are dead and reset
        int s0 = x.var("level[0].add.s");
        assertFalse(x.anyState(s -> s[s0] != 0 && s[x.var("level[0].pc")] == 6));
    }
}
