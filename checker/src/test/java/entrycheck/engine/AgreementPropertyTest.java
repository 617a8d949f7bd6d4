package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import entrycheck.ir.Program;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Var;
import entrycheck.trace.Trace;
import entrycheck.semantics.CompiledProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Differential test: on random small programs the engine and the naive {@link ReferenceExplorer}
 * agree on the state and transition counts, on which properties are violated, and on the
 * length of a shortest trace for each; every engine trace replays in the reference semantics;
 * and, step by step, the compiled semantics gives the same enabled transitions (in order),
 * successors and violations as the reference on every reachable state.
 */
class AgreementPropertyTest {

    @Test
    void engineAgreesWithTheReferenceExplorer() {
        qt().withExamples(500).withShrinkCycles(500).forAll(RandomPrograms.cases()).checkAssert(c -> {
            Program p = c.program();
            ReferenceExplorer ref = new ReferenceExplorer(p);
            ReferenceExplorer.Result expected = ref.explore();
            assertSameSteps(p, ref);
            CheckResult r = BfsEngine.check(p, new CheckOptions(Set.of(), LIMIT, null, 1));
            assertTrue(r.complete());
            assertEquals(expected.distinct(), r.stats().distinctStates(), "distinct states");
            assertEquals(expected.transitions(), r.stats().transitions(), "transitions");
            assertEquals(expected.firstViolation(), violations(r, ref), "violated properties -> trace length");

            // the same program with a random selection of properties
            boolean[] sel = c.selected().clone();
            boolean any = false;
            for (boolean x : sel) any |= x;
            if (!any) sel[0] = true; // an empty selection would mean "all"
            ReferenceExplorer refSel = new ReferenceExplorer(p, sel);
            ReferenceExplorer.Result expSel = refSel.explore();
            CheckResult rs = BfsEngine.check(p, new CheckOptions(names(p, sel), LIMIT, null, 1));
            Map<Integer, Integer> got = violations(rs, refSel);
            if (rs.complete()) {
                assertEquals(expected.distinct(), rs.stats().distinctStates());
                assertEquals(expected.transitions(), rs.stats().transitions());
                assertEquals(expSel.firstViolation(), got, "selected: violated properties -> trace length");
            } else {
                assertEquals("all properties violated", rs.stopReason());
                assertEquals(expSel.firstViolation(), got, "selected, stopped early");
            }
        });
    }

    /** A bound on the engine's search, so that a bug that blows up the state space fails instead of hanging. */
    private static final long LIMIT = 100_000;

    /**
     * Step-level agreement on every reachable state: the same enabled transitions in the same
     * (id) order, the same successor or domain error, the same violations.
     */
    private static void assertSameSteps(Program p, ReferenceExplorer ref) {
        CompiledProgram sem = CompiledProgram.compile(p);
        int[] buf = new int[Math.max(1, p.transitions().size())];
        for (List<Integer> key : ref.reachable()) {
            int[] s = key.stream().mapToInt(Integer::intValue).toArray();
            long[] packed = new long[p.layout().words()];
            for (Var v : p.layout().vars()) StateLayout.set(packed, v, s[v.id()]);
            int n = sem.enabled(packed, buf);
            List<Integer> enabled = new ArrayList<>();
            for (int i = 0; i < n; i++) enabled.add(buf[i]);
            assertEquals(ref.enabled(s), enabled, "enabled in " + key);
            for (int t : enabled) {
                Set<Integer> seen = new TreeSet<>();
                long[] out = new long[packed.length];
                boolean ok = sem.fire(packed, t, out, (prop, msg) -> seen.add(prop));
                ReferenceExplorer.Firing f = ref.fire(s, t);
                assertEquals(f.violations(), seen, "violations of " + p.transitions().get(t).label() + " in " + key);
                assertEquals(f.next() != null, ok, "successor of " + p.transitions().get(t).label() + " in " + key);
                if (ok) assertEquals(ReferenceExplorer.key(f.next()), ReferenceExplorer.key(decode(p, out)));
            }
            Set<Integer> inv = new TreeSet<>();
            sem.checkInvariants(packed, (prop, msg) -> inv.add(prop));
            assertEquals(ref.stateViolations(s, false), inv, "invariants in " + key);
        }
    }

    private static Set<String> names(Program p, boolean[] sel) {
        Set<String> s = new TreeSet<>();
        for (int i = 0; i < sel.length; i++) if (sel[i]) s.add(p.properties().get(i).name());
        return s;
    }

    /** Property id -> trace length of each violated property, after checking that the trace replays. */
    private static Map<Integer, Integer> violations(CheckResult r, ReferenceExplorer ref) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (CheckResult.PropertyResult pr : r.properties()) {
            if (pr.verdict() instanceof Verdict.Violated v) {
                Trace t = v.trace();
                assertEquals(pr.property().id(), t.property());
                assertNotNull(t.message());
                assertReplays(r.program(), ref, t);
                out.put(t.property(), t.steps().size());
            }
        }
        return out;
    }

    private static int[] decode(Program p, long[] s) {
        int[] d = new int[p.layout().vars().size()];
        for (Var v : p.layout().vars()) d[v.id()] = StateLayout.get(s, v);
        return d;
    }

    /** Every step is enabled and has the reference's successor; the end violates the property. */
    static void assertReplays(Program p, ReferenceExplorer ref, Trace t) {
        int[] s = decode(p, t.initial());
        assertEquals(ReferenceExplorer.key(ref.initial()), ReferenceExplorer.key(s), "initial state");
        int n = t.steps().size();
        for (int i = 0; i < n; i++) {
            Trace.Step step = t.steps().get(i);
            assertTrue(ref.enabled(s).contains(step.transition()), "step " + i + " enabled");
            ReferenceExplorer.Firing f = ref.fire(s, step.transition());
            if (i == n - 1 && f.violations().contains(t.property())) return; // violated by the last transition
            assertNotNull(f.next(), "step " + i + " has a successor");
            assertEquals(ReferenceExplorer.key(f.next()), ReferenceExplorer.key(decode(p, step.after())), "step " + i);
            s = f.next();
        }
        assertTrue(ref.stateViolations(s, ref.enabled(s).isEmpty()).contains(t.property()), "the last state violates");
    }
}
