package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.semantics.TransitionSystem;
import entrycheck.semantics.ViolationSink;
import java.util.Arrays;

/**
 * The first violation of each selected property found by a search that walks paths (the
 * depth-first search, random walks), with the path that led to it: the transitions from the
 * initial state to the state where it was found, and the violating transition (-1 for a
 * violation of the state itself). Copies the path only when it records a violation, once per
 * property. The search sets the position with {@link #at} before each call that may report.
 */
final class PathViolations implements ViolationSink {
    private final boolean[] selected;
    private final int selectedCount;
    private final int[][] path;
    private final int[] transition;
    private final String[] message;
    private int found;
    private int[] curPath = new int[0];
    private int curLength;
    private int curTransition;

    PathViolations(boolean[] selected) {
        this.selected = selected.clone();
        int n = 0;
        for (boolean b : selected) if (b) n++;
        this.selectedCount = n;
        this.path = new int[selected.length][];
        this.transition = new int[selected.length];
        this.message = new String[selected.length];
    }

    /** The search is at the end of {@code path[0 .. length)}, firing {@code transitionId} (or -1). */
    void at(int[] path, int length, int transitionId) {
        curPath = path;
        curLength = length;
        curTransition = transitionId;
    }

    @Override
    public void violation(int property, String msg) {
        if (property < 0 || property >= selected.length || !selected[property] || message[property] != null) return;
        found++;
        path[property] = Arrays.copyOf(curPath, curLength);
        transition[property] = curTransition;
        message[property] = msg;
    }

    boolean allViolated() { return selectedCount > 0 && found == selectedCount; }

    /** The verdict of {@code property}: its trace, rebuilt by replay, or null when not violated. */
    Verdict verdict(Program program, TransitionSystem system, int property) {
        if (message[property] == null) return null;
        return new Verdict.Violated(new TraceBuilder(program, system)
                .build(property, path[property], null, transition[property], message[property]));
    }
}
