package entrycheck.semantics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledProgramTest {

    private static final int DOMAIN = 0, DEADLOCK = 1, CHECK = 2, INV = 3;

    private static List<Property> props() {
        return List.of(
                new Property(DOMAIN, "domain", Property.Kind.DOMAIN, "", "", Property.Expect.HOLDS),
                new Property(DEADLOCK, "no-deadlock", Property.Kind.DEADLOCK, "", "", Property.Expect.HOLDS),
                new Property(CHECK, "chk", Property.Kind.STEP_CHECK, "", "", Property.Expect.HOLDS),
                new Property(INV, "inv", Property.Kind.INVARIANT, "x stays small", "", Property.Expect.HOLDS));
    }

    private static Expr c(int v) { return new Expr.Const(v); }
    private static Expr r(Var v) { return new Expr.Read(v.id()); }
    private static Expr bin(BinOp op, Expr a, Expr b) { return new Expr.Binary(op, a, b); }

    private static Transition rule(int id, List<Transition.Pre> pre, Expr guard, Update... ups) {
        return new Transition(id, "t" + id, "", Transition.Kind.RULE, -1, "", pre, guard, List.of(ups));
    }

    private static Program program(StateLayout layout, List<Transition> ts, List<Invariant> invs, Expr end) {
        return new Program("test", "", Map.of(), layout, ts, invs, end, props(), null);
    }

    private static final class Recorder implements ViolationSink {
        final List<String> seen = new ArrayList<>();
        @Override public void violation(int property, String message) { seen.add(property + ":" + message); }
    }

    @Test
    void incrementWithinDomainAndOverflowIsDomainError() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(-1, 2), Var.Role.STATE, -1);
        StateLayout layout = b.build();
        Program p = program(layout, List.of(rule(0, List.of(), Expr.TRUE, new Update.Assign(x.id(), bin(BinOp.ADD, r(x), c(1))))),
                List.of(), null);
        CompiledProgram sem = CompiledProgram.compile(p);
        long[] s = sem.initial();
        long[] out = new long[1];
        Recorder rec = new Recorder();
        int[] buf = new int[1];
        for (int expect = 0; expect <= 2; expect++) {
            assertEquals(1, sem.enabled(s, buf));
            assertTrue(sem.fire(s, 0, out, rec));
            assertEquals(expect, StateLayout.get(out, x));
            s = out.clone();
        }
        assertFalse(sem.fire(s, 0, out, rec));
        assertEquals(List.of("0:t0: value 3 assigned to x is outside its domain -1..2"), rec.seen);
    }

    @Test
    void failingCheckIsReportedAndUpdatesContinueOnUpdatedState() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(0, 3), Var.Role.STATE, 0);
        Var y = b.add("y", new Type.Range(0, 3), Var.Role.STATE, 0);
        Program p = program(b.build(), List.of(rule(0, List.of(), Expr.TRUE,
                new Update.Assign(x.id(), c(2)),
                new Update.Check(CHECK, bin(BinOp.EQ, r(x), c(0)), "x is not 0"),
                new Update.Assign(y.id(), r(x)))), List.of(), null);
        CompiledProgram sem = CompiledProgram.compile(p);
        long[] out = new long[1];
        Recorder rec = new Recorder();
        assertTrue(sem.fire(sem.initial(), 0, out, rec));
        assertEquals(List.of("2:x is not 0"), rec.seen);
        assertEquals(2, StateLayout.get(out, y));
    }

    @Test
    void unselectedCheckIsSilentButFallibleOneStillDiscards() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(0, 3), Var.Role.STATE, 0);
        Program p = program(b.build(), List.of(
                rule(0, List.of(), Expr.TRUE, new Update.Check(CHECK, Expr.FALSE, "never")),
                rule(1, List.of(), Expr.TRUE, new Update.Check(CHECK, bin(BinOp.EQ, bin(BinOp.DIV, c(1), r(x)), c(1)), "div"))),
                List.of(), null);
        boolean[] checked = {true, true, false, true};
        CompiledProgram sem = CompiledProgram.compile(p, checked);
        Recorder rec = new Recorder();
        long[] out = new long[1];
        assertTrue(sem.fire(sem.initial(), 0, out, rec));
        assertFalse(sem.fire(sem.initial(), 1, out, rec));
        assertEquals(List.of("0:t1: division by zero"), rec.seen);
    }

    @Test
    void enabledFollowsPresAndGuardsInIdOrder() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var pc0 = b.add("pc0", new Type.Range(0, 2), Var.Role.CONTROL, 0);
        Var pc1 = b.add("pc1", new Type.Range(0, 2), Var.Role.CONTROL, 1);
        Var x = b.add("x", new Type.Range(0, 7), Var.Role.STATE, 5);
        List<Transition> ts = List.of(
                rule(0, List.of(new Transition.Pre(pc1.id(), 1)), Expr.TRUE),
                rule(1, List.of(new Transition.Pre(pc0.id(), 0)), bin(BinOp.LT, r(x), c(5))),
                rule(2, List.of(new Transition.Pre(pc0.id(), 0)), bin(BinOp.GE, r(x), c(5))),
                rule(3, List.of(), Expr.TRUE),
                rule(4, List.of(new Transition.Pre(pc0.id(), 0), new Transition.Pre(pc1.id(), 1)), Expr.TRUE),
                rule(5, List.of(new Transition.Pre(pc0.id(), 0), new Transition.Pre(pc0.id(), 1)), Expr.TRUE),
                rule(6, List.of(new Transition.Pre(pc1.id(), 9)), Expr.TRUE),
                rule(7, List.of(new Transition.Pre(pc1.id(), 1)), bin(BinOp.EQ, bin(BinOp.MOD, c(3), bin(BinOp.SUB, r(x), c(5))), c(0))),
                // the pre is false, so the failing guard is never evaluated
                rule(8, List.of(new Transition.Pre(pc0.id(), 1)), bin(BinOp.EQ, bin(BinOp.DIV, c(3), bin(BinOp.SUB, r(x), c(5))), c(0))));
        CompiledProgram sem = CompiledProgram.compile(program(b.build(), ts, List.of(), null));
        int[] buf = new int[ts.size()];
        int n = sem.enabled(sem.initial(), buf);
        assertArrayEquals(new int[] {0, 2, 3, 4, 7}, Arrays.copyOf(buf, n));
        Recorder rec = new Recorder();
        assertFalse(sem.fire(sem.initial(), 7, new long[1], rec));
        assertEquals(List.of("0:t7: division by zero"), rec.seen);
    }

    @Test
    void indexedReadAndWriteCheckTheIndex() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var[] a = new Var[3];
        for (int i = 0; i < 3; i++) a[i] = b.add("a[" + i + "]", new Type.Range(0, 3), Var.Role.STATE, i);
        Var k = b.add("k", new Type.Range(0, 7), Var.Role.STATE, 1);
        int[] ids = {a[0].id(), a[1].id(), a[2].id()};
        Program p = program(b.build(), List.of(
                rule(0, List.of(), Expr.TRUE, new Update.AssignIndexed(ids, bin(BinOp.ADD, r(k), c(1)), 1,
                        new Expr.ReadIndexed(ids, r(k), 0))),
                rule(1, List.of(), Expr.TRUE, new Update.Assign(k.id(), c(5))),
                rule(2, List.of(), Expr.TRUE, new Update.Assign(a[0].id(), new Expr.ReadIndexed(ids, r(k), 0)))),
                List.of(), null);
        CompiledProgram sem = CompiledProgram.compile(p);
        long[] out = new long[1];
        Recorder rec = new Recorder();
        assertTrue(sem.fire(sem.initial(), 0, out, rec)); // a[k+1-1] = a[k]: a[1] = a[1]
        assertEquals(1, StateLayout.get(out, a[1]));
        long[] s5 = new long[1];
        assertTrue(sem.fire(sem.initial(), 1, s5, rec));
        assertFalse(sem.fire(s5, 2, out, rec));
        assertEquals(List.of("0:t2: index 5 is outside 0..2 (a[0] .. a[2])"), rec.seen);
    }

    @Test
    void invariantsAndEndState() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(0, 3), Var.Role.STATE, 3);
        Program p = program(b.build(), List.of(),
                List.of(new Invariant(INV, bin(BinOp.LT, r(x), c(2))),
                        new Invariant(INV, bin(BinOp.EQ, bin(BinOp.DIV, c(4), bin(BinOp.SUB, r(x), c(3))), c(0)))),
                bin(BinOp.EQ, r(x), c(3)));
        CompiledProgram sem = CompiledProgram.compile(p);
        Recorder rec = new Recorder();
        assertTrue(sem.hasInvariants());
        sem.checkInvariants(sem.initial(), rec);
        assertEquals(List.of("3:invariant inv does not hold: x stays small", "0:invariant inv: division by zero"), rec.seen);
        assertTrue(sem.isEnd(sem.initial()));
        assertEquals(0, sem.enabled(sem.initial(), new int[0]));
    }

    @Test
    void conjunctionsKeepTheirOrderWhenAConjunctCanFail() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(0, 1), Var.Role.STATE, 0);
        Var y = b.add("y", new Type.Range(0, 7), Var.Role.STATE, 0);
        Var z = b.add("z", new Type.Range(0, 7), Var.Role.STATE, 3);
        ExprCompiler ec = new ExprCompiler(b.build());
        long[] s = new long[1];
        StateLayout.set(s, z, 3);
        // (1 / x == 1) && y == 5: the division fails first even though y == 5 is false
        Expr failsFirst = bin(BinOp.AND, bin(BinOp.EQ, bin(BinOp.DIV, c(1), r(x)), c(1)), bin(BinOp.EQ, r(y), c(5)));
        assertThrows(DomainError.class, () -> ec.condition(failsFirst).test(s));
        // y == 5 && (1 / x == 1): short-circuit, no failure
        Expr guarded = bin(BinOp.AND, bin(BinOp.EQ, r(y), c(5)), bin(BinOp.EQ, bin(BinOp.DIV, c(1), r(x)), c(1)));
        assertFalse(ec.condition(guarded).test(s));
        // infallible equalities on one word merge into one mask compare
        Condition merged = ec.condition(bin(BinOp.AND, bin(BinOp.EQ, r(y), c(0)), bin(BinOp.EQ, r(z), c(3))));
        assertTrue(merged instanceof Conditions.WordEq);
        assertTrue(merged.test(s));
        assertEquals(Conditions.FALSE, ec.condition(bin(BinOp.AND, bin(BinOp.EQ, r(y), c(0)), bin(BinOp.EQ, r(y), c(1)))));
    }

    @Test
    void shortCircuitAvoidsErrorsAndOverflowIsAnError() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(0, 1), Var.Role.STATE, 0);
        Var big = b.add("big", new Type.Range(0, Integer.MAX_VALUE - 1), Var.Role.STATE, Integer.MAX_VALUE - 1);
        Expr safe = bin(BinOp.AND, bin(BinOp.NE, r(x), c(0)), bin(BinOp.EQ, bin(BinOp.DIV, c(1), r(x)), c(1)));
        ExprCompiler ec = new ExprCompiler(b.build());
        long[] s = new long[] {0};
        StateLayout.set(s, big, Integer.MAX_VALUE - 1);
        assertFalse(ec.condition(safe).test(s));
        assertEquals(Integer.MAX_VALUE, ec.intEval(bin(BinOp.ADD, r(big), c(1))).eval(s));
        assertThrows(DomainError.class, () -> ec.intEval(bin(BinOp.ADD, r(big), c(2))).eval(s));
        assertThrows(DomainError.class, () -> ec.intEval(bin(BinOp.MUL, r(big), r(big))).eval(s));
        assertEquals(-3, ec.intEval(bin(BinOp.DIV, c(-7), c(2))).eval(s));
        assertEquals(-1, ec.intEval(bin(BinOp.MOD, c(-7), c(2))).eval(s));
        assertTrue(ec.intEval(bin(BinOp.MUL, c(3), c(4))) instanceof IntEvals.ConstI);
    }

    @Test
    void consecutiveConstantStoresIntoOneWordActInOrder() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x", new Type.Range(-2, 5), Var.Role.STATE, 0);
        Var y = b.add("y", new Type.Range(0, 3), Var.Role.STATE, 1);
        StateLayout layout = b.build();
        Expr xIs4 = bin(BinOp.EQ, r(x), c(4));
        Program p = program(layout, List.of(
                // x = 4; y = 2; x = -2: merged into one store, the later x wins
                rule(0, List.of(), Expr.TRUE, new Update.Assign(x.id(), c(4)), new Update.Assign(y.id(), c(2)),
                        new Update.Assign(x.id(), c(-2))),
                // x = 4; check x == 4; x = 5: the check between the stores sees x = 4
                rule(1, List.of(), Expr.TRUE, new Update.Assign(x.id(), c(4)), new Update.Check(CHECK, xIs4, "x is 4"),
                        new Update.Assign(x.id(), c(5)))),
                List.of(), null);
        CompiledProgram sem = CompiledProgram.compile(p);
        long[] s = layout.initialState(), out = new long[1];
        Recorder rec = new Recorder();
        assertTrue(sem.fire(s, 0, out, rec));
        assertEquals(-2, StateLayout.get(out, x));
        assertEquals(2, StateLayout.get(out, y));
        assertTrue(sem.fire(s, 1, out, rec));
        assertEquals(5, StateLayout.get(out, x));
        assertEquals(1, StateLayout.get(out, y));
        assertEquals(List.of(), rec.seen, "the check saw x = 4");
    }
}
