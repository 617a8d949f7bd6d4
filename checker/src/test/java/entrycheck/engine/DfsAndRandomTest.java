package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import entrycheck.ir.Program;
import entrycheck.trace.Trace;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The depth-first search and the random walks: agreement with the breadth-first search and
 * the reference explorer, traces that are real runs ending in the violation, reproducibility
 * from the seed, and clean stops.
 */
class DfsAndRandomTest {

    private static final CheckOptions DFS = CheckOptions.defaults().withEngine(CheckOptions.Engine.DFS);

    private static CheckOptions random(long seed, long walks, int depth) {
        return CheckOptions.defaults().withEngine(CheckOptions.Engine.RANDOM).withWalks(new CheckOptions.Walks(seed, walks, depth));
    }

    /** Violated property id -> its trace, after checking that the trace replays and ends in a violation. */
    private static Map<Integer, Trace> violations(CheckResult r, ReferenceExplorer ref) {
        Map<Integer, Trace> out = new TreeMap<>();
        for (CheckResult.PropertyResult pr : r.properties()) {
            if (pr.verdict() instanceof Verdict.Violated v) {
                AgreementPropertyTest.assertReplays(r.program(), ref, v.trace());
                out.put(pr.property().id(), v.trace());
            }
        }
        return out;
    }

    @Test
    void dfsFindsWhatBfsFinds() {
        qt().withExamples(300).withShrinkCycles(300).forAll(RandomPrograms.cases()).checkAssert(c -> {
            Program p = c.program();
            ReferenceExplorer ref = new ReferenceExplorer(p);
            ReferenceExplorer.Result expected = ref.explore();
            CheckResult dfs = Checker.check(p, DFS);
            Map<Integer, Trace> found = violations(dfs, ref);
            if (dfs.complete()) {
                assertEquals(expected.distinct(), dfs.stats().distinctStates(), "distinct states");
                assertEquals(expected.transitions(), dfs.stats().transitions(), "transitions");
                assertEquals(expected.firstViolation().keySet(), found.keySet(), "violated properties");
            } else {
                assertEquals("all properties violated", dfs.stopReason());
                assertEquals(p.properties().size(), found.size());
            }
            // a DFS trace is never shorter than the shortest one
            for (Map.Entry<Integer, Trace> e : found.entrySet()) {
                assertTrue(e.getValue().steps().size() >= expected.firstViolation().get(e.getKey()), "not shorter than BFS");
            }
        });
    }

    @Test
    void randomWalksFindOnlyRealViolationsAndAreReproducible() {
        qt().withExamples(200).withShrinkCycles(200).forAll(RandomPrograms.cases()).checkAssert(c -> {
            Program p = c.program();
            ReferenceExplorer ref = new ReferenceExplorer(p);
            ReferenceExplorer.Result expected = ref.explore();
            CheckResult a = Checker.check(p, random(7, 20, 30));
            Map<Integer, Trace> found = violations(a, ref);
            assertTrue(expected.firstViolation().keySet().containsAll(found.keySet()), "only real violations");
            assertTrue(a.stats().distinctStates() <= expected.distinct());
            assertFalse(a.complete());
            assertEquals(ResultText.of(a), ResultText.of(Checker.check(p, random(7, 20, 30))), "same seed, same run");
        });
    }

    @Test
    void randomWalksFindTheRaceAndReportTheWalk() {
        Program racy = BrokenModels.racyLock(3);
        CheckResult r = Checker.check(racy, random(1, 1000, 50));
        Verdict v = r.properties().get(2).verdict();
        assertInstanceOf(Verdict.Violated.class, v);
        Trace t = ((Verdict.Violated) v).trace();
        BfsEngineTest.assertReplays(racy, t);
        assertTrue(t.message().startsWith("lock taken by another process"));
        // the properties that hold are unknown: random walks prove nothing
        assertInstanceOf(Verdict.Incomplete.class, r.properties().get(0).verdict());
        assertTrue(r.stopReason().startsWith("random walks prove nothing"), r.stopReason());
        // another seed takes other walks
        CheckResult other = Checker.check(racy, random(2, 1000, 50));
        assertNotEquals(ResultText.of(r), ResultText.of(other));
    }

    @Test
    void walksStopAtTheirDepth() {
        Program counter = BenchModels.big(1, 100, false); // one process counting to 100 and back
        CheckResult r = Checker.check(counter, random(3, 5, 10));
        assertEquals(50, r.stats().transitions());
        assertEquals(10, r.stats().depth());
        assertTrue(r.stats().distinctStates() <= 11);
    }

    @Test
    void dfsCountsBigInstancesLikeBfs() {
        Program p = BenchModels.big(4, 3, false);
        CheckResult bfs = BfsEngine.check(p, CheckOptions.defaults());
        CheckResult dfs = Checker.check(p, DFS);
        assertTrue(dfs.complete());
        assertEquals(bfs.stats().distinctStates(), dfs.stats().distinctStates());
        assertEquals(bfs.stats().transitions(), dfs.stats().transitions());
        assertTrue(dfs.stats().depth() >= bfs.stats().depth());
        for (CheckResult.PropertyResult pr : dfs.properties()) assertInstanceOf(Verdict.Holds.class, pr.verdict());
    }

    @Test
    void limitsStopDfsAndWalksCleanly() {
        Program p = BenchModels.big(5, 5, false);
        CheckResult max = Checker.check(p, new CheckOptions(Set.of(), 100, null, 1).withEngine(CheckOptions.Engine.DFS));
        assertEquals("max states 100", max.stopReason());
        assertEquals(100, max.stats().distinctStates());
        CheckResult mem = Checker.check(p, DFS.withMemoryBytes(64 << 10));
        assertEquals("memory budget 64 KB reached", mem.stopReason());
        assertTrue(mem.stats().distinctStates() > 100, "got somewhere: " + mem.stats().distinctStates());
        CheckResult walksMem = Checker.check(p, random(1, 100_000, 1000).withMemoryBytes(64 << 10));
        assertEquals("memory budget 64 KB reached", walksMem.stopReason());
    }
}
