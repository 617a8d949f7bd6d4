package entrycheck.trace;

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
 * <p>All model-supplied text goes through {@link SafeText#item} (escaped, and cut past
 * {@link SafeText#MAX_ITEM} characters); colour comes only from
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
        return render(TraceDocument.of(trace), options);
    }

    /**
     * The trace as text, ending with a newline. Rendering works on the portable form, so a trace
     * printed by {@code check} and the same trace read back from its JSON file print identically.
     */
    public static String render(TraceDocument trace, Options options) {
        StringBuilder out = new StringBuilder();
        new Renderer(trace, options, out).run();
        return out.toString();
    }

    private static final class Renderer {
        private final TraceDocument trace;
        private final Options options;
        private final Ansi ansi;
        private final StringBuilder out;
        private final List<TraceDocument.VarInfo> vars;
        private final int numberWidth;
        private final int steps;

        Renderer(TraceDocument trace, Options options, StringBuilder out) {
            this.trace = trace;
            this.options = options;
            this.ansi = options.ansi();
            this.out = out;
            this.vars = trace.vars();
            this.steps = trace.steps().size() - 1;
            this.numberWidth = Math.max(1, Integer.toString(steps).length());
        }

        void run() {
            String property = SafeText.item(trace.property().name());
            out.append("counterexample for ").append(ansi.bold(property)).append(": ")
               .append(steps).append(steps == 1 ? " step" : " steps").append('\n');
            if (options.showAllVars()) initialState();
            for (int i = 1; i <= steps; i++) {
                if (i - 1 == trace.loopStart()) {
                    out.append(pad("")).append("  ")
                       .append(ansi.yellow("~~ loop: steps " + i + ".." + steps + " repeat forever ~~"))
                       .append('\n');
                }
                step(trace.steps().get(i), trace.steps().get(i - 1));
            }
            out.append(ansi.boldRed("violated " + property));
            String message = SafeText.item(trace.message());
            if (!message.isEmpty()) out.append(": ").append(message);
            out.append('\n');
        }

        private void initialState() {
            out.append(ansi.dim(pad("0"))).append("  initial state").append('\n');
            String indent = " ".repeat(numberWidth + 6);
            int[] values = trace.steps().get(0).values();
            for (int i = 0; i < vars.size(); i++) {
                out.append(indent).append(SafeText.item(vars.get(i).name())).append(" = ")
                   .append(value(i, values[i])).append('\n');
            }
        }

        private void step(TraceDocument.StepInfo step, TraceDocument.StepInfo before) {
            String nest = "  ".repeat(Math.max(0, step.level()));
            out.append(ansi.dim(pad(Integer.toString(step.index())))).append("  ").append(nest);
            out.append(ansi.bold(SafeText.item(step.action())));
            if (!step.source().isEmpty()) {
                out.append("  ").append(ansi.cyan("[" + SafeText.item(step.source()) + "]"));
            }
            out.append('\n');
            String indent = " ".repeat(numberWidth + 6) + nest;
            nestingChange(step, before, indent);
            for (int i : step.changed()) {
                if (!options.showAllVars() && !vars.get(i).role().equals("STATE")) continue;
                out.append(indent).append(SafeText.item(vars.get(i).name())).append(": ")
                   .append(ansi.dim(value(i, before.values()[i]))).append(" -> ")
                   .append(ansi.green(value(i, step.values()[i]))).append('\n');
            }
        }

        /** The {@code -> enter V (depth d)} / {@code <- return from V to depth d} line, if the depth changed. */
        private void nestingChange(TraceDocument.StepInfo step, TraceDocument.StepInfo before, String indent) {
            int from = before.depth();
            int to = step.depth();
            if (from == to) return;
            String vector = SafeText.item(step.vector());
            String line = to > from
                    ? "-> enter " + (vector.isEmpty() ? "" : vector + " ") + "(depth " + to + ")"
                    : "<- return " + (vector.isEmpty() ? "" : "from " + vector + " ") + "to depth " + to;
            out.append(indent).append(ansi.yellow(line)).append('\n');
        }

        private String value(int var, int value) {
            return SafeText.item(vars.get(var).format(value));
        }

        private String pad(String s) {
            return " ".repeat(Math.max(0, numberWidth + 2 - s.length())) + s;
        }
    }
}
