package entrycheck.cli;

import entrycheck.ir.Program;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.Replay;
import entrycheck.trace.SafeText;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceFormatException;
import entrycheck.trace.TraceJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entrycheck replay TRACE [--model MODEL]}: does a counterexample still reproduce? */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Re-execute a trace file against a model: the one named in the trace, or another "
                + "(--model), such as a fixed design.",
            "Steps are matched by their action labels; the trace's constants are used unless -D overrides them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the trace still reaches its violation",
            "1:every step fits but the property is no longer violated (the fix worked)",
            "2:a step does not fit the model (the first diverging step is named), or bad input"})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "A JSON trace file (check --trace-out).")
    private Path tracePath;

    @Option(names = "--model", paramLabel = "MODEL", description = "Replay against this model instead of the trace's.")
    private String model;

    @Mixin
    private ModelOptions modelOptions;

    @Override
    public Integer call() throws ModelException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TraceDocument trace;
        try {
            trace = TraceJson.read(Files.readString(tracePath));
        } catch (NoSuchFileException e) {
            err.println("entrycheck: no such trace file: " + tracePath);
            return ExitCodes.USAGE;
        } catch (MalformedInputException e) {
            err.println("entrycheck: " + tracePath + ": not a trace file (not UTF-8 text)");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("entrycheck: cannot read " + tracePath + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (TraceFormatException e) {
            err.println("entrycheck: " + tracePath + ":" + SafeText.of(e.getMessage()));
            return ExitCodes.USAGE;
        }
        String name = model != null ? model : trace.model();
        Program program = ModelLoader.load(name, constants(name, trace));
        if (model == null && !program.sourceHash().equals(trace.sourceHash())) {
            out.println("note: the model's source changed since the trace was written");
        }
        String prop = SafeText.of(trace.property().name());
        int steps = trace.steps().size() - 1;
        Replay.Result r = Replay.replay(trace, program);
        if (r instanceof Replay.Result.Reproduced rep) {
            out.println(SafeText.of(program.name()) + ": the trace still violates " + prop + " at step " + rep.step()
                    + " of " + steps + ": " + SafeText.of(rep.message()));
            return ExitCodes.OK;
        }
        if (r instanceof Replay.Result.NotReproduced) {
            out.println(SafeText.of(program.name()) + ": all " + steps + " steps fit, and " + prop + " is no longer violated");
            return ExitCodes.FAILED;
        }
        Replay.Result.Diverged d = (Replay.Result.Diverged) r;
        String action = d.step() > 0 && d.step() <= steps ? " ('" + SafeText.of(trace.steps().get(d.step()).action()) + "')" : "";
        err.println(SafeText.of(program.name()) + ": the trace does not fit the model: step " + d.step() + action + ": "
                + SafeText.of(d.why()));
        return ExitCodes.USAGE;
    }

    /** The trace's constants that the model declares, then the -D overrides. */
    private Map<String, Integer> constants(String name, TraceDocument trace) throws ModelException {
        Map<String, Integer> c = new LinkedHashMap<>();
        Map<String, Integer> declared = ModelLoader.load(name, Map.of()).constants();
        for (Map.Entry<String, Integer> e : trace.constants().entrySet()) {
            if (declared.containsKey(e.getKey())) c.put(e.getKey(), e.getValue());
        }
        c.putAll(modelOptions.overrides());
        return c;
    }
}
