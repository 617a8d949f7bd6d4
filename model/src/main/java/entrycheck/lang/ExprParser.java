package entrycheck.lang;

import entrycheck.lang.AstExpr.BinOp;
import entrycheck.lang.AstExpr.BuiltinFn;
import entrycheck.lang.AstExpr.Kw;
import entrycheck.lang.AstExpr.UnOp;
import entrycheck.lang.AstType.FieldDecl;
import java.util.ArrayList;
import java.util.List;

/** Parses types and expressions (C precedence; '->' lowest and right-associative). */
abstract class ExprParser extends TokenCursor {

    ExprParser(List<Token> toks, Diags diags) { super(toks, diags); }

    /** {@code { name: T [= init] [size N] [align N]; ... }}. */
    List<FieldDecl> fieldBlock(boolean inits, boolean layout) throws ModelException {
        expect("{", "to open the field list");
        List<FieldDecl> fields = new ArrayList<>();
        while (!accept("}")) {
            Token name = fieldName("a field name or '}'");
            expect(":", "after the field name '" + name.text() + "'");
            AstType ty = type();
            AstExpr init = null;
            AstExpr size = null;
            AstExpr align = null;
            if (inits && accept("=")) init = expr();
            if (layout) {
                while (at("size") || at("align")) {
                    if (next().text().equals("size")) size = expr();
                    else align = expr();
                }
            }
            expect(";", "after the field '" + name.text() + "'");
            fields.add(new FieldDecl(name.pos(), name.text(), ty, init, size, align));
        }
        return fields;
    }

    // ---- types ----

    AstType type() throws ModelException {
        enter();
        try {
            return typeInner();
        } finally {
            leave();
        }
    }

    private AstType typeInner() throws ModelException {
        Token t = peek();
        if (accept("bool")) return new AstType.BoolType(t.pos());
        if (accept("enum")) {
            expect("{", "after 'enum'");
            List<String> vs = new ArrayList<>();
            List<Pos> ps = new ArrayList<>();
            do {
                Token v = ident("an enum constant");
                vs.add(v.text());
                ps.add(v.pos());
            } while (accept(","));
            expect("}", "after the enum constants");
            return new AstType.EnumType(t.pos(), vs, ps);
        }
        if (accept("record")) return new AstType.RecordType(t.pos(), fieldBlock(false, false));
        if (accept("array")) {
            expect("[", "after 'array'");
            AstExpr size = expr();
            expect("]", "after the array size");
            expect("of", "after the array size");
            return new AstType.ArrayType(t.pos(), size, type());
        }
        if (t.isWord() && (STMT_WORDS.contains(t.text()) || (t.isKeyword() && !EXPR_WORDS.contains(t.text())))) {
            throw diags.fail(t.pos(), "expected a type, found " + t.describe());
        }
        if (!(t.isWord() || t.kind() == Token.Kind.INT || t.is("-") || t.is("("))) throw error("expected a type");
        AstExpr lo = additive();
        if (accept("..")) return new AstType.RangeType(t.pos(), lo, additive());
        if (lo instanceof AstExpr.Name) return new AstType.NamedType(t.pos(), ((AstExpr.Name) lo).name());
        throw diags.fail(t.pos(), "expected a type (bool, lo..hi, enum {...}, record {...}, array [N] of T or a type name)");
    }

    // ---- expressions (C precedence; '->' lowest and right-associative) ----

    AstExpr expr() throws ModelException {
        enter();
        try {
            return implication();
        } finally {
            leave();
        }
    }

    private AstExpr implication() throws ModelException {
        AstExpr left = conditional();
        if (at("->")) {
            Token op = next();
            AstExpr right = expr();
            return new AstExpr.Binary(left.pos(), BinOp.IMPLIES, left, right, op.pos());
        }
        return left;
    }

    AstExpr conditional() throws ModelException {
        AstExpr c = binary(4);
        if (accept("?")) {
            AstExpr a = expr();
            expect(":", "in the conditional expression 'c ? a : b'");
            AstExpr b = conditional();
            return new AstExpr.Cond(c.pos(), c, a, b);
        }
        return c;
    }

    static BinOp binOp(Token t) {
        if (t.kind() != Token.Kind.PUNCT) return null;
        for (BinOp op : BinOp.values()) if (op.symbol.equals(t.text()) && op != BinOp.IMPLIES) return op;
        return null;
    }

    /** Precedence climbing for the binary operators of precedence at least {@code min}. */
    AstExpr binary(int min) throws ModelException {
        AstExpr left = unary();
        int chain = 0;
        try {
            while (true) {
                BinOp op = binOp(peek());
                if (op == null || op.precedence < min) return left;
                enter();
                chain++;
                Token opTok = next();
                AstExpr right = binary(op.precedence + 1);
                left = new AstExpr.Binary(left.pos(), op, left, right, opTok.pos());
            }
        } finally {
            leave(chain);
        }
    }

    AstExpr additive() throws ModelException { return binary(8); }

    AstExpr unary() throws ModelException {
        Token t = peek();
        if (!t.is("!") && !t.is("-")) return postfix();
        enter();
        try {
            next();
            return new AstExpr.Unary(t.pos(), t.is("!") ? UnOp.NOT : UnOp.NEG, unary());
        } finally {
            leave();
        }
    }

    AstExpr postfix() throws ModelException {
        AstExpr e = primary();
        int chain = 0;
        try {
            while (true) {
                if (at(".")) {
                    enter();
                    chain++;
                    next();
                    Token f = fieldName("a field name after '.'");
                    e = new AstExpr.Field(e.pos(), e, f.text(), f.pos());
                } else if (at("[")) {
                    enter();
                    chain++;
                    next();
                    AstExpr idx = expr();
                    expect("]", "after the index");
                    e = new AstExpr.Index(e.pos(), e, idx);
                } else {
                    return e;
                }
            }
        } finally {
            leave(chain);
        }
    }

    AstExpr primary() throws ModelException {
        Token t = peek();
        Pos pos = t.pos();
        if (t.kind() == Token.Kind.INT) {
            next();
            return new AstExpr.IntLit(pos, t.value());
        }
        if (accept("(")) {
            AstExpr e = expr();
            expect(")", "to close '('");
            return e;
        }
        if (!t.isWord()) throw error("expected an expression");
        switch (t.text()) {
            case "true": next(); return new AstExpr.BoolLit(pos, true);
            case "false": next(); return new AstExpr.BoolLit(pos, false);
            case "depth": next(); return new AstExpr.Keyword(pos, Kw.DEPTH);
            case "instrumentable": next(); return new AstExpr.Keyword(pos, Kw.INSTRUMENTABLE);
            case "interrupted": next(); return new AstExpr.Keyword(pos, Kw.INTERRUPTED);
            case "frame": next(); return new AstExpr.Keyword(pos, Kw.FRAME);
            case "handling": return builtin(BuiltinFn.HANDLING);
            case "interrupted_at": return builtin(BuiltinFn.INTERRUPTED_AT);
            case "interrupted_on": return builtin(BuiltinFn.INTERRUPTED_ON);
            case "forall":
            case "exists": {
                next();
                Token v = localName("a bound variable name");
                expect(":", "after the bound variable");
                AstExpr lo = additive();
                AstExpr hi = accept("..") ? additive() : null;
                expect(":", "after the range of '" + t.text() + "'");
                return new AstExpr.Quant(pos, t.text().equals("forall"), v.text(), lo, hi, expr());
            }
            default:
                break;
        }
        if (STMT_WORDS.contains(t.text())) throw error("expected an expression");
        next();
        if (at("(") && !t.isKeyword()) {
            next();
            List<AstExpr> args = new ArrayList<>();
            if (!at(")")) {
                do { args.add(expr()); } while (accept(","));
            }
            expect(")", "after the arguments of '" + t.text() + "'");
            return new AstExpr.Call(pos, t.text(), args);
        }
        return new AstExpr.Name(pos, t.text());
    }

    AstExpr builtin(BuiltinFn fn) throws ModelException {
        Token t = next();
        expect("(", "after '" + fn.word + "'");
        List<AstExpr> args = new ArrayList<>();
        if (!at(")")) {
            do { args.add(expr()); } while (accept(","));
        }
        expect(")", "after the arguments of '" + fn.word + "'");
        return new AstExpr.Builtin(t.pos(), fn, args);
    }
}
