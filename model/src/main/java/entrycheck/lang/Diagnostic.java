package entrycheck.lang;

/**
 * An error in a model, with its position (1-based line and column) and the source line.
 * {@link #format()} gives {@code file:line:col: error: message}, the line, and a caret.
 */
public record Diagnostic(String file, int line, int col, String message, String sourceLine) {

    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(':').append(col).append(": error: ").append(message);
        if (sourceLine != null) {
            String shown = sourceLine.replace('\t', ' ');
            sb.append('\n').append("  ").append(shown).append('\n').append("  ");
            sb.append(" ".repeat(Math.max(0, Math.min(col - 1, shown.length())))).append('^');
        }
        return sb.toString();
    }
}
