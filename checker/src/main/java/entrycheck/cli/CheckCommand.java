package entrycheck.cli;

import entrycheck.engine.CheckOptions;
import entrycheck.batch.ConcurrentRuns;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Checker;
import entrycheck.engine.CheckpointException;
import entrycheck.engine.Cores;
import entrycheck.engine.SearchMonitor;
import entrycheck.engine.Verdict;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.Ansi;
import entrycheck.trace.AtomicFile;
import entrycheck.trace.SafeText;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

/** {@code entrycheck check [MODEL...]}: explores each model and compares every verdict with its expectation. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Check models against their properties and declared expectations.",
            "Prints one line per model (states, transitions, BFS depth, time) and one per property: "
                    + "its verdict and whether that meets the model's expectation. A violation that fails "
                    + "its expectation is shown with its shortest counterexample trace (with --engine dfs "
                    + "or random: the path that found it, not necessarily shortest).",
            "On a terminal a progress line shows the search as it goes; Ctrl-C stops it cleanly "
                    + "(statistics so far, a checkpoint with --checkpoint, exit 3)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.DOC_OK, ExitCodes.DOC_FAILED, ExitCodes.DOC_USAGE,
                ExitCodes.DOC_INCOMPLETE, ExitCodes.DOC_INTERNAL})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private EntrycheckCommand parent;

    @Parameters(paramLabel = "MODEL", arity = "0..*",
            description = "A bundled model name (x86_64/mainline) or a path to a .entry file. "
                    + "None: every bundled model ('entrycheck list models').")
    private List<String> models = new ArrayList<>();

    @Option(names = {"-p", "--property"}, paramLabel = "PROPERTY",
            description = "Check only this property (repeatable). Models that have none of the named "
                    + "properties are skipped; a name no model has is an error.")
    private List<String> properties = new ArrayList<>();

    @Mixin
    private ModelOptions modelOptions;

    @Option(names = "--ignore-expectations",
            description = "Expect every property to hold: every violation fails the run (exit 1) and "
                    + "is shown with its trace.")
    private boolean ignoreExpectations;

    @Option(names = "--max-states", paramLabel = "N",
            description = "Stop after N distinct states; properties without an answer by then are "
                    + "incomplete (exit 3). Default: no limit.")
    private long maxStates;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s, 5m, 1h30m; as --max-states. Default: no limit.")
    private Duration timeLimit;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = {"-v", "--verbose"},
            description = "Also show the traces of expected violations.")
    private boolean verbose;

    @Mixin
    private TraceOptions traceOptions;

    @Option(names = "--trace-out", paramLabel = "DIR",
            description = "Write one JSON trace file per violated property into DIR "
                    + "(<model>.<property>.json, docs/TRACE-FORMAT.md); files are written atomically.")
    private Path traceOut;

    @Option(names = "--minimize",
            description = "Of the shortest traces, show and write one with the fewest interrupt and "
                    + "exception deliveries (one more breadth-first search up to the trace's length; "
                    + "docs/TRACE-FORMAT.md, Minimal traces).")
    private boolean minimize;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON into FILE (per model: states, transitions, depth, "
                    + "time; per property: verdict, expectation, outcome, trace length and file; docs/CI.md). "
                    + "Written atomically.")
    private Path json;

    @Option(names = "--timings", hidden = true,
            description = "Print where the time went on stderr (docs/PERFORMANCE.md, Latency).")
    private boolean timings;

    /** What became of one model: its result, or why it has none. */
    private record ModelRun(Program program, CheckResult result, String notChecked, long compileNanos,
                            CheckpointException failure, List<String> notes) {
        ModelRun(Program program, CheckResult result, String notChecked, long compileNanos, CheckpointException failure) {
            this(program, result, notChecked, compileNanos, failure, List.of());
        }
    }

    @Override
    public Integer call() throws ModelException, InterruptedException {
        validateLimits();
        List<String> names = models.isEmpty() ? ModelLoader.bundledModels() : models;
        if (names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no bundled models found; name a MODEL file");
        }
        CheckOptions engine = engineOptions.apply(new CheckOptions(Set.of(), maxStates, timeLimit, 1), spec.commandLine());
        if (engineOptions.checkpoints() && names.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--checkpoint and --resume take exactly one MODEL");
        }
        CliEnvironment env = parent == null ? CliEnvironment.plain() : parent.environment();
        Timings clock = timings ? new Timings(env.started()) : null;
        // --threads N is the whole run's budget: models are loaded and checked N at a time, and a
        // model's search borrows the cores the others leave free (Cores)
        Cores cores = new Cores(engine.threads());
        List<ModelSet.Loaded> loaded = ModelSet.load(names, modelOptions.overrides(), cores);
        List<Program> programs = new ArrayList<>();
        for (ModelSet.Loaded l : loaded) programs.add(l.program());
        if (clock != null) clock.loaded();
        List<Set<String>> selections = selectProperties(programs);
        if (engine.engine() != CheckOptions.Engine.BFS) rejectLiveness(programs, selections);

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Ansi ansi = env.ansi();
        ModelReport report = new ModelReport(out, ansi, traceOptions.textOptions(ansi), ignoreExpectations, verbose);
        RunSummary summary = new RunSummary();
        CheckJson results = new CheckJson(ignoreExpectations);
        int[] failed = {-1};
        try (Interrupt interrupt = Interrupt.install(err)) {
            boolean progress = programs.size() == 1 && env.terminal() && !engineOptions.quiet();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) indexes.add(i);
            ConcurrentRuns.run(indexes, cores, i -> {
                Program program = programs.get(i);
                Set<String> selected = selections.get(i);
                if (selected == null) return new ModelRun(program, null, "skipped (none of the selected properties)", 0, null);
                if (interrupt.requested()) return new ModelRun(program, null, "not checked (interrupted)", 0, null);
                long t0 = System.nanoTime();
                try {
                    CheckResult r = check(program, withProperties(engine, selected), interrupt, err, progress, cores);
                    long wall = System.nanoTime() - t0;
                    if (clock != null) clock.model(program.name(), loaded.get(i).nanos(), wall - r.stats().nanos(), r.stats().nanos());
                    Minimizing minimized = minimize ? Minimizing.apply(r, maxStates, interrupt::requested) : null;
                    if (minimized == null) return new ModelRun(program, r, null, wall - r.stats().nanos(), null);
                    return new ModelRun(program, minimized.result(), null, wall - r.stats().nanos(), null, minimized.notes());
                } catch (CheckpointException e) {
                    return new ModelRun(program, null, null, 0, e);
                }
            }, (i, run) -> {
                if (failed[0] >= 0) return;
                String name = ansi.bold(SafeText.of(run.program().name()));
                if (run.failure() != null) {
                    err.println("entrycheck: " + SafeText.lines(run.failure().getMessage()));
                    err.flush();
                    failed[0] = ExitCodes.USAGE;
                } else if (run.result() == null) {
                    out.println(name + ": " + run.notChecked());
                    if (run.notChecked().startsWith("not checked")) summary.notChecked();
                    results.notChecked(run.program().name(), run.notChecked());
                } else {
                    report.print(run.result(), summary, engineOptions.describe());
                    run.notes().forEach(n -> out.println("  " + n));
                    Map<String, Path> files = traceOut == null ? Map.of() : writeTraces(run.result(), out);
                    if (files == null) failed[0] = ExitCodes.USAGE;
                    else results.add(run.result(), files);
                }
            });
        }
        if (clock != null) clock.checked();
        if (failed[0] >= 0) return failed[0];
        if (programs.size() > 1) summary.print(out, ansi);
        out.flush();
        int exit = summary.exitCode();
        if (json != null) {
            try {
                AtomicFile.write(json, w -> results.write(exit, w));
            } catch (IOException e) {
                err.println("entrycheck: cannot write " + SafeText.of(json.toString()) + ": " + SafeText.of(String.valueOf(e.getMessage())));
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        if (clock != null) clock.print(err);
        return exit;
    }

    /** One model, with a progress line when asked for (a single model on a terminal). */
    private static CheckResult check(Program program, CheckOptions options, Interrupt interrupt, PrintWriter err,
                                     boolean progress, Cores cores) {
        if (!progress) {
            return Checker.check(program, options, new SearchMonitor() {
                @Override public boolean stopRequested() { return interrupt.requested(); }
            }, cores);
        }
        try (ProgressLine line = new ProgressLine(SafeText.of(program.name()), err, interrupt::requested, 1000)) {
            return Checker.check(program, options, line, cores);
        }
    }

    /** Only the breadth-first engine checks liveness: naming a liveness property for another engine is a usage error. */
    private void rejectLiveness(List<Program> programs, List<Set<String>> selections) {
        for (int i = 0; i < programs.size(); i++) {
            if (selections.get(i) == null) continue;
            for (Property p : programs.get(i).properties()) {
                if (p.kind().isLiveness() && selections.get(i).contains(p.name())) {
                    throw new ParameterException(spec.commandLine(), "'" + SafeText.of(p.name()) + "' is a liveness property: "
                            + "only the breadth-first engine checks it (--engine bfs)");
                }
            }
        }
    }

    private static CheckOptions withProperties(CheckOptions o, Set<String> properties) {
        return new CheckOptions(properties, o.maxStates(), o.timeLimit(), o.threads(), o.engine(), o.walks(),
                o.memoryBytes(), o.checkpointDir(), o.checkpointInterval(), o.resumeDir());
    }

    /**
     * Writes the trace file of every violation; returns them by property, or null (after a
     * message) when a file cannot be written.
     */
    private Map<String, Path> writeTraces(CheckResult result, PrintWriter out) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (CheckResult.PropertyResult pr : result.properties()) {
            if (pr.verdict() instanceof Verdict.Violated v) {
                try {
                    Path f = TraceFiles.write(traceOut, result.program().name(), TraceDocument.of(v.trace()));
                    out.println("  trace file: " + SafeText.of(f.toString()));
                    files.put(pr.property().name(), f);
                } catch (IOException e) {
                    spec.commandLine().getErr().println("entrycheck: cannot write a trace file into " + traceOut + ": " + e.getMessage());
                    return null;
                }
            }
        }
        return files;
    }

    private void validateLimits() {
        if (maxStates < 0) {
            throw new ParameterException(spec.commandLine(), "--max-states must be at least 1, but was " + maxStates);
        }
    }

    /**
     * For each program, the names of the properties to check: empty = all, null = skip the model.
     *
     * @throws ParameterException when a -p name is a property of none of the models
     */
    private List<Set<String>> selectProperties(List<Program> programs) {
        List<Set<String>> selections = new ArrayList<>();
        if (properties.isEmpty()) {
            for (int i = 0; i < programs.size(); i++) selections.add(Set.of());
            return selections;
        }
        Set<String> unknown = new LinkedHashSet<>(properties);
        Set<String> known = new TreeSet<>();
        for (Program p : programs) {
            Set<String> selected = new LinkedHashSet<>();
            for (Property prop : p.properties()) {
                known.add(prop.name());
                if (properties.contains(prop.name())) selected.add(prop.name());
            }
            unknown.removeAll(selected);
            selections.add(selected.isEmpty() ? null : selected);
        }
        if (!unknown.isEmpty()) {
            String what = (unknown.size() == 1 ? "unknown property '" : "unknown properties '")
                    + SafeText.of(String.join("', '", unknown)) + "'";
            String where = programs.size() == 1
                    ? " in model " + SafeText.of(programs.get(0).name()) + "; its properties: "
                    : ": none of the " + programs.size() + " models has " + (unknown.size() == 1 ? "it" : "them")
                            + "; their properties: ";
            throw new ParameterException(spec.commandLine(), what + where + SafeText.of(String.join(", ", known)));
        }
        return selections;
    }
}
