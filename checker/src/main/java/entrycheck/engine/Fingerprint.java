package entrycheck.engine;

/**
 * Keys of the visited set.
 *
 * <p>A state of one word is keyed by {@link #mix64}, the 64-bit finaliser of MurmurHash3
 * (Austin Appleby, public domain; the same construction as SplitMix64's mixer, Steele, Lea and
 * Flood, OOPSLA 2014). Each of its steps is invertible (an xor with a right shift of the value
 * itself, a multiplication by an odd constant modulo 2^64), so it is a bijection of longs: the
 * key identifies the state exactly and there are no collisions at all, while its bits are
 * uniform enough for open addressing.
 *
 * <p>A wider state is keyed by a 64-bit fingerprint that chains the mixer over the words, as
 * TLC and SPIN's hash compaction do; two distinct states may collide, with the probability
 * {@link #collisionProbability} estimates.
 */
final class Fingerprint {
    private Fingerprint() { }

    static long mix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The visited-set key of a state of {@code words} words: exact for one word, a fingerprint otherwise. */
    static long key(long[] s, int words) {
        return words == 1 ? mix64(s[0]) : of(s);
    }

    /** The fingerprint of a state of {@code s.length >= 2} words. */
    static long of(long[] s) { return of(s, s.length); }

    /** The key of the state in {@code s[0 .. words)} (the rest of {@code s} is padding). */
    static long of(long[] s, int words) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < words; i++) h = mix64(h ^ s[i]) + 0x9E3779B97F4A7C15L;
        return h;
    }

    /**
     * TLC's "calculated (optimistic)" estimate (tlc2.tool.ModelChecker.reportSuccess): each of
     * the {@code generated - distinct} successors that hit the set could have been a new state
     * whose fingerprint equals one of {@code distinct} stored ones, each with probability 2^-64.
     */
    static double collisionProbability(long distinct, long generated) {
        return (double) distinct * Math.max(0, generated - distinct) / 0x1p64;
    }
}
