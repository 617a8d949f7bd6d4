package entrycheck.lang;

import entrycheck.ir.Program;
import java.util.List;
import java.util.Map;

/**
 * Loads a model by bundled name ({@code x86_64/mainline}) or by file path, parses it, applies
 * its {@code extends} chain, checks it and compiles it to the IR.
 * STUB: the frontend replaces the bodies; the signatures are the contract with the CLI.
 */
public final class ModelLoader {
    private ModelLoader() { }

    /**
     * @param nameOrPath a bundled model name or a path to a {@code .entry} file
     * @param overrides  {@code -D NAME=VALUE} constant overrides (each must name a declared const)
     * @throws ModelException with file:line:col diagnostics on any error (exit code 2)
     */
    public static Program load(String nameOrPath, Map<String, Integer> overrides) throws ModelException {
        throw new UnsupportedOperationException("frontend not built yet");
    }

    /** The names of the bundled models, sorted. */
    public static List<String> bundledModels() {
        return List.of();
    }
}
