package entrycheck.engine;

import static entrycheck.engine.ProgramBuilder.DEADLOCK;
import static entrycheck.engine.ProgramBuilder.DOMAIN;
import static entrycheck.engine.ProgramBuilder.add;
import static entrycheck.engine.ProgramBuilder.and;
import static entrycheck.engine.ProgramBuilder.c;
import static entrycheck.engine.ProgramBuilder.check;
import static entrycheck.engine.ProgramBuilder.eq;
import static entrycheck.engine.ProgramBuilder.le;
import static entrycheck.engine.ProgramBuilder.lt;
import static entrycheck.engine.ProgramBuilder.ne;
import static entrycheck.engine.ProgramBuilder.not;
import static entrycheck.engine.ProgramBuilder.pre;
import static entrycheck.engine.ProgramBuilder.r;
import static entrycheck.engine.ProgramBuilder.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BfsEngineTest {

    private static CheckResult run(Program p) { return BfsEngine.check(p, CheckOptions.defaults()); }

    private static Verdict verdict(CheckResult r, String property) {
        for (CheckResult.PropertyResult pr : r.properties()) if (pr.property().name().equals(property)) return pr.verdict();
        throw new AssertionError("no result for " + property);
    }

    private static Trace trace(CheckResult r, String property) {
        Verdict v = verdict(r, property);
        assertInstanceOf(Verdict.Violated.class, v, property + " should be violated");
        return ((Verdict.Violated) v).trace();
    }

    private static Program counter(int k, boolean withEnd) {
        ProgramBuilder b = new ProgramBuilder();
        Var x = b.var("x", 0, k, 0);
        b.rule("inc", lt(r(x), c(k)), set(x, add(r(x), c(1))));
        if (withEnd) b.end(eq(r(x), c(k)));
        return b.build();
    }

    @Test
    void counterHasKPlusOneStates() {
        CheckResult r = run(counter(10, true));
        assertTrue(r.complete());
        assertEquals("", r.stopReason());
        assertEquals(11, r.stats().distinctStates());
        assertEquals(10, r.stats().transitions());
        assertEquals(10, r.stats().depth());
        assertEquals(0.0, r.stats().collisionProbability());
        for (CheckResult.PropertyResult pr : r.properties()) assertInstanceOf(Verdict.Holds.class, pr.verdict());
        assertEquals(2, r.properties().size());
    }

    @Test
    void independentCountersGiveTheProduct() {
        ProgramBuilder b = new ProgramBuilder();
        Var x = b.var("x", 0, 4, 0);
        Var y = b.var("y", -3, 2, -3);
        b.rule("x++", lt(r(x), c(4)), set(x, add(r(x), c(1))));
        b.rule("y++", lt(r(y), c(2)), set(y, add(r(y), c(1))));
        b.end(and(eq(r(x), c(4)), eq(r(y), c(2))));
        CheckResult r = run(b.build());
        assertEquals(5 * 6, r.stats().distinctStates());
        assertEquals(4 * 6 + 5 * 5, r.stats().transitions());
        assertEquals(4 + 5, r.stats().depth());
        assertInstanceOf(Verdict.Holds.class, verdict(r, "no-deadlock"));
    }

    /** Two processes idle -> trying -> critical -> idle around a lock; 8 states, 14 transitions. */
    private static Program mutex(boolean buggy) {
        ProgramBuilder b = new ProgramBuilder();
        Type.Enum pcT = new Type.Enum("pc", List.of("I", "T", "C"));
        Var[] pc = {b.enumVar("pc0", pcT, 0), b.enumVar("pc1", pcT, 0)};
        Var lock = b.var("lock", 0, 1, 0);
        int excl = b.property("exclusion", Property.Kind.INVARIANT);
        for (int i = 0; i < 2; i++) {
            b.rule("try" + i, List.of(pre(pc[i], 0)), Expr.TRUE, set(pc[i], c(1)));
            if (buggy) b.rule("enter" + i, List.of(pre(pc[i], 1)), eq(r(lock), c(0)), set(pc[i], c(2)));
            else b.rule("enter" + i, List.of(pre(pc[i], 1)), eq(r(lock), c(0)), set(lock, c(1)), set(pc[i], c(2)));
            b.rule("leave" + i, List.of(pre(pc[i], 2)), Expr.TRUE, set(lock, c(0)), set(pc[i], c(0)));
        }
        b.invariant(excl, not(and(eq(r(pc[0]), c(2)), eq(r(pc[1]), c(2)))));
        return b.build();
    }

    @Test
    void mutexHoldsWithKnownCounts() {
        CheckResult r = run(mutex(false));
        assertEquals(8, r.stats().distinctStates());
        assertEquals(14, r.stats().transitions());
        assertInstanceOf(Verdict.Holds.class, verdict(r, "exclusion"));
        assertInstanceOf(Verdict.Holds.class, verdict(r, "no-deadlock"));
        assertInstanceOf(Verdict.Holds.class, verdict(r, "domain"));
    }

    @Test
    void brokenMutexGivesAShortestTraceThatReplays() {
        Program p = mutex(true);
        CheckResult r = run(p);
        Trace t = trace(r, "exclusion");
        assertEquals(4, t.steps().size()); // try0, try1, enter0, enter1 (in some order)
        assertEquals(p.property("exclusion").id(), t.property());
        assertEquals(-1, t.loopStart());
        Var pc0 = p.layout().var(0), pc1 = p.layout().var(1);
        long[] last = t.steps().get(3).after();
        assertEquals(2, StateLayout.get(last, pc0));
        assertEquals(2, StateLayout.get(last, pc1));
        assertTrue(t.message().contains("exclusion"));
        assertReplays(p, t);
        assertTrue(r.complete());
    }

    /** Replays a trace through an independent decoder: every step is a transition whose effect is recorded. */
    static void assertReplays(Program p, Trace t) {
        entrycheck.semantics.CompiledProgram sem = entrycheck.semantics.CompiledProgram.compile(p);
        long[] s = t.initial().clone();
        assertArrayEquals(p.layout().initialState(), s);
        int[] buf = new int[Math.max(1, p.transitions().size())];
        for (Trace.Step step : t.steps()) {
            int n = sem.enabled(s, buf);
            boolean enabled = false;
            for (int i = 0; i < n; i++) enabled |= buf[i] == step.transition();
            assertTrue(enabled, "step " + p.transitions().get(step.transition()).label() + " is enabled");
            long[] next = new long[s.length];
            if (sem.fire(s, step.transition(), next, entrycheck.semantics.ViolationSink.IGNORE)) {
                assertArrayEquals(next, step.after());
            }
            s = step.after();
        }
    }

    @Test
    void shortestTracesForAnInvariantAndACheck() {
        ProgramBuilder b = new ProgramBuilder();
        Var x = b.var("x", 0, 20, 0);
        int notTen = b.property("not-ten", Property.Kind.INVARIANT);
        int probe = b.property("probe", Property.Kind.STEP_CHECK);
        b.rule("inc1", lt(r(x), c(20)), set(x, add(r(x), c(1))));
        b.rule("inc3", le(r(x), c(17)), set(x, add(r(x), c(3))));
        b.rule("probe", Expr.TRUE, check(probe, ne(r(x), c(7)), "x is 7"));
        b.invariant(notTen, ne(r(x), c(10)));
        Program p = b.build();
        CheckResult r = run(p);
        assertEquals(21, r.stats().distinctStates());
        Trace inv = trace(r, "not-ten");
        assertEquals(4, inv.steps().size()); // 10 = 3 + 3 + 3 + 1 in some order
        assertEquals(10, StateLayout.get(inv.steps().get(3).after(), x));
        assertReplays(p, inv);
        Trace chk = trace(r, "probe");
        assertEquals(4, chk.steps().size()); // reach 7 in 3 steps, then fire probe
        assertEquals("probe", p.transitions().get(chk.steps().get(3).transition()).label());
        assertEquals(7, StateLayout.get(chk.steps().get(3).after(), x));
        assertEquals("x is 7", chk.message());
        assertReplays(p, chk);
        // BFS with id order: inc1 is tried first, so the first shortest path to 7 is 1, 3, 3.
        assertEquals(List.of("inc1", "inc3", "inc3", "probe"),
                chk.steps().stream().map(s -> p.transitions().get(s.transition()).label()).toList());
    }

    @Test
    void deadlockUnlessEndState() {
        CheckResult r = run(counter(5, false));
        Trace t = trace(r, "no-deadlock");
        assertEquals(5, t.steps().size());
        assertEquals(DEADLOCK, t.property());
        assertTrue(t.message().startsWith("deadlock"));
        assertInstanceOf(Verdict.Holds.class, verdict(run(counter(5, true)), "no-deadlock"));
    }

    @Test
    void domainErrorDiscardsTheSuccessorAndNamesTheVariable() {
        ProgramBuilder b = new ProgramBuilder();
        Var x = b.var("x", 0, 3, 0);
        b.rule("inc", Expr.TRUE, set(x, add(r(x), c(1))));
        Program p = b.build();
        CheckResult r = run(p);
        assertEquals(4, r.stats().distinctStates());
        assertEquals(4, r.stats().transitions());
        Trace t = trace(r, "domain");
        assertEquals(DOMAIN, t.property());
        assertEquals(4, t.steps().size());
        assertEquals("inc: value 4 assigned to x is outside its domain 0..3", t.message());
        assertInstanceOf(Verdict.Holds.class, verdict(r, "no-deadlock")); // inc is always enabled
    }

    @Test
    void invariantViolatedInTheInitialState() {
        ProgramBuilder b = new ProgramBuilder();
        Var x = b.var("x", 0, 3, 0);
        int nz = b.property("nonzero", Property.Kind.INVARIANT);
        b.rule("inc", lt(r(x), c(3)), set(x, add(r(x), c(1))));
        b.invariant(nz, ne(r(x), c(0)));
        CheckResult r = run(b.build());
        Trace t = trace(r, "nonzero");
        assertEquals(0, t.steps().size());
        assertArrayEquals(new long[] {0}, t.initial());
    }

    @Test
    void maxStatesStopsWithIncompleteVerdicts() {
        CheckResult r = BfsEngine.check(counter(100, true), new CheckOptions(Set.of(), 10, null, 1));
        assertFalse(r.complete());
        assertEquals("max states 10", r.stopReason());
        assertEquals(10, r.stats().distinctStates());
        for (CheckResult.PropertyResult pr : r.properties()) {
            assertEquals(new Verdict.Incomplete("max states 10"), pr.verdict());
        }
        // exactly as many states as the model has: complete
        CheckResult exact = BfsEngine.check(counter(9, true), new CheckOptions(Set.of(), 10, null, 1));
        assertTrue(exact.complete());
        assertEquals(10, exact.stats().distinctStates());
    }

    @Test
    void expiredTimeLimitStops() {
        CheckResult r = BfsEngine.check(counter(5000, true), new CheckOptions(Set.of(), 0, Duration.ZERO, 1));
        assertFalse(r.complete());
        assertEquals("time limit 0s", r.stopReason());
        assertTrue(r.stats().distinctStates() < 5001);
        assertInstanceOf(Verdict.Incomplete.class, verdict(r, "domain"));
    }

    @Test
    void selectedPropertiesOnlyAndEarlyStopWhenAllViolated() {
        Program p = counter(50, false);
        CheckResult r = BfsEngine.check(p, new CheckOptions(Set.of("no-deadlock"), 0, null, 1));
        assertEquals(1, r.properties().size());
        assertTrue(r.complete()); // the deadlock is the last state: nothing left to explore
        Program q = mutex(true);
        CheckResult early = BfsEngine.check(q, new CheckOptions(Set.of("exclusion"), 0, null, 1));
        assertFalse(early.complete());
        assertEquals("all properties violated", early.stopReason());
        assertEquals(4, trace(early, "exclusion").steps().size());
        assertTrue(early.stats().transitions() < run(q).stats().transitions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BfsEngine.check(q, new CheckOptions(Set.of("nope"), 0, null, 1)));
        assertTrue(e.getMessage().contains("unknown property 'nope'"));
    }

    @Test
    void wideStatesUseFingerprintsAndReportACollisionEstimate() {
        ProgramBuilder b = new ProgramBuilder();
        Var x = b.var("x", 0, (1 << 25), 0);
        Var y = b.var("y", 0, (1 << 25), 0);
        Var z = b.var("z", 0, (1 << 25), 0);
        b.rule("x", lt(r(x), c(20)), set(x, add(r(x), c(1))));
        b.rule("y", lt(r(y), c(20)), set(y, add(r(y), c(1))));
        b.rule("z", lt(r(z), c(3)), set(z, add(r(z), r(x))));
        b.end(Expr.TRUE);
        Program p = b.build();
        assertEquals(2, p.layout().words());
        CheckResult r = run(p);
        assertEquals(ReferenceExplorer.explore(p).distinct(), r.stats().distinctStates());
        long d = r.stats().distinctStates(), generated = r.stats().transitions() + 1;
        assertEquals((double) d * (generated - d) / Math.pow(2, 64), r.stats().collisionProbability(), 1e-25);
        assertTrue(r.stats().collisionProbability() > 0);
    }
}
