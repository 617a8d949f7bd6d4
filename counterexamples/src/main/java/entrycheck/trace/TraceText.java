package entrycheck.trace;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import java.util.List;

/**
 * Renders a {@link Trace} as text for a terminal or a CI log: one block per step, indented by
 * the nesting level the step runs at, showing only the variables the step changed.
 *
 * <pre>
 * counterexample for pkrs-restored: 7 steps
 *   1  deliver_irq  [arch/x86/entry/entry_64.S:asm_common_interrupt]
 *         -&gt; enter irq (depth 1)
 *         cpu.IF: true -&gt; false
 *   2    irqentry_enter.save  [kernel/entry/common.c:irqentry_enter]
 *           cpu.pkrs: 1 -&gt; 0
 *   ...
 * violated pkrs-restored: cpu.pkrs at return differs from its value at delivery
 * </pre>
 *
 * <p>Columns: the step number; then, indented two spaces per nesting level
 * ({@link Transition#level()}, plain rules at level -1 count as 0), the action label and the
 * kernel source reference in brackets; below it the changes, {@code name: old -> new} with
 * values formatted by their {@link entrycheck.ir.Type#format type}. By default only
 * {@link Var.Role#STATE model state} is shown; control (program counters, the nesting depth)
 * and ghost variables are hidden, except that a change of the nesting depth is shown as
 * {@code -> enter nmi (depth 2)} or {@code <- return from nmi to depth 1}.
 * {@link Options#showAllVars()} shows every variable and the initial state.
 *
 * <p>All model-supplied text goes through {@link SafeText}; colour comes only from
 * {@link Options#ansi()}.
 */
public final class TraceText {
    private TraceText() { }

    /**
     * @param showAllVars also show control and ghost variables, and the initial state
     * @param ansi        colouring (use {@link Ansi#OFF} unless writing to a terminal)
     */
    public record Options(boolean showAllVars, Ansi ansi) {
        public Options {
            if (ansi == null) throw new IllegalArgumentException("ansi");
        }

        /** Model state only, no colour. */
        public static Options plain() { return new Options(false, Ansi.OFF); }
    }

    /** The trace as text, ending with a newline. */
    public static String render(Trace trace, Options options) {
        StringBuilder out = new StringBuilder();
        render(trace, options, out);
        return out.toString();
    }

    /** Appends the trace as text to {@code out}. */
    public static void render(Trace trace, Options options, StringBuilder out) {
        new Renderer(trace, options, out).run();
    }

    private static final class Renderer {
        private final Trace trace;
        private final Program program;
        private final Options options;
        private final Ansi ansi;
        private final StringBuilder out;
        private final List<Var> vars;
        private final int numberWidth;

        Renderer(Trace trace, Options options, StringBuilder out) {
            this.trace = trace;
            this.program = trace.program();
            this.options = options;
            this.ansi = options.ansi();
            this.out = out;
            this.vars = program.layout().vars();
            this.numberWidth = Math.max(1, Integer.toString(trace.steps().size()).length());
        }

        void run() {
            String property = propertyName();
            int n = trace.steps().size();
            out.append("counterexample for ").append(ansi.bold(property)).append(": ")
               .append(n).append(n == 1 ? " step" : " steps").append('\n');
            if (options.showAllVars()) initialState();
            long[] before = trace.initial();
            for (int i = 0; i < n; i++) {
                if (i == trace.loopStart()) {
                    out.append(pad("")).append("  ")
                       .append(ansi.yellow("~~ loop: steps " + (i + 1) + ".." + n + " repeat forever ~~"))
                       .append('\n');
                }
                Trace.Step step = trace.steps().get(i);
                step(i + 1, step, before);
                before = step.after();
            }
            out.append(ansi.boldRed("violated " + property));
            String message = SafeText.of(trace.message());
            if (!message.isEmpty()) out.append(": ").append(message);
            out.append('\n');
        }

        private String propertyName() {
            int p = trace.property();
            List<Property> props = program.properties();
            return p >= 0 && p < props.size() ? SafeText.of(props.get(p).name()) : "property #" + p;
        }

        private void initialState() {
            out.append(ansi.dim(pad("0"))).append("  initial state").append('\n');
            String indent = " ".repeat(numberWidth + 6);
            for (Var v : vars) {
                out.append(indent).append(SafeText.of(v.name())).append(" = ")
                   .append(value(v, StateLayout.get(trace.initial(), v))).append('\n');
            }
        }

        private void step(int number, Trace.Step step, long[] before) {
            int t = step.transition();
            Transition tr = t >= 0 && t < program.transitions().size() ? program.transitions().get(t) : null;
            String nest = "  ".repeat(tr == null ? 0 : Math.max(0, tr.level()));
            out.append(ansi.dim(pad(Integer.toString(number)))).append("  ").append(nest);
            out.append(ansi.bold(tr == null ? "transition #" + t : SafeText.of(tr.label())));
            if (tr != null && !tr.source().isEmpty()) {
                out.append("  ").append(ansi.cyan("[" + SafeText.of(tr.source()) + "]"));
            }
            out.append('\n');
            String indent = " ".repeat(numberWidth + 6) + nest;
            long[] after = step.after();
            nestingChange(tr, before, after, indent);
            for (Var v : vars) {
                if (!options.showAllVars() && v.role() != Var.Role.STATE) continue;
                int old = StateLayout.get(before, v);
                int now = StateLayout.get(after, v);
                if (old == now) continue;
                out.append(indent).append(SafeText.of(v.name())).append(": ")
                   .append(ansi.dim(value(v, old))).append(" -> ").append(ansi.green(value(v, now)))
                   .append('\n');
            }
        }

        /** The {@code -> enter V (depth d)} / {@code <- return from V to depth d} line, if the depth changed. */
        private void nestingChange(Transition tr, long[] before, long[] after, String indent) {
            Program.Nesting nesting = program.nesting();
            if (nesting == null || nesting.depth() < 0 || nesting.depth() >= vars.size()) return;
            Var depthVar = vars.get(nesting.depth());
            int from = StateLayout.get(before, depthVar);
            int to = StateLayout.get(after, depthVar);
            if (from == to) return;
            String line;
            if (to > from) {
                String vector = vectorAt(nesting, after, to, tr);
                line = "-> enter " + (vector.isEmpty() ? "" : vector + " ") + "(depth " + to + ")";
            } else {
                String vector = vectorAt(nesting, before, from, tr);
                line = "<- return " + (vector.isEmpty() ? "" : "from " + vector + " ") + "to depth " + to;
            }
            out.append(indent).append(ansi.yellow(line)).append('\n');
        }

        /** The vector whose handler runs at {@code level} in {@code state}, else the transition's vector. */
        private String vectorAt(Program.Nesting nesting, long[] state, int level, Transition tr) {
            int[] ofLevel = nesting.vectorOfLevel();
            if (ofLevel != null && level >= 0 && level < ofLevel.length
                    && ofLevel[level] >= 0 && ofLevel[level] < vars.size()) {
                int v = StateLayout.get(state, vars.get(ofLevel[level]));
                if (v > 0 && v < nesting.vectors().size()) return SafeText.of(nesting.vectors().get(v));
            }
            return tr == null ? "" : SafeText.of(tr.vector());
        }

        private String value(Var v, int value) {
            return SafeText.of(v.type().format(value));
        }

        private String pad(String s) {
            return " ".repeat(Math.max(0, numberWidth + 2 - s.length())) + s;
        }
    }
}
