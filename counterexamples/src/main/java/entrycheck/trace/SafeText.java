package entrycheck.trace;

/**
 * Makes model-supplied text (labels, variable and enum names, messages, source lines) safe to
 * print on a terminal. A model file is input from whoever wrote it; it must not be able to move
 * the cursor, recolour, retitle the terminal or hide text from the reader.
 *
 * <p>Replaced by a visible {@code \}{@code uXXXX} escape:
 * <ul>
 *   <li>C0 controls U+0000..U+001F, including tab, CR and newline (one item is one line);</li>
 *   <li>DEL U+007F and the C1 controls U+0080..U+009F (U+009B is a one-byte CSI on some terminals);</li>
 *   <li>the Unicode bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)
 *       and the line/paragraph separators U+2028, U+2029, which can reorder or split what is shown
 *       ("Trojan Source").</li>
 * </ul>
 * Everything else is kept as is, so ordinary non-ASCII names stay readable.
 */
public final class SafeText {
    private SafeText() { }

    /** {@code text} with every unsafe character escaped; {@code null} gives "". */
    public static String of(String text) {
        if (text == null) return "";
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) i++;
        if (i == text.length()) return text;
        StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /** The most characters of model text {@link #item} shows. */
    public static final int MAX_ITEM = 200;

    /**
     * One item of a line of terminal output (a step label, a source reference, a message, a
     * value): {@link #of}, and past {@link #MAX_ITEM} characters cut with a note of how many
     * more there are, so that a model cannot flood a terminal line. Files (JSON traces) keep
     * the whole text.
     */
    public static String item(String text) {
        if (text == null) return "";
        if (text.length() <= MAX_ITEM) return of(text);
        int cut = MAX_ITEM;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
        return of(text.substring(0, cut)) + "...[" + (text.length() - cut) + " more characters]";
    }

    /**
     * Like {@link #of} but keeps the newlines of multi-line text (a diagnostic with its source
     * line and caret); every line is made safe on its own.
     */
    public static String lines(String text) {
        if (text == null) return "";
        String[] parts = text.split("\n", -1);
        StringBuilder sb = new StringBuilder(text.length());
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) sb.append('\n');
            sb.append(of(parts[k]));
        }
        return sb.toString();
    }

    /** Whether {@code c} is escaped by {@link #of}. */
    public static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
