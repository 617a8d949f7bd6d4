package entrycheck.engine;

import entrycheck.semantics.ViolationSink;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The canonical violation of each selected property found so far by a breadth-first search:
 * where it was found (the number of the state: the source of the transition, or the violating
 * state; the transition, -1 for a violation of the state itself) and the length of its trace.
 *
 * <p>Of several violations of one property the canonical one is the least in the order
 * (length, state number, transition id): a shortest trace, and among the shortest the one the
 * sequential search meets first. The order does not depend on the order in which reports
 * arrive, so workers that expand different parts of a level each keep their own instance and
 * {@link #mergeFrom} gives the same result for every split and every thread count; ties (two
 * failing checks of one property in one transition) keep the first report.
 *
 * <p>The search sets the position with {@link #at} before each call that may report.
 */
final class FirstViolations implements ViolationSink {
    private final boolean[] selected;
    private final int selectedCount;
    final int[] state;
    final int[] transition;
    final String[] message;
    final int[] length;
    private int found;
    /**
     * The position set by {@link #at}: state, transition, trace length at {@code CURSOR},
     * {@code CURSOR + 1}, {@code CURSOR + 2}. {@link #at} runs once per transition on every
     * worker of a parallel search, each with its own instance; plain fields of two instances
     * could share a cache line (false sharing, see ParallelBfs.Lane), so the cursor sits in
     * the middle of an array with 64 unused bytes on each side.
     */
    private final int[] cursor = new int[CURSOR + 3 + 16];
    private static final int CURSOR = 16;

    FirstViolations(boolean[] selected) {
        this.selected = selected.clone();
        int n = 0;
        for (boolean b : selected) if (b) n++;
        this.selectedCount = n;
        this.state = new int[selected.length];
        this.transition = new int[selected.length];
        this.message = new String[selected.length];
        this.length = new int[selected.length];
    }

    /**
     * @param stateIndex   the state being checked or expanded
     * @param transitionId the transition being fired, or -1
     * @param stateDepth   the BFS depth of the state (the trace length grows by one with a transition)
     */
    void at(int stateIndex, int transitionId, int stateDepth) {
        int[] c = cursor;
        c[CURSOR] = stateIndex;
        c[CURSOR + 1] = transitionId;
        c[CURSOR + 2] = transitionId >= 0 ? stateDepth + 1 : stateDepth;
    }

    @Override
    public void violation(int property, String msg) {
        if (property < 0 || property >= selected.length || !selected[property]) return;
        offer(property, cursor[CURSOR + 2], cursor[CURSOR], cursor[CURSOR + 1], msg);
    }

    private void offer(int p, int len, int st, int tr, String msg) {
        if (message[p] == null) {
            found++;
        } else if (!(len < length[p] || len == length[p] && (st < state[p] || st == state[p] && tr < transition[p]))) {
            return;
        }
        message[p] = msg;
        state[p] = st;
        transition[p] = tr;
        length[p] = len;
    }

    /** Takes the violations of {@code other} that precede this one's in the canonical order. */
    void mergeFrom(FirstViolations other) {
        for (int p = 0; p < message.length; p++) {
            if (other.message[p] != null) offer(p, other.length[p], other.state[p], other.transition[p], other.message[p]);
        }
    }

    /** Forgets everything. */
    void clear() {
        for (int p = 0; p < message.length; p++) message[p] = null;
        found = 0;
    }

    /** Makes this a copy of {@code other}. */
    void copyFrom(FirstViolations other) {
        clear();
        mergeFrom(other);
    }

    boolean violated(int property) { return message[property] != null; }

    /** True when at least one property is selected and all selected ones are violated. */
    boolean allViolated() { return selectedCount > 0 && found == selectedCount; }

    /**
     * True when every selected property has a violation that no later part of the search can
     * replace, once level {@code level} is fully expanded (every state of depth up to
     * {@code level + 1} stored and checked). A recorded violation is final when its trace has
     * at most {@code level} steps; or it is reached by a transition (every later report has a
     * longer trace, or the same length from a later source); or its property cannot be
     * reported at a state being expanded. Only deadlocks and domain errors in the end
     * condition are reported at expansion, where a lower-numbered state of depth
     * {@code level + 1} may still give a trace of the same length.
     */
    boolean allFinal(int level, int deadlockProperty, int domainProperty) {
        if (!allViolated()) return false;
        for (int p = 0; p < message.length; p++) {
            if (message[p] == null) continue;
            boolean expansionReported = p == deadlockProperty || p == domainProperty;
            if (length[p] > level && transition[p] < 0 && expansionReported) return false;
        }
        return true;
    }

    // ------------------------------------------------------------ checkpoints

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(message.length);
        for (int p = 0; p < message.length; p++) {
            out.writeBoolean(message[p] != null);
            if (message[p] == null) continue;
            out.writeInt(state[p]);
            out.writeInt(transition[p]);
            out.writeInt(length[p]);
            out.writeUTF(message[p]);
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        clear();
        int n = in.readInt();
        if (n != message.length) throw new IOException("checkpoint has " + n + " properties, the model " + message.length);
        for (int p = 0; p < n; p++) {
            if (!in.readBoolean()) continue;
            int st = in.readInt(), tr = in.readInt(), len = in.readInt();
            offer(p, len, st, tr, in.readUTF());
        }
    }
}
