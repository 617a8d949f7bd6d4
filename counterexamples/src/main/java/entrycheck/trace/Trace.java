package entrycheck.trace;

import entrycheck.ir.Program;
import java.util.List;

/**
 * A counterexample: the initial state, then one step per fired transition, ending in the state
 * (or at the transition) that violates {@code property}. Rebuilt by replaying recorded
 * transition ids from the initial state, so it is exactly what the model does.
 *
 * @param program   the model it belongs to
 * @param property  index into {@link Program#properties()}
 * @param initial   the initial state (packed)
 * @param steps     the steps, in order
 * @param message   what failed, in words (the failing check's message, or the invariant)
 * @param loopStart for a liveness (lasso) trace, the index of the step where the loop starts; -1 otherwise
 */
public record Trace(Program program, int property, long[] initial, List<Step> steps, String message, int loopStart) {

    public Trace { steps = List.copyOf(steps); }

    /**
     * One fired transition.
     *
     * @param transition index into {@link Program#transitions()}
     * @param after      the packed state after the step
     */
    public record Step(int transition, long[] after) { }
}
