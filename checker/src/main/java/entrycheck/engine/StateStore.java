package entrycheck.engine;

import java.util.Arrays;

/**
 * Every state found, by number (discovery order, which is BFS order), with the number of its
 * BFS parent and the transition that reached it: enough to rebuild a shortest path by
 * replaying transition ids from the initial state (Stateright's path reconstruction, TLC's
 * trace file of (fingerprint, predecessor) pairs). The states between the BFS head and the
 * end are the queue.
 *
 * <p>Storage is chunked ("paged" arrays as in fastutil's BigArrays): chunk {@code i >>> 16}
 * holds states {@code i & 0xFFFF}, so growing never copies the states already stored and the
 * peak memory is the data plus one chunk, where a doubling array would briefly need three
 * times the data. Per state: {@code 8 * words} bytes of state, 4 bytes of parent, 2 bytes of
 * transition id (4 when the model has more than 65535 transitions).
 *
 * <p>Not thread-safe.
 */
final class StateStore {
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int CHUNK_MASK = CHUNK - 1;
    /** Largest number of states: indices are ints. */
    static final int MAX_STATES = Integer.MAX_VALUE - CHUNK;

    private final int words;
    private final boolean wideActions;
    private long[][] states = new long[8][];
    private int[][] parents = new int[8][];
    private char[][] actions;       // transition ids when they fit in 16 bits
    private int[][] wideActionIds;  // otherwise
    private int size;

    StateStore(int words, int transitions) {
        this.words = words;
        this.wideActions = transitions > Character.MAX_VALUE;
        if (wideActions) wideActionIds = new int[8][]; else actions = new char[8][];
    }

    int size() { return size; }

    /** Stores a state; {@code parent} -1 and any {@code action} for the initial state. Returns its number. */
    int add(long[] s, int parent, int action) {
        return add(s, 0, parent, action);
    }

    /** Stores the state at {@code s[offset .. offset + words)}. */
    int add(long[] s, int offset, int parent, int action) {
        int idx = size;
        int c = idx >>> CHUNK_BITS, o = idx & CHUNK_MASK;
        if (o == 0) newChunk(c);
        if (words == 1) states[c][o] = s[offset];
        else System.arraycopy(s, offset, states[c], o * words, words);
        parents[c][o] = parent;
        if (wideActions) wideActionIds[c][o] = action; else actions[c][o] = (char) action;
        size = idx + 1;
        return idx;
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
    long bytes() {
        long chunks = (size + CHUNK - 1) >>> CHUNK_BITS;
        return chunks * CHUNK * (8L * words + 4 + (wideActions ? 4 : 2));
    }
}
