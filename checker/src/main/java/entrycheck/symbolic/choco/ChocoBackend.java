package entrycheck.symbolic.choco;

import entrycheck.symbolic.Answer;
import entrycheck.symbolic.Query;
import entrycheck.symbolic.SolverBackend;
import java.time.Duration;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.IntVar;

/**
 * {@link SolverBackend} on Choco Solver. Search: the decision variables (each step's action) in
 * order, smallest value first, then any variable propagation left open; so the first solution
 * is the smallest sequence of transition ids in lexicographic order.
 *
 * <p>Load it through {@link #create()} only from code that needs a solver: nothing else in
 * entrycheck refers to Choco, so other commands never load its classes.
 */
public final class ChocoBackend implements SolverBackend {
    /** The version the build pins (pom.xml, choco.version); checked by a test against the jar. */
    static final String VERSION = "4.10.18";

    private ChocoBackend() { }

    /** A new backend. Typed as the interface so that callers' classes do not link Choco. */
    public static SolverBackend create() { return new ChocoBackend(); }

    @Override
    public String name() { return "Choco Solver " + VERSION; }

    @Override
    public Answer solve(Query query, Duration timeLimit) {
        long start = System.nanoTime();
        ChocoQuery q = new ChocoQuery(query);
        Solver solver = q.model.getSolver();
        IntVar[] all = q.model.retrieveIntVars(true);
        // dom/wdeg over the actions and Choco's default search were measured too: no better on
        // the mutex benchmarks (docs/PERFORMANCE.md); signed-clause learning fails on these models.
        if (q.decisions.length > 0) {
            solver.setSearch(Search.inputOrderLBSearch(q.decisions), Search.inputOrderLBSearch(all));
        } else if (all.length > 0) {
            solver.setSearch(Search.inputOrderLBSearch(all));
        }
        if (timeLimit != null) solver.limitTime(Math.max(1, timeLimit.toMillis()));
        boolean found = solver.solve();
        Answer.Stats stats = new Answer.Stats(q.model.getNbVars(), q.model.getNbCstrs(), solver.getNodeCount(),
                solver.getFailCount(), System.nanoTime() - start, solver.getMeasures().toOneLineString().strip());
        if (found) {
            int[] values = new int[q.vars.length];
            for (int i = 0; i < values.length; i++) values[i] = q.vars[i].getValue();
            return new Answer.Satisfiable(values, stats);
        }
        if (solver.isStopCriterionMet()) return new Answer.Unknown("time limit", stats);
        return new Answer.Unsatisfiable(stats);
    }
}
