package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import java.util.List;

/** A transition before it gets its id (its position in the program). */
record Draft(String label, String source, Transition.Kind kind, int level, String vector,
             List<Transition.Pre> pre, Expr guard, List<Update> updates) {

    Transition withId(int id) {
        return new Transition(id, label, source, kind, level, vector, pre, guard, updates);
    }
}
