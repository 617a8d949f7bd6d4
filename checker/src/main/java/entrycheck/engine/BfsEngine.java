package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.semantics.CompiledProgram;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explicit-state breadth-first search over the IR.
 *
 * <p>One search checks every selected property: invariants on every new state (the initial
 * one included), step checks at their transition, domain errors, and deadlocks (a state with
 * no enabled transition that is not an allowed end state). The first violation of each
 * property is kept; BFS makes its trace a shortest one. The search explores the whole
 * reachable state space unless a limit stops it (max states, time limit) or every selected
 * property is already violated; then the result is incomplete, and properties without a
 * violation are {@link Verdict.Incomplete}.
 *
 * <p>Counting: {@code distinctStates} includes the initial state; {@code transitions} counts
 * every successor computation (every enabled transition of every explored state, including
 * those that end in a domain error or reach a known state).
 *
 * <p>Sequential: {@link CheckOptions#threads()} is ignored for now.
 */
public final class BfsEngine {
    private BfsEngine() { }

    /**
     * Explores {@code program} and returns a verdict per property (shortest traces for violations).
     *
     * @throws IllegalArgumentException when {@code options} names a property the model does not have
     */
    public static CheckResult check(Program program, CheckOptions options) {
        boolean[] selected = select(program, options.properties());
        CompiledProgram system = CompiledProgram.compile(program, selected);
        return new Search(program, system, selected, options).run();
    }

    static boolean[] select(Program program, Set<String> names) {
        boolean[] selected = new boolean[program.properties().size()];
        if (names.isEmpty()) {
            java.util.Arrays.fill(selected, true);
            return selected;
        }
        for (String name : new TreeSet<>(names)) {
            Property p = program.property(name);
            if (p == null) {
                Set<String> known = new TreeSet<>();
                for (Property q : program.properties()) known.add(q.name());
                throw new IllegalArgumentException("unknown property '" + name + "'; the model has: " + String.join(", ", known));
            }
            selected[p.id()] = true;
        }
        return selected;
    }
}
