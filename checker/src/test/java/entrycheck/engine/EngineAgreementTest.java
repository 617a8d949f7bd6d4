package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import entrycheck.ir.Program;
import entrycheck.trust.SpinAgreement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 2 in one property: on random programs ({@link RandomPrograms}, shrunk by
 * QuickTheories on failure) the breadth-first search with 1 thread, with 2 threads, the
 * depth-first search, and a breadth-first search stopped by --max-states at a random point with
 * a checkpoint and resumed (with 1 or 2 threads) all store the same number of distinct states
 * and give the same verdict for every property; the three breadth-first runs give identical
 * results, counterexamples included (state by state).
 *
 * <p>Each program gets one extra property that no state violates
 * ({@link SpinAgreement#withSentinel}), so that no search stops early because every property is
 * violated: every run explores the whole reachable space, and the distinct-state counts are
 * comparable across search orders.
 */
class EngineAgreementTest {

    @TempDir
    Path dir;

    @Test
    void bfsWithOneAndTwoThreadsDfsAndResumedRunsAgree() {
        qt().withExamples(250).withShrinkCycles(300)
                .forAll(RandomPrograms.cases(), integers().between(1, 1000), integers().between(1, 2))
                .checkAssert((c, cut, resumeThreads) -> {
                    Program p = SpinAgreement.withSentinel(c.program());
                    CheckResult bfs1 = Checker.check(p, CheckOptions.defaults());
                    assertTrue(bfs1.complete(), bfs1.stopReason());
                    String whole = ResultText.of(bfs1);
                    long states = bfs1.stats().distinctStates();
                    assertEquals(ReferenceExplorer.explore(p).distinct(), states, "BFS against the reference");

                    assertEquals(whole, ResultText.of(Checker.check(p, CheckOptions.defaults().withThreads(2))), "BFS, 2 threads");

                    CheckResult dfs = Checker.check(p, CheckOptions.defaults().withEngine(CheckOptions.Engine.DFS));
                    assertTrue(dfs.complete(), dfs.stopReason());
                    assertEquals(states, dfs.stats().distinctStates(), "DFS distinct states");
                    assertEquals(bfs1.stats().transitions(), dfs.stats().transitions(), "DFS transitions");
                    assertEquals(verdicts(bfs1), verdicts(dfs), "DFS verdicts");

                    if (states > 1) {
                        long limit = 1 + (cut - 1) % (states - 1);     // 1 .. states-1: always stops before the end
                        Path cp = fresh();
                        CheckResult first = Checker.check(p, new CheckOptions(Set.of(), limit, null, 1).withCheckpoint(cp, null));
                        assertFalse(first.complete());
                        assertEquals("max states " + limit, first.stopReason());
                        assertEquals(limit, first.stats().distinctStates());
                        assertTrue(Files.exists(cp.resolve(Checkpoint.FILE)), "a checkpoint was written");
                        CheckResult resumed = Checker.check(p, CheckOptions.defaults().withThreads(resumeThreads).withResume(cp));
                        assertEquals(whole, ResultText.of(resumed), "stopped at " + limit + " states, resumed with "
                                + resumeThreads + " threads");
                    }
                });
    }

    /** Property name -> "violated" or the verdict's class (holds, ...). */
    private static Map<String, String> verdicts(CheckResult r) {
        Map<String, String> out = new TreeMap<>();
        for (CheckResult.PropertyResult pr : r.properties()) {
            out.put(pr.property().name(), pr.verdict().getClass().getSimpleName());
        }
        return out;
    }

    private Path fresh() {
        try {
            return Files.createTempDirectory(dir, "cp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
