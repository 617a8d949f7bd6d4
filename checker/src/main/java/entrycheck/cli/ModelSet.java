package entrycheck.cli;

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

    /**
     * Loads every model; reports the diagnostics of all models that fail together, so that one
     * run shows every broken model.
     *
     * @throws ModelException with the diagnostics of every model that failed to load
     */
    static List<Program> load(List<String> namesOrPaths, Map<String, Integer> overrides) throws ModelException {
        List<Program> programs = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (String name : namesOrPaths) {
            try {
                programs.add(ModelLoader.load(name, overrides));
            } catch (ModelException e) {
                errors.addAll(e.diagnostics());
            }
        }
        if (!errors.isEmpty()) throw new ModelException(errors);
        return programs;
    }
}
