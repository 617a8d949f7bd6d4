package entrycheck.lang;

import entrycheck.lang.AstExpr.BinOp;
import entrycheck.lang.AstStmt.Block;
import java.util.ArrayList;
import java.util.List;

/** Parses statements and blocks (LANGUAGE.md section 7). */
abstract class StmtParser extends ExprParser {

    StmtParser(List<Token> toks, Diags diags) { super(toks, diags); }

    // ---- statements ----

    Block block() throws ModelException {
        Token open = expect("{", "to open a block");
        List<AstStmt> stmts = new ArrayList<>();
        while (!accept("}")) {
            if (peek().kind() == Token.Kind.EOF) throw diags.fail(open.pos(), "block opened here is not closed ('}' missing)");
            stmts.add(stmt());
        }
        return new Block(open.pos(), stmts);
    }

    AstStmt stmt() throws ModelException {
        enter();
        try {
            return stmtInner();
        } finally {
            leave();
        }
    }

    private AstStmt stmtInner() throws ModelException {
        Token t = peek();
        Pos pos = t.pos();
        if (accept("@")) {
            String src = string("after '@'");
            return new AstStmt.Sourced(pos, src, stmt());
        }
        if (t.is("{")) return block();
        if (t.isWord() && peek(1).is(":") && !STMT_WORDS.contains(t.text()) && !EXPR_WORDS.contains(t.text())) {
            next();
            next();
            return new AstStmt.Labeled(pos, t.text(), stmt());
        }
        if (t.isWord()) {
            switch (t.text()) {
                case "var": {
                    next();
                    Token name = localName("a local variable name");
                    expect(":", "after the local variable name");
                    AstType ty = type();
                    AstExpr init = accept("=") ? expr() : null;
                    expect(";", "after the local variable declaration");
                    return new AstStmt.LocalVar(pos, name.text(), ty, init);
                }
                case "if": {
                    next();
                    expect("(", "after 'if'");
                    AstExpr c = expr();
                    expect(")", "after the condition of 'if'");
                    AstStmt then = stmt();
                    AstStmt otherwise = accept("else") ? stmt() : null;
                    return new AstStmt.If(pos, c, then, otherwise);
                }
                case "while": {
                    next();
                    expect("(", "after 'while'");
                    AstExpr c = expr();
                    expect(")", "after the condition of 'while'");
                    return new AstStmt.While(pos, c, stmt());
                }
                case "goto": {
                    next();
                    Token l = localName("a label after 'goto'");
                    expect(";", "after 'goto " + l.text() + "'");
                    return new AstStmt.Goto(pos, l.text());
                }
                case "choose": {
                    next();
                    List<Block> branches = new ArrayList<>();
                    branches.add(block());
                    while (accept("or")) branches.add(block());
                    if (branches.size() < 2) throw error("expected 'or { ... }' after the first branch of 'choose'");
                    return new AstStmt.Choose(pos, branches);
                }
                case "atomic": {
                    next();
                    if (!at("{")) throw error("expected '{' after 'atomic'");
                    return new AstStmt.Atomic(pos, block());
                }
                case "assert": {
                    next();
                    AstExpr c = expr();
                    String prop = null;
                    Pos propPos = null;
                    if (accept("as")) {
                        propPos = peek().pos();
                        prop = dashedName("a property name after 'as'", false);
                    }
                    String msg = peek().kind() == Token.Kind.STRING ? next().text() : null;
                    expect(";", "after the assertion");
                    return new AstStmt.Assert(pos, c, prop, propPos, msg);
                }
                case "raise":
                case "may_raise": {
                    next();
                    Token v = ident("a vector name after '" + t.text() + "'");
                    expect(";", "after '" + t.text() + " " + v.text() + "'");
                    return new AstStmt.Raise(pos, v.text(), v.pos(), t.text().equals("may_raise"));
                }
                case "clear": {
                    next();
                    AstExpr target = postfix();
                    expect(";", "after 'clear'");
                    return new AstStmt.Clear(pos, target);
                }
                case "instrumentable":
                    if (peek(1).is("{")) {
                        next();
                        return new AstStmt.Instrumentable(pos, block());
                    }
                    break;
                case "iret": {
                    next();
                    AstExpr via = accept("via") ? postfix() : null;
                    expect(";", "after 'iret'");
                    return new AstStmt.Iret(pos, via);
                }
                case "skip":
                    next();
                    expect(";", "after 'skip'");
                    return new AstStmt.Skip(pos);
                case "return": {
                    next();
                    AstExpr v = at(";") ? null : expr();
                    expect(";", "after 'return'");
                    return new AstStmt.Return(pos, v);
                }
                case "else":
                    throw diags.fail(pos, "'else' without 'if'");
                default:
                    break;
            }
        }
        AstExpr e = expr();
        if (accept("=")) {
            AstExpr v = expr();
            expect(";", "after assignment");
            return new AstStmt.Assign(pos, e, v);
        }
        if (e instanceof AstExpr.Call) {
            expect(";", "after the call");
            return new AstStmt.CallStmt(pos, (AstExpr.Call) e);
        }
        if (e instanceof AstExpr.Binary && ((AstExpr.Binary) e).op() == BinOp.EQ) {
            throw diags.fail(((AstExpr.Binary) e).opPos(), "expected '=' (assignment), found '=='");
        }
        throw error("expected '=' after '" + AstPrinter.abbreviate(AstPrinter.expr(e), 40) + "'");
    }
}
