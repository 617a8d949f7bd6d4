package entrycheck.symbolic;

import entrycheck.ir.Expr;

/**
 * A query expression with sound bounds of its value: every assignment of the query's variables
 * gives {@code expr} a value in {@code lo..hi}. Built only through {@link Terms}, which folds
 * constants and keeps the bounds.
 */
record Term(Expr expr, int lo, int hi) {

    boolean isConst() { return expr instanceof Expr.Const; }

    /** The value of a constant term. */
    int value() { return ((Expr.Const) expr).value(); }

    boolean isTrue() { return isConst() && value() != 0; }

    boolean isFalse() { return isConst() && value() == 0; }

    /** Its value is always 0 or 1. */
    boolean isBool() { return lo >= 0 && hi <= 1; }
}
