package entrycheck.lang;

/**
 * The text of one model file, as shown in diagnostics.
 *
 * @param file the name diagnostics show (a path as given, or the classpath resource of a bundled model)
 * @param text the whole file
 */
public record SourceText(String file, String text) {

    /** Line {@code n} (1-based) without its line terminator, or null if there is no such line. */
    public String line(int n) {
        int start = 0;
        for (int i = 1; i < n; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return null;
            start = nl + 1;
        }
        if (start > text.length()) return null;
        int end = text.indexOf('\n', start);
        if (end < 0) end = text.length();
        String l = text.substring(start, end);
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }
}
