package entrycheck.lang;

/** A position in a model file: 1-based line and column. */
public record Pos(String file, int line, int col) {
    @Override public String toString() { return file + ":" + line + ":" + col; }
}
