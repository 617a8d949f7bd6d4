package entrycheck.lang;

import java.util.List;
import java.util.Set;

/**
 * The token helpers of the parser: lookahead, expectations with messages
 * ("expected ';' after assignment, found 'if'"), names and dashed names.
 */
abstract class TokenCursor {
    /** Keywords that start or continue a statement: never names. */
    static final Set<String> STMT_WORDS = Set.of("var", "if", "else", "while", "goto", "choose", "or",
            "atomic", "assert", "as", "raise", "may_raise", "skip", "clear", "iret", "via", "return");
    /** Keywords with a meaning in expressions. */
    static final Set<String> EXPR_WORDS = Set.of("true", "false", "depth", "instrumentable",
            "interrupted", "frame", "handling", "interrupted_at", "interrupted_on", "forall", "exists");

    /**
     * The deepest nesting of expressions, statements and types that the parser accepts
     * ({@link Limits#MAX_NESTING}). Every later phase walks the tree recursively; the limit keeps
     * them all far from the end of a thread's stack. An operator chain counts one level per
     * operator ({@code a + b + c} nests two deep).
     */
    static final int MAX_NESTING = Limits.MAX_NESTING;

    private final List<Token> toks;
    final Diags diags;
    private int p = 0;
    private int depth = 0;

    TokenCursor(List<Token> toks, Diags diags) {
        this.toks = toks;
        this.diags = diags;
    }

    // ---- nesting ----

    /** One level deeper; a diagnostic at the current token past {@link #MAX_NESTING}. */
    void enter() throws ModelException {
        if (depth >= MAX_NESTING) {
            throw diags.fail(peek().pos(), "nested too deeply: more than " + MAX_NESTING
                    + " levels of expressions, statements or types");
        }
        depth++;
    }

    void leave() { depth--; }

    /** Leaves {@code n} levels (after an operator chain). */
    void leave(int n) { depth -= n; }

    // ---- token helpers ----

    Token peek() { return toks.get(p); }

    Token peek(int k) { return toks.get(Math.min(p + k, toks.size() - 1)); }

    Token next() {
        Token t = toks.get(p);
        if (t.kind() != Token.Kind.EOF) p++;
        return t;
    }

    Token prev() { return toks.get(p - 1); }

    boolean at(String s) { return peek().is(s); }

    boolean accept(String s) {
        if (at(s)) { p++; return true; }
        return false;
    }

    ModelException error(String message) {
        return diags.fail(peek().pos(), message + ", found " + peek().describe());
    }

    Token expect(String s, String context) throws ModelException {
        if (!at(s)) throw error("expected '" + s + "' " + context);
        return next();
    }

    /** A plain identifier that is not a keyword (names of global declarations). */
    Token ident(String what) throws ModelException {
        Token t = peek();
        if (t.isWord() && !t.isKeyword()) return next();
        if (t.isKeyword()) throw diags.fail(t.pos(), "expected " + what + ", found keyword '" + t.text() + "'");
        throw error("expected " + what);
    }

    /** Any word: field names. */
    Token fieldName(String what) throws ModelException {
        if (peek().isWord()) return next();
        throw error("expected " + what);
    }

    /** A word usable as a parameter, local, label or bound variable name. */
    Token localName(String what) throws ModelException {
        Token t = peek();
        if (t.isWord() && !STMT_WORDS.contains(t.text()) && !EXPR_WORDS.contains(t.text())) return next();
        if (t.isWord()) throw diags.fail(t.pos(), "expected " + what + ", found keyword '" + t.text() + "'");
        throw error("expected " + what);
    }

    String string(String context) throws ModelException {
        if (peek().kind() != Token.Kind.STRING) throw error("expected a string " + context);
        return next().text();
    }

    /**
     * A dashed name (model and property names): adjacent words, integers, '-' and '/', and for
     * model paths also '.' and '..' ({@code x86_64/bugs/b1-nmi-iret}, {@code ../base.entry}).
     */
    String dashedName(String what, boolean path) throws ModelException {
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
}
