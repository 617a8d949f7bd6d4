package entrycheck.lang;

import java.util.List;
import java.util.stream.Collectors;

/** A model could not be loaded: parse, type or resolution errors, each with a position. */
public final class ModelException extends Exception {
    private final List<Diagnostic> diagnostics;

    public ModelException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ModelException(Diagnostic d) { this(List.of(d)); }

    public List<Diagnostic> diagnostics() { return diagnostics; }
}
