package entrycheck.trace;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import entrycheck.ir.StateLayout;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.DomainError;
import entrycheck.semantics.TransitionSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-executes a trace file against a model: the one it was found on (does it still fail?) or
 * another one, such as a fixed design (does the fix work?).
 *
 * <p>Steps are matched by their action label: step i must be a transition enabled in the state
 * reached so far whose label is the step's action (or, failing that, whose label is the same
 * once the line number of an unlabelled step in a trace of an older version, {@code proc:LINE stmt},
 * and the ordinal of a repeated statement, {@code proc: stmt #k}, are left out). When several enabled transitions carry that
 * label (a procedure inlined twice at one level), the one whose successor agrees with the
 * recorded state on the most variables of the same name is taken, then the first. Values are
 * otherwise not required to match, so a fixed design whose steps compute other values still
 * fits the trace. The violation is reproduced at the first step where the trace's property is
 * violated (a failing check or domain error of the fired transition, an invariant in the state
 * reached, or a deadlock in the final state).
 */
public final class Replay {
    private Replay() { }

    /** What replaying a trace established. */
    public sealed interface Result {
        /** The property is violated again, at step {@code step}. */
        record Reproduced(int step, String message) implements Result { }
        /** Every step fits, and the property is not violated: the fix worked. */
        record NotReproduced(int steps) implements Result { }
        /** Step {@code step} (0 = the start) does not fit the model. */
        record Diverged(int step, String why) implements Result { }
    }

    public static Result replay(TraceDocument trace, Program program) {
        Property target = program.property(trace.property().name());
        if (target == null) {
            return new Result.Diverged(0, "the model has no property '" + trace.property().name() + "'");
        }
        TransitionSystem ts;
        try {
            ts = CompiledProgram.compile(program);
        } catch (RuntimeException e) {
            return new Result.Diverged(0, "the model cannot be executed: " + e.getMessage());
        }
        Map<Integer, Integer> common = commonVars(trace, program);
        long[] state = ts.initial();
        List<String> found = new ArrayList<>();
        ts.checkInvariants(state, (p, m) -> { if (p == target.id()) found.add(m); });
        if (!found.isEmpty()) return new Result.Reproduced(0, found.get(0));
        int[] buf = new int[ts.transitionCount()];
        long[] next = new long[ts.words()];
        long[] best = new long[ts.words()];
        int steps = trace.steps().size() - 1;
        boolean lasso = target.kind().isLiveness();
        long[][] visited = lasso ? new long[steps + 1][] : null;
        int[] taken = lasso ? new int[steps + 1] : null;
        if (lasso) visited[0] = state.clone();
        for (int i = 1; i <= steps; i++) {
            TraceDocument.StepInfo step = trace.steps().get(i);
            int n;
            try {
                n = ts.enabled(state, buf);
            } catch (DomainError e) {
                return new Result.Diverged(i, "cannot evaluate the guards in the state before this step: " + e.getMessage());
            }
            int chosen = -1;
            int bestScore = -1;
            boolean bestOk = false;
            List<String> bestFound = List.of();
            boolean exact = false;
            for (int k = 0; k < n && !exact; k++) exact = program.transitions().get(buf[k]).label().equals(step.action());
            for (int k = 0; k < n; k++) {
                Transition t = program.transitions().get(buf[k]);
                if (exact ? !t.label().equals(step.action()) : !withoutLine(t.label()).equals(withoutLine(step.action()))) continue;
                List<String> f = new ArrayList<>();
                boolean ok = ts.fire(state, buf[k], next, (p, m) -> { if (p == target.id()) f.add(m); });
                int score = agreement(next, step.values(), common, program);
                if (score > bestScore) {
                    bestScore = score;
                    chosen = buf[k];
                    bestOk = ok;
                    bestFound = f;
                    System.arraycopy(next, 0, best, 0, next.length);
                }
            }
            if (chosen < 0) return new Result.Diverged(i, notEnabled(step, program, buf, n));
            if (!bestFound.isEmpty()) return new Result.Reproduced(i, bestFound.get(0));
            if (!bestOk) {
                return new Result.Diverged(i, "'" + step.action() + "' fails with a domain error here, which ends the trace early");
            }
            long[] tmp = state;
            state = best;
            best = tmp;
            if (lasso) {
                visited[i] = state.clone();
                taken[i] = chosen;
            }
            ts.checkInvariants(state, (p, m) -> { if (p == target.id()) found.add(m); });
            if (!found.isEmpty()) return new Result.Reproduced(i, found.get(0));
        }
        if (lasso) return lasso(trace, program, ts, target, visited, taken);
        if (target.kind() == Property.Kind.DEADLOCK) {
            try {
                if (ts.enabled(state, buf) == 0 && !ts.isEnd(state)) {
                    return new Result.Reproduced(steps, "no transition is enabled and this is not an allowed end state");
                }
            } catch (DomainError e) {
                return new Result.Reproduced(steps, e.getMessage());
            }
        }
        return new Result.NotReproduced(steps);
    }

    /**
     * A liveness trace is reproduced when its loop (steps loopStart+1 .. n) is a counterexample
     * of the model's property: it closes (the last state is the state at loopStart), the nesting
     * depth stays >= 1 on it, the property's {@code unless} condition is false on it, it has no
     * environment delivery unless the property allows storms, and it is weakly fair (every
     * instruction transition enabled in all of its states is taken on it).
     */
    private static Result lasso(TraceDocument trace, Program program, TransitionSystem ts, Property target,
                                long[][] visited, int[] taken) {
        int n = visited.length - 1;
        int from = trace.loopStart();
        if (from < 0 || from >= n) return new Result.Diverged(n, "a liveness trace needs a loop: loopStart must be a step before the last");
        if (program.nesting() == null) return new Result.Diverged(0, "the model has no nesting");
        if (!java.util.Arrays.equals(visited[from], visited[n])) return new Result.NotReproduced(n);
        int depthVar = program.nesting().depth();
        Var depth = program.layout().var(depthVar);
        entrycheck.semantics.Condition unless = null;
        for (entrycheck.ir.Invariant u : program.unless()) {
            if (u.property() == target.id()) unless = CompiledProgram.condition(program, u.holds());
        }
        boolean storms = target.kind() == Property.Kind.RETURNS_UNDER_STORMS;
        int[] buf = new int[Math.max(1, ts.transitionCount())];
        int[] always = null;
        for (int i = from; i < n; i++) {
            if (StateLayout.get(visited[i], depth) < 1) return new Result.NotReproduced(n);
            if (unless != null && holdsOrFalse(unless, visited[i])) return new Result.NotReproduced(n);
            if (!storms && program.transitions().get(taken[i + 1]).isEnvironment(depthVar)) return new Result.NotReproduced(n);
            int k = ts.enabled(visited[i], buf);
            java.util.Set<Integer> here = new java.util.HashSet<>();
            for (int j = 0; j < k; j++) if (!program.transitions().get(buf[j]).isEnvironment(depthVar)) here.add(buf[j]);
            if (always == null) always = here.stream().mapToInt(Integer::intValue).toArray();
            else always = java.util.Arrays.stream(always).filter(here::contains).toArray();
        }
        java.util.Set<Integer> loop = new java.util.HashSet<>();
        for (int i = from + 1; i <= n; i++) loop.add(taken[i]);
        for (int t : always) if (!loop.contains(t)) return new Result.NotReproduced(n);
        return new Result.Reproduced(n, "steps " + (from + 1) + ".." + n + " repeat forever and no entry on them returns");
    }

    private static boolean holdsOrFalse(entrycheck.semantics.Condition c, long[] s) {
        try {
            return c.test(s);
        } catch (DomainError e) {
            return false;
        }
    }

    /**
     * An unlabelled step is named {@code proc: statement}, or {@code proc: statement #k} when the
     * procedure has several such statements; traces written before unlabelled steps lost their
     * line numbers carry {@code proc:LINE statement}. When no label matches exactly, labels are compared
     * without the line and the ordinal (an inserted copy of a statement shifts the ordinals).
     */
    static String withoutLine(String label) {
        return label.replaceFirst("^([^:\\s]+):\\d+ ", "$1: ").replaceFirst(" #\\d+( \\(|$)", "$1");
    }

    /** program var id -> trace var index, for the variables both have (by name). */
    private static Map<Integer, Integer> commonVars(TraceDocument trace, Program program) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < trace.vars().size(); i++) byName.put(trace.vars().get(i).name(), i);
        Map<Integer, Integer> out = new HashMap<>();
        for (Var v : program.layout().vars()) {
            Integer i = byName.get(v.name());
            if (i != null) out.put(v.id(), i);
        }
        return out;
    }

    private static int agreement(long[] state, int[] recorded, Map<Integer, Integer> common, Program program) {
        int score = 0;
        for (Map.Entry<Integer, Integer> e : common.entrySet()) {
            if (StateLayout.get(state, program.layout().var(e.getKey())) == recorded[e.getValue()]) score++;
        }
        return score;
    }

    private static String notEnabled(TraceDocument.StepInfo step, Program program, int[] buf, int n) {
        Set<String> labels = new LinkedHashSet<>();
        for (int k = 0; k < n; k++) labels.add(program.transitions().get(buf[k]).label());
        boolean exists = program.transitions().stream().anyMatch(t -> t.label().equals(step.action()));
        String why = exists ? "'" + step.action() + "' is not enabled here"
                : "the model has no step '" + step.action() + "'";
        return why + (labels.isEmpty() ? " (nothing is enabled)" : "; enabled: " + String.join(", ", labels));
    }
}
