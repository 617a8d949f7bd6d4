package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import org.junit.jupiter.api.Test;

/**
 * The cross-tool anchor: SPIN, Rumur and TLC all count 5,767,168 states and 37,617,664
 * transitions. The one full run of the suite uses two threads, so the parallel search is held
 * to the anchor too (ParallelBfsTest shows every thread count agrees on smaller instances).
 */
class BigModelTest {

    @Test
    void bigMatchesTheCrossToolCounts() {
        Program big = BenchModels.big();
        assertEquals(1, big.layout().words());
        assertEquals(28, big.transitions().size());
        CheckResult r = BfsEngine.check(big, CheckOptions.defaults().withThreads(2));
        assertTrue(r.complete());
        assertEquals(51, r.stats().depth());
        assertEquals(5_767_168L, r.stats().distinctStates());
        assertEquals(37_617_664L, r.stats().transitions());
        for (CheckResult.PropertyResult pr : r.properties()) {
            assertInstanceOf(Verdict.Holds.class, pr.verdict(), pr.property().name());
        }
    }

    @Test
    void smallInstancesAgreeWithTheReferenceWhicheverWayGuardsAreSplit() {
        for (int n = 1; n <= 3; n++) {
            ReferenceExplorer.Result ref = ReferenceExplorer.explore(BenchModels.big(n, 3, false));
            for (boolean inPre : new boolean[] {false, true}) {
                CheckResult r = BfsEngine.check(BenchModels.big(n, 3, inPre), CheckOptions.defaults());
                assertEquals(ref.distinct(), r.stats().distinctStates(), "n=" + n + " inPre=" + inPre);
                assertEquals(ref.transitions(), r.stats().transitions(), "n=" + n + " inPre=" + inPre);
                assertTrue(ref.firstViolation().isEmpty());
            }
        }
    }
}
