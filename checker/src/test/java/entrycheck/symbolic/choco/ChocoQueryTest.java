package entrycheck.symbolic.choco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import entrycheck.symbolic.Answer;
import entrycheck.symbolic.Query;
import entrycheck.symbolic.SolverBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The Choco backend implements the {@link Query} semantics exactly: every operator, in a value
 * position (a defined variable) and in a constraint position, on every pair of small operands,
 * agrees with Java's int semantics. Exhaustive over -2..2, so a wrong reification anywhere in
 * Choco's expression API shows up (one did: {@code ArExpression.in}).
 */
class ChocoQueryTest {

    private static final SolverBackend CHOCO = ChocoBackend.create();
    private static final int LO = -2, HI = 2;

    private static Expr x() { return new Expr.Read(0); }
    private static Expr y() { return new Expr.Read(1); }
    private static Expr c(int v) { return new Expr.Const(v); }

    /** Solves "x == a, y == b, z == e" and returns z. */
    private static int valueOf(Expr e, int a, int b) {
        List<Query.Variable> vars = new ArrayList<>();
        vars.add(new Query.Variable("x", LO, HI, null));
        vars.add(new Query.Variable("y", LO, HI, null));
        vars.add(new Query.Variable("z", -100, 100, e));
        List<Expr> cs = List.of(new Expr.Binary(BinOp.EQ, x(), c(a)), new Expr.Binary(BinOp.EQ, y(), c(b)));
        Answer ans = CHOCO.solve(new Query(vars, cs, new int[] {0, 1}), null);
        return assertInstanceOf(Answer.Satisfiable.class, ans, () -> e + " at " + a + ", " + b).values()[2];
    }

    /** Whether "x == a, y == b, e" is satisfiable. */
    private static boolean holds(Expr e, int a, int b) {
        List<Query.Variable> vars = List.of(new Query.Variable("x", LO, HI, null), new Query.Variable("y", LO, HI, null));
        List<Expr> cs = List.of(new Expr.Binary(BinOp.EQ, x(), c(a)), new Expr.Binary(BinOp.EQ, y(), c(b)), e);
        return CHOCO.solve(new Query(vars, cs, new int[] {0, 1}), null) instanceof Answer.Satisfiable;
    }

    /** Checks e's value everywhere, and for a 0/1 operator also e as a constraint. */
    private static void exhaustive(Expr e, BiFunction<Integer, Integer, Integer> expected) {
        boolean relational = !(e instanceof Expr.Binary b && b.op().ordinal() <= BinOp.MOD.ordinal())
                && !(e instanceof Expr.Unary u && u.op() == Expr.UnOp.NEG) && !(e instanceof Expr.Cond)
                && !(e instanceof Expr.ReadIndexed);
        for (int a = LO; a <= HI; a++) {
            for (int b = LO; b <= HI; b++) {
                Integer want = expected.apply(a, b);
                if (want == null) continue; // undefined (division by zero): never asked by the unrolling
                assertEquals((int) want, valueOf(e, a, b), e + " at x=" + a + ", y=" + b);
                if (relational) assertEquals(want != 0, holds(e, a, b), e + " as a constraint at x=" + a + ", y=" + b);
            }
        }
    }

    private static int bool(boolean b) { return b ? 1 : 0; }

    /**
     * {@code e} over x and y whose domains are the single values a and b when the model is
     * built, so that a translation that derives its result's bounds from the operands' domains
     * is exercised on every sign combination (the test above fixes x and y by constraints,
     * over domains that contain both signs).
     */
    private static void exhaustiveOnDomains(Expr e, BiFunction<Integer, Integer, Integer> expected) {
        for (int a = -3; a <= 3; a++) {
            for (int b = -3; b <= 3; b++) {
                Integer want = expected.apply(a, b);
                if (want == null) continue;
                List<Query.Variable> vars = List.of(new Query.Variable("x", a, a, null), new Query.Variable("y", b, b, null),
                        new Query.Variable("z", -100, 100, e));
                Answer ans = CHOCO.solve(new Query(vars, List.of(), new int[] {0, 1}), null);
                int ia = a, ib = b;
                Answer.Satisfiable sat = assertInstanceOf(Answer.Satisfiable.class, ans, () -> e + " at x=" + ia + ", y=" + ib);
                assertEquals((int) want, sat.values()[2], e + " at x=" + a + ", y=" + b);
            }
        }
    }

    /**
     * Choco 4.10.18's {@code ArExpression.mod} bounds its result with the divisor's sign
     * (3 mod -2 in {-1..0}), where Java's remainder takes the dividend's (3 % -2 == 1): found by
     * the engine agreement test, kept in AgreementRegressionTest.
     */
    @Test
    void divisionAndRemainderFollowJavaWhateverTheOperandsDomains() {
        exhaustiveOnDomains(new Expr.Binary(BinOp.MOD, x(), y()), (a, b) -> b == 0 ? null : a % b);
        exhaustiveOnDomains(new Expr.Binary(BinOp.DIV, x(), y()), (a, b) -> b == 0 ? null : a / b);
        exhaustiveOnDomains(new Expr.Binary(BinOp.MOD, x(), c(-2)), (a, b) -> a % -2);
        exhaustiveOnDomains(new Expr.Binary(BinOp.DIV, x(), c(-2)), (a, b) -> a / -2);
    }

    @Test
    void arithmeticFollowsJava() {
        exhaustive(new Expr.Binary(BinOp.ADD, x(), y()), (a, b) -> a + b);
        exhaustive(new Expr.Binary(BinOp.SUB, x(), y()), (a, b) -> a - b);
        exhaustive(new Expr.Binary(BinOp.MUL, x(), y()), (a, b) -> a * b);
        exhaustive(new Expr.Binary(BinOp.DIV, x(), y()), (a, b) -> b == 0 ? null : a / b);
        exhaustive(new Expr.Binary(BinOp.MOD, x(), y()), (a, b) -> b == 0 ? null : a % b);
        exhaustive(new Expr.Binary(BinOp.DIV, x(), c(-2)), (a, b) -> a / -2);
        exhaustive(new Expr.Binary(BinOp.MOD, x(), c(-2)), (a, b) -> a % -2);
        exhaustive(new Expr.Unary(Expr.UnOp.NEG, x()), (a, b) -> -a);
    }

    @Test
    void comparisonsAndLogicFollowTheIr() {
        exhaustive(new Expr.Binary(BinOp.EQ, x(), y()), (a, b) -> bool(a.equals(b)));
        exhaustive(new Expr.Binary(BinOp.NE, x(), y()), (a, b) -> bool(!a.equals(b)));
        exhaustive(new Expr.Binary(BinOp.LT, x(), y()), (a, b) -> bool(a < b));
        exhaustive(new Expr.Binary(BinOp.LE, x(), c(0)), (a, b) -> bool(a <= 0));
        exhaustive(new Expr.Binary(BinOp.GT, x(), y()), (a, b) -> bool(a > b));
        exhaustive(new Expr.Binary(BinOp.GE, x(), y()), (a, b) -> bool(a >= b));
        // booleans are non-zero: the operands here are plain ints
        exhaustive(new Expr.Binary(BinOp.AND, x(), y()), (a, b) -> bool(a != 0 && b != 0));
        exhaustive(new Expr.Binary(BinOp.OR, x(), y()), (a, b) -> bool(a != 0 || b != 0));
        exhaustive(new Expr.Binary(BinOp.IMPLIES, x(), y()), (a, b) -> bool(a == 0 || b != 0));
        exhaustive(new Expr.Unary(Expr.UnOp.NOT, x()), (a, b) -> bool(a == 0));
        exhaustive(new Expr.Unary(Expr.UnOp.NOT, new Expr.Binary(BinOp.LT, x(), y())), (a, b) -> bool(a >= b));
    }

    @Test
    void conditionalsSetsAndElementsFollowTheIr() {
        exhaustive(new Expr.Cond(x(), y(), c(2)), (a, b) -> a != 0 ? b : 2);
        exhaustive(new Expr.Cond(new Expr.Binary(BinOp.LT, x(), y()), c(-1), y()), (a, b) -> a < b ? -1 : b);
        int[] set = {-1, 2};
        exhaustive(new Expr.InSet(x(), set), (a, b) -> bool(a == -1 || a == 2));
        exhaustive(new Expr.Unary(Expr.UnOp.NOT, new Expr.InSet(new Expr.Binary(BinOp.ADD, x(), y()), new int[] {0, 3})),
                (a, b) -> bool(a + b != 0 && a + b != 3));
        exhaustive(new Expr.ReadIndexed(new int[] {0, 1}, new Expr.Cond(new Expr.Binary(BinOp.LT, x(), c(0)), c(0), c(1)), 0),
                (a, b) -> a < 0 ? a : b);
        exhaustive(new Expr.Binary(BinOp.AND, new Expr.InSet(x(), set), new Expr.Binary(BinOp.NE, y(), c(0))),
                (a, b) -> bool((a == -1 || a == 2) && b != 0));
    }

    @Test
    void emptyQueryIsSatisfiableAndFalseIsNot() {
        assertInstanceOf(Answer.Satisfiable.class, CHOCO.solve(new Query(List.of(), List.of(), new int[0]), null));
        assertInstanceOf(Answer.Unsatisfiable.class, CHOCO.solve(new Query(List.of(), List.of(c(0)), new int[0]), null));
        Answer.Stats s = CHOCO.solve(new Query(List.of(), List.of(c(0)), new int[0]), null).stats();
        assertTrue(s.summary().contains("Solutions"), s.summary());
    }

    @Test
    void nameMatchesTheChocoJarOnTheClassPath() {
        String jar = org.chocosolver.solver.Model.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.contains(ChocoBackend.VERSION), jar + " vs " + ChocoBackend.VERSION);
        assertEquals("Choco Solver " + ChocoBackend.VERSION, CHOCO.name());
    }
}
