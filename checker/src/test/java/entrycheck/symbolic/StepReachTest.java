package entrycheck.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.engine.BfsEngine;
import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Verdict;
import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class StepReachTest {

    private static Expr c(int v) { return new Expr.Const(v); }
    private static Expr r(int v) { return new Expr.Read(v); }

    private static boolean[][] possible(Program p, int depth) {
        boolean[] all = new boolean[p.properties().size()];
        java.util.Arrays.fill(all, true);
        return StepReach.possible(p, new SymbolicStep(p, all), depth);
    }

    /**
     * A process whose program counter goes 0 -> 1 -> 2 -> 3 (pre conjuncts, as the language
     * compiles code steps), a counter {@code x < 2 ==> x++} and {@code x >= 2 ==> x = 0}: after i
     * steps the program counter is one of 0..i (a set: the counter's steps leave it alone) and
     * x is at most i, so the code step at pc == k is possible from step k + 1 on and the reset
     * from step 3 on.
     */
    @Test
    void programCountersAreTrackedAsSetsAndCountersAsBounds() {
        StateLayout.Builder layout = new StateLayout.Builder();
        layout.add("pc", new Type.Range(0, 3), Var.Role.STATE, 0);
        layout.add("x", new Type.Range(0, 3), Var.Role.STATE, 0);
        List<Transition> ts = List.of(
                step(0, 0), step(1, 1), step(2, 2),
                new Transition(3, "inc", "", Transition.Kind.RULE, -1, "", List.of(),
                        new Expr.Binary(BinOp.LT, r(1), c(2)),
                        List.of(new Update.Assign(1, new Expr.Binary(BinOp.ADD, r(1), c(1))))),
                new Transition(4, "reset", "", Transition.Kind.RULE, -1, "", List.of(),
                        new Expr.Binary(BinOp.GE, r(1), c(2)), List.of(new Update.Assign(1, c(0)))));
        Program p = new Program("steps", "", Map.of(), layout.build(), ts, List.of(), null,
                List.of(new Property(0, "domain", Property.Kind.DOMAIN, "", "", Property.Expect.HOLDS)), null);
        boolean[][] got = possible(p, 4);
        assertArrayEquals(new boolean[] {true, false, false, true, false}, got[0]);
        assertArrayEquals(new boolean[] {true, true, false, true, false}, got[1]);
        assertArrayEquals(new boolean[] {true, true, true, true, true}, got[2]);
        assertArrayEquals(new boolean[] {true, true, true, true, true}, got[3]);
    }

    /** Row i does not depend on the depth asked, so bmc computes the rows once for its largest depth. */
    @Test
    void rowsDoNotDependOnTheDepthAsked() throws ModelException {
        Program p = ModelLoader.load("x86_64/bugs/b4-mce-bare-nmi-enter", Map.of());
        boolean[][] deep = possible(p, 10);
        for (int d = 0; d <= 10; d++) {
            boolean[][] shallow = possible(p, d);
            for (int i = 0; i < d; i++) assertArrayEquals(deep[i], shallow[i], "depth " + d + ", step " + (i + 1));
        }
    }

    private static Transition step(int id, int pc) {
        return new Transition(id, "s" + pc, "", Transition.Kind.STEP, 0, "", List.of(new Transition.Pre(0, pc)),
                c(1), List.of(new Update.Assign(0, c(pc + 1))));
    }

    /**
     * Soundness on the real models: every step of every shortest counterexample of every bug
     * variant (the explicit engine's, at the default bounds) is possible at its position. An
     * unsound analysis would make bmc miss exactly these traces.
     */
    @TestFactory
    Stream<DynamicTest> everyStepOfEveryBugVariantsShortestTraceIsPossible() {
        return BugVariantsTest.bugVariants().stream().map(name -> DynamicTest.dynamicTest(name, () -> checkTraces(name)));
    }

    private static void checkTraces(String name) throws ModelException {
        Program p = ModelLoader.load(name, Map.of());
        CheckResult r = BfsEngine.check(p, new CheckOptions(Set.of(), 0, null, 1));
        int checked = 0;
        for (CheckResult.PropertyResult pr : r.properties()) {
            if (!(pr.verdict() instanceof Verdict.Violated v)) continue;
            List<Trace.Step> steps = v.trace().steps();
            boolean[][] possible = possible(p, steps.size());
            for (int i = 0; i < steps.size(); i++) {
                int t = steps.get(i).transition();
                int step = i + 1;
                assertTrue(possible[i][t], () -> name + ", " + pr.property().name() + ": step " + step + " ("
                        + p.transitions().get(t).label() + ") excluded");
            }
            checked++;
        }
        assertTrue(checked > 0, name + ": no violation to check");
    }
}
