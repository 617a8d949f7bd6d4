package entrycheck.engine;

import entrycheck.semantics.ViolationSink;

/**
 * A shortest violation of each selected property, where it was found: the number of the state
 * (the source of the transition, or the violating state), the transition (-1 for a state
 * violation) and the length of its trace. BFS reports violations almost in order of length;
 * the one exception is a domain error in the end condition of a state being expanded, which
 * is one step shorter than the transition violations of the same level reported before it,
 * so a later violation replaces a recorded one when it is strictly shorter (ties keep the
 * first, which makes the choice deterministic). The search sets the position with {@link #at}
 * before each call that may report.
 */
final class FirstViolations implements ViolationSink {
    private final boolean[] selected;
    private final int selectedCount;
    final int[] state;
    final int[] transition;
    final String[] message;
    private final int[] length;
    private int found;
    private int curState;
    private int curTransition;
    private int curLength;

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
        curState = stateIndex;
        curTransition = transitionId;
        curLength = transitionId >= 0 ? stateDepth + 1 : stateDepth;
    }

    @Override
    public void violation(int property, String msg) {
        if (property < 0 || property >= selected.length || !selected[property]) return;
        if (message[property] == null) found++;
        else if (curLength >= length[property]) return;
        message[property] = msg;
        state[property] = curState;
        transition[property] = curTransition;
        length[property] = curLength;
    }

    boolean violated(int property) { return message[property] != null; }

    /** True when at least one property is selected and all selected ones are violated. */
    boolean allViolated() { return selectedCount > 0 && found == selectedCount; }
}
