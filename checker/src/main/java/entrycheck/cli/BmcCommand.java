package entrycheck.cli;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.symbolic.Answer;
import entrycheck.symbolic.BoundedOptions;
import entrycheck.symbolic.BoundedResult;
import entrycheck.symbolic.BoundedSearch;
import entrycheck.symbolic.SolverBackend;
import entrycheck.symbolic.UnsupportedModelException;
import entrycheck.trace.Ansi;
import entrycheck.trace.SafeText;
import entrycheck.trace.Trace;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceFiles;
import entrycheck.trace.TraceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code entrycheck bmc MODEL --depth K}: the bounded symbolic engine (Choco Solver), a second,
 * independent engine. Prints and writes a shortest counterexample in the explicit engine's
 * format, so that {@code show} and {@code replay} work on it.
 */
@Command(name = "bmc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Bounded model checking with Choco Solver: unroll the model's transition relation and search "
                + "for a violation whose trace has at most K steps.",
            "Depths 0, 1, ..., K are asked in turn, so a violation found is a shortest one (the explicit engine's "
                    + "length). Its trace is replayed through the model and shown like 'check' shows traces. "
                    + "Expectations (expect violated) are not consulted: any violation found exits 1."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no violation within K steps", "1:a violation was found (its trace is shown)",
            ExitCodes.DOC_USAGE, "3:the time limit stopped the search before depth K was decided",
            ExitCodes.DOC_INTERNAL})
public final class BmcCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private EntrycheckCommand parent;

    @Parameters(paramLabel = "MODEL", description = "A bundled model name (x86_64/mainline) or a path to a .entry file.")
    private String model;

    @Option(names = {"-k", "--depth"}, required = true, paramLabel = "K",
            description = "Search traces of at most K steps (K >= 0; the cost grows quickly with K).")
    private int depth;

    @Option(names = {"-p", "--property"}, paramLabel = "PROPERTY",
            description = "Search only violations of this property (repeatable). Default: every property.")
    private List<String> properties = new ArrayList<>();

    @Mixin
    private ModelOptions modelOptions;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 30s, 5m); the depths decided by then are reported (exit 3).")
    private Duration timeLimit;

    @Option(names = {"-v", "--verbose"}, description = "Show the solver's work for every depth.")
    private boolean verbose;

    @Mixin
    private TraceOptions traceOptions;

    @Option(names = "--trace-out", paramLabel = "DIR",
            description = "Write the trace of a violation into DIR as <model>.<property>.json (docs/TRACE-FORMAT.md).")
    private Path traceOut;

    /** The solver; Choco's classes load here and only here. */
    private static SolverBackend backend() {
        return entrycheck.symbolic.choco.ChocoBackend.create();
    }

    @Override
    public Integer call() throws ModelException {
        if (depth < 0) throw new ParameterException(spec.commandLine(), "--depth must be at least 0, but was " + depth);
        Program program = ModelLoader.load(model, modelOptions.overrides());
        checkProperties(program);
        SolverBackend solver = backend();
        PrintWriter out = spec.commandLine().getOut();
        Ansi ansi = parent == null ? Ansi.OFF : parent.environment().ansi();
        String name = SafeText.of(program.name());
        out.println(ansi.bold(name) + ": bounded search up to depth " + depth + " with " + solver.name()
                + (properties.isEmpty() ? "" : " for " + SafeText.of(String.join(", ", new TreeSet<>(properties)))));
        out.flush();
        BoundedResult result;
        try {
            result = BoundedSearch.run(program, new BoundedOptions(Set.copyOf(properties), depth, timeLimit), solver);
        } catch (UnsupportedModelException e) {
            spec.commandLine().getErr().println("entrycheck: bmc cannot translate " + name + ": " + SafeText.of(e.getMessage()));
            return ExitCodes.USAGE;
        }
        if (verbose) for (BoundedResult.DepthRun run : result.runs()) out.println("  " + depthLine(run));
        int exit = report(program, result, out, ansi);
        out.println("  " + summary(result));
        out.flush();
        return exit;
    }

    private int report(Program program, BoundedResult result, PrintWriter out, Ansi ansi) {
        if (result instanceof BoundedResult.Violated v) {
            Trace trace = v.trace();
            Property p = program.properties().get(trace.property());
            int n = trace.steps().size();
            String expected = p.expect() == Property.Expect.VIOLATED ? " (the model expects this violation)" : "";
            out.println("  " + ansi.boldRed("VIOLATED") + "  " + SafeText.of(p.name()) + ": shortest trace "
                    + n + (n == 1 ? " step" : " steps") + expected);
            for (String line : TraceText.render(trace, traceOptions.textOptions(ansi)).split("\n")) out.println("    " + line);
            if (traceOut != null) {
                try {
                    Path f = TraceFiles.write(traceOut, program.name(), TraceDocument.of(trace));
                    out.println("  trace file: " + SafeText.of(f.toString()));
                } catch (IOException e) {
                    spec.commandLine().getErr().println("entrycheck: cannot write a trace file into " + traceOut + ": " + e.getMessage());
                    return ExitCodes.USAGE;
                }
            }
            return ExitCodes.FAILED;
        }
        if (result instanceof BoundedResult.NoneWithin none) {
            out.println("  " + ansi.green("no violation within " + none.depth() + (none.depth() == 1 ? " step" : " steps")));
            return ExitCodes.OK;
        }
        BoundedResult.Stopped s = (BoundedResult.Stopped) result;
        String established = s.noneWithin() < 0 ? "nothing established"
                : "no violation within " + s.noneWithin() + (s.noneWithin() == 1 ? " step" : " steps");
        out.println("  " + ansi.yellow("stopped by the " + SafeText.of(s.reason()) + ": " + established
                + "; depth " + (s.noneWithin() + 1) + " undecided"));
        return ExitCodes.INCOMPLETE;
    }

    private void checkProperties(Program program) {
        Set<String> known = new TreeSet<>();
        for (Property p : program.properties()) known.add(p.name());
        Set<String> unknown = new TreeSet<>(properties);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), (unknown.size() == 1 ? "unknown property '" : "unknown properties '")
                    + SafeText.of(String.join("', '", unknown)) + "' in model " + SafeText.of(program.name())
                    + "; its properties: " + SafeText.of(String.join(", ", known)));
        }
        for (Property p : program.properties()) {
            if (p.kind().isLiveness() && properties.contains(p.name())) {
                throw new ParameterException(spec.commandLine(), "'" + SafeText.of(p.name()) + "' is a liveness property:"
                        + " a bounded unrolling has no loops; check it with 'entrycheck check'");
            }
        }
    }

    static String depthLine(BoundedResult.DepthRun run) {
        Answer.Stats s = run.stats();
        String what = switch (run.outcome()) {
            case VIOLATION -> "violation";
            case NONE -> "none";
            case UNKNOWN -> "undecided";
        };
        return String.format(Locale.ROOT, "depth %d: %-9s %d variables, %d constraints, %d nodes, %d fails, %.3f s",
                run.depth(), what, s.variables(), s.constraints(), s.nodes(), s.fails(), (run.translateNanos() + s.nanos()) / 1e9);
    }

    static String summary(BoundedResult result) {
        long nodes = 0, fails = 0, translate = 0, solve = 0;
        for (BoundedResult.DepthRun run : result.runs()) {
            nodes += run.stats().nodes();
            fails += run.stats().fails();
            translate += run.translateNanos();
            solve += run.stats().nanos();
        }
        List<BoundedResult.DepthRun> runs = result.runs();
        String last = runs.isEmpty() ? "" : runs.get(runs.size() - 1).stats().summary();
        return String.format(Locale.ROOT, "%.2f s (%d depths: translation %.2f s, solving %.2f s; %d nodes, %d fails)",
                result.nanos() / 1e9, runs.size(), translate / 1e9, solve / 1e9, nodes, fails)
                + (last.isEmpty() ? "" : "\n  last solve: " + last);
    }
}
