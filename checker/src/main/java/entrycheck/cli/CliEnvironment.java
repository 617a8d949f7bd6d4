package entrycheck.cli;

import entrycheck.trace.Ansi;

/**
 * What the command line takes from its surroundings, read once in {@link Main} and passed down,
 * so that commands never look at the environment themselves and tests choose it explicitly.
 *
 * @param color    whether to colour output (stdout is a terminal and NO_COLOR is unset or empty)
 * @param debug    whether internal errors print their stack trace (ENTRYCHECK_DEBUG is non-empty)
 * @param terminal whether the output is a terminal (progress lines are shown only then)
 * @param started  {@link System#nanoTime()} when the program started ({@link Main}), for the
 *                 start-up part of {@code check --timings}
 */
public record CliEnvironment(boolean color, boolean debug, boolean terminal, long started) {

    /** An environment that starts now. */
    public CliEnvironment(boolean color, boolean debug, boolean terminal) { this(color, debug, terminal, System.nanoTime()); }

    /** An environment whose output is not a terminal. */
    public CliEnvironment(boolean color, boolean debug) { this(color, debug, false); }

    /** The environment of this process. */
    public static CliEnvironment fromSystem() {
        long started = System.nanoTime();
        String noColor = System.getenv("NO_COLOR");
        String debug = System.getenv("ENTRYCHECK_DEBUG");
        boolean terminal = System.console() != null;
        return new CliEnvironment(terminal && (noColor == null || noColor.isEmpty()),
                debug != null && !debug.isEmpty(), terminal, started);
    }

    /** No colour, no stack traces: what tests use. */
    public static CliEnvironment plain() { return new CliEnvironment(false, false); }

    public Ansi ansi() { return color ? Ansi.ON : Ansi.OFF; }
}
