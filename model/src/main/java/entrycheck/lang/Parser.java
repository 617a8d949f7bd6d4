package entrycheck.lang;

import entrycheck.lang.AstDecl.ExpectKind;
import entrycheck.lang.AstDecl.PropBody;
import entrycheck.lang.AstDecl.StepOp;
import entrycheck.lang.AstDecl.VectorKind;
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
public final class Parser extends StmtParser {

    private Parser(List<Token> toks, Diags diags) {
        super(toks, diags);
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

    // ---- declarations ----

    private AstDecl decl() throws ModelException {
        Token t = peek();
        if (!t.isWord()) throw error("expected a declaration");
        switch (t.text()) {
            case "model": return modelHeader();
            case "import": {
                next();
                Pos namePos = peek().pos();
                String lib = dashedName("a library name (import entry-invariants;)", false);
                expect(";", "after 'import " + lib + "'");
                return new AstDecl.Import(t.pos(), lib, namePos);
            }
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
            case "config": return OptionParser.config(this);
            case "choice": return OptionParser.choice(this);
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
        } else if (accept("returns")) {
            // contextual words: 'returns', 'eventually', 'under', 'storms', 'unless' stay usable as names
            expect("eventually", "after 'returns'");
            boolean storms = false;
            if (accept("under")) {
                expect("storms", "after 'under'");
                storms = true;
            }
            body = new PropBody.ReturnsEventually(storms, accept("unless") ? expr() : null);
        } else {
            throw diags.fail(t.pos(), "expected a property kind (invariant, assertion, balanced, frame intact, "
                    + "zeroed reads, uninit reads, returns eventually), found " + t.describe());
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
        AstExpr when = accept("if") ? expr() : null;
        expect(";", "after the expectation");
        return new AstDecl.Expect(pos, kind, name, when);
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
                "vector", "start", "proc", "property", "end", "rule", "config", "choice").contains(t.text())) {
            throw error("expected a declaration or 'step' after 'replace'");
        }
        return new AstDecl.Replace(pos, decl());
    }

    private AstDecl remove() throws ModelException {
        Pos pos = next().pos();
        if (accept("step")) return stepEdit(pos, StepOp.REMOVE);
        Token kind = peek();
        if (!kind.isWord() || !Set.of("proc", "vector", "property", "rule", "config", "choice").contains(kind.text())) {
            throw error("expected 'proc', 'vector', 'property', 'rule', 'config', 'choice' or 'step' after 'remove'");
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
}
