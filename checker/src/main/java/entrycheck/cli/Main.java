package entrycheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;

/** The {@code entrycheck} program. The only place that calls {@link System#exit}. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine(CliEnvironment.fromSystem()).execute(args);
        } catch (OutOfMemoryError e) {
            // Not a bug and not the user's model: the state space did not fit the heap.
            System.err.println("entrycheck: out of memory; give the JVM more heap (JAVA_OPTS=-Xmx8g) "
                    + "or bound the search (--max-states)");
            code = ExitCodes.INTERNAL;
        }
        System.exit(code);
    }

    /**
     * The configured command line: commands, error handling and exit codes. Tests call this and
     * capture output with {@link CommandLine#setOut} / {@link CommandLine#setErr}.
     */
    public static CommandLine commandLine(CliEnvironment env) {
        CommandLine cmd = new CommandLine(new EntrycheckCommand(env));
        ErrorHandler errors = new ErrorHandler(env.debug());
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(errors);
        cmd.setColorScheme(Help.defaultColorScheme(env.color() ? Help.Ansi.ON : Help.Ansi.OFF));
        return cmd;
    }
}
