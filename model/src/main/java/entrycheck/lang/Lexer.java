package entrycheck.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits a model file into tokens (LANGUAGE.md section 1). */
public final class Lexer {

    /** The reserved words of LANGUAGE.md section 1. */
    public static final Set<String> KEYWORDS = Set.of(
            "model", "extends", "import", "const", "type", "enum", "record", "var", "ghost", "state", "frame",
            "region", "stack", "ist", "slots", "cells", "hardware", "user", "task_stack", "deliver",
            "iret", "via", "vector", "async", "sync", "anywhere", "when", "lands", "on", "current",
            "user_on_task", "enters", "max", "nesting", "start", "proc", "ref", "return", "if", "else",
            "while", "goto", "choose", "or", "atomic", "assert", "as", "raise", "may_raise", "skip",
            "clear", "instrumentable", "property", "invariant", "assertion", "balanced", "across",
            "entry", "of", "intact", "zeroed", "uninit", "reads", "no", "deadlock", "end", "expect",
            "holds", "violated", "maybe", "rule", "forall", "exists", "replace", "remove", "insert",
            "before", "after", "step", "array", "bool", "true", "false", "interrupted", "depth",
            "handling", "interrupted_at", "interrupted_on");

    /** Punctuation, longest first so that the lexer takes the longest match. */
    private static final String[] PUNCT = {
        "==>", "==", "!=", "<=", ">=", "&&", "||", "->", "..",
        "{", "}", "(", ")", "[", "]", ";", ":", ",", ".", "=", "<", ">", "+", "-", "*", "/", "%",
        "!", "?", "@"
    };

    /** {@link #PUNCT} by first character (ASCII), longest first. */
    private static final String[][] PUNCT_BY_FIRST = new String[128][];

    static {
        for (String q : PUNCT) {
            char f = q.charAt(0);
            String[] old = PUNCT_BY_FIRST[f];
            String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = q;
            PUNCT_BY_FIRST[f] = now;
        }
    }

    private final SourceText src;
    private final Diags diags;
    private final String s;
    private int i = 0;
    private int line = 1;
    private int lineStart = 0;

    private Lexer(SourceText src, Diags diags) {
        this.src = src;
        this.diags = diags;
        this.s = src.text();
    }

    /** The tokens of {@code src}, ending with an EOF token. */
    public static List<Token> tokens(SourceText src, Diags diags) throws ModelException {
        return new Lexer(src, diags).run();
    }

    private Pos pos(int offset) {
        return new Pos(src.file(), line, offset - lineStart + 1);
    }

    private List<Token> run() throws ModelException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (i >= s.length()) {
                out.add(new Token(Token.Kind.EOF, "", 0, pos(i), i, i));
                return out;
            }
            char c = s.charAt(i);
            int start = i;
            Pos p = pos(i);
            if (isLetter(c)) {
                while (i < s.length() && (isLetter(s.charAt(i)) || isDigit(s.charAt(i)))) i++;
                out.add(new Token(Token.Kind.WORD, s.substring(start, i), 0, p, start, i));
            } else if (isDigit(c)) {
                out.add(number(start, p));
            } else if (c == '"') {
                out.add(string(start, p));
            } else {
                String punct = null;
                if (c < 128 && PUNCT_BY_FIRST[c] != null) {
                    for (String q : PUNCT_BY_FIRST[c]) {
                        if (s.startsWith(q, i)) { punct = q; break; }
                    }
                }
                if (punct == null) {
                    int cp = s.codePointAt(i);
                    if (cp > 0x20 && cp < 0x7f) throw diags.fail(p, "unexpected character '" + c + "'");
                    String shown = Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                            || Character.isWhitespace(cp) ? "" : "'" + new String(Character.toChars(cp)) + "' ";
                    throw diags.fail(p, "unexpected character " + shown + String.format("(U+%04X)", cp)
                            + (cp > 0x7f ? "; names and numbers are ASCII, other text belongs in comments and strings" : ""));
                }
                i += punct.length();
                out.add(new Token(Token.Kind.PUNCT, punct, 0, p, start, i));
            }
        }
    }

    /** {@code [A-Za-z_]}: identifiers are ASCII (LANGUAGE.md section 1). */
    private static boolean isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static int hexDigit(char c) {
        if (isDigit(c)) return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private Token number(int start, Pos p) throws ModelException {
        long v = 0;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            i += 2;
            int digits = i;
            while (i < s.length() && hexDigit(s.charAt(i)) >= 0) {
                v = v * 16 + hexDigit(s.charAt(i));
                if (v > Integer.MAX_VALUE) throw diags.fail(p, "integer literal too large");
                i++;
            }
            if (i == digits) throw diags.fail(p, "hex literal without digits");
        } else {
            while (i < s.length() && isDigit(s.charAt(i))) {
                v = v * 10 + (s.charAt(i) - '0');
                if (v > Integer.MAX_VALUE) throw diags.fail(p, "integer literal too large");
                i++;
            }
        }
        return new Token(Token.Kind.INT, s.substring(start, i), (int) v, p, start, i);
    }

    private Token string(int start, Pos p) throws ModelException {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length() || s.charAt(i) == '\n') throw diags.fail(p, "unterminated string");
            char c = s.charAt(i);
            if (c == '"') { i++; break; }
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                sb.append(s.charAt(i + 1));
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
        }
        return new Token(Token.Kind.STRING, sb.toString(), 0, p, start, i);
    }

    private void newline() {
        line++;
        lineStart = i + 1;
    }

    private void skipSpaceAndComments() throws ModelException {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') { newline(); i++; }
            else if (Character.isWhitespace(c)) i++;
            else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (s.startsWith("/*", i)) {
                Pos p = pos(i);
                i += 2;
                while (true) {
                    if (i >= s.length()) throw diags.fail(p, "unterminated comment");
                    if (s.startsWith("*/", i)) { i += 2; break; }
                    if (s.charAt(i) == '\n') newline();
                    i++;
                }
            } else return;
        }
    }
}
