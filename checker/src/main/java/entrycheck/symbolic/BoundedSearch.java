package entrycheck.symbolic;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bounded model checking by iterative deepening: asks the backend for a violation with a trace
 * of exactly 0, 1, 2, ... K steps ({@link Unrolling}) and stops at the first depth that has one,
 * so the trace found is a shortest one, of the same length as the explicit engine's. A
 * solution becomes a trace by replaying its actions through the explicit semantics
 * ({@link Replay}).
 *
 * <p>An independent second engine: it shares with the explicit engine only the IR and the
 * semantics used to replay a solution, not the successor generation that it checks.
 */
public final class BoundedSearch {
    private BoundedSearch() { }

    /**
     * @throws IllegalArgumentException  when {@code options} names a property the model does not have
     * @throws UnsupportedModelException when the model is outside what the engine translates
     */
    public static BoundedResult run(Program program, BoundedOptions options, SolverBackend backend) {
        boolean[] selected = select(program, options.properties());
        long start = System.nanoTime();
        Duration limit = options.timeLimit();
        List<BoundedResult.DepthRun> runs = new ArrayList<>();
        long reach = System.nanoTime();
        boolean[][] possible = Unrolling.possibleSteps(program, selected, options.depth());
        reach = System.nanoTime() - reach; // part of translating, counted with depth 0
        for (int depth = 0; depth <= options.depth(); depth++) {
            Duration left = null;
            if (limit != null) {
                left = limit.minusNanos(System.nanoTime() - start);
                if (left.isNegative() || left.isZero()) {
                    return new BoundedResult.Stopped(depth - 1, "time limit", runs, System.nanoTime() - start);
                }
            }
            long t0 = System.nanoTime();
            Unrolling.Unrolled u = Unrolling.translate(program, selected, depth, possible);
            long translate = System.nanoTime() - t0 + (depth == 0 ? reach : 0);
            Answer answer = backend.solve(u.query(), left);
            if (answer instanceof Answer.Satisfiable sat) {
                runs.add(new BoundedResult.DepthRun(depth, translate, BoundedResult.Outcome.VIOLATION, sat.stats()));
                int[] actions = new int[depth];
                for (int i = 0; i < depth; i++) actions[i] = sat.values()[u.actions()[i]];
                return new BoundedResult.Violated(Replay.trace(program, selected, actions), runs, System.nanoTime() - start);
            }
            if (answer instanceof Answer.Unknown unknown) {
                runs.add(new BoundedResult.DepthRun(depth, translate, BoundedResult.Outcome.UNKNOWN, unknown.stats()));
                return new BoundedResult.Stopped(depth - 1, unknown.reason(), runs, System.nanoTime() - start);
            }
            runs.add(new BoundedResult.DepthRun(depth, translate, BoundedResult.Outcome.NONE, answer.stats()));
        }
        return new BoundedResult.NoneWithin(options.depth(), runs, System.nanoTime() - start);
    }

    /**
     * Per property id: is it searched for ({@code names} empty: all but the liveness properties,
     * which a finite unrolling cannot violate).
     *
     * @throws IllegalArgumentException for an unknown name or a liveness property
     */
    static boolean[] select(Program program, Set<String> names) {
        boolean[] selected = new boolean[program.properties().size()];
        if (names.isEmpty()) {
            for (Property p : program.properties()) selected[p.id()] = !p.kind().isLiveness();
            return selected;
        }
        for (String name : new TreeSet<>(names)) {
            Property p = program.property(name);
            if (p == null) {
                Set<String> known = new TreeSet<>();
                for (Property q : program.properties()) known.add(q.name());
                throw new IllegalArgumentException("unknown property '" + name + "'; the model has: " + String.join(", ", known));
            }
            if (p.kind().isLiveness()) {
                throw new IllegalArgumentException("'" + name + "' is a liveness property: a bounded unrolling has no loops;"
                        + " check it with 'entrycheck check' (breadth-first engine)");
            }
            selected[p.id()] = true;
        }
        return selected;
    }
}
