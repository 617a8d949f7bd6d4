package entrycheck.trace;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The portable form of a counterexample: everything a reader needs without the model, in
 * named and typed form. This is what the JSON trace file holds (docs/TRACE-FORMAT.md) and what
 * {@code show} renders, so the printed trace and the JSON trace are the same trace.
 *
 * <p>Step 0 is the initial state (action {@code initial}); step i (i >= 1) is the i-th fired
 * transition with the full state after it.
 *
 * @param version    format version ({@link #VERSION})
 * @param model      model name
 * @param sourceHash SHA-256 of the model source (with its bases)
 * @param constants  constants with their final values
 * @param property   the violated property
 * @param message    what failed, in words
 * @param loopStart  for a lasso (liveness) trace the step index where the loop starts, else -1
 * @param vars       every state variable, in layout order
 * @param steps      step 0 (initial) .. n
 * @param memory     the model's stacks, frame slots and regions (var ids index {@code vars}); null if none
 */
public record TraceDocument(int version, String model, String sourceHash, Map<String, Integer> constants,
                            PropertyInfo property, String message, int loopStart,
                            List<VarInfo> vars, List<StepInfo> steps, Program.Memory memory) {

    public static final int VERSION = 1;
    public static final String FORMAT = "entrycheck-trace";

    public TraceDocument {
        constants = Map.copyOf(constants);
        vars = List.copyOf(vars);
        steps = List.copyOf(steps);
    }

    /** The violated property: name, kind, description, source, expectation. */
    public record PropertyInfo(String name, String kind, String description, String source, String expect) { }

    /**
     * One variable: its name, type ({@code bool}, {@code lo..hi} or an enum with its values) and role.
     * Values in {@link StepInfo#values()} are ints in the type's encoding (bool 0/1, enum ordinal).
     */
    public record VarInfo(String name, String type, int lo, int hi, List<String> enumValues, String role) {
        public VarInfo { enumValues = List.copyOf(enumValues); }

        public boolean isBool() { return type.equals("bool"); }
        public boolean isEnum() { return !enumValues.isEmpty(); }

        public String format(int v) {
            if (isBool()) return v != 0 ? "true" : "false";
            if (isEnum()) return v >= 0 && v < enumValues.size() ? enumValues.get(v) : "?" + v;
            return Integer.toString(v);
        }
    }

    /**
     * @param index   0 for the initial state, then 1..n
     * @param action  the transition label ({@code initial} for step 0)
     * @param kind    STEP, DELIVER, RETURN, RULE, or INITIAL
     * @param vector  the vector delivered / returned from / being handled, or ""
     * @param depth   the nesting depth after the step (0 = task)
     * @param level   the nesting level the transition ran at (-1 for rules and the initial state)
     * @param source  kernel source reference, or ""
     * @param values  the full state after the step, one int per var (see {@link VarInfo})
     * @param changed indices (into vars) of the variables this step changed
     */
    public record StepInfo(int index, String action, String kind, String vector, int depth, int level,
                           String source, int[] values, int[] changed) { }

    /** Converts a trace found by an engine into its portable form. */
    public static TraceDocument of(Trace trace) {
        Program p = trace.program();
        StateLayout layout = p.layout();
        List<VarInfo> vars = new ArrayList<>();
        for (Var v : layout.vars()) vars.add(varInfo(v));
        List<StepInfo> steps = new ArrayList<>();
        int[] prev = decode(layout, trace.initial());
        steps.add(new StepInfo(0, "initial", "INITIAL", "", depthOf(p, trace.initial()), -1, "", prev, new int[0]));
        int i = 1;
        for (Trace.Step s : trace.steps()) {
            Transition t = p.transitions().get(s.transition());
            int[] now = decode(layout, s.after());
            steps.add(new StepInfo(i++, t.label(), t.kind().name(), t.vector(), depthOf(p, s.after()), t.level(),
                    t.source(), now, diff(prev, now)));
            prev = now;
        }
        Property prop = p.properties().get(trace.property());
        PropertyInfo pi = new PropertyInfo(prop.name(), prop.kind().name(), prop.description(), prop.source(),
                prop.expect().name());
        return new TraceDocument(VERSION, p.name(), p.sourceHash(), new TreeMap<>(p.constants()), pi,
                trace.message(), trace.loopStart(), vars, steps, p.memory());
    }

    static VarInfo varInfo(Var v) {
        Type t = v.type();
        List<String> enums = t instanceof Type.Enum e ? e.values() : List.of();
        String type = t instanceof Type.Bool ? "bool" : t instanceof Type.Enum e ? e.name() : t.lo() + ".." + t.hi();
        return new VarInfo(v.name(), type, t.lo(), t.hi(), enums, v.role().name());
    }

    static int[] decode(StateLayout layout, long[] state) {
        int[] out = new int[layout.vars().size()];
        for (Var v : layout.vars()) out[v.id()] = StateLayout.get(state, v);
        return out;
    }

    static int depthOf(Program p, long[] state) {
        return p.nesting() == null ? 0 : StateLayout.get(state, p.layout().var(p.nesting().depth()));
    }

    static int[] diff(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) out[n++] = i;
        return out;
    }

    /** The index of the variable named {@code name}, or -1. */
    public int varIndex(String name) {
        for (int i = 0; i < vars.size(); i++) if (vars.get(i).name().equals(name)) return i;
        return -1;
    }
}
