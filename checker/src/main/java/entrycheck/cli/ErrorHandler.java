package entrycheck.cli;

import entrycheck.lang.Diagnostic;
import entrycheck.lang.ModelException;
import entrycheck.trace.SafeText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every exception into a message on stderr and an exit code; the user never sees a Java
 * stack trace for an error they caused.
 * <ul>
 *   <li>{@link ParameterException} (bad option or argument, also thrown by commands for
 *       semantic usage errors): one line, suggestions if picocli has any, a hint how to get
 *       help; exit {@link ExitCodes#USAGE}.</li>
 *   <li>{@link ModelException}: its diagnostics ({@code file:line:col: error: ...}, the source
 *       line and a caret); exit {@link ExitCodes#USAGE}.</li>
 *   <li>anything else: {@code entrycheck: internal error: <message>}; the stack trace only when
 *       debugging is on; exit {@link ExitCodes#INTERNAL}.</li>
 * </ul>
 * Everything printed is passed through {@link SafeText}: messages can quote model text.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler,
        IExitCodeExceptionMapper {

    private final boolean debug;

    ErrorHandler(boolean debug) { this.debug = debug; }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("entrycheck: " + SafeText.lines(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof ModelException) {
            ModelException me = (ModelException) ex;
            if (me.diagnostics().isEmpty()) err.println("entrycheck: " + SafeText.lines(me.getMessage()));
            for (Diagnostic d : me.diagnostics()) err.println(SafeText.lines(d.format()));
        } else {
            String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName();
            err.println("entrycheck: internal error: " + SafeText.lines(message));
        }
        if (debug) ex.printStackTrace(err);
        else if (!(ex instanceof ModelException)) err.println("(set ENTRYCHECK_DEBUG=1 for a stack trace)");
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof ModelException || exception instanceof ParameterException) return ExitCodes.USAGE;
        return ExitCodes.INTERNAL;
    }
}
