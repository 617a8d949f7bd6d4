package entrycheck.symbolic;

import entrycheck.ir.Program;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.DomainError;
import entrycheck.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the actions of a solution into a counterexample by replaying them through the explicit
 * semantics ({@link CompiledProgram}), so the trace is exactly what the model does and has the
 * explicit engine's messages. It is also a cross-check of the translation: a solution that
 * does not replay, or replays without the violation, is a bug in the bounded engine and is
 * reported as such ({@link IllegalStateException}), never printed as a counterexample.
 */
final class Replay {
    /** The explicit engine's words for a deadlock (engine.Search). */
    static final String DEADLOCK_MESSAGE = "deadlock: no transition is enabled and the state is not an allowed end state";

    private Replay() { }

    /** A first violation reported by the semantics. */
    private static final class First {
        int property = -1;
        String message;

        void report(int p, String m) {
            if (property < 0) {
                property = p;
                message = m;
            }
        }
    }

    /**
     * @param selected per property id: searched for (the same selection the query was built with)
     * @param actions  the transition of each step
     * @throws IllegalStateException when the actions do not replay to a violation
     */
    static Trace trace(Program program, boolean[] selected, int[] actions) {
        CompiledProgram system = CompiledProgram.compile(program, selected);
        long[] initial = system.initial();
        long[] s = initial.clone();
        List<Trace.Step> steps = new ArrayList<>();
        First first = new First();
        int[] buf = new int[Math.max(1, system.transitionCount())];
        if (actions.length == 0) {
            stateViolation(system, s, first, buf);
            return result(program, initial, steps, first, 0);
        }
        for (int i = 0; i < actions.length; i++) {
            int t = actions[i];
            if (!isEnabled(system, s, t, buf)) {
                throw new IllegalStateException(disagree(i, "transition " + t + " is not enabled"));
            }
            long[] next = new long[system.words()];
            boolean ok = system.fire(s, t, next, i == actions.length - 1 ? first::report : (p, m) -> { });
            steps.add(new Trace.Step(t, next));
            if (i < actions.length - 1 && !ok) {
                throw new IllegalStateException(disagree(i, "transition " + t + " has a runtime error"));
            }
            if (i == actions.length - 1 && first.property < 0 && ok) stateViolation(system, next, first, buf);
            s = next;
        }
        return result(program, initial, steps, first, actions.length);
    }

    private static Trace result(Program program, long[] initial, List<Trace.Step> steps, First first, int depth) {
        if (first.property < 0) {
            throw new IllegalStateException("bounded engine and explicit semantics disagree: the solution's "
                    + depth + " steps replay without a violation");
        }
        return new Trace(program, first.property, initial, steps, first.message, -1);
    }

    /** Invariants, then deadlock, as the explicit engine checks a new state. */
    private static void stateViolation(CompiledProgram system, long[] s, First first, int[] buf) {
        system.checkInvariants(s, first::report);
        if (first.property >= 0 || system.deadlockProperty() < 0) return;
        if (system.enabled(s, buf) > 0) return;
        try {
            if (!system.isEnd(s)) first.report(system.deadlockProperty(), DEADLOCK_MESSAGE);
        } catch (DomainError e) {
            if (system.domainProperty() >= 0) first.report(system.domainProperty(), "end condition: " + e.getMessage());
        }
    }

    private static boolean isEnabled(CompiledProgram system, long[] s, int t, int[] buf) {
        int n = system.enabled(s, buf);
        for (int i = 0; i < n; i++) if (buf[i] == t) return true;
        return false;
    }

    private static String disagree(int step, String what) {
        return "bounded engine and explicit semantics disagree at step " + (step + 1) + ": " + what;
    }
}
