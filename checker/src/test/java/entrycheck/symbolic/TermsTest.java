package entrycheck.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The smart constructors fold soundly: for random expression trees over two variables, the term
 * they build evaluates, for every value of the variables, to what the operators mean in the IR,
 * and inside the term's bounds. (A fold of {@code c ? 0 : 2} into {@code !c} was once wrong.)
 */
class TermsTest {

    /** A tree built twice: as a Term, and as a Java function of (x, y). */
    private record Built(Term term, IntBinaryOperator meaning, String text) {
        @Override public String toString() { return text; }
    }

    private static int pick(RandomnessSource in, int lo, int hi) {
        return (int) in.next(Constraint.between(lo, hi));
    }

    private static final int LO = -2, HI = 3;

    private static Built build(RandomnessSource in, int depth) {
        int kind = pick(in, 0, depth == 0 ? 2 : 9);
        switch (kind) {
            case 0: {
                int c = pick(in, LO, HI);
                return new Built(Terms.constant(c), (x, y) -> c, Integer.toString(c));
            }
            case 1: return new Built(Terms.variable(0, LO, HI), (x, y) -> x, "x");
            case 2: return new Built(Terms.variable(1, 0, 1), (x, y) -> y, "y");
            case 3: {
                BinOp op = new BinOp[] {BinOp.ADD, BinOp.SUB, BinOp.MUL}[pick(in, 0, 2)];
                Built a = build(in, depth - 1), b = build(in, depth - 1);
                return new Built(Terms.arith(op, a.term, b.term), (x, y) -> (int) Terms.fold(op, a.meaning.applyAsInt(x, y), b.meaning.applyAsInt(x, y)),
                        "(" + a + " " + op + " " + b + ")");
            }
            case 4: { // division by a divisor made safe the way SymbolicStep does it
                BinOp op = pick(in, 0, 1) == 0 ? BinOp.DIV : BinOp.MOD;
                Built a = build(in, depth - 1), b = build(in, depth - 1);
                Term nonZero = Terms.compare(BinOp.NE, b.term, Terms.FALSE);
                Term divisor = nonZero.isTrue() ? b.term : Terms.cond(nonZero, b.term, Terms.TRUE);
                return new Built(Terms.arith(op, a.term, divisor), (x, y) -> {
                    int d = b.meaning.applyAsInt(x, y);
                    return (int) Terms.fold(op, a.meaning.applyAsInt(x, y), d == 0 ? 1 : d);
                }, "(" + a + " " + op + " safe " + b + ")");
            }
            case 5: {
                BinOp op = new BinOp[] {BinOp.EQ, BinOp.NE, BinOp.LT, BinOp.LE, BinOp.GT, BinOp.GE}[pick(in, 0, 5)];
                Built a = build(in, depth - 1), b = build(in, depth - 1);
                return new Built(Terms.compare(op, a.term, b.term),
                        (x, y) -> (int) Terms.fold(op, a.meaning.applyAsInt(x, y), b.meaning.applyAsInt(x, y)),
                        "(" + a + " " + op + " " + b + ")");
            }
            case 6: {
                int which = pick(in, 0, 2);
                BinOp op = new BinOp[] {BinOp.AND, BinOp.OR, BinOp.IMPLIES}[which];
                Built a = build(in, depth - 1), b = build(in, depth - 1);
                Term t = which == 0 ? Terms.and(a.term, b.term) : which == 1 ? Terms.or(a.term, b.term) : Terms.implies(a.term, b.term);
                return new Built(t, (x, y) -> (int) Terms.fold(op, a.meaning.applyAsInt(x, y), b.meaning.applyAsInt(x, y)),
                        "(" + a + " " + op + " " + b + ")");
            }
            case 7: {
                Built a = build(in, depth - 1);
                return pick(in, 0, 1) == 0
                        ? new Built(Terms.not(a.term), (x, y) -> a.meaning.applyAsInt(x, y) == 0 ? 1 : 0, "!" + a)
                        : new Built(Terms.neg(a.term), (x, y) -> -a.meaning.applyAsInt(x, y), "-" + a);
            }
            case 8: {
                Built c = build(in, depth - 1), a = build(in, depth - 1), b = build(in, depth - 1);
                return new Built(Terms.cond(c.term, a.term, b.term),
                        (x, y) -> c.meaning.applyAsInt(x, y) != 0 ? a.meaning.applyAsInt(x, y) : b.meaning.applyAsInt(x, y),
                        "(" + c + " ? " + a + " : " + b + ")");
            }
            default: {
                Built a = build(in, depth - 1);
                int[] values = {pick(in, LO, HI), pick(in, LO, HI)};
                return new Built(Terms.inSet(a.term, values), (x, y) -> {
                    int v = a.meaning.applyAsInt(x, y);
                    return v == values[0] || v == values[1] ? 1 : 0;
                }, a + " in {" + values[0] + ", " + values[1] + "}");
            }
        }
    }

    /** The Query semantics of an expression over x (variable 0) and y (variable 1). */
    static int eval(Expr e, int x, int y) {
        if (e instanceof Expr.Const c) return c.value();
        if (e instanceof Expr.Read r) return r.var() == 0 ? x : y;
        if (e instanceof Expr.Unary u) {
            int a = eval(u.operand(), x, y);
            return u.op() == Expr.UnOp.NOT ? (a == 0 ? 1 : 0) : -a;
        }
        if (e instanceof Expr.Binary b) return (int) Terms.fold(b.op(), eval(b.left(), x, y), eval(b.right(), x, y));
        if (e instanceof Expr.Cond c) return eval(c.cond(), x, y) != 0 ? eval(c.then(), x, y) : eval(c.otherwise(), x, y);
        if (e instanceof Expr.InSet s) {
            int v = eval(s.operand(), x, y);
            for (int w : s.values()) if (v == w) return 1;
            return 0;
        }
        throw new IllegalArgumentException(e.toString());
    }

    @Test
    void foldedTermsMeanWhatTheOperatorsMean() {
        Gen<Built> trees = in -> build(in, 3);
        qt().withFixedSeed(0x7e_5a_11L).withExamples(3000).forAll(trees).checkAssert(b -> {
            for (int x = LO; x <= HI; x++) {
                for (int y = 0; y <= 1; y++) {
                    int v = eval(b.term.expr(), x, y);
                    assertEquals(b.meaning.applyAsInt(x, y), v, b + " at x=" + x + ", y=" + y);
                    assertTrue(v >= b.term.lo() && v <= b.term.hi(), b + " = " + v + " outside " + b.term.lo() + ".." + b.term.hi());
                }
            }
        });
    }

    @Test
    void constantsBeyondTheLimitAreRejected() {
        assertThrows(UnsupportedModelException.class, () -> Terms.constant(Query.LIMIT + 1L));
        Term big = Terms.variable(0, 0, Query.LIMIT);
        assertThrows(UnsupportedModelException.class, () -> Terms.arith(BinOp.ADD, big, big));
    }
}
