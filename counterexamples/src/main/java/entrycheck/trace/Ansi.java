package entrycheck.trace;

/**
 * ANSI colouring for terminal output, on or off. The caller decides once (colour only when
 * writing to a terminal and {@code NO_COLOR} is unset) and passes the value down; nothing here
 * looks at the environment. Text passed in must already be {@linkplain SafeText safe}.
 *
 * @param enabled whether escape sequences are emitted at all
 */
public record Ansi(boolean enabled) {

    public static final Ansi OFF = new Ansi(false);
    public static final Ansi ON = new Ansi(true);

    public String bold(String s) { return wrap("1", s); }
    public String dim(String s) { return wrap("2", s); }
    public String red(String s) { return wrap("31", s); }
    public String boldRed(String s) { return wrap("1;31", s); }
    public String green(String s) { return wrap("32", s); }
    public String yellow(String s) { return wrap("33", s); }
    public String cyan(String s) { return wrap("36", s); }

    private String wrap(String sgr, String s) {
        return enabled && !s.isEmpty() ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
    }
}
