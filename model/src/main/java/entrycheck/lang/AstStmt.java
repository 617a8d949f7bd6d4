package entrycheck.lang;

import java.util.List;

/** Statements of procedure bodies, rule bodies and hardware/vector blocks (LANGUAGE.md section 7). */
public sealed interface AstStmt {
    Pos pos();

    record Labeled(Pos pos, String label, AstStmt body) implements AstStmt { }

    /** {@code @ "file:function" stmt}. */
    record Sourced(Pos pos, String source, AstStmt body) implements AstStmt { }

    record Block(Pos pos, List<AstStmt> stmts) implements AstStmt {
        public Block { stmts = List.copyOf(stmts); }
    }

    /** {@code target = value;} where value may be a {@link AstExpr.Call}. */
    record Assign(Pos pos, AstExpr target, AstExpr value) implements AstStmt { }

    record CallStmt(Pos pos, AstExpr.Call call) implements AstStmt { }

    record LocalVar(Pos pos, String name, AstType type, AstExpr init) implements AstStmt { }

    record If(Pos pos, AstExpr cond, AstStmt then, AstStmt otherwise) implements AstStmt { }

    record While(Pos pos, AstExpr cond, AstStmt body) implements AstStmt { }

    record Goto(Pos pos, String label) implements AstStmt { }

    record Choose(Pos pos, List<Block> branches) implements AstStmt {
        public Choose { branches = List.copyOf(branches); }
    }

    record Atomic(Pos pos, Block body) implements AstStmt { }

    /** {@code assert cond [as property] ["message"];} (property and message may be null). */
    record Assert(Pos pos, AstExpr cond, String property, Pos propertyPos, String message) implements AstStmt { }

    /** {@code raise V;} or, with {@code may}, {@code may_raise V;}. */
    record Raise(Pos pos, String vector, Pos vectorPos, boolean may) implements AstStmt { }

    record Clear(Pos pos, AstExpr target) implements AstStmt { }

    record Instrumentable(Pos pos, Block body) implements AstStmt { }

    /** {@code iret;} or {@code iret via cell;} (via may be null). */
    record Iret(Pos pos, AstExpr via) implements AstStmt { }

    record Skip(Pos pos) implements AstStmt { }

    record Return(Pos pos, AstExpr value) implements AstStmt { }
}
