package entrycheck.batch;

import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Checker;
import entrycheck.engine.Cores;
import entrycheck.engine.Expectations;
import entrycheck.engine.SearchMonitor;
import entrycheck.engine.Verdict;
import entrycheck.ir.Program;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.lang.Options;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the units of a batch in parallel on {@code workers} cores ({@link ConcurrentRuns}: up to
 * that many models at a time, and a model's search borrows the cores the others leave free) and
 * returns their results in the canonical unit order, whatever order they finish in.
 */
public final class BatchRunner {
    private BatchRunner() { }

    /**
     * @param traceDir   where trace files of violations go (null: none written)
     * @param onFinished called (from a worker thread) as each unit finishes, for progress display
     */
    public static List<UnitResult> run(List<Manifest.Unit> units, int workers, Path traceDir, boolean ignoreExpectations,
                                       Consumer<UnitResult> onFinished) throws InterruptedException {
        Cores cores = new Cores(Math.max(1, workers));
        List<UnitResult> out = new ArrayList<>();
        ConcurrentRuns.run(units, cores, u -> {
            UnitResult r = runOne(u, traceDir, ignoreExpectations, cores);
            onFinished.accept(r);
            return r;
        }, (i, r) -> out.add(r));
        return out;
    }

    /** {@code job.model}, where a model given as a path is named by its file name without {@code .entry}. */
    static String tracePrefix(Manifest.Unit u) {
        String m = u.model();
        if (m.endsWith(".entry") || m.startsWith("/")) {
            String f = Path.of(m).getFileName().toString();
            m = f.endsWith(".entry") ? f.substring(0, f.length() - 6) : f;
        }
        return u.job().name() + "." + m + (u.configIndex() == 0 ? "" : ".config" + u.configIndex());
    }

    static UnitResult runOne(Manifest.Unit u, Path traceDir, boolean ignoreExpectations) {
        return runOne(u, traceDir, ignoreExpectations, null);
    }

    /** One unit; its search has {@code cores.size()} partitions and borrows spare cores for its helpers (null: one thread). */
    static UnitResult runOne(Manifest.Unit u, Path traceDir, boolean ignoreExpectations, Cores cores) {
        long t0 = System.nanoTime();
        Manifest.Job job = u.job();
        Program program;
        try {
            Map<String, Integer> overrides = new LinkedHashMap<>(job.constants());
            overrides.putAll(Options.overrides(Options.parseAssignment(u.config())));
            program = ModelLoader.load(u.model(), overrides);
        } catch (ModelException e) {
            return new UnitResult(u, e.getMessage(), null, List.of(), Map.of(), (System.nanoTime() - t0) / 1_000_000);
        }
        for (String p : job.properties()) {
            if (program.property(p) == null) {
                return new UnitResult(u, "job '" + job.name() + "': model " + u.model() + " has no property '" + p + "'",
                        null, List.of(), Map.of(), (System.nanoTime() - t0) / 1_000_000);
            }
        }
        CheckResult result = Checker.check(program, new CheckOptions(Set.copyOf(job.properties()), job.maxStates(),
                job.timeLimit(), cores == null ? 1 : cores.size()), SearchMonitor.NONE, cores);
        List<Expectations.Judged> judged = new ArrayList<>();
        Map<String, Path> traces = new LinkedHashMap<>();
        for (CheckResult.PropertyResult pr : result.properties()) {
            judged.add(Expectations.judge(pr, ignoreExpectations));
            if (traceDir != null && pr.verdict() instanceof Verdict.Violated v) {
                try {
                    traces.put(pr.property().name(), TraceFiles.write(traceDir, tracePrefix(u), TraceDocument.of(v.trace())));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write a trace file into " + traceDir, e);
                }
            }
        }
        return new UnitResult(u, null, result, judged, traces, (System.nanoTime() - t0) / 1_000_000);
    }
}
