package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
