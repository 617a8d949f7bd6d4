package entrycheck.lang;

/**
 * One lexical token.
 *
 * @param kind   what it is
 * @param text   the token's text (a string literal's value without quotes and escapes resolved)
 * @param value  the value of an integer literal
 * @param pos    where it starts
 * @param start  offset of its first character in the file
 * @param end    offset just past its last character (adjacent tokens: {@code a.end == b.start})
 */
public record Token(Kind kind, String text, int value, Pos pos, int start, int end) {

    public enum Kind {
        /** An identifier or a keyword (keywords are recognised by the parser, see {@link Lexer#KEYWORDS}). */
        WORD, INT, STRING, PUNCT, EOF
    }

    public boolean is(String punctOrWord) {
        return (kind == Kind.PUNCT || kind == Kind.WORD) && text.equals(punctOrWord);
    }

    public boolean isWord() { return kind == Kind.WORD; }

    public boolean isKeyword() { return kind == Kind.WORD && Lexer.KEYWORDS.contains(text); }

    /** How the token is quoted in messages: {@code 'if'}, {@code end of file}, {@code "..."}. */
    public String describe() {
        switch (kind) {
            case EOF: return "end of file";
            case STRING: return "string \"" + text + "\"";
            case INT: return "'" + text + "'";
            default: return "'" + text + "'";
        }
    }
}
