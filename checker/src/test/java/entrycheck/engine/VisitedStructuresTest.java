package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitedStructuresTest {

    /** The inverse of {@link Fingerprint#mix64}: xorshift and odd multiplications undone step by step. */
    private static long unmix64(long k) {
        k = unxorshift33(k);
        k *= 0x9cb4b2f8129337dbL; // inverse of 0xc4ceb9fe1a85ec53 mod 2^64
        k = unxorshift33(k);
        k *= 0x4f74430c22a54005L; // inverse of 0xff51afd7ed558ccd mod 2^64
        return unxorshift33(k);
    }

    private static long unxorshift33(long k) { return k ^ (k >>> 33); } // 2 * 33 >= 64

    @Test
    void mix64IsABijection() {
        assertEquals(1L, 0xc4ceb9fe1a85ec53L * 0x9cb4b2f8129337dbL);
        assertEquals(1L, 0xff51afd7ed558ccdL * 0x4f74430c22a54005L);
        Random rnd = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long x = i < 1000 ? i : rnd.nextLong();
            assertEquals(x, unmix64(Fingerprint.mix64(x)));
        }
    }

    /** A padded scratch array (ParallelBfs.Lane) must key its state exactly as the bare state. */
    @Test
    void paddingAfterTheStateDoesNotChangeItsKey() {
        Random rnd = new Random(3);
        for (int words = 1; words <= 9; words++) {
            long[] state = new long[words];
            for (int i = 0; i < words; i++) state[i] = rnd.nextLong();
            long[] padded = java.util.Arrays.copyOf(state, words + 16);
            for (int i = words; i < padded.length; i++) padded[i] = rnd.nextLong();
            assertEquals(Fingerprint.of(state), Fingerprint.of(padded, words), "words " + words);
            assertNotEquals(Fingerprint.of(state), Fingerprint.of(padded), "the padding is garbage here, so a full-length key differs");
        }
    }

    @Test
    void hashSetAgreesWithJavaSetThroughGrowth() {
        LongHashSet set = new LongHashSet(4);
        Set<Long> ref = new HashSet<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long k = switch (i % 4) {
                case 0 -> rnd.nextInt(50_000);       // many duplicates
                case 1 -> Fingerprint.mix64(rnd.nextInt(50_000));
                case 2 -> 0L;                         // the reserved value itself
                default -> rnd.nextLong();
            };
            assertEquals(ref.add(k), set.add(k), "add " + k);
        }
        assertEquals(ref.size(), set.size());
        for (long k : ref) assertTrue(set.contains(k));
        assertFalse(set.contains(-1L) && !ref.contains(-1L));
        assertEquals(Integer.bitCount(set.capacity()), 1);
        assertTrue(set.size() <= set.capacity() * LongHashSet.LOAD_FACTOR);
    }

    @Test
    void touchDoesNotChangeTheSet() {
        LongHashSet set = new LongHashSet(16);
        set.add(5);
        set.touch(new long[] {5, 6, 7}, 0, 3);
        assertEquals(1, set.size());
        assertTrue(set.contains(5));
        assertFalse(set.contains(6));
    }

    @Test
    void storeKeepsStatesParentsAndActionsAcrossChunks() {
        for (int transitions : new int[] {10, 100_000}) {
            StateStore store = new StateStore(3, transitions);
            int n = StateStore.CHUNK * 2 + 17;
            for (int i = 0; i < n; i++) {
                long[] s = {i, -i, (long) i << 40};
                assertEquals(i, store.add(s, i - 1, (i * 7) % transitions));
            }
            assertEquals(n, store.size());
            long[] out = new long[3];
            for (int i : new int[] {0, 1, StateStore.CHUNK - 1, StateStore.CHUNK, n - 1}) {
                store.load(i, out);
                assertArrayEquals(new long[] {i, -i, (long) i << 40}, out);
                assertEquals(i - 1, store.parent(i));
                assertEquals((i * 7) % transitions, store.action(i));
            }
        }
    }

    @Test
    void collisionEstimateFollowsTlc() {
        assertEquals(0.0, Fingerprint.collisionProbability(10, 10));
        assertEquals(1e6 * 9e6 / Math.pow(2, 64), Fingerprint.collisionProbability(1_000_000, 10_000_000), 1e-20);
    }

    @Test
    void aRefusedTableFillsToItsHardLimitThenAnswersFull() {
        MemoryBudget budget = new MemoryBudget(LongHashSet.bytes(64) + 100);
        LongHashSet set = new LongHashSet(40, budget);
        assertEquals(64, set.capacity());
        int added = 0;
        for (long k = 1; k <= 100; k++) {
            int r = set.insert(Fingerprint.mix64(k));
            if (r == LongHashSet.FULL) break;
            assertEquals(LongHashSet.ADDED, r);
            added++;
        }
        assertEquals((int) (64 * LongHashSet.MAX_LOAD), added);
        assertTrue(set.growthRefused());
        assertTrue(budget.refused());
        assertEquals(64, set.capacity());
        assertEquals(LongHashSet.PRESENT, set.insert(Fingerprint.mix64(1)), "keys already in are still found");
        assertEquals(LongHashSet.FULL, set.insert(0L), "the out-of-band key obeys the limit too");
        assertEquals(LongHashSet.bytes(64), budget.used());
    }

    @Test
    void growthReservesTheNewTableAndReleasesTheOld() {
        MemoryBudget budget = MemoryBudget.unlimited();
        LongHashSet set = new LongHashSet(4, budget);
        for (long k = 1; k <= 10_000; k++) set.add(Fingerprint.mix64(k));
        assertEquals(LongHashSet.bytes(set.capacity()), budget.used());
        assertFalse(set.growthRefused());
    }

    @Test
    void storeChunksAreReservedAndRefusedPastTheBudget() {
        StateStore probe = new StateStore(1, 10);
        long chunk = StateStore.CHUNK * probe.bytesPerState() + 64;
        MemoryBudget budget = new MemoryBudget(3 * chunk + 10); // the first chunk is forced, then two fit
        StateStore store = new StateStore(1, 10, budget);
        assertEquals(1, store.ensure(1));
        assertEquals(3 * StateStore.CHUNK - 5, store.ensure(3 * StateStore.CHUNK - 5), "two more chunks fit");
        assertEquals(3 * StateStore.CHUNK, store.ensure(3 * StateStore.CHUNK + 1), "the fourth does not");
        assertEquals(3 * chunk, budget.used());
    }

    @Test
    void budgetReservesAtomicallyAndReleases() {
        MemoryBudget b = new MemoryBudget(100);
        assertTrue(b.tryReserve(60));
        assertFalse(b.tryReserve(41));
        assertEquals(60, b.used());
        b.release(60);
        assertTrue(b.tryReserve(100));
        assertTrue(b.refused());
        assertEquals("memory budget 2 MB reached", new MemoryBudget(2 << 20).reason());
    }

    @Test
    void canonicalViolationDoesNotDependOnReportOrder() {
        boolean[] sel = {true, true};
        java.util.List<int[]> reports = new java.util.ArrayList<>(); // state, transition, depth
        Random rnd = new Random(3);
        for (int i = 0; i < 200; i++) reports.add(new int[] {rnd.nextInt(50), rnd.nextInt(4) - 1, rnd.nextInt(6)});
        FirstViolations inOrder = new FirstViolations(sel);
        for (int[] r : reports) report(inOrder, r);
        for (int trial = 0; trial < 20; trial++) {
            java.util.Collections.shuffle(reports, rnd);
            FirstViolations a = new FirstViolations(sel), b = new FirstViolations(sel);
            for (int i = 0; i < reports.size(); i++) report(i % 3 == 0 ? a : b, reports.get(i));
            a.mergeFrom(b);
            for (int p = 0; p < 2; p++) {
                assertEquals(inOrder.length[p], a.length[p]);
                assertEquals(inOrder.state[p], a.state[p]);
                assertEquals(inOrder.transition[p], a.transition[p]);
                assertEquals(inOrder.message[p], a.message[p]);
            }
        }
        // the least (length, state, transition) wins
        FirstViolations f = new FirstViolations(sel);
        f.at(9, 2, 3);
        f.violation(0, "long");
        f.at(20, -1, 3);
        f.violation(0, "shorter");
        assertEquals("shorter", f.message[0]);
        assertEquals(3, f.length[0]);
    }

    private static void report(FirstViolations f, int[] r) {
        f.at(r[0], r[1], r[2]);
        f.violation(r[0] % 2, "at " + r[0] + "/" + r[1] + "/" + r[2]);
    }
}
