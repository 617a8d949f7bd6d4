package entrycheck.engine;

import java.util.Arrays;

/**
 * The successors of a run of consecutive states of one BFS level (the sources
 * {@code [from, to)}), in the order the sequential search generates them: by source, then by
 * transition id. Position {@code j} holds a candidate: its packed state
 * ({@code states[j*words ..]}), its visited-set key, its source and its transition.
 *
 * <p>A parallel search also sorts the positions by visited-set partition
 * ({@code byPartition[p][0 .. partCount[p])}, ascending), and the lookup of partition
 * {@code p} lists the positions of new states in {@code fresh[p]} (ascending). Buffers grow by
 * doubling and are reused from round to round, so a search allocates nothing per state once
 * they have reached the largest fan-out of the model.
 *
 * <p>Sources of the design: the positions are bucketed by owner partition with a stable
 * counting sort (Knuth, TAOCP vol. 3, section 5.2, "distribution counting"), which is what the
 * per-owner outgoing message buffers of a distributed model checker do (Stern and Dill,
 * "Parallelizing the Murphi verifier", CAV 1997); keeping each worker's successors in its own
 * buffers until a phase barrier, rather than in a shared queue, follows the level-synchronous
 * parallel BFS of Leiserson and Schardl ("A work-efficient parallel breadth-first search
 * algorithm", SPAA 2010), where each worker fills private "bags" of the next level.
 */
final class Batch {
    final int words;
    int from;
    int to;
    int n;
    long fired;
    long[] states;
    long[] keys;
    int[] sources;
    int[] actions;
    final int[][] byPartition;
    final int[] partCount;
    final int[][] fresh;
    final int[] freshCount;
    /** Set between the lookup and the store phase: positions at or past this are not stored. */
    int limitPos;
    /** At most this many of the new states are stored. */
    int take;
    /** The number of the first new state stored from this batch. */
    int base;

    Batch(int words, int partitions, int capacity) {
        this.words = words;
        int c = Math.max(16, capacity);
        states = new long[c * words];
        keys = new long[c];
        sources = new int[c];
        actions = new int[c];
        byPartition = new int[partitions][partitions == 1 ? 0 : Math.max(16, c / partitions)];
        partCount = new int[partitions];
        fresh = new int[partitions][Math.max(16, c / partitions)];
        freshCount = new int[partitions];
    }

    /** Starts a new batch of sources {@code [from, to)}. */
    void reset(int from, int to) {
        this.from = from;
        this.to = to;
        n = 0;
        fired = 0;
        Arrays.fill(partCount, 0);
        Arrays.fill(freshCount, 0);
    }

    int capacity() { return keys.length; }

    /**
     * Makes room for {@code extra} more candidates after the first {@code used}. (The caller
     * keeps the count in a local and stores {@link #n} once: a field written per source would
     * share its cache line with the batch of another worker.)
     */
    void reserve(int used, int extra) {
        if (used + extra <= keys.length) return;
        int c = Math.max(keys.length * 2, used + extra);
        states = Arrays.copyOf(states, c * words);
        keys = Arrays.copyOf(keys, c);
        sources = Arrays.copyOf(sources, c);
        actions = Arrays.copyOf(actions, c);
    }

    /**
     * Sorts positions {@code 0 .. n-1} by partition into {@link #byPartition} (a counting sort:
     * count, then place; positions stay ascending within a partition).
     */
    void partition(VisitedSet visited) {
        int parts = partCount.length;
        int[] count = partCount;
        java.util.Arrays.fill(count, 0);
        int[] part = partScratch(n);
        for (int j = 0; j < n; j++) {
            int p = visited.partition(keys[j]);
            part[j] = p;
            count[p]++;
        }
        for (int p = 0; p < parts; p++) {
            if (byPartition[p].length < count[p]) byPartition[p] = new int[Math.max(count[p], byPartition[p].length * 2)];
            count[p] = 0;
        }
        for (int j = 0; j < n; j++) {
            int p = part[j];
            byPartition[p][count[p]++] = j;
        }
        // count[] is partCount[]: it ends holding each partition's size
    }

    private int[] partScratch = new int[0];

    private int[] partScratch(int size) {
        if (partScratch.length < size) partScratch = new int[Math.max(size, partScratch.length * 2)];
        return partScratch;
    }

    /** Partition {@code p}'s list of new positions, with room for {@code count} entries; the lookup fills it. */
    int[] freshList(int p, int count) {
        if (fresh[p].length < count) fresh[p] = new int[Math.max(count, fresh[p].length * 2)];
        return fresh[p];
    }

    /** Number of new states at positions below {@code limit}. */
    int freshBelow(int limit) {
        int total = 0;
        for (int p = 0; p < fresh.length; p++) {
            int[] list = fresh[p];
            int k = freshCount[p];
            if (k > 0 && list[k - 1] < limit) { total += k; continue; }
            for (int i = 0; i < k && list[i] < limit; i++) total++;
        }
        return total;
    }

    /**
     * The positions of the new states, ascending, into {@code out} (which must hold them all);
     * returns how many. One partition's list is already sorted; two are merged; more are
     * marked in {@code mark} (at least {@link #n} entries, all false, and left so) and read back
     * in position order, a linear pass over the batch instead of a sort.
     */
    int freshInOrder(int[] out, boolean[] mark) {
        if (fresh.length == 1) {
            System.arraycopy(fresh[0], 0, out, 0, freshCount[0]);
            return freshCount[0];
        }
        if (fresh.length == 2) {
            int[] a = fresh[0], b = fresh[1];
            int na = freshCount[0], nb = freshCount[1], i = 0, j = 0, k = 0;
            while (i < na && j < nb) out[k++] = a[i] < b[j] ? a[i++] : b[j++];
            while (i < na) out[k++] = a[i++];
            while (j < nb) out[k++] = b[j++];
            return k;
        }
        for (int p = 0; p < fresh.length; p++) {
            int[] list = fresh[p];
            for (int i = 0, c = freshCount[p]; i < c; i++) mark[list[i]] = true;
        }
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (mark[j]) {
                mark[j] = false;
                out[k++] = j;
            }
        }
        return k;
    }

    int freshTotal() {
        int t = 0;
        for (int c : freshCount) t += c;
        return t;
    }
}
