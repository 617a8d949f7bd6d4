package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.semantics.TransitionSystem;
import entrycheck.semantics.ViolationSink;
import entrycheck.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds a counterexample by replaying recorded transition ids from the initial state
 * (Stateright's habit): the trace is exactly what the model does. The path comes from the
 * parents in a {@link StateStore} (breadth-first search) or from the search's own path (the
 * stack of a depth-first search, the steps of a random walk); in the first case each replayed
 * end state is compared with the stored one, so a nondeterministic successor function would be
 * caught here.
 */
final class TraceBuilder {
    private final Program program;
    private final TransitionSystem system;

    TraceBuilder(Program program, TransitionSystem system) {
        this.program = program;
        this.system = system;
    }

    /**
     * The trace to a state of a breadth-first search.
     *
     * @param stateIndex the violating state, or the source of the violating transition
     * @param transition the violating transition, or -1 for a violation of the state itself
     */
    Trace build(StateStore store, int property, int stateIndex, int transition, String message) {
        int len = 0;
        for (int i = stateIndex; store.parent(i) >= 0; i = store.parent(i)) len++;
        int[] path = new int[len];
        for (int i = stateIndex, k = len - 1; k >= 0; i = store.parent(i), k--) path[k] = store.action(i);
        long[] stored = new long[system.words()];
        store.load(stateIndex, stored);
        return build(property, path, stored, transition, message);
    }

    /**
     * The trace that fires {@code path} from the initial state, then {@code transition} (if not -1).
     *
     * @param expected the state the path must reach, or null not to compare
     * @throws IllegalStateException when the path is not a run of the model
     */
    Trace build(int property, int[] path, long[] expected, int transition, String message) {
        int words = system.words();
        long[] initial = system.initial();
        long[] s = initial.clone();
        List<Trace.Step> steps = new ArrayList<>(path.length + 1);
        int[] buf = new int[Math.max(1, system.transitionCount())];
        for (int t : path) {
            long[] next = new long[words];
            if (!isEnabled(s, t, buf) || !system.fire(s, t, next, ViolationSink.IGNORE)) {
                throw new IllegalStateException("replay diverged at transition " + t);
            }
            steps.add(new Trace.Step(t, next));
            s = next;
        }
        if (expected != null && !Arrays.equals(s, expected)) throw new IllegalStateException("replay does not reach the stored state");
        if (transition >= 0) {
            long[] next = new long[words];
            system.fire(s, transition, next, ViolationSink.IGNORE); // false for a domain error: next is partial
            steps.add(new Trace.Step(transition, next));
        }
        return new Trace(program, property, initial, steps, message, -1);
    }

    private boolean isEnabled(long[] s, int t, int[] buf) {
        int n = system.enabled(s, buf);
        for (int i = 0; i < n; i++) if (buf[i] == t) return true;
        return false;
    }
}
