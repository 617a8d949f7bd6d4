package entrycheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceTextTest {

    /** A hand-built entry model: an IRQ, a nested NMI, and PKRS clobbered by the IRQ entry. */
    private static final class EntryFixture {
        final Type.Enum vectorType = new Type.Enum("vector_t", List.of("none", "irq", "nmi"));
        final StateLayout.Builder b = new StateLayout.Builder();
        final Var depth = b.add("depth", new Type.Range(0, 2), Var.Role.CONTROL, 0);
        final Var vec1 = b.add("level[1].vector", vectorType, Var.Role.CONTROL, 0);
        final Var vec2 = b.add("level[2].vector", vectorType, Var.Role.CONTROL, 0);
        final Var ifFlag = b.add("cpu.IF", Type.BOOL, Var.Role.STATE, 1);
        final Var pkrs = b.add("cpu.pkrs", new Type.Range(0, 3), Var.Role.STATE, 1);
        final Var pc1 = b.add("level[1].pc", new Type.Range(0, 7), Var.Role.CONTROL, 0);
        final Var capture = b.add("capture.pkrs", new Type.Range(0, 3), Var.Role.GHOST, 0);
        final StateLayout layout = b.build();

        final List<Transition> transitions = List.of(
                transition(0, "deliver_irq", "arch/x86/entry/entry_64.S:asm_common_interrupt",
                        Transition.Kind.DELIVER, 0, "irq"),
                transition(1, "irqentry_enter.save", "kernel/entry/common.c:irqentry_enter",
                        Transition.Kind.STEP, 1, "irq"),
                transition(2, "deliver_nmi", "", Transition.Kind.DELIVER, 1, "nmi"),
                transition(3, "nmi.iret", "", Transition.Kind.RETURN, 2, "nmi"),
                transition(4, "irq.iret", "", Transition.Kind.RETURN, 1, "irq"));

        final Program program = new Program("test/entry", "00", Map.of(), layout, transitions, List.of(),
                Expr.TRUE, List.of(new Property(0, "pkrs-restored", Property.Kind.STEP_CHECK,
                        "PKRS restored", "arch/x86/mm/pkeys.c", Property.Expect.HOLDS)),
                new Program.Nesting(depth.id(), new int[] {-1, vec1.id(), vec2.id()},
                        List.of("none", "irq", "nmi")));

        final List<Trace.Step> steps = new ArrayList<>();
        long[] state = layout.initialState();

        void step(int transition, Object... varValuePairs) {
            state = state.clone();
            for (int i = 0; i < varValuePairs.length; i += 2) {
                StateLayout.set(state, (Var) varValuePairs[i], (Integer) varValuePairs[i + 1]);
            }
            steps.add(new Trace.Step(transition, state));
        }

        Trace trace(int loopStart) {
            return new Trace(program, 0, layout.initialState(), steps,
                    "cpu.pkrs at return differs from its value at delivery", loopStart);
        }

        Trace standardTrace() {
            step(0, depth, 1, vec1, 1, ifFlag, 0, capture, 1);
            step(1, pkrs, 0, pc1, 1);
            step(2, depth, 2, vec2, 2);
            step(3, depth, 1, vec2, 0);
            step(4, depth, 0, vec1, 0, ifFlag, 1);
            return trace(-1);
        }
    }

    private static Transition transition(int id, String label, String source, Transition.Kind kind,
                                         int level, String vector) {
        return new Transition(id, label, source, kind, level, vector, List.of(), Expr.TRUE, List.of());
    }

    @Test
    void rendersStepsIndentedByNestingWithChangedStateOnly() {
        String text = TraceText.render(new EntryFixture().standardTrace(), TraceText.Options.plain());
        assertEquals(String.join("\n",
                "counterexample for pkrs-restored: 5 steps",
                "  1  deliver_irq  [arch/x86/entry/entry_64.S:asm_common_interrupt]",
                "       -> enter irq (depth 1)",
                "       cpu.IF: true -> false",
                "  2    irqentry_enter.save  [kernel/entry/common.c:irqentry_enter]",
                "         cpu.pkrs: 1 -> 0",
                "  3    deliver_nmi",
                "         -> enter nmi (depth 2)",
                "  4      nmi.iret",
                "           <- return from nmi to depth 1",
                "  5    irq.iret",
                "         <- return from irq to depth 0",
                "         cpu.IF: false -> true",
                "violated pkrs-restored: cpu.pkrs at return differs from its value at delivery",
                ""), text);
    }

    @Test
    void hidesControlAndGhostByDefaultAndShowsThemOnRequest() {
        Trace trace = new EntryFixture().standardTrace();
        String plain = TraceText.render(trace, TraceText.Options.plain());
        assertFalse(plain.contains("level[1].pc"), plain);
        assertFalse(plain.contains("capture.pkrs"), plain);

        String all = TraceText.render(trace, new TraceText.Options(true, Ansi.OFF));
        assertTrue(all.contains("\n  0  initial state\n"), all);
        assertTrue(all.contains("\n       depth = 0\n"), all);
        assertTrue(all.contains("\n       cpu.pkrs = 1\n"), all);
        assertTrue(all.contains("\n         level[1].pc: 0 -> 1\n"), all);
        assertTrue(all.contains("\n       capture.pkrs: 0 -> 1\n"), all);
        assertTrue(all.contains("\n       level[1].vector: none -> irq\n"), all);
        assertTrue(all.contains("\n       -> enter irq (depth 1)\n"), all);
    }

    @Test
    void ruleModelHasNoIndentationAndNoNestingLines() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(0, 3), Var.Role.STATE, 0);
        Var y = b.add("y", Type.BOOL, Var.Role.STATE, 0);
        StateLayout layout = b.build();
        Program p = new Program("rules", "00", Map.of(), layout,
                List.of(transition(0, "inc", "", Transition.Kind.RULE, -1, ""),
                        transition(1, "flip", "", Transition.Kind.RULE, -1, "")),
                List.of(), Expr.TRUE,
                List.of(new Property(0, "small", Property.Kind.INVARIANT, "", "", Property.Expect.HOLDS)),
                null);
        long[] s1 = layout.initialState();
        StateLayout.set(s1, x, 1);
        long[] s2 = s1.clone();
        StateLayout.set(s2, x, 2);
        StateLayout.set(s2, y, 1);
        List<Trace.Step> steps = new ArrayList<>();
        for (int i = 0; i < 9; i++) steps.add(new Trace.Step(0, s1));
        steps.add(new Trace.Step(1, s2));
        Trace trace = new Trace(p, 0, s1, steps, "", -1);

        String text = TraceText.render(trace, TraceText.Options.plain());
        String[] lines = text.split("\n");
        assertEquals("counterexample for small: 10 steps", lines[0]);
        assertEquals("   1  inc", lines[1]);                    // width of "10", no indent for level -1
        assertEquals("   2  inc", lines[2]);                    // nothing changed: header only
        assertEquals("  10  flip", lines[10]);
        assertEquals("        x: 1 -> 2", lines[11]);
        assertEquals("        y: false -> true", lines[12]);
        assertEquals("violated small", lines[13]);
        assertEquals(14, lines.length);
    }

    @Test
    void marksTheLoopOfALassoTrace() {
        EntryFixture f = new EntryFixture();
        f.step(0, f.depth, 1, f.vec1, 1);
        f.step(1, f.pc1, 2);
        f.step(1, f.pc1, 3);
        String text = TraceText.render(f.trace(1), TraceText.Options.plain());
        String[] lines = text.split("\n");
        assertEquals("     ~~ loop: steps 2..3 repeat forever ~~", lines[3]);
        assertTrue(lines[4].startsWith("  2    irqentry_enter.save"), lines[4]);
    }

    @Test
    void modelTextCannotInjectTerminalEscapes() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var v = b.add("evil\u009b31m", new Type.Enum("e", List.of("ok", "\u001b]0;pwned\u0007")),
                Var.Role.STATE, 0);
        StateLayout layout = b.build();
        Program p = new Program("m", "00", Map.of(), layout,
                List.of(transition(0, "clear\u001b[2J", "src\u202e.c\r", Transition.Kind.RULE, -1, "")),
                List.of(), Expr.TRUE,
                List.of(new Property(0, "p\u007f", Property.Kind.INVARIANT, "", "", Property.Expect.HOLDS)),
                null);
        long[] after = layout.initialState();
        StateLayout.set(after, v, 1);
        Trace trace = new Trace(p, 0, layout.initialState(), List.of(new Trace.Step(0, after)),
                "first\nsecond\u0085", -1);

        for (TraceText.Options o : List.of(TraceText.Options.plain(), new TraceText.Options(true, Ansi.ON))) {
            String text = TraceText.render(trace, o);
            String withoutOwnColour = text.replaceAll("\u001b\\[[0-9;]*m", "");
            for (char c : withoutOwnColour.toCharArray()) {
                assertTrue(c == '\n' || !SafeText.unsafe(c), "unsafe char " + (int) c + " in " + text);
            }
            assertTrue(withoutOwnColour.contains("clear\\u001b[2J  [src\\u202e.c\\u000d]"), withoutOwnColour);
            assertTrue(withoutOwnColour.contains("evil\\u009b31m: ok -> \\u001b]0;pwned\\u0007"), withoutOwnColour);
            assertTrue(withoutOwnColour.endsWith("violated p\\u007f: first\\u000asecond\\u0085\n"), withoutOwnColour);
        }
    }

    @Test
    void colourOnlyWhenAsked() {
        Trace trace = new EntryFixture().standardTrace();
        String plain = TraceText.render(trace, TraceText.Options.plain());
        assertFalse(plain.contains("\u001b"), plain);
        String coloured = TraceText.render(trace, new TraceText.Options(false, Ansi.ON));
        assertTrue(coloured.contains("\u001b[1mirqentry_enter.save\u001b[0m"), coloured);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }
}
