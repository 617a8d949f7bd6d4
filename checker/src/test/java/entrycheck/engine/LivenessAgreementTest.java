package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.lang.ModelLoader;
import entrycheck.semantics.CompiledProgram;
import entrycheck.semantics.Condition;
import entrycheck.semantics.ViolationSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SCC-based liveness check against an independent one: the Emerson-Lei fixpoint for a fair
 * "stay at depth >= 1 forever" (Z = nu Z. EX Z and, for every instruction transition t,
 * EX E[Z U (Z and (t disabled or a t-edge into Z))]) over the explicit state graph, on a family
 * of small entry models built from handler snippets, rules and vectors.
 */
class LivenessAgreementTest {

    private static final String[] HANDLERS = {
        "  h: skip; iret;",
        "  spin: while (!flag) { skip; } iret;",
        "  spin: while (!flag) { tick = !tick; } iret;",
        "  w: while (tick) { tick = 0; } iret;",
        "  choose { flag = 1; } or { skip; } if (flag) { iret; } again: goto again;",
        "  stopped = 1; halted: goto halted;",
        "  acc: may_raise pf; iret;",
        "  again: raise pf; goto again;",
        "  cpu.IF = 1; x: skip; cpu.IF = 0; iret;",
        "  r: choose { goto r; } or { iret; }",
    };

    private static final String[] EXTRAS = {
        "",
        "rule toggle true ==> { tick = !tick; }",
        "rule setflag !flag ==> { flag = 1; }",
        "vector nmi async when !cpu.blocked lands on current enters nmi_handler deliver { cpu.blocked = 1; };\n"
                + "proc nmi_handler() { n: skip; iret; }",
        "vector nmi async when !cpu.blocked lands on current enters nmi_handler deliver { cpu.blocked = 1; };\n"
                + "proc nmi_handler() { n: flag = 1; iret; }",
    };

    private static String model(String handler, String extra) {
        return String.join("\n",
                "model agree;",
                "nesting 2;",
                "state cpu { IF: bool = 1; blocked: bool = 0; }",
                "var flag: bool = 0;",
                "var tick: bool = 0;",
                "var stopped: bool = 0;",
                "frame regs { region hw { rip: ret; IF: bool; } }",
                "stack task slots 3;",
                "hardware { task_stack task; deliver { frame.IF = cpu.IF; cpu.IF = 0; }",
                "           iret { cpu.IF = frame.IF; cpu.blocked = 0; } }",
                "vector irq async when cpu.IF lands on current enters handler;",
                "vector pf sync lands on current enters pf_handler;",
                "proc pf_handler() { p: iret; }",
                "start main;",
                "proc main() { top: skip; goto top; }",
                "proc handler() {",
                handler,
                "}",
                "property live = returns eventually;",
                "property live-storms = returns eventually under storms;",
                "property live-unless = returns eventually unless stopped;",
                extra,
                "");
    }

    @Test
    void sccAndFixpointAgreeOnEveryModelOfTheFamily() throws Exception {
        int violated = 0, held = 0;
        for (String h : HANDLERS) {
            for (String x : EXTRAS) {
                Program p = ModelLoader.loadText("agree.entry", model(h, x), Map.of());
                CheckResult r = BfsEngine.check(p, CheckOptions.defaults());
                assertTrue(r.complete());
                Reference ref = new Reference(p);
                for (CheckResult.PropertyResult pr : r.properties()) {
                    Property prop = pr.property();
                    if (!prop.kind().isLiveness()) continue;
                    boolean expected = ref.fairLoopExists(prop);
                    boolean got = pr.verdict() instanceof Verdict.Violated;
                    assertEquals(expected, got, prop.name() + " on handler '" + h.trim() + "' with '" + x + "'");
                    if (got) violated++; else held++;
                }
            }
        }
        // the family exercises both answers
        assertTrue(violated > 20 && held > 20, violated + " violated, " + held + " held");
    }

    /** The explicit state graph and the Emerson-Lei fixpoint. */
    private static final class Reference {
        private final Program p;
        private final CompiledProgram ts;
        private final List<long[]> states = new ArrayList<>();
        private final List<int[]> succ = new ArrayList<>();   // per state: successor ids
        private final List<int[]> label = new ArrayList<>();  // per state: transition of each successor
        private final List<int[]> enabled = new ArrayList<>();

        Reference(Program p) {
            this.p = p;
            this.ts = CompiledProgram.compile(p);
            Map<List<Long>, Integer> ids = new HashMap<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            long[] init = ts.initial();
            ids.put(key(init), 0);
            states.add(init);
            queue.add(0);
            int[] buf = new int[ts.transitionCount()];
            while (!queue.isEmpty()) {
                int i = queue.poll();
                long[] s = states.get(i);
                int n = ts.enabled(s, buf);
                enabled.add(null);
                enabled.set(i, Arrays.copyOf(buf, n));
                List<Integer> out = new ArrayList<>(), lab = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    long[] next = new long[ts.words()];
                    if (!ts.fire(s, buf[k], next, ViolationSink.IGNORE)) continue;
                    Integer j = ids.get(key(next));
                    if (j == null) {
                        j = states.size();
                        ids.put(key(next), j);
                        states.add(next);
                        queue.add(j);
                    }
                    out.add(j);
                    lab.add(buf[k]);
                }
                while (succ.size() <= i) { succ.add(null); label.add(null); }
                succ.set(i, out.stream().mapToInt(Integer::intValue).toArray());
                label.set(i, lab.stream().mapToInt(Integer::intValue).toArray());
            }
        }

        private static List<Long> key(long[] s) {
            List<Long> k = new ArrayList<>();
            for (long w : s) k.add(w);
            return k;
        }

        boolean fairLoopExists(Property prop) {
            int n = states.size();
            int depthVar = p.nesting().depth();
            var depth = p.layout().var(depthVar);
            boolean storms = prop.kind() == Property.Kind.RETURNS_UNDER_STORMS;
            Condition unless = null;
            for (Invariant u : p.unless()) if (u.property() == prop.id()) unless = CompiledProgram.condition(p, u.holds());
            BitSet z = new BitSet(n);
            for (int i = 0; i < n; i++) {
                long[] s = states.get(i);
                if (StateLayout.get(s, depth) >= 1 && (unless == null || !unless.test(s))) z.set(i);
            }
            boolean[] env = new boolean[p.transitions().size()];
            for (var t : p.transitions()) env[t.id()] = t.isEnvironment(depthVar);
            for (;;) {
                BitSet next = exZ(z, z, storms, env);
                for (int t = 0; t < env.length && !next.isEmpty(); t++) {
                    if (env[t]) continue;
                    BitSet goal = new BitSet(n);
                    for (int i = z.nextSetBit(0); i >= 0; i = z.nextSetBit(i + 1)) {
                        boolean on = false;
                        for (int e : enabled.get(i)) if (e == t) on = true;
                        boolean takes = false;
                        int[] ss = succ.get(i), ll = label.get(i);
                        for (int k = 0; k < ss.length; k++) if (ll[k] == t && edge(i, k, z, storms, env)) takes = true;
                        if (!on || takes) goal.set(i);
                    }
                    // E[Z U goal], then EX of it
                    BitSet until = (BitSet) goal.clone();
                    boolean grew = true;
                    while (grew) {
                        BitSet more = exZ(z, until, storms, env);
                        more.or(until);
                        grew = !more.equals(until);
                        until = more;
                    }
                    next.and(exZ(z, until, storms, env));
                }
                if (next.equals(z)) return !z.isEmpty();
                z = next;
            }
        }

        /** An edge usable in a loop: both ends in z, and no environment delivery unless storms. */
        private boolean edge(int i, int k, BitSet z, boolean storms, boolean[] env) {
            return z.get(i) && z.get(succ.get(i)[k]) && (storms || !env[label.get(i)[k]]);
        }

        /** The states of z with a usable edge into target. */
        private BitSet exZ(BitSet z, BitSet target, boolean storms, boolean[] env) {
            BitSet out = new BitSet(states.size());
            for (int i = z.nextSetBit(0); i >= 0; i = z.nextSetBit(i + 1)) {
                int[] ss = succ.get(i);
                for (int k = 0; k < ss.length; k++) {
                    if (edge(i, k, z, storms, env) && target.get(ss[k])) { out.set(i); break; }
                }
            }
            return out;
        }
    }
}
