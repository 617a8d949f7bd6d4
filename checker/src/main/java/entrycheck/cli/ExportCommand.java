package entrycheck.cli;

import entrycheck.export.PromelaExporter;
import entrycheck.ir.Program;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entrycheck export --to promela MODEL [-o FILE]}: the model's IR in another tool's language. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Translate a model's IR for another model checker.",
            "promela: for SPIN; 'spin -o2 -a FILE && gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan pan.c && ./pan -A' "
                    + "stores exactly entrycheck's distinct states (docs/RELIABILITY.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error or bad model"})
public final class ExportCommand implements Callable<Integer> {

    /** Target languages. */
    enum Target { promela }

    @Spec
    private CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "LANG", description = "Target: promela.")
    private Target target;

    @Parameters(paramLabel = "MODEL", description = "A bundled model name or a path to a .entry file.")
    private String model;

    @Mixin
    private ModelOptions modelOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    private Path output;

    @Override
    public Integer call() throws ModelException {
        Program program = ModelLoader.load(model, modelOptions.overrides());
        String text = PromelaExporter.export(program);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            AtomicFile.write(output, text);
        } catch (IOException e) {
            spec.commandLine().getErr().println("entrycheck: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
