package entrycheck.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.testutil.IrDump;
import entrycheck.testutil.Models;
import entrycheck.testutil.TinyExplorer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The IR of the small entry model: one IRQ vector, one NMI vector on a 1-slot IST stack, a task loop. */
class EntryCompileTest {

    private static Var var(Program p, String name) {
        return p.layout().vars().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no var " + name));
    }

    private static Map<String, Long> perLevelAndKind(Program p) {
        return p.transitions().stream().collect(Collectors.groupingBy(t -> t.level() + " " + t.kind(), Collectors.counting()));
    }

    @Test
    void transitionsPerLevel() throws Exception {
        Program p = Models.load("small-entry.entry");
        assertEquals(25, p.transitions().size());
        assertEquals(Map.of("0 STEP", 3L, "0 DELIVER", 2L, "1 STEP", 7L, "1 RETURN", 2L, "1 DELIVER", 2L,
                "2 STEP", 7L, "2 RETURN", 2L), perLevelAndKind(p));
        List<String> level0 = p.transitions().stream().filter(t -> t.level() == 0).map(Transition::label).toList();
        assertEquals(List.of("task_loop.loop", "task_loop: cpu.IF = 1", "task_loop: goto loop", "deliver irq", "deliver nmi"), level0);
        for (int i = 0; i < p.transitions().size(); i++) assertEquals(i, p.transitions().get(i).id());
    }

    @Test
    void stepsArePreconditionedOnDepthAndPc() throws Exception {
        Program p = Models.load("small-entry.entry");
        int depth = var(p, "depth").id();
        int pc1 = var(p, "level[1].pc").id();
        Transition enter = p.transitions().stream().filter(t -> t.level() == 1 && t.label().equals("irq_entry.enter")).findFirst().get();
        assertEquals(List.of(new Transition.Pre(depth, 1), new Transition.Pre(pc1, 1)), enter.pre());
        assertEquals("irq", enter.vector());
        assertEquals("arch/x86/entry/entry_64.S:asm_common_interrupt", enter.source());
        Transition deliverNmi = p.transitions().get(4);
        assertEquals(Transition.Kind.DELIVER, deliverNmi.kind());
        assertEquals("nmi", deliverNmi.vector());
        assertEquals(List.of(new Transition.Pre(depth, 0)), deliverNmi.pre());
    }

    @Test
    void memoryDescribesTheFrameAndEveryStackSlotWithItsVariables() throws Exception {
        Program p = Models.load("small-entry.entry");
        Program.Memory m = p.memory();
        assertEquals(List.of(new Program.Field("rip", "hw", -1, 0, 0), new Program.Field("IF", "hw", -1, 0, 0),
                new Program.Field("cpl", "hw", -1, 0, 0), new Program.Field("exit_rcu", "zeroed", -1, 1, 0)), m.frame());
        assertEquals(List.of("task", "nmi_ist"), m.stacks().stream().map(Program.Stack::name).toList());
        Program.Stack task = m.stacks().get(0);
        assertEquals(false, task.ist());
        assertEquals(2, task.slots().size());
        Program.Field exit = task.slots().get(1).fields().get(3);
        assertEquals("exit_rcu", exit.name());
        assertEquals("zeroed", exit.region());
        assertEquals("task[1].exit_rcu", p.layout().var(exit.var()).name());
        assertEquals("task[1].owner", p.layout().var(task.slots().get(1).owner()).name());
        assertEquals(true, m.stacks().get(1).ist());
        assertEquals(1, m.stacks().get(1).slots().size());
    }

    @Test
    void controlVariablesAndLayout() throws Exception {
        Program p = Models.load("small-entry.entry");
        assertEquals(new Type.Range(0, 2), var(p, "depth").type());
        Type pc1 = var(p, "level[1].pc").type();
        assertEquals(List.of("dead", "irq_entry.enter", "irq_entry.softirq", "irq_entry: cpu.IF = 0", "irq_entry.exit",
                "irq_entry: iret", "irq_entry:end", "nmi_entry: percpu.count = percpu.count + 1", "nmi_entry.work",
                "nmi_entry: percpu.count = percpu.count - 1", "nmi_entry: iret", "nmi_entry:end"), ((Type.Enum) pc1).values());
        assertEquals(List.of("none", "irq", "nmi"), ((Type.Enum) var(p, "level[2].vec").type()).values());
        assertEquals(List.of("task", "nmi_ist"), ((Type.Enum) var(p, "level[1].fstack").type()).values());
        assertEquals(new Type.Range(0, 1), var(p, "level[1].fslot").type());
        assertEquals(Var.Role.GHOST, var(p, "nmi_ist[0].owner").role());
        assertEquals(Var.Role.STATE, var(p, "task[1].rip").role());
        assertEquals(Var.Role.GHOST, var(p, "level[2].cap.count-balanced.0").role());
        assertEquals(Var.Role.GHOST, var(p, "level[1].pushed.IF").role());
        assertEquals(0, var(p, "level[0].pc").init());
        Program.Nesting n = p.nesting();
        assertEquals(var(p, "depth").id(), n.depth());
        assertArrayEquals(new int[] {-1, var(p, "level[1].vec").id(), var(p, "level[2].vec").id()}, n.vectorOfLevel());
        assertEquals(List.of("", "irq", "nmi"), n.vectors());
    }

    @Test
    void baseModelHoldsEverything() throws Exception {
        Program p = Models.load("small-entry.entry");
        TinyExplorer x = new TinyExplorer(p).run(100_000);
        assertTrue(x.violations.isEmpty(), x.violations.toString());
        assertEquals(List.of("count-balanced", "frame-intact", "in-irq", "domain", "no-deadlock"),
                p.properties().stream().map(Property::name).toList());
        assertEquals(Property.Kind.INVARIANT, p.property("in-irq").kind());
        assertEquals(1, p.invariants().size());
        assertTrue(x.states > 50, "explored " + x.states);   // 75 since dead frame words are reset at return
    }

    @Test
    void istReuseViolatesFrameIntact() throws Exception {
        Program p = Models.load("small-entry-b1.entry");
        assertEquals(Property.Expect.VIOLATED, p.property("frame-intact").expect());
        TinyExplorer x = new TinyExplorer(p).run(100_000);
        assertEquals(List.of("frame-intact"), List.copyOf(x.violations.keySet()));
        List<String> trace = x.violations.get("frame-intact");
        assertEquals("deliver nmi", trace.get(0));
        assertEquals(2, trace.stream().filter(s -> s.equals("deliver nmi")).count(), trace.toString());
        assertTrue(trace.get(trace.size() - 1).contains("overwritten by another entry"), trace.toString());
    }

    @Test
    void missingDecrementViolatesBalanced() throws Exception {
        Program p = Models.load("small-entry-unbalanced.entry");
        TinyExplorer x = new TinyExplorer(p).run(100_000);
        assertTrue(x.violations.containsKey("count-balanced"));
        assertEquals("percpu.count at return differs from its value at delivery",
                x.violations.get("count-balanced").get(x.violations.get("count-balanced").size() - 1));
        assertFalse(x.violations.containsKey("frame-intact"));
    }

    @Test
    void sameInputSameProgram() throws Exception {
        Program a = Models.load("small-entry.entry");
        Program b = Models.load("small-entry.entry");
        assertEquals(a.layout(), b.layout());
        assertEquals(IrDump.program(a), IrDump.program(b));
        assertEquals(a.sourceHash(), b.sourceHash());
    }

    @Test
    void nestingBoundIsOverridable() throws Exception {
        Program p = Models.load("small-entry.entry", Map.of("DEPTH", 1));
        assertEquals(Map.of("DEPTH", 1), p.constants());
        assertEquals(Map.of("0 STEP", 3L, "0 DELIVER", 2L, "1 STEP", 7L, "1 RETURN", 2L), perLevelAndKind(p));
    }
}
