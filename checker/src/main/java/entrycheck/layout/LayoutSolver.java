package entrycheck.layout;

/**
 * The constraint solver behind the layout engine (one method, like the bounded engine's
 * backend). It places every field of a {@link LayoutProblem}:
 * <ul>
 *   <li>each field lies inside its region, fields do not overlap, the regions follow each
 *       other in order from offset 0 (structural, always required);</li>
 *   <li>each of {@link LayoutProblem#requirements()};</li>
 *   <li>with minimal padding, ties broken by the smallest offsets in declaration order.</li>
 * </ul>
 */
public interface LayoutSolver {

    /** The solver's name and version, for the output's header. */
    String name();

    LayoutResult solve(LayoutProblem problem);
}
