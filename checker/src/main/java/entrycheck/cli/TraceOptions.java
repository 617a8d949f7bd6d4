package entrycheck.cli;

import entrycheck.trace.Ansi;
import entrycheck.trace.TraceText;
import picocli.CommandLine.Option;

/** Options of every command that prints counterexample traces. */
public final class TraceOptions {

    @Option(names = "--all-vars",
            description = "In traces, also show control variables (program counters, nesting depth, "
                    + "frame locations), ghost variables, and the initial state.")
    private boolean allVars;

    public TraceText.Options textOptions(Ansi ansi) {
        return new TraceText.Options(allVars, ansi);
    }
}
