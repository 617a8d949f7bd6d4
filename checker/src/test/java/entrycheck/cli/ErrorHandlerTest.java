package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.lang.Diagnostic;
import entrycheck.lang.ModelException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The mapping of exceptions to messages and exit codes, through test-only subcommands. */
class ErrorHandlerTest {

    @Command(name = "bad-model")
    static final class BadModel implements Callable<Integer> {
        @Override
        public Integer call() throws ModelException {
            throw new ModelException(List.of(
                    new Diagnostic("models/x.entry", 12, 7, "unknown variable 'cpu.IFF' (did you mean 'cpu.IF'?)",
                            "  if (cpu.IFF) {"),
                    new Diagnostic("models/y.entry", 3, 1, "expected ';'", "var \u001b[2Jx: bool")));
        }
    }

    @Command(name = "bug")
    static final class Bug implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("successor of a state out of its domain");
        }
    }

    @Command(name = "npe")
    static final class Npe implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NullPointerException();
        }
    }

    private static CliRun run(CliEnvironment env, String command) {
        return CliRun.run(env, cmd -> {
            cmd.addSubcommand(new CommandLine(new BadModel()));
            cmd.addSubcommand(new CommandLine(new Bug()));
            cmd.addSubcommand(new CommandLine(new Npe()));
        }, command);
    }

    @Test
    void modelErrorsPrintEveryDiagnosticAndExit2() {
        CliRun r = run(CliEnvironment.plain(), "bad-model");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertEquals(String.join("\n",
                "models/x.entry:12:7: error: unknown variable 'cpu.IFF' (did you mean 'cpu.IF'?)",
                "    if (cpu.IFF) {",
                "        ^",
                "models/y.entry:3:1: error: expected ';'",
                "  var \\u001b[2Jx: bool",
                "  ^",
                ""), r.err());
        assertEquals("", r.out());
    }

    @Test
    void modelErrorsHaveNoStackTrace() {
        CliRun r = run(CliEnvironment.plain(), "bad-model");
        assertFalse(r.err().contains("Exception"), r.both());
        assertFalse(r.err().contains("at entrycheck."), r.both());
    }

    @Test
    void internalErrorsExit70WithoutStackTrace() {
        CliRun r = run(CliEnvironment.plain(), "bug");
        assertEquals(ExitCodes.INTERNAL, r.exitCode(), r.both());
        assertEquals("entrycheck: internal error: successor of a state out of its domain\n"
                + "(set ENTRYCHECK_DEBUG=1 for a stack trace)\n", r.err());
        CliRun npe = run(CliEnvironment.plain(), "npe");
        assertEquals(ExitCodes.INTERNAL, npe.exitCode(), npe.both());
        assertTrue(npe.err().startsWith("entrycheck: internal error: java.lang.NullPointerException\n"), npe.both());
        assertFalse(npe.err().contains("at entrycheck."), npe.both());
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun r = run(new CliEnvironment(false, true), "bug");
        assertEquals(ExitCodes.INTERNAL, r.exitCode(), r.both());
        assertTrue(r.err().startsWith("entrycheck: internal error: successor of a state out of its domain\n"
                + "java.lang.IllegalStateException"), r.both());
        assertTrue(r.err().contains("at entrycheck.cli.ErrorHandlerTest$Bug.call"), r.both());
    }
}
