package entrycheck.symbolic;

import static entrycheck.symbolic.IrBuilder.DEADLOCK;
import static entrycheck.symbolic.IrBuilder.DOMAIN;
import static entrycheck.symbolic.IrBuilder.add;
import static entrycheck.symbolic.IrBuilder.and;
import static entrycheck.symbolic.IrBuilder.at;
import static entrycheck.symbolic.IrBuilder.bin;
import static entrycheck.symbolic.IrBuilder.c;
import static entrycheck.symbolic.IrBuilder.check;
import static entrycheck.symbolic.IrBuilder.eq;
import static entrycheck.symbolic.IrBuilder.lt;
import static entrycheck.symbolic.IrBuilder.ne;
import static entrycheck.symbolic.IrBuilder.not;
import static entrycheck.symbolic.IrBuilder.pre;
import static entrycheck.symbolic.IrBuilder.r;
import static entrycheck.symbolic.IrBuilder.set;
import static entrycheck.symbolic.IrBuilder.setAt;
import static entrycheck.symbolic.IrBuilder.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Var;
import entrycheck.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bounded engine on hand-built programs, each property kind and runtime error, against BFS. */
class BoundedSearchTest {

    private static Program counter(int max, boolean withEnd) {
        IrBuilder b = new IrBuilder();
        Var x = b.var("x", 0, max, 0);
        int small = b.property("small", Property.Kind.INVARIANT);
        b.rule("inc", lt(r(x), c(max)), set(x, add(r(x), c(1))));
        b.invariant(small, lt(r(x), c(2)));
        if (withEnd) b.end(eq(r(x), c(max)));
        return b.build();
    }

    private static Trace violated(BoundedResult r) {
        assertInstanceOf(BoundedResult.Violated.class, r, () -> r.toString());
        return ((BoundedResult.Violated) r).trace();
    }

    @Test
    void invariantViolationIsFoundAtItsShortestLengthAndNotBefore() {
        Program p = counter(3, true);
        BoundedResult none = Engines.bmc(p, Set.of("small"), 1);
        assertInstanceOf(BoundedResult.NoneWithin.class, none);
        assertEquals(2, none.runs().size());

        Trace t = violated(Engines.bmc(p, Set.of("small"), 5));
        assertEquals("small", p.properties().get(t.property()).name());
        assertEquals(2, t.steps().size());
        Var x = p.layout().var(0);
        assertEquals(2, StateLayout.get(t.steps().get(1).after(), x));
        assertTrue(t.message().startsWith("invariant small does not hold"), t.message());
        Engines.assertAgree(p, Set.of(), 6);
    }

    @Test
    void initialStateViolationIsDepthZero() {
        IrBuilder b = new IrBuilder();
        Var x = b.var("x", 0, 3, 3);
        int inv = b.property("low", Property.Kind.INVARIANT);
        b.invariant(inv, lt(r(x), c(2)));
        b.rule("dec", lt(c(0), r(x)), set(x, bin(BinOp.SUB, r(x), c(1))));
        Trace t = violated(Engines.bmc(b.build(), Set.of(), 4));
        assertEquals(0, t.steps().size());
    }

    @Test
    void deadlockIsFoundUnlessTheStateIsAnAllowedEnd() {
        Trace t = violated(Engines.bmc(counter(3, false), Set.of("no-deadlock"), 6));
        assertEquals(3, t.steps().size());
        assertEquals(DEADLOCK, t.property());
        assertEquals(Replay.DEADLOCK_MESSAGE, t.message());
        assertInstanceOf(BoundedResult.NoneWithin.class, Engines.bmc(counter(3, true), Set.of("no-deadlock"), 6));
        Engines.assertAgree(counter(3, false), Set.of("no-deadlock"), 6);
        Engines.assertAgree(counter(3, true), Set.of("no-deadlock"), 6);
    }

    /** A lock taken without looking at it: two processes both reach their critical section. */
    private static Program brokenMutex() {
        IrBuilder b = new IrBuilder();
        Var lock = b.var("lock", 0, 2, 0);
        Var[] pc = {b.var("pc[0]", 0, 2, 0), b.var("pc[1]", 0, 2, 0)};
        int mutex = b.property("mutex", Property.Kind.STEP_CHECK);
        for (int i = 0; i < 2; i++) {
            b.rule("take(" + i + ")", List.of(pre(pc[i], 0)), Expr.TRUE, set(lock, c(i + 1)), set(pc[i], c(1)));
        }
        for (int i = 0; i < 2; i++) {
            b.rule("chk(" + i + ")", List.of(pre(pc[i], 1)), Expr.TRUE,
                    check(mutex, eq(r(lock), c(i + 1)), "lock is not " + (i + 1)), set(pc[i], c(2)));
        }
        for (int i = 0; i < 2; i++) {
            b.rule("rel(" + i + ")", List.of(pre(pc[i], 2)), Expr.TRUE, set(lock, c(0)), set(pc[i], c(0)));
        }
        return b.build();
    }

    @Test
    void failingStepCheckEndsTheTraceAtItsTransition() {
        Program p = brokenMutex();
        Trace t = violated(Engines.bmc(p, Set.of("mutex"), 6));
        assertEquals(3, t.steps().size()); // take(0), take(1), chk(0)
        assertEquals("lock is not 1", t.message());
        int[] actions = t.steps().stream().mapToInt(Trace.Step::transition).toArray();
        assertArrayEquals(new int[] {0, 1, 2}, actions, "the smallest action sequence in id order");
        Engines.assertAgree(p, Set.of(), 6);
        Engines.assertAgree(p, Set.of("mutex"), 6);
    }

    @Test
    void assignmentOutOfTheDomainIsADomainViolationAndDiscardsTheSuccessor() {
        IrBuilder b = new IrBuilder();
        Var x = b.var("x", 0, 2, 0);
        Var y = b.var("y", 0, 1, 0);
        int big = b.property("y-never-1", Property.Kind.INVARIANT);
        b.rule("inc", Expr.TRUE, set(x, add(r(x), c(1)))); // x = 3 is an error
        b.rule("flag", eq(r(x), c(3)), set(y, c(1)));     // unreachable: x never holds 3
        b.invariant(big, eq(r(y), c(0)));
        Program p = b.build();
        Trace t = violated(Engines.bmc(p, Set.of(), 6));
        assertEquals(DOMAIN, t.property());
        assertEquals(3, t.steps().size());
        assertTrue(t.message().contains("outside its domain"), t.message());
        // Without domain, the discarded successor leaves x at 2 forever: nothing else is violated.
        assertInstanceOf(BoundedResult.NoneWithin.class, Engines.bmc(p, Set.of("y-never-1", "no-deadlock"), 6));
        Engines.assertAgree(p, Set.of(), 6);
        Engines.assertAgree(p, Set.of("y-never-1", "no-deadlock"), 6);
    }

    @Test
    void indexedAccessesAndBranchesFollowTheSequentialSemantics() {
        IrBuilder b = new IrBuilder();
        Var i = b.var("i", 0, 3, 0);
        Var[] a = {b.var("a[0]", 0, 3, 0), b.var("a[1]", 0, 3, 0), b.var("a[2]", 0, 3, 0)};
        int sum = b.property("sum", Property.Kind.INVARIANT);
        // a[i] = a[i] + 1, then i = i + 1 if a[i] reached 2: the second update reads the first's value
        b.rule("bump", Expr.TRUE,
                setAt(a, r(i), add(at(a, r(i)), c(1))),
                when(eq(at(a, r(i)), c(2)), List.of(set(i, add(r(i), c(1)))), List.of()));
        b.invariant(sum, lt(add(r(a[0]), add(r(a[1]), r(a[2]))), c(5)));
        Program p = b.build();
        Trace t = violated(Engines.bmc(p, Set.of("sum"), 8));
        assertEquals(5, t.steps().size());
        Engines.assertAgree(p, Set.of("sum"), 8);
        // with everything selected: i reaches 3 after 6 steps and a[3] is out of range in step 7
        Engines.assertAgree(p, Set.of("domain"), 8);
        assertEquals(7, Engines.bmcShortest(p, Set.of("domain"), 8));
    }

    @Test
    void shortCircuitGuardsTheRightOperand() {
        IrBuilder b = new IrBuilder();
        Var x = b.var("x", 0, 3, 0);
        Var y = b.var("y", 0, 3, 0);
        int inv = b.property("no-div-error", Property.Kind.INVARIANT);
        // y != 0 && x / y > 0 never divides by zero; x / y alone does
        b.invariant(inv, bin(BinOp.IMPLIES, and(ne(r(y), c(0)), lt(c(0), bin(BinOp.DIV, r(x), r(y)))), c(1)));
        b.rule("x", lt(r(x), c(3)), set(x, add(r(x), c(1))));
        b.rule("y", lt(r(y), c(3)), set(y, add(r(y), c(1))));
        b.end(Expr.TRUE);
        Program safe = b.build();
        assertInstanceOf(BoundedResult.NoneWithin.class, Engines.bmc(safe, Set.of(), 4));
        Engines.assertAgree(safe, Set.of(), 5);

        IrBuilder u = new IrBuilder();
        Var ux = u.var("x", 0, 3, 1);
        Var uy = u.var("y", 0, 3, 1);
        u.rule("zero", eq(r(ux), c(1)), set(uy, bin(BinOp.MOD, r(ux), bin(BinOp.SUB, r(uy), c(1)))));
        u.end(Expr.TRUE);
        Program unsafe = u.build();
        Trace t = violated(Engines.bmc(unsafe, Set.of(), 3));
        assertEquals(DOMAIN, t.property());
        assertTrue(t.message().contains("division by zero"), t.message());
        Engines.assertAgree(unsafe, Set.of(), 4);
    }

    @Test
    void guardThatCannotBeEvaluatedCountsAsEnabledAndIsADomainError() {
        IrBuilder b = new IrBuilder();
        Var[] a = {b.var("a[0]", 0, 1, 0), b.var("a[1]", 0, 1, 1)};
        Var i = b.var("i", 0, 3, 0);
        b.rule("step", lt(r(i), c(3)), set(i, add(r(i), c(1))));
        b.rule("read", eq(at(a, r(i)), c(0)), set(a[0], c(1)));
        Program p = b.build();
        Engines.assertAgree(p, Set.of(), 6);
        assertEquals(3, Engines.bmcShortest(p, Set.of(), 6)); // i = 2, then read's guard indexes a[2]
        // At i = 3 only read is enabled, by its failing guard: not a deadlock.
        assertInstanceOf(BoundedResult.NoneWithin.class, Engines.bmc(p, Set.of("no-deadlock"), 6));
        Engines.assertAgree(p, Set.of("no-deadlock"), 6);
    }

    /**
     * The only violation needs snap (id 1) before setx (id 0), adjacent and not last: the
     * partial-order reduction must see that setx writes what snap reads and keep that order.
     */
    @Test
    void partialOrderReductionKeepsTheOrderOfDependentSteps() {
        IrBuilder b = new IrBuilder();
        Var x = b.bool("x", 0);
        Var z = b.bool("z", 1);
        Var s = b.bool("s", 0);
        Var f = b.bool("f", 0);
        int inv = b.property("snapped-late", Property.Kind.INVARIANT);
        b.rule("setx", eq(r(x), c(0)), set(x, c(1)));
        b.rule("snap", eq(r(s), c(0)), set(z, r(x)), set(s, c(1)));
        b.rule("check", and(eq(r(x), c(1)), eq(r(f), c(0))), set(f, c(1)));
        b.invariant(inv, not(and(eq(r(z), c(0)), eq(r(f), c(1)))));
        Program p = b.build();
        Trace t = violated(Engines.bmc(p, Set.of("snapped-late"), 5));
        assertArrayEquals(new int[] {1, 0, 2}, t.steps().stream().mapToInt(Trace.Step::transition).toArray());
        Engines.assertAgree(p, Set.of("snapped-late"), 5);
        assertTrue(Independence.of(p).independent(0, 2) == false && !Independence.of(p).independent(0, 1));
        assertTrue(Independence.of(p).independent(1, 2), "snap and check share no variable");
    }

    @Test
    void unknownPropertyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engines.bmc(counter(2, true), Set.of("nope"), 2));
        assertTrue(e.getMessage().contains("unknown property 'nope'"), e.getMessage());
    }

    @Test
    void valuesBeyondTheSolversRangeAreRejectedInWords() {
        IrBuilder b = new IrBuilder();
        Var x = b.var("x", 0, 5_000_000, 0);
        b.rule("inc", Expr.TRUE, set(x, add(r(x), c(1))));
        b.rule("square", Expr.TRUE, set(x, bin(BinOp.MUL, r(x), r(x)))); // x * x may reach 2.5e13
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> Engines.bmc(b.build(), Set.of(), 10));
        assertTrue(e.getMessage().contains("beyond the bounded engine's range"), e.getMessage());
    }

    @Test
    void aBackendThatGivesUpStopsTheSearchWithWhatWasEstablished() {
        List<Integer> asked = new ArrayList<>();
        SolverBackend givesUpAtTwo = new SolverBackend() {
            @Override public String name() { return "fake"; }
            @Override public Answer solve(Query query, Duration timeLimit) {
                asked.add(query.decisions().length);
                Answer.Stats s = new Answer.Stats(0, 0, 0, 0, 0, "");
                return query.decisions().length < 2 ? new Answer.Unsatisfiable(s) : new Answer.Unknown("time limit", s);
            }
        };
        BoundedResult r = BoundedSearch.run(counter(3, true), new BoundedOptions(Set.of(), 5, null), givesUpAtTwo);
        BoundedResult.Stopped s = assertInstanceOf(BoundedResult.Stopped.class, r);
        assertEquals(1, s.noneWithin());
        assertEquals("time limit", s.reason());
        assertEquals(List.of(0, 1, 2), asked);
    }

    @Test
    void anExpiredTimeLimitStopsBeforeAsking() {
        BoundedResult r = BoundedSearch.run(counter(3, true), new BoundedOptions(Set.of(), 5, Duration.ofNanos(1)),
                Engines.CHOCO);
        BoundedResult.Stopped s = assertInstanceOf(BoundedResult.Stopped.class, r);
        assertTrue(s.noneWithin() < 2, "the violation at depth 2 was not reported as absent");
    }

    @Test
    void translationIsPureAndSharesUnwrittenVariables() {
        Program p = counter(3, true);
        boolean[] all = {true, true, true};
        Unrolling.Unrolled a = Unrolling.translate(p, all, 3);
        Unrolling.Unrolled b = Unrolling.translate(p, all, 3);
        assertEquals(a.query().variables(), b.query().variables());
        assertEquals(a.query().constraints().toString(), b.query().constraints().toString());
        assertArrayEquals(a.actions(), a.query().decisions());
        assertEquals(3, a.actions().length);
    }
}
