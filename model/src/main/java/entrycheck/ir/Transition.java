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

    /**
     * True for a delivery that completes no instruction: an asynchronous or {@code sync anywhere}
     * delivery (no code-location precondition), or the {@code (fault)} of a {@code may_raise}
     * (the pc stays at the faulting instruction). A {@code raise} is a trap: the instruction
     * completes and its pc advances in the same transition, so it is not one. Liveness treats
     * these as the environment, with no fairness (LANGUAGE.md section 9).
     *
     * @param depthVar the nesting depth variable ({@link Program.Nesting#depth()})
     */
    public boolean isEnvironment(int depthVar) {
        if (kind != Kind.DELIVER) return false;
        for (Pre p : pre) {
            if (p.var() == depthVar) continue;
            for (Update u : updates) if (u instanceof Update.Assign a && a.var() == p.var()) return false;
        }
        return true;
    }

    /** A precondition {@code var == value}. */
    public record Pre(int var, int value) { }
}
