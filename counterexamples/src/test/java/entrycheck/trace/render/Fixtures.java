package entrycheck.trace.render;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.trace.Trace;
import entrycheck.trace.TraceDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built traces for the renderer tests.
 *
 * <p>{@link #entryTrace()}: a model with a task stack (2 slots) and an IST stack {@code nmi_ist}
 * (1 slot, cells {@code executing}, {@code iret}, {@code outermost}), frames with fields in all
 * five regions and owner tags, and hostile text in the model name, labels and messages. The
 * story: task step; irq delivered into task[0] (step 2); irq writes its frame; #PF delivered
 * into task[1]; nmi into nmi_ist[0]; nmi copies its frame to outermost; nmi returns; the #PF
 * handler runs; a second nmi; its return violates {@code frame-intact} (step 10).
 */
final class Fixtures {

    static final String HOSTILE_SCRIPT = "<script>alert(1)</script>";
    static final String HOSTILE_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
    static final String HOSTILE_QUOTE = "\"quoted\nnewline";

    private Fixtures() { }

    /** Builds states step by step: each {@code step(...)} call starts from the previous state. */
    private static final class Recorder {
        final StateLayout layout;
        final List<Trace.Step> steps = new ArrayList<>();
        long[] cur;

        Recorder(StateLayout layout) {
            this.layout = layout;
            this.cur = layout.initialState();
        }

        Recorder step(int transition, Object... varValue) {
            long[] next = cur.clone();
            for (int i = 0; i < varValue.length; i += 2) StateLayout.set(next, (Var) varValue[i], (Integer) varValue[i + 1]);
            steps.add(new Trace.Step(transition, next));
            cur = next;
            return this;
        }
    }

    static TraceDocument entryTrace() {
        StateLayout.Builder b = new StateLayout.Builder();
        Type ret = new Type.Enum("ret", List.of("interrupted", "repeat_nmi"));
        Var cpuIf = b.add("cpu.IF", Type.BOOL, Var.Role.STATE, 1);
        Var cpuPkrs = b.add("cpu.pkrs", new Type.Range(0, 3), Var.Role.STATE, 1);
        Var nmiState = b.add("percpu.nmi_state", new Type.Enum("nmi_state_t", List.of("NMI_NOT_RUNNING", "NMI_EXECUTING")),
                Var.Role.STATE, 0);
        Var depth = b.add("depth", new Type.Range(0, 3), Var.Role.CONTROL, 0);
        Var pc = b.add("pc[1]", new Type.Range(0, 7), Var.Role.CONTROL, 0);
        Var capture = b.add("ghost.pkrs_at_entry[1]", new Type.Range(0, 3), Var.Role.GHOST, 0);
        b.add("task.comm " + HOSTILE_IMG, new Type.Range(0, 1), Var.Role.STATE, 0);   // shown in the state table at every step
        // Frame slots: task[0], task[1], nmi_ist[0]; each with one field per region and an owner tag.
        List<Var[]> slotVars = new ArrayList<>();
        List<Var> owners = new ArrayList<>();
        for (String slot : List.of("task[0]", "task[1]", "nmi_ist[0]")) {
            slotVars.add(new Var[] {
                b.add(slot + ".rip", ret, Var.Role.STATE, 0),
                b.add(slot + ".IF", Type.BOOL, Var.Role.STATE, 0),
                b.add(slot + ".orig_ax", Type.BOOL, Var.Role.STATE, 0),
                b.add(slot + ".exit_rcu", Type.BOOL, Var.Role.STATE, 0),
                b.add(slot + ".scratch", new Type.Range(0, 1), Var.Role.STATE, 0),
                b.add(slot + ".pkrs", new Type.Range(0, 3), Var.Role.STATE, 0),
            });
            owners.add(b.add(slot + ".owner", new Type.Range(0, 3), Var.Role.GHOST, 0));
        }
        Var executing = b.add("nmi_ist.executing", Type.BOOL, Var.Role.STATE, 0);
        Var iretRip = b.add("nmi_ist.iret.rip", ret, Var.Role.STATE, 0);
        Var iretIf = b.add("nmi_ist.iret.IF", Type.BOOL, Var.Role.STATE, 0);
        Var iretOwner = b.add("nmi_ist.iret.owner", new Type.Range(0, 3), Var.Role.GHOST, 0);
        Var outRip = b.add("nmi_ist.outermost.rip", ret, Var.Role.STATE, 0);
        Var outIf = b.add("nmi_ist.outermost.IF", Type.BOOL, Var.Role.STATE, 0);
        Var outOwner = b.add("nmi_ist.outermost.owner", new Type.Range(0, 3), Var.Role.GHOST, 0);
        StateLayout layout = b.build();

        String[][] regions = {{"rip", "hw"}, {"IF", "hw"}, {"orig_ax", "saved"}, {"exit_rcu", "zeroed"}, {"scratch", "uninit"},
            {"pkrs", "arch"}};
        int[] sizes = {8, 1, 8, 1, 8, 4};
        List<Program.Field> decl = new ArrayList<>();
        for (int i = 0; i < regions.length; i++) decl.add(new Program.Field(regions[i][0], regions[i][1], -1, sizes[i], sizes[i]));
        List<Program.Slot> slots = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<Program.Field> fs = new ArrayList<>();
            for (int i = 0; i < regions.length; i++) {
                fs.add(new Program.Field(regions[i][0], regions[i][1], slotVars.get(s)[i].id(), sizes[i], sizes[i]));
            }
            slots.add(new Program.Slot(owners.get(s).id(), fs));
        }
        Program.Memory memory = new Program.Memory(decl, List.of(
                new Program.Stack("task", false, slots.subList(0, 2), List.of()),
                new Program.Stack("nmi_ist", true, slots.subList(2, 3), List.of(
                        new Program.Cell("executing", false, -1, List.of(new Program.Field("executing", "", executing.id(), 0, 0))),
                        new Program.Cell("iret", true, iretOwner.id(), List.of(
                                new Program.Field("rip", "hw", iretRip.id(), 8, 8), new Program.Field("IF", "hw", iretIf.id(), 1, 1))),
                        new Program.Cell("outermost", true, outOwner.id(), List.of(
                                new Program.Field("rip", "hw", outRip.id(), 8, 8), new Program.Field("IF", "hw", outIf.id(), 1, 1)))))));

        List<Transition> ts = List.of(
                t(0, "user_access", "arch/x86/lib/usercopy.c:copy_from_user", Transition.Kind.STEP, 0, ""),
                t(1, "deliver irq", "", Transition.Kind.DELIVER, 0, "irq"),
                t(2, "irqentry_enter.ct_irq_enter", "kernel/entry/common.c:irqentry_enter", Transition.Kind.STEP, 1, "irq"),
                t(3, "deliver pf", "", Transition.Kind.DELIVER, 1, "pf"),
                t(4, "deliver nmi", "", Transition.Kind.DELIVER, 2, "nmi"),
                t(5, "asm_exc_nmi.copy_outermost " + HOSTILE_SCRIPT, "arch/x86/entry/entry_64.S:asm_exc_nmi <b>",
                        Transition.Kind.STEP, 3, "nmi"),
                t(6, "asm_exc_nmi.iret " + HOSTILE_QUOTE + " " + HOSTILE_IMG, "arch/x86/entry/entry_64.S:nmi_restore",
                        Transition.Kind.RETURN, 3, "nmi"),
                t(7, "exc_page_fault.handle_mm_fault", "arch/x86/mm/fault.c:exc_page_fault", Transition.Kind.STEP, 2, "pf"));
        Recorder r = new Recorder(layout)
                .step(0, cpuPkrs, 2)                                                                        // 1
                .step(1, depth, 1, cpuIf, 0, owners.get(0), 1, slotVars.get(0)[1], 1, capture, 2)           // 2 irq -> task[0]
                .step(2, slotVars.get(0)[3], 1, slotVars.get(0)[4], 1, slotVars.get(0)[5], 2, pc, 3)       // 3
                .step(3, depth, 2, owners.get(1), 2, slotVars.get(1)[2], 1)                                 // 4 pf -> task[1]
                .step(4, depth, 3, owners.get(2), 3, executing, 1, nmiState, 1, slotVars.get(2)[0], 0)      // 5 nmi -> nmi_ist[0]
                .step(5, outOwner, 3, outIf, 0, iretOwner, 3, iretRip, 1)                                   // 6
                .step(6, depth, 2, executing, 0, nmiState, 0)                                               // 7 nmi returns
                .step(7, pc, 5)                                                                             // 8 pf runs
                .step(4, depth, 3, executing, 1, nmiState, 1, slotVars.get(2)[1], 0, slotVars.get(2)[3], 1) // 9 second nmi
                .step(6, depth, 2, executing, 0, nmiState, 0, cpuPkrs, 3);                                  // 10 violation
        Property frameIntact = new Property(0, "frame-intact", Property.Kind.STEP_CHECK,
                "the frame an iret returns through belongs to its entry " + HOSTILE_QUOTE + " (see https://example.org/entry)",
                "arch/x86/entry/entry_64.S:nmi <i>", Property.Expect.HOLDS);
        Map<String, Integer> constants = new LinkedHashMap<>();
        constants.put("DEPTH", 3);
        constants.put("NMI_MAX", 2);
        Program p = new Program("x86_64/test " + HOSTILE_SCRIPT, "0123456789abcdef0123456789abcdef", constants, layout, ts,
                List.of(), Expr.FALSE, List.of(frameIntact),
                new Program.Nesting(depth.id(), new int[0], List.of("none", "irq", "pf", "nmi")), memory);
        return TraceDocument.of(new Trace(p, 0, layout.initialState(), r.steps,
                "iret via nmi_ist[0] owned by level 3 </script><!-- " + HOSTILE_IMG, -1));
    }

    /** A plain rule model: no nesting, no memory; x counts to 3 and {@code x-small} fails. */
    static TraceDocument ruleTrace() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(0, 3), Var.Role.STATE, 0);
        Var flag = b.add("flag", Type.BOOL, Var.Role.STATE, 0);
        StateLayout layout = b.build();
        List<Transition> ts = List.of(t(0, "inc(x) " + HOSTILE_QUOTE, "", Transition.Kind.RULE, -1, ""),
                t(1, "set_flag", "", Transition.Kind.RULE, -1, ""));
        Recorder r = new Recorder(layout).step(0, x, 1).step(1, flag, 1).step(0, x, 2).step(0, x, 3);
        Property prop = new Property(0, "x-small", Property.Kind.INVARIANT, "x stays below 3", "", Property.Expect.HOLDS);
        Program p = new Program("bench/counter", "", Map.of(), layout, ts, List.of(), Expr.FALSE, List.of(prop), null, null);
        return TraceDocument.of(new Trace(p, 0, layout.initialState(), r.steps, "x < 3", 2));
    }

    private static Transition t(int id, String label, String source, Transition.Kind kind, int level, String vector) {
        return new Transition(id, label, source, kind, level, vector, List.of(), Expr.TRUE, List.of());
    }
}
