package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import entrycheck.ir.Program;
import entrycheck.semantics.CompiledProgram;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Determinism of the parallel breadth-first search: for every thread count the same states,
 * transitions, depth, verdicts and counterexamples, whatever the work granularity (tiny batches
 * and rounds here, so that even small programs are split over many batches, rounds and
 * partitions), including runs cut short by --max-states.
 */
class ParallelBfsTest {

    private static CheckResult run(Program p, CheckOptions o, ParallelBfs.Tuning tuning) {
        return search(p, o, tuning).result;
    }

    /** A result with the numbering of the states (state, parent, transition of each, in order). */
    private record Run(CheckResult result, String numbering) {
        String all() { return ResultText.of(result) + numbering; }
    }

    private static Run search(Program p, CheckOptions o, ParallelBfs.Tuning tuning) {
        return search(p, o, tuning, null);
    }

    private static Run search(Program p, CheckOptions o, ParallelBfs.Tuning tuning, Cores cores) {
        boolean[] selected = Checker.select(p, o.properties());
        ParallelBfs bfs = new ParallelBfs(p, CompiledProgram.compile(p, selected), selected, o, SearchMonitor.NONE, tuning, cores);
        CheckResult r = bfs.run();
        StateStore store = bfs.store();
        StringBuilder b = new StringBuilder();
        long[] s = new long[store.words()];
        for (int i = 0; i < store.size(); i++) {
            store.load(i, s);
            b.append(i).append(' ').append(java.util.Arrays.toString(s)).append(" <-").append(store.action(i))
                    .append("- ").append(store.parent(i)).append('\n');
        }
        return new Run(r, b.toString());
    }

    @Test
    void everyThreadCountGivesTheSameResult() {
        qt().withExamples(250).withShrinkCycles(200)
                .forAll(RandomPrograms.cases(), integers().between(1, 3), integers().between(1, 3), integers().between(0, 30))
                .checkAssert((c, batch, round, limit) -> {
                    Program p = c.program();
                    ParallelBfs.Tuning small = new ParallelBfs.Tuning(batch, round);
                    CheckOptions o = new CheckOptions(Set.of(), limit, null, 1);
                    String one = search(p, o, small).all();
                    for (int threads : new int[] {2, 3, 4}) {
                        assertEquals(one, search(p, o.withThreads(threads), small).all(), threads + " threads");
                    }
                    // a complete search does not depend on the granularity either
                    CheckOptions all = CheckOptions.defaults();
                    CheckResult full = run(p, all, ParallelBfs.Tuning.DEFAULT);
                    assertEquals(ResultText.of(full), ResultText.of(run(p, all.withThreads(2), small)));
                    assertEquals(ReferenceExplorer.explore(p).distinct(), full.stats().distinctStates());
                });
    }

    @Test
    void bigInstanceIsSplitIntoManyRoundsWithTheSameResult() {
        Program p = BenchModels.big(4, 3, false); // 4^4 + 8 * 4^3 = 768 states
        ParallelBfs.Tuning tuning = new ParallelBfs.Tuning(7, 5);
        Run one = search(p, CheckOptions.defaults(), tuning);
        ReferenceExplorer.Result ref = ReferenceExplorer.explore(p);
        assertEquals(ref.distinct(), one.result().stats().distinctStates());
        assertEquals(ref.transitions(), one.result().stats().transitions());
        assertEquals(one.all(), search(p, CheckOptions.defaults(), ParallelBfs.Tuning.DEFAULT).all());
        for (int threads = 2; threads <= 5; threads++) {
            assertEquals(one.all(), search(p, CheckOptions.defaults().withThreads(threads), tuning).all());
        }
    }

    @Test
    void maxStatesStoresExactlyThatManyWithAnyThreadCount() {
        Program p = BenchModels.big(5, 5, false); // 6^5 + 10 * 6^4 = 20,736 states
        for (int threads = 1; threads <= 3; threads++) {
            CheckResult r = run(p, new CheckOptions(Set.of(), 1000, null, threads), new ParallelBfs.Tuning(16, 4));
            assertFalse(r.complete());
            assertEquals("max states 1000", r.stopReason());
            assertEquals(1000, r.stats().distinctStates());
        }
    }

    @Test
    void aViolationDeepInAWideLevelHasTheSameTraceForEveryThreadCount() {
        // the broken mutex of big with a check that fails: many shortest traces of equal length
        Program p = BenchModels.big(4, 2, false);
        String one = ResultText.of(run(p, CheckOptions.defaults(), new ParallelBfs.Tuning(3, 2)));
        for (int threads = 2; threads <= 4; threads++) {
            assertEquals(one, ResultText.of(run(p, CheckOptions.defaults().withThreads(threads), new ParallelBfs.Tuning(3, 2))));
        }
        Program racy = BrokenModels.racyLock(3);
        String first = search(racy, CheckOptions.defaults(), new ParallelBfs.Tuning(1, 2)).all();
        for (int threads = 1; threads <= 4; threads++) {
            Run r = search(racy, CheckOptions.defaults().withThreads(threads), new ParallelBfs.Tuning(1, 2));
            assertInstanceOf(Verdict.Violated.class, r.result().properties().get(2).verdict());
            assertEquals(first, r.all(), threads + " threads");
        }
    }

    /**
     * A search that borrows its helpers from a shared budget ({@link Cores}) finds the same as
     * one with threads of its own: with no spare core at all (the caller does every unit of
     * every phase), with some, and with more than it has partitions; and it gives back every
     * core it borrowed.
     */
    @Test
    void borrowedHelpersGiveTheSameResult() throws InterruptedException {
        Program p = BenchModels.big(4, 3, false);
        ParallelBfs.Tuning tuning = new ParallelBfs.Tuning(5, 3);
        CheckOptions four = CheckOptions.defaults().withThreads(4);
        String own = search(p, four, tuning).all();
        for (int size : new int[] {1, 2, 8}) {
            Cores cores = new Cores(size);
            cores.acquire(); // the search's own thread, as ConcurrentRuns does
            assertEquals(own, search(p, four, tuning, cores).all(), size + " cores");
            assertEquals(size - 1, cores.tryTake(size), "every borrowed core given back (" + size + ")");
            cores.give(size - 1);
            cores.release();
        }
        Program racy = BrokenModels.racyLock(3);
        Cores none = new Cores(1);
        none.acquire();
        assertEquals(search(racy, four, new ParallelBfs.Tuning(1, 2)).all(),
                search(racy, four, new ParallelBfs.Tuning(1, 2), none).all());
    }

    @Test
    void tinyMemoryBudgetStopsCleanly() {
        Program p = BenchModels.big(5, 5, false); // 20,736 states
        for (int threads = 1; threads <= 2; threads++) {
            CheckResult r = BfsEngine.check(p, CheckOptions.defaults().withThreads(threads).withMemoryBytes(256 << 10));
            assertFalse(r.complete());
            assertEquals("memory budget 256 KB reached", r.stopReason());
            assertTrue(r.stats().distinctStates() > 1000, "it got somewhere: " + r.stats().distinctStates());
            for (CheckResult.PropertyResult pr : r.properties()) {
                assertEquals(new Verdict.Incomplete("memory budget 256 KB reached"), pr.verdict());
            }
        }
    }
}
