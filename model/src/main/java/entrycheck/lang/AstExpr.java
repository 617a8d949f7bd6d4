package entrycheck.lang;

import java.util.List;

/** Expressions of the model language (immutable; {@code pos} is the first token's position). */
public sealed interface AstExpr {
    Pos pos();

    record IntLit(Pos pos, int value) implements AstExpr { }

    record BoolLit(Pos pos, boolean value) implements AstExpr { }

    /** A plain name: a variable, state group, stack, constant, enum constant, parameter, local or label. */
    record Name(Pos pos, String name) implements AstExpr { }

    /** {@code base.field}; {@code fieldPos} is the field name's position. */
    record Field(Pos pos, AstExpr base, String field, Pos fieldPos) implements AstExpr { }

    record Index(Pos pos, AstExpr base, AstExpr index) implements AstExpr { }

    record Unary(Pos pos, UnOp op, AstExpr operand) implements AstExpr { }

    record Binary(Pos pos, BinOp op, AstExpr left, AstExpr right, Pos opPos) implements AstExpr { }

    /** {@code cond ? then : otherwise}. */
    record Cond(Pos pos, AstExpr cond, AstExpr then, AstExpr otherwise) implements AstExpr { }

    /** A call of a procedure (only as a statement or the right side of an assignment). */
    record Call(Pos pos, String name, List<AstExpr> args) implements AstExpr {
        public Call { args = List.copyOf(args); }
    }

    /** {@code handling(V)}, {@code interrupted_at(A, B)}, {@code interrupted_on(S)}: arguments are names. */
    record Builtin(Pos pos, BuiltinFn fn, List<AstExpr> args) implements AstExpr {
        public Builtin { args = List.copyOf(args); }
    }

    /** {@code depth}, {@code instrumentable}, {@code interrupted}, {@code frame}. */
    record Keyword(Pos pos, Kw kw) implements AstExpr { }

    /** {@code forall v: lo..hi : body} or {@code exists ...}. */
    record Quant(Pos pos, boolean forall, String var, AstExpr lo, AstExpr hi, AstExpr body) implements AstExpr { }

    enum UnOp {
        NOT("!"), NEG("-");
        public final String symbol;
        UnOp(String s) { symbol = s; }
    }

    enum BinOp {
        MUL("*", 9), DIV("/", 9), MOD("%", 9), ADD("+", 8), SUB("-", 8),
        LT("<", 7), LE("<=", 7), GT(">", 7), GE(">=", 7), EQ("==", 6), NE("!=", 6),
        AND("&&", 5), OR("||", 4), IMPLIES("->", 2);
        public final String symbol;
        public final int precedence;
        BinOp(String s, int p) { symbol = s; precedence = p; }
    }

    enum BuiltinFn {
        HANDLING("handling", 1), INTERRUPTED_AT("interrupted_at", 2), INTERRUPTED_ON("interrupted_on", 1);
        public final String word;
        public final int arity;
        BuiltinFn(String w, int a) { word = w; arity = a; }
    }

    enum Kw {
        DEPTH("depth"), INSTRUMENTABLE("instrumentable"), INTERRUPTED("interrupted"), FRAME("frame");
        public final String word;
        Kw(String w) { word = w; }
    }
}
