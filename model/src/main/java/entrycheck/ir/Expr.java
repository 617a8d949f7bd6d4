package entrycheck.ir;

import java.util.List;

/**
 * Integer-valued expressions over the state. Booleans are 0 (false) and non-zero (true);
 * comparison and logical operators yield 0 or 1. Division or modulo by zero and an
 * out-of-range index are runtime errors of the model (reported as a violation of the
 * built-in property {@code domain}).
 */
public sealed interface Expr {

    record Const(int value) implements Expr { }

    /** The value of one variable. */
    record Read(int var) implements Expr { }

    /**
     * The value of {@code vars[index - base]}: an array element (or a frame field in stack
     * memory) selected at run time.
     */
    record ReadIndexed(int[] vars, Expr index, int base) implements Expr { }

    record Unary(UnOp op, Expr operand) implements Expr { }

    record Binary(BinOp op, Expr left, Expr right) implements Expr { }

    /** {@code cond ? then : otherwise}. */
    record Cond(Expr cond, Expr then, Expr otherwise) implements Expr { }

    /** 1 when the operand's value is one of {@code values}, else 0 (e.g. a pc in a label range). */
    record InSet(Expr operand, int[] values) implements Expr { }

    enum UnOp { NOT, NEG }

    enum BinOp { ADD, SUB, MUL, DIV, MOD, EQ, NE, LT, LE, GT, GE, AND, OR, IMPLIES }

    Const TRUE = new Const(1);
    Const FALSE = new Const(0);

    static Expr and(List<Expr> es) {
        Expr r = null;
        for (Expr e : es) r = r == null ? e : new Binary(BinOp.AND, r, e);
        return r == null ? TRUE : r;
    }
}
