package entrycheck.ir;

import java.util.List;

/**
 * A guarded transition. It is enabled in a state when every precondition holds and the guard
 * is non-zero; firing it runs its updates in order (checks included, see {@link Update.Check}).
 *
 * <p>{@code pre} are plain "variable == constant" conjuncts (the nesting depth and the program
 * counter of a step): engines use them to index transitions, so that a state only looks at
 * the transitions that can be enabled in it. They are part of the enabling condition.
 *
 * @param id      index in {@link Program#transitions()}; the deterministic successor order
 * @param label   action label shown in traces, e.g. {@code irqentry_enter.lockdep_hardirqs_off}
 * @param source  kernel source reference, e.g. {@code kernel/entry/common.c:irqentry_enter}, or "" 
 * @param kind    what the transition stands for
 * @param level   the nesting level it runs at (0 = task, 1 = first entry, ...), -1 for plain rules
 * @param vector  the vector delivered or returned from, or the vector whose handler runs this step; "" if none
 */
public record Transition(int id, String label, String source, Kind kind, int level, String vector,
                         List<Pre> pre, Expr guard, List<Update> updates) {

    public Transition {
        pre = List.copyOf(pre);
        updates = List.copyOf(updates);
    }

    public enum Kind {
        /** An atomic step of model code. */
        STEP,
        /** Hardware delivery of a vector: pushes a frame and starts its handler one level deeper. */
        DELIVER,
        /** IRET that ends an entry and returns to the interrupted level. */
        RETURN,
        /** A plain guard ==> updates rule. */
        RULE
    }

    /** A precondition {@code var == value}. */
    public record Pre(int var, int value) { }
}
