package entrycheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import entrycheck.lang.ModelLoader;
import entrycheck.testutil.TinyExplorer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled cross-tool benchmark compiles to the shape the other tools have. */
class BenchBigTest {

    @Test
    void compilesTo28TransitionsOver15Vars() throws Exception {
        Program p = ModelLoader.load("bench/big", Map.of());
        assertEquals("bench/big", p.name());
        assertNull(p.nesting());
        assertEquals(28, p.transitions().size());
        List<Var> vars = p.layout().vars();
        assertEquals(15, vars.size());
        for (int i = 0; i < 7; i++) {
            assertEquals("a[" + i + "]", vars.get(i).name());
            assertEquals(new Type.Range(0, 7), vars.get(i).type());
            assertEquals(3, vars.get(i).width());
            assertEquals("pc[" + i + "]", vars.get(8 + i).name());
            assertTrue(vars.get(8 + i).type() instanceof Type.Enum);
            assertEquals(2, vars.get(8 + i).width());
        }
        assertEquals("lock", vars.get(7).name());
        assertEquals(new Type.Range(0, 7), vars.get(7).type());
        assertEquals(38, p.layout().bits());
        assertEquals(1, p.layout().words());
        assertEquals(Map.of("N", 7), p.constants());
    }

    @Test
    void rulesAreExpandedInDeclarationAndParameterOrder() throws Exception {
        Program p = ModelLoader.load("bench/big", Map.of());
        String[] names = {"inc", "take", "chk", "rel"};
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < 7; i++) {
                Transition t = p.transitions().get(r * 7 + i);
                assertEquals(r * 7 + i, t.id());
                assertEquals(names[r] + "(" + i + ")", t.label());
                assertEquals(Transition.Kind.RULE, t.kind());
                assertEquals(-1, t.level());
                assertTrue(t.pre().isEmpty());
            }
        }
        Transition inc3 = p.transitions().get(3);
        // pc[3] == TOP && a[3] < 7, with the index folded to direct reads
        assertEquals(new Expr.Binary(Expr.BinOp.AND,
                new Expr.Binary(Expr.BinOp.EQ, new Expr.Read(11), new Expr.Const(0)),
                new Expr.Binary(Expr.BinOp.LT, new Expr.Read(3), new Expr.Const(7))), inc3.guard());
        assertEquals(List.of(new Update.Assign(3, new Expr.Binary(Expr.BinOp.ADD, new Expr.Read(3), new Expr.Const(1)))),
                inc3.updates());
        Transition chk2 = p.transitions().get(16);
        Update.Check check = (Update.Check) chk2.updates().get(0);
        assertEquals("mutex", p.properties().get(check.property()).name());
        assertEquals(new Expr.Binary(Expr.BinOp.EQ, new Expr.Read(7), new Expr.Const(3)), check.holds());
    }

    @Test
    void propertiesAreTheModelsThenTheBuiltIns() throws Exception {
        Program p = ModelLoader.load("bench/big", Map.of());
        assertEquals(List.of("mutex", "domain", "no-deadlock"), p.properties().stream().map(Property::name).toList());
        assertEquals(Property.Kind.STEP_CHECK, p.property("mutex").kind());
        assertEquals(Property.Kind.DOMAIN, p.property("domain").kind());
        assertEquals(Property.Kind.DEADLOCK, p.property("no-deadlock").kind());
        assertEquals(Expr.FALSE, p.endState());
        assertEquals(64, p.sourceHash().length());
    }

    @Test
    void smallerInstanceHasTheStateCountOfADirectSimulation() throws Exception {
        Program p = ModelLoader.load("bench/big", Map.of("N", 3));
        TinyExplorer x = new TinyExplorer(p).run(1_000_000);
        long[] expected = directCount(3);
        assertEquals(expected[0], x.states);
        assertEquals(expected[1], x.transitions);
        assertTrue(x.violations.isEmpty(), x.violations.toString());
    }

    /** The benchmark simulated directly in Java (independently of the compiler): states and transitions. */
    private static long[] directCount(int n) {
        java.util.Set<List<Integer>> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<int[]> q = new java.util.ArrayDeque<>();
        int[] init = new int[2 * n + 1];
        seen.add(key(init));
        q.add(init);
        long trans = 0;
        while (!q.isEmpty()) {
            int[] s = q.poll();
            for (int i = 0; i < n; i++) {
                int pc = s[n + 1 + i];
                int[] t = s.clone();
                boolean fire = false;
                if (pc == 0 && s[i] < 7) { t[i]++; fire = true; }
                if (fire) { trans++; if (seen.add(key(t))) q.add(t); }
            }
            for (int i = 0; i < n; i++) {
                int[] t = s.clone();
                if (s[n + 1 + i] == 0 && s[i] == 7 && s[n] == 0) {
                    t[n] = i + 1; t[n + 1 + i] = 1; trans++; if (seen.add(key(t))) q.add(t);
                }
            }
            for (int i = 0; i < n; i++) {
                int[] t = s.clone();
                if (s[n + 1 + i] == 1) { t[n + 1 + i] = 2; trans++; if (seen.add(key(t))) q.add(t); }
            }
            for (int i = 0; i < n; i++) {
                int[] t = s.clone();
                if (s[n + 1 + i] == 2) {
                    t[i] = 0; t[n] = 0; t[n + 1 + i] = 0; trans++; if (seen.add(key(t))) q.add(t);
                }
            }
        }
        return new long[] {seen.size(), trans};
    }

    private static List<Integer> key(int[] s) {
        return java.util.Arrays.stream(s).boxed().toList();
    }
}
