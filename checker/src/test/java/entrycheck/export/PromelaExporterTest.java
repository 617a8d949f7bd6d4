package entrycheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import entrycheck.lang.ModelLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Promela text itself (SPIN's agreement is tested in entrycheck.trust, where SPIN is installed). */
class PromelaExporterTest {

    @Test
    void commentsCannotBeClosedOrCarryControls() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 12)).checkAssert(s -> {
            String c = PromelaExporter.comment(s + "*/" + s + "/*" + s);
            assertFalse(c.contains("*/") || c.contains("/*"), c);
            for (char ch : c.toCharArray()) assertTrue(ch >= 0x20 && ch < 0x7f, () -> "char " + (int) ch + " in " + c);
        });
    }

    @Test
    void exportIsDeterministicAndBigNeedsNoTemporaries() throws Exception {
        Program big = ModelLoader.load("bench/big", Map.of("N", 3));
        String a = PromelaExporter.export(big);
        assertEquals(a, PromelaExporter.export(ModelLoader.load("bench/big", Map.of("N", 3))));
        // every domain check of big comes before the transition's only write: nothing to restore
        assertFalse(a.contains("tmp0"), a);
        assertEquals(3 * 4 + 1, count(a, ":: d_step {"), "one option per transition, plus no-deadlock");
    }

    @Test
    void hostileNamesStayInsideComments() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var x = b.add("x */ int evil; /* \u001b[31m", new Type.Range(0, 3), Var.Role.STATE, 0);
        Property p = new Property(0, "p */ bad", Property.Kind.STEP_CHECK, "d", "s", Property.Expect.HOLDS);
        Property dom = new Property(1, "domain", Property.Kind.DOMAIN, "", "", Property.Expect.HOLDS);
        Transition t = new Transition(0, "step */ evil(); /*\n#define x", "src */", Transition.Kind.RULE, -1, "", List.of(),
                Expr.TRUE, List.of(new Update.Check(0, Expr.TRUE, "msg */\u202e"),
                        new Update.Assign(x.id(), new Expr.Binary(Expr.BinOp.ADD, new Expr.Read(x.id()), new Expr.Const(1)))));
        Program prog = new Program("name */\n#include </etc/passwd>", "", Map.of(), b.build(), List.of(t), List.of(), null,
                List.of(p, dom), null);
        String text = PromelaExporter.export(prog);
        for (String line : text.split("\n")) {
            int open = line.indexOf("/*");
            String code = open < 0 ? line : line.substring(0, open);
            // names become identifiers (v0_x____int_evil_...); text is only ever inside a comment
            assertFalse(code.contains("int evil") || code.contains("evil(") || code.contains("#") || code.contains("bad"), line);
            if (open >= 0) assertEquals(open + 2 + line.substring(open + 2).indexOf("*/"), line.lastIndexOf("*/"), line);
        }
        for (char ch : text.toCharArray()) assertTrue(ch == '\n' || ch == '\t' || (ch >= 0x20 && ch < 0x7f), "char " + (int) ch);
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }
}
