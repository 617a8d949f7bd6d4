package entrycheck.engine;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.semantics.CompiledProgram;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The explicit-state checker: compiles a program once and explores it with the engine the
 * options name.
 * <ul>
 *   <li>{@link CheckOptions.Engine#BFS}: breadth-first ({@link ParallelBfs}), on
 *       {@link CheckOptions#threads()} threads with the same result for every thread count;
 *       shortest counterexamples; checkpoints and resume.</li>
 *   <li>{@link CheckOptions.Engine#DFS}: depth-first with an explicit stack ({@link DfsEngine}),
 *       one thread; needs no state store, so it reaches further in the same memory;
 *       counterexamples are the DFS path, not necessarily shortest.</li>
 *   <li>{@link CheckOptions.Engine#RANDOM}: random walks ({@link RandomWalk}), one thread,
 *       reproducible from the seed; finds violations, never proves a property.</li>
 * </ul>
 * Every violation is rebuilt into a trace by replaying its transitions from the initial state.
 */
public final class Checker {
    private Checker() { }

    public static CheckResult check(Program program, CheckOptions options) {
        return check(program, options, SearchMonitor.NONE);
    }

    /**
     * @throws IllegalArgumentException when {@code options} names a property the model does not
     *         have, or asks for checkpoints of an engine other than BFS
     * @throws CheckpointException      when a checkpoint cannot be written, or the one to resume
     *         cannot be read or belongs to another run
     */
    public static CheckResult check(Program program, CheckOptions options, SearchMonitor monitor) {
        return check(program, options, monitor, null);
    }

    /**
     * As {@link #check(Program, CheckOptions, SearchMonitor)}, for a search that runs alongside
     * others: the calling thread holds one of {@code cores}, and the breadth-first search borrows
     * its helper threads from the spare ones ({@link Cores}). The result is the same.
     *
     * @param cores null: the search runs {@link CheckOptions#threads()} threads of its own
     */
    public static CheckResult check(Program program, CheckOptions options, SearchMonitor monitor, Cores cores) {
        boolean[] selected = select(program, options.properties());
        if (options.engine() != CheckOptions.Engine.BFS) withoutLiveness(program, options, selected);
        if (options.engine() != CheckOptions.Engine.BFS && (options.checkpointDir() != null || options.resumeDir() != null)) {
            throw new IllegalArgumentException("checkpoints are written and resumed by the breadth-first search only");
        }
        CompiledProgram system = CompiledProgram.compile(program, selected);
        switch (options.engine()) {
            case DFS: return new DfsEngine(program, system, selected, options, monitor).run();
            case RANDOM: return new RandomWalk(program, system, selected, options, monitor).run();
            default:
                ParallelBfs bfs = new ParallelBfs(program, system, selected, options, monitor, ParallelBfs.Tuning.DEFAULT, cores);
                CheckResult result = bfs.run();
                return Liveness.apply(result, program, system, bfs.store(), selected, monitor);
        }
    }

    /**
     * The depth-first and random engines do not check liveness (a lasso needs every reachable
     * state and its BFS number): with every property selected they leave the liveness
     * properties out of the result; naming one with {@code -p} is an error.
     *
     * @throws IllegalArgumentException when {@code options} names a liveness property
     */
    private static void withoutLiveness(Program program, CheckOptions options, boolean[] selected) {
        for (Property p : program.properties()) {
            if (!p.kind().isLiveness() || !selected[p.id()]) continue;
            if (options.properties().contains(p.name())) {
                throw new IllegalArgumentException("'" + p.name() + "' is a liveness property: only the breadth-first engine checks it"
                        + " (use --engine bfs)");
            }
            selected[p.id()] = false;
        }
    }

    /**
     * The selected properties by id: the named ones, or all when {@code names} is empty.
     *
     * @throws IllegalArgumentException for a name the model does not have
     */
    static boolean[] select(Program program, Set<String> names) {
        boolean[] selected = new boolean[program.properties().size()];
        if (names.isEmpty()) {
            Arrays.fill(selected, true);
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
