package entrycheck.lang;

/**
 * An error in a model, with its position (1-based line and column) and the source line.
 * {@link #format()} gives {@code file:line:col: error: message}, the line, and a caret.
 */
public record Diagnostic(String file, int line, int col, String message, String sourceLine) {

    /** A source line longer than twice this is shown as this many characters either side of the column. */
    static final int WINDOW = 80;

    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(':').append(col).append(": error: ").append(message);
        if (sourceLine != null) {
            String shown = sourceLine.replace('\t', ' ');
            int caret = Math.max(0, Math.min(col - 1, shown.length()));
            if (shown.length() > 2 * WINDOW) { // a very long line: the part around the column
                int from = Math.max(0, caret - WINDOW);
                int to = Math.min(shown.length(), caret + WINDOW);
                shown = (from > 0 ? "..." : "") + shown.substring(from, to) + (to < shown.length() ? "..." : "");
                caret = caret - from + (from > 0 ? 3 : 0);
            }
            sb.append('\n').append("  ").append(shown).append('\n').append("  ");
            sb.append(" ".repeat(caret)).append('^');
        }
        return sb.toString();
    }
}
