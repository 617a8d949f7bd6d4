package entrycheck.cli;

import entrycheck.trace.AtomicFile;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceFormatException;
import entrycheck.trace.TraceJson;
import entrycheck.trace.TraceText;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code entrycheck show TRACE [--format text|json|html|dot] [-o FILE]}: renders a trace file. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Render a trace file written by 'check --trace-out' or 'batch --trace-out'.",
            "text: the steps indented by nesting depth with the variables each changed; json: the file, "
                    + "normalised; html: a self-contained viewer (stacks, frame slots, regions); dot: the "
                    + "nesting of entries over time for Graphviz."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered", "2:the file is missing or not a valid trace file (the message says where)"})
public final class ShowCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, html, dot }

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private EntrycheckCommand parent;

    @Parameters(paramLabel = "TRACE", description = "A JSON trace file.")
    private Path trace;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, html or dot (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    private Path output;

    @Mixin
    private TraceOptions traceOptions;

    @Override
    public Integer call() {
        TraceDocument doc;
        try {
            doc = TraceJson.read(Files.readString(trace));
        } catch (NoSuchFileException e) {
            return fail("no such trace file: " + trace);
        } catch (MalformedInputException e) {
            return fail(trace + ": not a trace file (not UTF-8 text)");
        } catch (IOException e) {
            return fail("cannot read " + trace + ": " + e.getMessage());
        } catch (TraceFormatException e) {
            return fail(trace + ":" + e.getMessage());
        }
        boolean toTerminal = output == null;
        String text = switch (format) {
            case text -> TraceText.render(doc, traceOptions.textOptions(
                    toTerminal && parent != null ? parent.environment().ansi() : entrycheck.trace.Ansi.OFF));
            case json -> TraceJson.toJson(doc);
            case html -> Renderers.html(doc);
            case dot -> Renderers.dot(doc);
        };
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            AtomicFile.write(output, text);
        } catch (IOException e) {
            return fail("cannot write " + output + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("entrycheck: " + entrycheck.trace.SafeText.of(message));
        return ExitCodes.USAGE;
    }
}
