package entrycheck.lang;

import entrycheck.lang.AstDecl.ExpectKind;
import entrycheck.lang.AstDecl.PropBody;
import entrycheck.lang.AstDecl.StepOp;
import entrycheck.lang.AstDecl.VectorKind;
import entrycheck.lang.AstExpr.BinOp;
import entrycheck.lang.AstExpr.BuiltinFn;
import entrycheck.lang.AstExpr.Kw;
import entrycheck.lang.AstExpr.UnOp;
import entrycheck.lang.AstStmt.Block;
import entrycheck.lang.AstType.FieldDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the model language (docs/LANGUAGE.md). Stops at the first
 * syntax error with a {@link ModelException} naming file:line:col.
 *
 * <p>Names: global declarations (constants, types, variables, groups, stacks, procedures,
 * vectors, rules) must be plain identifiers, not keywords. Field names may be any word
 * ({@code percpu.nesting}, {@code nmi_ist.iret}); parameter, local and label names may be
 * keywords that have no meaning in statements or expressions ({@code ref state: ...}).
 */
public final class Parser {

    /** Keywords that start or continue a statement: never names. */
    private static final Set<String> STMT_WORDS = Set.of("var", "if", "else", "while", "goto", "choose", "or",
            "atomic", "assert", "as", "raise", "may_raise", "skip", "clear", "iret", "via", "return");
    /** Keywords with a meaning in expressions. */
    private static final Set<String> EXPR_WORDS = Set.of("true", "false", "depth", "instrumentable",
            "interrupted", "frame", "handling", "interrupted_at", "interrupted_on", "forall", "exists");

    private final List<Token> toks;
    private final Diags diags;
    private int p = 0;

    private Parser(List<Token> toks, Diags diags) {
        this.toks = toks;
        this.diags = diags;
    }

    /** Parses one file. */
    public static ModelFile parse(SourceText src, Diags diags) throws ModelException {
        diags.addSource(src);
        Parser ps = new Parser(Lexer.tokens(src, diags), diags);
        AstDecl.ModelHeader header = null;
        List<AstDecl> decls = new ArrayList<>();
        while (ps.peek().kind() != Token.Kind.EOF) {
            if (ps.accept(";")) continue;
            AstDecl d = ps.decl();
            if (d instanceof AstDecl.ModelHeader) {
                if (header != null) throw diags.fail(d.pos(), "a file has at most one 'model' line");
                header = (AstDecl.ModelHeader) d;
            } else {
                decls.add(d);
            }
        }
        return new ModelFile(src, header, decls);
    }

    /** Parses a standalone expression (for tests and tools). */
    public static AstExpr parseExpr(SourceText src, Diags diags) throws ModelException {
        diags.addSource(src);
        Parser ps = new Parser(Lexer.tokens(src, diags), diags);
        AstExpr e = ps.expr();
        if (ps.peek().kind() != Token.Kind.EOF) throw ps.error("expected end of expression");
        return e;
    }

    // ---- token helpers ----

    private Token peek() { return toks.get(p); }

    private Token peek(int k) { return toks.get(Math.min(p + k, toks.size() - 1)); }

    private Token next() {
        Token t = toks.get(p);
        if (t.kind() != Token.Kind.EOF) p++;
        return t;
    }

    private Token prev() { return toks.get(p - 1); }

    private boolean at(String s) { return peek().is(s); }

    private boolean accept(String s) {
        if (at(s)) { p++; return true; }
        return false;
    }

    private ModelException error(String message) {
        return diags.fail(peek().pos(), message + ", found " + peek().describe());
    }

    private Token expect(String s, String context) throws ModelException {
        if (!at(s)) throw error("expected '" + s + "' " + context);
        return next();
    }

    /** A plain identifier that is not a keyword (names of global declarations). */
    private Token ident(String what) throws ModelException {
        Token t = peek();
        if (t.isWord() && !t.isKeyword()) return next();
        if (t.isKeyword()) throw diags.fail(t.pos(), "expected " + what + ", found keyword '" + t.text() + "'");
        throw error("expected " + what);
    }

    /** Any word: field names. */
    private Token fieldName(String what) throws ModelException {
        if (peek().isWord()) return next();
        throw error("expected " + what);
    }

    /** A word usable as a parameter, local, label or bound variable name. */
    private Token localName(String what) throws ModelException {
        Token t = peek();
        if (t.isWord() && !STMT_WORDS.contains(t.text()) && !EXPR_WORDS.contains(t.text())) return next();
        if (t.isWord()) throw diags.fail(t.pos(), "expected " + what + ", found keyword '" + t.text() + "'");
        throw error("expected " + what);
    }

    private String string(String context) throws ModelException {
        if (peek().kind() != Token.Kind.STRING) throw error("expected a string " + context);
        return next().text();
    }

    /**
     * A dashed name (model and property names): adjacent words, integers, '-' and '/', and for
     * model paths also '.' and '..' ({@code x86_64/bugs/b1-nmi-iret}, {@code ../base.entry}).
     */
    private String dashedName(String what, boolean path) throws ModelException {
        Token first = peek();
        boolean startsPath = path && (first.is(".") || first.is("..") || first.is("/"));
        if (!first.isWord() && first.kind() != Token.Kind.INT && !startsPath) throw error("expected " + what);
        StringBuilder sb = new StringBuilder(next().text());
        while (true) {
            Token t = peek();
            if (t.start() != prev().end()) break;
            boolean sep = t.is("-") || t.is("/") || (path && (t.is(".") || t.is("..")));
            boolean part = t.isWord() || t.kind() == Token.Kind.INT;
            if (part) {
                sb.append(next().text());
            } else if (sep) {
                Token after = peek(1);
                boolean continues = after.start() == t.end()
                        && (after.isWord() || after.kind() == Token.Kind.INT || (path && (after.is("/") || after.is(".") || after.is(".."))));
                if (!continues) break;
                sb.append(next().text());
            } else {
                break;
            }
        }
        return sb.toString();
    }

    // ---- declarations ----

    private AstDecl decl() throws ModelException {
        Token t = peek();
        if (!t.isWord()) throw error("expected a declaration");
        switch (t.text()) {
            case "model": return modelHeader();
            case "const": return constDecl();
            case "type": return typeDef();
            case "ghost": {
                next();
                if (!at("var")) throw error("expected 'var' after 'ghost'");
                return varDecl(true);
            }
            case "var": return varDecl(false);
            case "state": return stateDecl();
            case "frame": return frameDecl();
            case "stack": return stackDecl();
            case "nesting": {
                next();
                AstExpr e = expr();
                expect(";", "after the nesting bound");
                return new AstDecl.Nesting(t.pos(), e);
            }
            case "hardware": return hardware();
            case "vector": return vector();
            case "start": {
                next();
                Token name = ident("the name of the start procedure");
                expect(";", "after 'start " + name.text() + "'");
                return new AstDecl.Start(t.pos(), name.text(), name.pos());
            }
            case "proc": return proc();
            case "property": return property();
            case "end": {
                next();
                expect("when", "after 'end'");
                AstExpr e = expr();
                expect(";", "after the end condition");
                return new AstDecl.End(t.pos(), e);
            }
            case "expect": return expectDecl();
            case "rule": return rule();
            case "replace": return replace();
            case "remove": return remove();
            case "insert": return insert();
            default:
                throw error("expected a declaration");
        }
    }

    private AstDecl.ModelHeader modelHeader() throws ModelException {
        Pos pos = next().pos();
        String name = null;
        if (!at("extends")) name = dashedName("a model name", false);
        String base = null;
        Pos basePos = null;
        if (accept("extends")) {
            basePos = peek().pos();
            base = peek().kind() == Token.Kind.STRING ? next().text() : dashedName("the name or path of the base model", true);
        }
        expect(";", "after the model line");
        return new AstDecl.ModelHeader(pos, name, base, basePos);
    }

    private AstDecl constDecl() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a constant name");
        expect("=", "after the constant name");
        AstExpr e = expr();
        expect(";", "after the constant's value");
        return new AstDecl.Const(pos, name.text(), e);
    }

    private AstDecl typeDef() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a type name");
        expect("=", "after the type name");
        AstType ty = type();
        expect(";", "after the type");
        return new AstDecl.TypeDef(pos, name.text(), ty);
    }

    private AstDecl varDecl(boolean ghost) throws ModelException {
        Pos pos = ghost ? prev().pos() : peek().pos();
        next();
        Token name = ident("a variable name");
        expect(":", "after the variable name");
        AstType ty = type();
        AstExpr init = accept("=") ? expr() : null;
        expect(";", "after the variable declaration");
        return new AstDecl.Var(pos, name.text(), ty, init, ghost);
    }

    private AstDecl stateDecl() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a state group name");
        return new AstDecl.State(pos, name.text(), fieldBlock(true, false));
    }

    /** {@code { name: T [= init] [size N] [align N]; ... }}. */
    private List<FieldDecl> fieldBlock(boolean inits, boolean layout) throws ModelException {
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

    private AstDecl frameDecl() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a frame type name");
        expect("{", "after the frame name");
        List<AstDecl.Region> regions = new ArrayList<>();
        while (!accept("}")) {
            Token r = expect("region", "or '}' in the frame");
            Token kind = fieldName("a region kind (hw, saved, zeroed, uninit, arch)");
            regions.add(new AstDecl.Region(r.pos(), kind.text(), fieldBlock(false, true)));
        }
        return new AstDecl.Frame(pos, name.text(), regions);
    }

    private AstDecl stackDecl() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a stack name");
        boolean ist = accept("ist");
        AstExpr slots = accept("slots") ? expr() : null;
        List<FieldDecl> cells = List.of();
        if (accept("cells")) {
            cells = fieldBlock(true, false);
            accept(";");
        } else {
            expect(";", "after the stack declaration");
        }
        return new AstDecl.Stack(pos, name.text(), ist, slots, cells);
    }

    private AstDecl hardware() throws ModelException {
        Pos pos = next().pos();
        expect("{", "after 'hardware'");
        AstExpr user = null;
        String taskStack = null;
        Pos taskPos = null;
        Block deliver = null;
        Block iret = null;
        while (!accept("}")) {
            Token t = peek();
            if (t.is("user")) {
                next();
                expect("when", "after 'user'");
                user = expr();
                expect(";", "after the user-mode condition");
            } else if (t.is("task_stack")) {
                next();
                Token s = ident("a stack name");
                taskStack = s.text();
                taskPos = s.pos();
                expect(";", "after 'task_stack " + s.text() + "'");
            } else if (t.is("deliver")) {
                next();
                deliver = block();
            } else if (t.is("iret")) {
                next();
                iret = block();
            } else {
                throw error("expected 'user when', 'task_stack', 'deliver', 'iret' or '}' in the hardware block");
            }
        }
        return new AstDecl.Hardware(pos, user, taskStack, taskPos, deliver, iret);
    }

    private AstDecl vector() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a vector name");
        VectorKind kind;
        if (accept("async")) kind = VectorKind.ASYNC;
        else if (accept("sync")) kind = accept("anywhere") ? VectorKind.SYNC_ANYWHERE : VectorKind.SYNC;
        else throw error("expected 'async' or 'sync' after the vector name");
        AstExpr when = null;
        String ist = null;
        Pos istPos = null;
        boolean landed = false;
        boolean userOnTask = false;
        Token enters = null;
        AstExpr max = null;
        Block deliver = null;
        while (!accept(";")) {
            Token t = peek();
            if (t.is("when") && when == null) {
                next();
                when = expr();
            } else if (t.is("lands") && !landed) {
                next();
                expect("on", "after 'lands'");
                landed = true;
                if (accept("ist")) {
                    Token s = ident("an IST stack name");
                    ist = s.text();
                    istPos = s.pos();
                } else {
                    expect("current", "or 'ist STACK' after 'lands on'");
                }
            } else if (t.is("user_on_task")) {
                next();
                userOnTask = true;
            } else if (t.is("enters") && enters == null) {
                next();
                enters = ident("the entry procedure's name");
            } else if (t.is("max") && max == null) {
                next();
                max = expr();
            } else if (t.is("deliver") && deliver == null) {
                next();
                deliver = block();
                if (!at(";")) break;
            } else {
                throw error("expected 'when', 'lands on', 'user_on_task', 'enters', 'max', 'deliver' or ';' in vector '"
                        + name.text() + "'");
            }
        }
        if (!landed) throw diags.fail(name.pos(), "vector '" + name.text() + "' needs 'lands on current' or 'lands on ist STACK'");
        if (enters == null) throw diags.fail(name.pos(), "vector '" + name.text() + "' needs 'enters PROC'");
        return new AstDecl.Vector(pos, name.text(), kind, when, ist, istPos, userOnTask, enters.text(), enters.pos(), max, deliver);
    }

    private AstDecl proc() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a procedure name");
        expect("(", "after the procedure name");
        List<AstDecl.Param> params = new ArrayList<>();
        if (!at(")")) {
            do {
                boolean ref = accept("ref");
                Token pn = localName("a parameter name");
                expect(":", "after the parameter name");
                params.add(new AstDecl.Param(pn.pos(), pn.text(), type(), ref));
            } while (accept(","));
        }
        expect(")", "after the parameters");
        AstType result = accept(":") ? type() : null;
        String source = "";
        if (accept("@")) source = string("after '@'");
        if (!at("{")) throw error("expected '{' to open the body of procedure '" + name.text() + "'");
        return new AstDecl.Proc(pos, name.text(), params, result, source, block());
    }

    private AstDecl property() throws ModelException {
        Pos pos = next().pos();
        String name = dashedName("a property name", false);
        String desc = "";
        String source = "";
        if (peek().kind() == Token.Kind.STRING) desc = next().text();
        if (accept("@")) source = string("after '@'");
        expect("=", "after the property name");
        PropBody body;
        Token t = peek();
        if (accept("invariant")) {
            body = new PropBody.Invariant(expr());
        } else if (accept("assertion")) {
            body = new PropBody.Assertion();
        } else if (accept("balanced")) {
            List<AstExpr> es = new ArrayList<>();
            do { es.add(expr()); } while (accept(","));
            expect("across", "after the balanced expressions");
            expect("entry", "after 'across'");
            List<String> vs = new ArrayList<>();
            List<Pos> vps = new ArrayList<>();
            if (accept("of")) {
                do {
                    Token v = ident("a vector name");
                    vs.add(v.text());
                    vps.add(v.pos());
                } while (accept(","));
            }
            body = new PropBody.Balanced(es, vs, vps);
        } else if (accept("frame")) {
            expect("intact", "after 'frame'");
            body = new PropBody.FrameIntact();
        } else if (accept("zeroed")) {
            expect("reads", "after 'zeroed'");
            body = new PropBody.ZeroedReads();
        } else if (accept("uninit")) {
            expect("reads", "after 'uninit'");
            body = new PropBody.UninitReads();
        } else {
            throw diags.fail(t.pos(), "expected a property kind (invariant, assertion, balanced, frame intact, "
                    + "zeroed reads, uninit reads), found " + t.describe());
        }
        expect(";", "after the property");
        return new AstDecl.Property(pos, name, desc, source, body);
    }

    private AstDecl expectDecl() throws ModelException {
        Pos pos = next().pos();
        ExpectKind kind;
        if (accept("holds")) kind = ExpectKind.HOLDS;
        else if (accept("violated")) kind = ExpectKind.VIOLATED;
        else if (accept("maybe")) kind = ExpectKind.MAYBE;
        else throw error("expected 'holds', 'violated' or 'maybe' after 'expect'");
        String name = dashedName("a property name", false);
        expect(";", "after the expectation");
        return new AstDecl.Expect(pos, kind, name);
    }

    private AstDecl rule() throws ModelException {
        Pos pos = next().pos();
        Token name = ident("a rule name");
        List<AstDecl.RuleParam> params = new ArrayList<>();
        if (at("(") && peek(1).isWord() && peek(2).is(":")) {
            next();
            do {
                Token pn = localName("a rule parameter name");
                expect(":", "after the parameter name");
                AstExpr lo = expr();
                AstExpr hi = accept("..") ? expr() : null;
                params.add(new AstDecl.RuleParam(pn.pos(), pn.text(), lo, hi));
            } while (accept(","));
            expect(")", "after the rule parameters");
        }
        AstExpr guard = expr();
        expect("==>", "after the rule's guard");
        return new AstDecl.Rule(pos, name.text(), params, guard, block());
    }

    private AstDecl replace() throws ModelException {
        Pos pos = next().pos();
        if (at("step")) {
            next();
            return stepEdit(pos, StepOp.REPLACE);
        }
        Token t = peek();
        if (!t.isWord() || !Set.of("const", "type", "var", "ghost", "state", "frame", "stack", "nesting", "hardware",
                "vector", "start", "proc", "property", "end", "rule").contains(t.text())) {
            throw error("expected a declaration or 'step' after 'replace'");
        }
        return new AstDecl.Replace(pos, decl());
    }

    private AstDecl remove() throws ModelException {
        Pos pos = next().pos();
        if (accept("step")) return stepEdit(pos, StepOp.REMOVE);
        Token kind = peek();
        if (!kind.isWord() || !Set.of("proc", "vector", "property", "rule").contains(kind.text())) {
            throw error("expected 'proc', 'vector', 'property', 'rule' or 'step' after 'remove'");
        }
        next();
        String name;
        Pos namePos = peek().pos();
        if (kind.text().equals("property")) name = dashedName("a property name", false);
        else name = ident("a " + kind.text() + " name").text();
        expect(";", "after 'remove " + kind.text() + " " + name + "'");
        return new AstDecl.Remove(pos, kind.text(), name, namePos);
    }

    private AstDecl insert() throws ModelException {
        Pos pos = next().pos();
        StepOp op;
        if (accept("before")) op = StepOp.INSERT_BEFORE;
        else if (accept("after")) op = StepOp.INSERT_AFTER;
        else throw error("expected 'before' or 'after' after 'insert'");
        return stepEdit(pos, op);
    }

    /** {@code PROC.LABEL} then a block, or ';' for remove. */
    private AstDecl stepEdit(Pos pos, StepOp op) throws ModelException {
        Token proc = ident("a procedure name (PROC.LABEL)");
        expect(".", "between procedure and label (PROC.LABEL)");
        Token label = localName("a label");
        if (op == StepOp.REMOVE) {
            expect(";", "after 'remove step " + proc.text() + "." + label.text() + "'");
            return new AstDecl.StepEdit(pos, op, proc.text(), label.text(), proc.pos(), null);
        }
        if (!at("{")) throw error("expected '{' after " + proc.text() + "." + label.text());
        return new AstDecl.StepEdit(pos, op, proc.text(), label.text(), proc.pos(), block());
    }

    // ---- types ----

    private AstType type() throws ModelException {
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

    // ---- statements ----

    private Block block() throws ModelException {
        Token open = expect("{", "to open a block");
        List<AstStmt> stmts = new ArrayList<>();
        while (!accept("}")) {
            if (peek().kind() == Token.Kind.EOF) throw diags.fail(open.pos(), "block opened here is not closed ('}' missing)");
            stmts.add(stmt());
        }
        return new Block(open.pos(), stmts);
    }

    private AstStmt stmt() throws ModelException {
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
        if (at("==")) throw error("expected '=' (assignment) or ';'");
        throw error("expected '=' after the left side of an assignment");
    }

    // ---- expressions (C precedence; '->' lowest and right-associative) ----

    private AstExpr expr() throws ModelException {
        AstExpr left = conditional();
        if (at("->")) {
            Token op = next();
            AstExpr right = expr();
            return new AstExpr.Binary(left.pos(), BinOp.IMPLIES, left, right, op.pos());
        }
        return left;
    }

    private AstExpr conditional() throws ModelException {
        AstExpr c = binary(4);
        if (accept("?")) {
            AstExpr a = expr();
            expect(":", "in the conditional expression 'c ? a : b'");
            AstExpr b = conditional();
            return new AstExpr.Cond(c.pos(), c, a, b);
        }
        return c;
    }

    private static BinOp binOp(Token t) {
        if (t.kind() != Token.Kind.PUNCT) return null;
        for (BinOp op : BinOp.values()) if (op.symbol.equals(t.text()) && op != BinOp.IMPLIES) return op;
        return null;
    }

    /** Precedence climbing for the binary operators of precedence at least {@code min}. */
    private AstExpr binary(int min) throws ModelException {
        AstExpr left = unary();
        while (true) {
            BinOp op = binOp(peek());
            if (op == null || op.precedence < min) return left;
            Token opTok = next();
            AstExpr right = binary(op.precedence + 1);
            left = new AstExpr.Binary(left.pos(), op, left, right, opTok.pos());
        }
    }

    private AstExpr additive() throws ModelException { return binary(8); }

    private AstExpr unary() throws ModelException {
        Token t = peek();
        if (accept("!")) return new AstExpr.Unary(t.pos(), UnOp.NOT, unary());
        if (accept("-")) return new AstExpr.Unary(t.pos(), UnOp.NEG, unary());
        return postfix();
    }

    private AstExpr postfix() throws ModelException {
        AstExpr e = primary();
        while (true) {
            if (accept(".")) {
                Token f = fieldName("a field name after '.'");
                e = new AstExpr.Field(e.pos(), e, f.text(), f.pos());
            } else if (at("[")) {
                next();
                AstExpr idx = expr();
                expect("]", "after the index");
                e = new AstExpr.Index(e.pos(), e, idx);
            } else {
                return e;
            }
        }
    }

    private AstExpr primary() throws ModelException {
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

    private AstExpr builtin(BuiltinFn fn) throws ModelException {
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
