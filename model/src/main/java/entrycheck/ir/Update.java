package entrycheck.ir;

import java.util.List;

/**
 * A state change. The updates of a transition run in sequence (C-like): each one sees the
 * effect of the ones before it. Assigning a value outside a variable's domain is a runtime
 * error of the model (built-in property {@code domain}).
 */
public sealed interface Update {

    record Assign(int var, Expr value) implements Update { }

    /** {@code vars[index - base] = value}. An index outside the array is a {@code domain} error. */
    record AssignIndexed(int[] vars, Expr index, int base, Expr value) implements Update { }

    record If(Expr cond, List<Update> then, List<Update> otherwise) implements Update {
        public If { then = List.copyOf(then); otherwise = List.copyOf(otherwise); }
    }

    /**
     * A check at this point of the sequence: when {@code holds} evaluates to 0 in the state as
     * updated so far, property {@code property} is violated by this transition. The updates
     * continue either way (the successor is still generated and explored), so one search finds
     * the shortest violation of every property.
     *
     * @param property index into {@link Program#properties()}
     * @param message  what failed, in words, for traces ("cpu.pkrs at return differs from its value at delivery")
     */
    record Check(int property, Expr holds, String message) implements Update { }
}
