package entrycheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** One run of the command line with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(CliEnvironment.plain(), cmd -> { }, args);
    }

    /** Runs with {@code env}; {@code setup} may add test-only subcommands before output is captured. */
    static CliRun run(CliEnvironment env, Consumer<CommandLine> setup, String... args) {
        CommandLine cmd = Main.commandLine(env);
        setup.accept(cmd);
        return run(cmd, args);
    }

    /** Runs {@code cmd} with captured output. */
    static CliRun run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** For assertion messages. */
    String both() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
