package entrycheck.cli;

import entrycheck.batch.BatchRunner;
import entrycheck.batch.JsonReport;
import entrycheck.batch.JunitReport;
import entrycheck.batch.Manifest;
import entrycheck.batch.ManifestParser;
import entrycheck.batch.Shard;
import entrycheck.batch.UnitResult;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.AtomicFile;
import entrycheck.trace.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code entrycheck batch MANIFEST}: runs a verification batch (docs/CI.md). */
@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a verification batch: every job of a YAML manifest (docs/CI.md), models in parallel.",
            "Ends with a summary table (job, model, verdict, states, time, trace files)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.DOC_OK, ExitCodes.DOC_FAILED, ExitCodes.DOC_USAGE,
                ExitCodes.DOC_INCOMPLETE, ExitCodes.DOC_INTERNAL})
public final class BatchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private EntrycheckCommand parent;

    @Parameters(paramLabel = "MANIFEST", description = "The batch manifest (YAML), e.g. batches/all.yaml.")
    private Path manifestFile;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
    private Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Write a JSON summary.")
    private Path json;

    @Option(names = "--trace-out", paramLabel = "DIR", description = "Write one JSON trace file per violation into DIR.")
    private Path traceOut;

    @Option(names = "--shard", paramLabel = "K/N", defaultValue = "1/1",
            description = "Run only shard K of N (a stable partition of the manifest's models, for CI matrices).")
    private String shardText;

    @Option(names = "--workers", paramLabel = "N",
            description = "Models checked at once (default: the number of cores).")
    private Integer workers;

    @Option(names = "--ignore-expectations", description = "Every violation is a failure.")
    private boolean ignoreExpectations;

    @Override
    public Integer call() throws ModelException, InterruptedException {
        Shard shard;
        try {
            shard = Shard.parse(shardText);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
        }
        int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (n < 1) throw new ParameterException(spec.commandLine(), "--workers must be at least 1, but was " + n);
        String text;
        try {
            text = Files.readString(manifestFile);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such manifest: " + manifestFile);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + manifestFile + ": " + e.getMessage());
        }
        Manifest manifest = ManifestParser.parse(manifestFile, text, ModelLoader.bundledModels());
        List<Manifest.Unit> units = shard.select(manifest.units(BatchCommand::covering));
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = parent != null && parent.environment().ansi().enabled();
        AtomicInteger done = new AtomicInteger();
        List<UnitResult> results = BatchRunner.run(units, n, traceOut, ignoreExpectations, r -> {
            if (progress) {
                synchronized (err) {
                    err.printf(Locale.ROOT, "\r[%d/%d] %s: %s\u001b[K", done.incrementAndGet(), units.size(),
                            SafeText.of(r.unit().id()), verdictWord(r));
                    err.flush();
                }
            }
        });
        if (progress) err.println();
        int exit = exitCode(results);
        table(results, spec.commandLine().getOut());
        try {
            if (junit != null) AtomicFile.write(junit, w -> {
                try {
                    JunitReport.write(results, w);
                } catch (XMLStreamException e) {
                    throw new IOException(e);
                }
            });
            if (json != null) AtomicFile.write(json, w -> JsonReport.write(manifestFile, shard, results, exit, w));
        } catch (IOException e) {
            err.println("entrycheck: cannot write a report: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return exit;
    }

    static int exitCode(List<UnitResult> results) {
        int worst = 0;
        for (UnitResult r : results) {
            int c = r.exitCode();
            if (c == 2 || (c == 1 && worst != 2) || (c == 3 && worst == 0)) worst = c;
        }
        return worst;
    }

    private static String verdictWord(UnitResult r) {
        return switch (r.exitCode()) {
            case 0 -> "ok";
            case 1 -> "FAILED";
            case 2 -> "model error";
            default -> "incomplete";
        };
    }

    private static void table(List<UnitResult> results, PrintWriter out) {
        String[] head = {"job", "model", "verdict", "states", "time", "trace files"};
        List<String[]> rows = new java.util.ArrayList<>();
        for (UnitResult r : results) {
            String states = r.result() == null ? "-" : Long.toString(r.result().stats().distinctStates());
            String traces = r.traceFiles().isEmpty() ? "-" : String.join(" ", r.traceFiles().values().stream().map(Path::toString).toList());
            String verdict = verdictWord(r);
            if (r.exitCode() == 1) {
                verdict += ": " + String.join(", ", r.judged().stream().filter(j -> j.outcome().failed)
                        .map(j -> j.property().name()).toList());
            }
            rows.add(new String[] {SafeText.of(r.unit().job().name()), SafeText.of(r.unit().model() + (r.unit().configIndex() == 0 ? "" : " [config " + r.unit().configIndex() + "]")), verdict, states,
                    String.format(Locale.ROOT, "%.2f s", r.millis() / 1000.0), SafeText.of(traces)});
        }
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) w[i] = head[i].length();
        for (String[] row : rows) for (int i = 0; i < row.length; i++) w[i] = Math.max(w[i], row[i].length());
        printRow(out, head, w);
        for (String[] row : rows) printRow(out, row, w);
        int fail = (int) results.stream().filter(r -> r.exitCode() != 0).count();
        out.println(results.size() + (results.size() == 1 ? " model, " : " models, ") + fail + " not ok");
        out.flush();
        for (UnitResult r : results) {
            if (r.error() != null) out.println(SafeText.of(r.unit().id()) + ":\n" + r.error());
        }
        out.flush();
    }

    private static void printRow(PrintWriter out, String[] row, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) sb.append("  ");
            sb.append(i == row.length - 1 ? row[i] : String.format("%-" + w[i] + "s", row[i]));
        }
        out.println(sb.toString().stripTrailing());
    }

    /**
     * The covering set of a {@code configs: covering} job's model under the job's constants (Choco, as
     * {@code entrycheck configs}); the defaults alone when the model declares no options or does
     * not load (its unit then reports the load error).
     */
    private static List<String> covering(Manifest.Job job, String model) {
        entrycheck.lang.Options opts;
        try {
            opts = ModelLoader.check(model, job.constants()).symbols().options();
        } catch (ModelException e) {
            return List.of("");
        }
        if (opts.isEmpty()) return List.of("");
        List<String> out = new java.util.ArrayList<>();
        for (java.util.Map<String, Boolean> row : ConfigsCommand.solver().cover(opts, job.covering()).rows()) out.add(opts.describe(row));
        return out;
    }
}
