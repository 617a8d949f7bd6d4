package entrycheck.engine;

/**
 * The visited set of a parallel breadth-first search: the key space split into partitions by
 * the high 32 bits of the key, each partition a {@link LongHashSet} of its own (whose home
 * slot uses the low bits). During the lookup phase of a round each partition is looked up and
 * grown by one worker only, so the tables need no locks and no compare-and-swap, and every
 * key's fate (new or seen) is decided by the order of the candidates alone: partitioning by
 * owner is the scheme of distributed model checkers (Stern and Dill, "Parallelizing the Murphi
 * verifier", CAV 1997; LTSmin and DiVinE hash-partition states over workers the same way),
 * here inside one address space.
 *
 * <p>The partition of a key is {@code ((key >>> 32) * partitions) >>> 32}, Lemire's
 * multiply-shift range reduction ("A fast alternative to the modulo reduction", 2016), which
 * is uniform for any partition count. The number of partitions follows the thread count, but
 * no result depends on it.
 */
final class VisitedSet {
    final LongHashSet[] parts;

    VisitedSet(int partitions, MemoryBudget budget) {
        parts = new LongHashSet[partitions];
        // 4096 keys to start with, whatever the partition count
        for (int p = 0; p < partitions; p++) parts[p] = new LongHashSet(Math.max(16, (1 << 12) / partitions), budget);
    }

    int partitions() { return parts.length; }

    int partition(long key) {
        return parts.length == 1 ? 0 : (int) (((key >>> 32) * parts.length) >>> 32);
    }

    long size() {
        long n = 0;
        for (LongHashSet s : parts) n += s.size();
        return n;
    }

    long bytes() {
        long n = 0;
        for (LongHashSet s : parts) n += s.bytes();
        return n;
    }

    boolean growthRefused() {
        for (LongHashSet s : parts) if (s.growthRefused()) return true;
        return false;
    }
}
