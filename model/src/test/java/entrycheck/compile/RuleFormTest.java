package entrycheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.lang.ModelLoader;
import entrycheck.testutil.TinyExplorer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Composite values, run-time indices, quantifiers and enum-indexed arrays in the rule form. */
class RuleFormTest {

    private static Program load(String text) throws Exception {
        return ModelLoader.loadText("m.entry", text, Map.of());
    }

    @Test
    void runtimeIndicesIntoArraysOfRecordsAndNestedArrays() throws Exception {
        Program p = load(String.join("\n",
                "type slot_t = record { used: bool; val: 0..3; };",
                "var s: array [2] of slot_t;",
                "var m: array [2] of array [3] of 0..7 = 0;",
                "var i: 0..1 = 0;",
                "var j: 0..2 = 0;",
                "rule fill !s[i].used ==> { s[i].used = 1; s[i].val = i + j; m[i][j] = i + 2 * j; }",
                "rule next_i i < 1 ==> { i = i + 1; }",
                "rule next_j j < 2 ==> { j = j + 1; }",
                "property ok = invariant forall a: 0..1 : s[a].used -> s[a].val <= 3;",
                "property cell = invariant m[1][2] != 5;",
                "end when i == 1 && j == 2;",
                ""));
        assertEquals(List.of("s[0].used", "s[0].val", "s[1].used", "s[1].val", "m[0][0]", "m[0][1]", "m[0][2]",
                "m[1][0]", "m[1][1]", "m[1][2]", "i", "j"), p.layout().vars().stream().map(v -> v.name()).toList());
        TinyExplorer x = new TinyExplorer(p).run(100_000);
        assertEquals(List.of("cell"), List.copyOf(x.violations.keySet()));
        int m12 = x.var("m[1][2]");
        assertTrue(x.anyState(s -> s[m12] == 5));
        assertFalse(x.anyState(s -> s[x.var("m[0][1]")] == 1), "m[0][1] can only be 0 or 2");
        assertTrue(x.anyState(s -> s[x.var("m[0][1]")] == 2));
    }

    @Test
    void wholeRecordAssignmentAndEnumIndexedArrays() throws Exception {
        Program p = load(String.join("\n",
                "type ctx_t = enum { CT_KERNEL, CT_IDLE, CT_USER };",
                "type st_t = record { watching: bool; nesting: 0..2; };",
                "var saved: st_t;",
                "var cur: st_t;",
                "var seen: array [ctx_t] of bool = false;",
                "var ctx: ctx_t = CT_KERNEL;",
                "rule save true ==> { saved = cur; seen[ctx] = true; }",
                "rule change(c: ctx_t) ctx != c ==> { ctx = c; cur.nesting = cur.nesting < 2 ? cur.nesting + 1 : 0; }",
                "property same = invariant saved.nesting <= 2;",
                ""));
        assertEquals("seen[CT_USER]", p.layout().var(6).name());
        assertEquals(List.of("save", "change(CT_KERNEL)", "change(CT_IDLE)", "change(CT_USER)"),
                p.transitions().stream().map(t -> t.label()).toList());
        TinyExplorer x = new TinyExplorer(p).run(100_000);
        assertTrue(x.violations.isEmpty(), x.violations.toString());
        assertTrue(x.anyState(s -> s[x.var("seen[CT_USER]")] == 1 && s[x.var("saved.nesting")] == 2));
    }

    @Test
    void constantsFoldAndOutOfRangeIsADomainViolation() throws Exception {
        Program p = load(String.join("\n",
                "const K = 2 * 3 - 1;",
                "var a: array [3] of 0..7 = 0;",
                "var k: 0..3 = 0;",
                "rule advance k < 3 ==> { a[k] = K; k = k + 1; }",
                "rule over k == 3 ==> { k = 0; a[k + 3] = 1; }",
                ""));
        assertEquals(Map.of("K", 5), p.constants());
        assertEquals(new Expr.Const(5), ((entrycheck.ir.Update.AssignIndexed) p.transitions().get(0).updates().get(0)).value());
        TinyExplorer x = new TinyExplorer(p).run(100_000);
        assertTrue(x.violations.containsKey("domain"), x.violations.toString());
    }

    @Test
    void assertWithoutAsCreatesTheBuiltInAssertProperty() throws Exception {
        Program p = load("var x: 0..3 = 0;\nrule r x < 3 ==> { x = x + 1; assert x != 3 \"x reached 3\"; }\nexpect violated assert;\n");
        assertEquals(List.of("domain", "no-deadlock", "assert"), p.properties().stream().map(q -> q.name()).toList());
        assertEquals(entrycheck.ir.Property.Expect.VIOLATED, p.property("assert").expect());
        TinyExplorer x = new TinyExplorer(p).run(1000);
        assertEquals(List.of("r", "x reached 3"), x.violations.get("assert").subList(2, 4));
        assertTrue(x.violations.containsKey("no-deadlock"));
    }

    @Test
    void aConstantlyFalseGuardGivesNoTransition() throws Exception {
        Program p = load("var x: 0..3 = 0;\nrule r(i: 0..3) i != 2 && x == 0 ==> { x = i; }\n");
        assertEquals(List.of("r(0)", "r(1)", "r(3)"), p.transitions().stream().map(t -> t.label()).toList());
    }
}
