package entrycheck.engine;

import entrycheck.semantics.ViolationSink;

/**
 * The first violation of each selected property, where it was found: the number of the state
 * (the source of the transition, or the violating state) and the transition (-1 for a state
 * violation). Since BFS finds states in order of distance, the first is a shortest one.
 * The search sets the position with {@link #at} before each call that may report.
 */
final class FirstViolations implements ViolationSink {
    private final boolean[] selected;
    private final int selectedCount;
    final int[] state;
    final int[] transition;
    final String[] message;
    private int found;
    private int curState;
    private int curTransition;

    FirstViolations(boolean[] selected) {
        this.selected = selected.clone();
        int n = 0;
        for (boolean b : selected) if (b) n++;
        this.selectedCount = n;
        this.state = new int[selected.length];
        this.transition = new int[selected.length];
        this.message = new String[selected.length];
    }

    void at(int stateIndex, int transitionId) {
        curState = stateIndex;
        curTransition = transitionId;
    }

    @Override
    public void violation(int property, String msg) {
        if (property < 0 || property >= selected.length || !selected[property] || message[property] != null) return;
        message[property] = msg;
        state[property] = curState;
        transition[property] = curTransition;
        found++;
    }

    boolean violated(int property) { return message[property] != null; }

    /** True when at least one property is selected and all selected ones are violated. */
    boolean allViolated() { return selectedCount > 0 && found == selectedCount; }
}
