package entrycheck.trust;

import entrycheck.cli.CliEnvironment;
import entrycheck.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the command line, as the launcher runs it, with captured output. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        CommandLine cmd = Main.commandLine(CliEnvironment.plain());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    String both() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
