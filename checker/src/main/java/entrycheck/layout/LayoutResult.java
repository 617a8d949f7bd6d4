package entrycheck.layout;

import java.util.List;

/** What a {@link LayoutSolver} found. */
public sealed interface LayoutResult {

    /** A layout meeting every requirement with minimal padding. */
    record Laid(FrameLayout layout) implements LayoutResult { }

    /**
     * No layout meets every requirement; these conflict (a minimal set: dropping any one of them
     * leaves the rest satisfiable).
     */
    record Conflict(List<Requirement> requirements) implements LayoutResult {
        public Conflict { requirements = List.copyOf(requirements); }
    }
}
