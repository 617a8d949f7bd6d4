package entrycheck.batch;

import entrycheck.engine.BfsEngine;
import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Expectations;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the units of a batch in parallel (one model per worker, up to {@code workers} at a time)
 * and returns their results in the canonical unit order, whatever order they finish in.
 */
public final class BatchRunner {
    private BatchRunner() { }

    /**
     * @param traceDir   where trace files of violations go (null: none written)
     * @param onFinished called (from a worker thread) as each unit finishes, for progress display
     */
    public static List<UnitResult> run(List<Manifest.Unit> units, int workers, Path traceDir, boolean ignoreExpectations,
                                       Consumer<UnitResult> onFinished) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, units.size())), r -> {
            Thread t = new Thread(r, "batch-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<UnitResult>> futures = new ArrayList<>();
            for (Manifest.Unit u : units) {
                futures.add(pool.submit(() -> {
                    UnitResult r = runOne(u, traceDir, ignoreExpectations);
                    onFinished.accept(r);
                    return r;
                }));
            }
            List<UnitResult> out = new ArrayList<>();
            for (Future<UnitResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error err) throw err;
                    throw new IllegalStateException(c);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
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
        CheckResult result = BfsEngine.check(program, new CheckOptions(Set.copyOf(job.properties()), job.maxStates(),
                job.timeLimit(), 1));
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
