package entrycheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;

/** The {@code entrycheck} program. The only place that calls {@link System#exit}. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        int code;
        try {
            CliEnvironment env = CliEnvironment.fromSystem();
            code = commandLine(env, args).execute(args);
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
        return configure(env, EntrycheckCommand.SUBCOMMANDS.keySet());
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, only that
     * subcommand is built (picocli reflects over every option of every subcommand it is given,
     * a noticeable part of the start-up); otherwise (no command, {@code --help}, {@code help},
     * a misspelt command that picocli suggests the right one for) all of them.
     */
    public static CommandLine commandLine(CliEnvironment env, String[] args) {
        if (args.length > 0 && !args[0].equals("help") && EntrycheckCommand.SUBCOMMANDS.containsKey(args[0])) {
            return configure(env, java.util.Set.of(args[0]));
        }
        return commandLine(env);
    }

    private static CommandLine configure(CliEnvironment env, java.util.Set<String> names) {
        CommandLine cmd = new CommandLine(new EntrycheckCommand(env));
        for (java.util.Map.Entry<String, Class<?>> e : EntrycheckCommand.SUBCOMMANDS.entrySet()) {
            if (names.contains(e.getKey())) cmd.addSubcommand(e.getKey(), e.getValue());
        }
        ErrorHandler errors = new ErrorHandler(env.debug());
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(errors);
        cmd.setColorScheme(Help.defaultColorScheme(env.color() ? Help.Ansi.ON : Help.Ansi.OFF));
        return cmd;
    }
}
