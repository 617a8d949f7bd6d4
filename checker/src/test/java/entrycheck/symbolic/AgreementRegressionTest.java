package entrycheck.symbolic;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Programs on which the bounded and the explicit engine once disagreed, found by
 * {@link EngineAgreementTheoryTest} in longer runs by hand (shrunk by QuickTheories), kept as
 * regression tests.
 */
class AgreementRegressionTest {

    private static Expr c(int v) { return new Expr.Const(v); }
    private static Expr r(int v) { return new Expr.Read(v); }
    private static Expr bin(BinOp op, Expr a, Expr b) { return new Expr.Binary(op, a, b); }

    /**
     * The domain error of t2;t2 (v1 = 4) is two steps away, but bmc answered three: t0's guard
     * computes {@code v1 % (v0 - 1)} with a divisor that is negative in every state, and Choco's
     * remainder expression bounded its result with the divisor's sign, so the depth-2 query,
     * which contains that term, had no solution (ChocoQuery#remainder).
     */
    @Test
    void remainderOfAPositiveByANegative() {
        StateLayout.Builder layout = new StateLayout.Builder();
        layout.add("v0", new Type.Range(-1, 1), Var.Role.STATE, -1);
        layout.add("v1", new Type.Range(-1, 3), Var.Role.STATE, 2);
        Expr inc0 = new Expr.Cond(bin(BinOp.LT, r(0), c(1)), bin(BinOp.ADD, r(0), c(1)), c(-1));
        List<Transition> ts = List.of(
                new Transition(0, "t0", "", Transition.Kind.RULE, -1, "", List.of(new Transition.Pre(0, -1)),
                        bin(BinOp.AND, new Expr.InSet(c(-1), new int[] {-1}), bin(BinOp.MOD, r(1), bin(BinOp.SUB, r(0), c(1)))),
                        List.of(new Update.Assign(0, inc0))),
                new Transition(1, "t1", "", Transition.Kind.RULE, -1, "", List.of(), c(1), List.of(new Update.Assign(0, inc0))),
                new Transition(2, "t2", "", Transition.Kind.RULE, -1, "", List.of(),
                        bin(BinOp.OR, new Expr.Cond(c(-1), c(-1), c(-1)), bin(BinOp.DIV, r(0), r(0))),
                        List.of(new Update.Assign(1, bin(BinOp.ADD, r(1), c(1))))));
        List<Property> props = List.of(
                new Property(RandomPrograms.DOMAIN, "domain", Property.Kind.DOMAIN, "", "", Property.Expect.HOLDS),
                new Property(RandomPrograms.DEADLOCK, "no-deadlock", Property.Kind.DEADLOCK, "", "", Property.Expect.HOLDS),
                new Property(RandomPrograms.INV, "inv", Property.Kind.INVARIANT, "", "", Property.Expect.HOLDS),
                new Property(RandomPrograms.CHK, "chk", Property.Kind.STEP_CHECK, "", "", Property.Expect.HOLDS));
        Program p = new Program("seed651", "", Map.of(), layout.build(), ts,
                List.of(new Invariant(RandomPrograms.INV, bin(BinOp.NE, r(0), c(1)))), null, props, null);
        Engines.assertAgree(p, Set.of(), 6);
        for (String property : RandomPrograms.PROPERTIES) Engines.assertAgree(p, Set.of(property), 6);
    }
}
