package entrycheck.cli;

import entrycheck.batch.ConcurrentRuns;
import entrycheck.engine.Cores;
import entrycheck.ir.Program;
import entrycheck.lang.Diagnostic;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the models a command works on, all before any checking starts. */
final class ModelSet {
    private ModelSet() { }

    /** A loaded model and how long reading, checking and compiling it to the IR took. */
    record Loaded(Program program, long nanos) { }

    /**
     * Loads every model; reports the diagnostics of all models that fail together, so that one
     * run shows every broken model.
     *
     * @throws ModelException with the diagnostics of every model that failed to load
     */
    static List<Program> load(List<String> namesOrPaths, Map<String, Integer> overrides) throws ModelException {
        List<Program> programs = new ArrayList<>();
        for (Loaded l : load(namesOrPaths, overrides, new Cores(1))) programs.add(l.program());
        return programs;
    }

    /**
     * As {@link #load(List, Map)}, loading up to {@code cores.size()} models at the same time;
     * the programs and the diagnostics come in the order of the names.
     */
    static List<Loaded> load(List<String> namesOrPaths, Map<String, Integer> overrides, Cores cores) throws ModelException {
        List<Loaded> programs = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        try {
            ConcurrentRuns.run(namesOrPaths, cores, name -> {
                long t0 = System.nanoTime();
                try {
                    return new Loaded(ModelLoader.load(name, overrides), System.nanoTime() - t0);
                } catch (ModelException e) {
                    return e;
                }
            }, (i, r) -> {
                if (r instanceof ModelException e) errors.addAll(e.diagnostics());
                else programs.add((Loaded) r);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading models", e);
        }
        if (!errors.isEmpty()) throw new ModelException(errors);
        return programs;
    }
}
