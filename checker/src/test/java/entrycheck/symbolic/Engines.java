package entrycheck.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import entrycheck.engine.BfsEngine;
import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Verdict;
import entrycheck.ir.Program;
import entrycheck.symbolic.choco.ChocoBackend;
import java.util.Set;

/** Runs both engines on one program and compares them. */
final class Engines {
    private Engines() { }

    static final SolverBackend CHOCO = ChocoBackend.create();

    /**
     * The explicit engine's shortest violation of the selected properties: the fewest steps of
     * any violated property's trace, or -1 when every selected property holds.
     */
    static int bfsShortest(Program p, Set<String> properties) {
        CheckResult r = BfsEngine.check(p, new CheckOptions(properties, 0, null, 1));
        // Stopping because every property is violated keeps the shortest traces (engine.Search).
        if (!r.complete() && !r.stopReason().equals("all properties violated")) {
            throw new AssertionError("BFS incomplete: " + r.stopReason());
        }
        int best = -1;
        for (CheckResult.PropertyResult pr : r.properties()) {
            if (pr.verdict() instanceof Verdict.Violated v) {
                int n = v.trace().steps().size();
                if (best < 0 || n < best) best = n;
            }
        }
        return best;
    }

    static BoundedResult bmc(Program p, Set<String> properties, int depth) {
        return BoundedSearch.run(p, new BoundedOptions(properties, depth, null), CHOCO);
    }

    /** The bounded engine's shortest violation within {@code depth} steps, or -1 when it finds none. */
    static int bmcShortest(Program p, Set<String> properties, int depth) {
        BoundedResult r = bmc(p, properties, depth);
        if (r instanceof BoundedResult.Violated v) {
            int n = v.trace().steps().size();
            assertEquals(r.runs().size() - 1, n, "the trace length is the depth that found it");
            return n;
        }
        if (r instanceof BoundedResult.NoneWithin none) {
            assertEquals(depth, none.depth());
            assertEquals(depth + 1, r.runs().size(), "every depth 0..K asked");
            return -1;
        }
        throw new AssertionError("bounded search stopped: " + r);
    }

    /**
     * Both engines agree, for every K in 0..maxDepth, on whether a violation exists within K
     * steps. One bounded run to maxDepth answers all K: it asks depth 0, 1, ... in turn and
     * stops at the first with a violation (asserted by {@link #bmcShortest}).
     */
    static void assertAgree(Program p, Set<String> properties, int maxDepth) {
        int bfs = bfsShortest(p, properties);
        int expected = bfs >= 0 && bfs <= maxDepth ? bfs : -1;
        assertEquals(expected, bmcShortest(p, properties, maxDepth),
                "shortest violation within " + maxDepth + " steps (BFS: " + bfs + ")");
    }
}
