package entrycheck.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects diagnostics of one load. Knows the source texts so that each diagnostic carries
 * its source line. Not thread-safe; one per load.
 */
public final class Diags {
    private static final int MAX = 50;
    private final Map<String, SourceText> sources = new HashMap<>();
    private final List<Diagnostic> errors = new ArrayList<>();

    public void addSource(SourceText s) { sources.put(s.file(), s); }

    public Diagnostic diagnostic(Pos pos, String message) {
        SourceText s = pos == null ? null : sources.get(pos.file());
        String line = s == null ? null : s.line(pos.line());
        return pos == null ? new Diagnostic("<model>", 0, 0, message, null)
                : new Diagnostic(pos.file(), pos.line(), pos.col(), message, line);
    }

    /** Records an error; at most {@value #MAX} are kept. */
    public void error(Pos pos, String message) {
        if (errors.size() < MAX) errors.add(diagnostic(pos, message));
    }

    public boolean hasErrors() { return !errors.isEmpty(); }

    /** Throws the collected errors (sorted by file, line, column) if there are any. */
    public void throwIfAny() throws ModelException {
        if (errors.isEmpty()) return;
        List<Diagnostic> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::col));
        throw new ModelException(sorted);
    }

    /** An immediate failure: one diagnostic, thrown at once. */
    public ModelException fail(Pos pos, String message) {
        return new ModelException(diagnostic(pos, message));
    }
}
