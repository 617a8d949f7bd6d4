package entrycheck.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every state a breadth-first search found, by number (discovery order, which is BFS order),
 * with the number of its BFS parent and the transition that reached it: enough to rebuild a
 * shortest path by replaying transition ids from the initial state (Stateright's path
 * reconstruction, TLC's trace file of (fingerprint, predecessor) pairs). The states between
 * the BFS head and the end are the queue.
 *
 * <p>Storage is chunked ("paged" arrays as in fastutil's BigArrays): chunk {@code i >>> 16}
 * holds states {@code i & 0xFFFF}, so growing never copies the states already stored and the
 * peak memory is the data plus one chunk, where a doubling array would briefly need three
 * times the data. Per state: {@code 8 * words} bytes of state, 4 bytes of parent, 2 bytes of
 * transition id (4 when the model has more than 65535 transitions): a shortest trace costs 6
 * bytes per state. Each chunk is reserved in the {@link MemoryBudget} before it is allocated.
 *
 * <p>Concurrency: {@link #ensure} (one thread) allocates the chunks; afterwards several threads
 * may {@link #set} distinct indices below the ensured capacity, and the caller publishes them
 * (a phase barrier) before anyone reads them.
 */
final class StateStore {
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int CHUNK_MASK = CHUNK - 1;
    /** Largest number of states: indices are ints. */
    static final int MAX_STATES = Integer.MAX_VALUE - CHUNK;

    private final int words;
    private final boolean wideActions;
    private final MemoryBudget budget;
    private long[][] states = new long[8][];
    private int[][] parents = new int[8][];
    private char[][] actions;       // transition ids when they fit in 16 bits
    private int[][] wideActionIds;  // otherwise
    private int chunks;
    private int size;

    StateStore(int words, int transitions) { this(words, transitions, MemoryBudget.unlimited()); }

    StateStore(int words, int transitions, MemoryBudget budget) {
        this.words = words;
        this.wideActions = transitions > Character.MAX_VALUE;
        this.budget = budget;
        if (wideActions) wideActionIds = new int[8][]; else actions = new char[8][];
    }

    int size() { return size; }

    int words() { return words; }

    /** Bytes per stored state (state words, parent, transition id). */
    long bytesPerState() { return 8L * words + 4 + (wideActions ? 4 : 2); }

    private long chunkBytes() { return CHUNK * bytesPerState() + 64; }

    /** Stores a state at the end; {@code parent} -1 and any {@code action} for the initial state. Returns its number. */
    int add(long[] s, int parent, int action) {
        if (ensure(size + 1) <= size) throw new IllegalStateException("state store: memory budget exhausted");
        set(size, s, 0, parent, action);
        return size++;
    }

    /**
     * Makes indices below {@code n} storable, allocating chunks within the budget (the first
     * chunk always: a search needs somewhere to put its initial state). Returns the capacity
     * now available: {@code n}, or less when the budget refused a chunk.
     */
    int ensure(int n) {
        while ((long) chunks << CHUNK_BITS < n) {
            if (chunks == 0) budget.force(chunkBytes());
            else if (!budget.tryReserve(chunkBytes())) return chunks << CHUNK_BITS;
            newChunk(chunks++);
        }
        return n;
    }

    private void newChunk(int c) {
        if (c == states.length) {
            int n = c * 2;
            states = Arrays.copyOf(states, n);
            parents = Arrays.copyOf(parents, n);
            if (wideActions) wideActionIds = Arrays.copyOf(wideActionIds, n); else actions = Arrays.copyOf(actions, n);
        }
        states[c] = new long[CHUNK * words];
        parents[c] = new int[CHUNK];
        if (wideActions) wideActionIds[c] = new int[CHUNK]; else actions[c] = new char[CHUNK];
    }

    /** Writes state {@code idx} (below the ensured capacity) from {@code s[offset .. offset + words)}. */
    void set(int idx, long[] s, int offset, int parent, int action) {
        int c = idx >>> CHUNK_BITS, o = idx & CHUNK_MASK;
        if (words == 1) states[c][o] = s[offset];
        else System.arraycopy(s, offset, states[c], o * words, words);
        parents[c][o] = parent;
        if (wideActions) wideActionIds[c][o] = action; else actions[c][o] = (char) action;
    }

    /** Declares states {@code [0, n)} written; {@code n} must be within the ensured capacity. */
    void setSize(int n) {
        if (n > (long) chunks << CHUNK_BITS) throw new IllegalArgumentException("size beyond capacity");
        size = n;
    }

    /** Copies state {@code idx} into {@code out}. */
    void load(int idx, long[] out) {
        long[] chunk = states[idx >>> CHUNK_BITS];
        int o = idx & CHUNK_MASK;
        if (words == 1) out[0] = chunk[o];
        else System.arraycopy(chunk, o * words, out, 0, words);
    }

    int parent(int idx) { return parents[idx >>> CHUNK_BITS][idx & CHUNK_MASK]; }

    int action(int idx) {
        int c = idx >>> CHUNK_BITS, o = idx & CHUNK_MASK;
        return wideActions ? wideActionIds[c][o] : actions[c][o];
    }

    /** Bytes held, for reporting. */
    long bytes() { return (long) chunks * chunkBytes(); }

    // ------------------------------------------------------------ checkpoints

    /** Writes states {@code [0, n)} (n at most the size): states, parents, transition ids. */
    void writeTo(DataOutputStream out, int n) throws IOException {
        out.writeInt(n);
        long[] s = new long[words];
        for (int i = 0; i < n; i++) {
            load(i, s);
            for (long w : s) out.writeLong(w);
            out.writeInt(parent(i));
            out.writeInt(action(i));
        }
    }

    /** Reads what {@link #writeTo} wrote into this (empty) store; false when the budget cannot hold it. */
    boolean readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STATES) throw new IOException("bad state count " + n);
        if (ensure(n) < n) return false;
        long[] s = new long[words];
        for (int i = 0; i < n; i++) {
            for (int w = 0; w < words; w++) s[w] = in.readLong();
            int parent = in.readInt();
            int action = in.readInt();
            set(i, s, 0, parent, action);
        }
        size = n;
        return true;
    }
}
