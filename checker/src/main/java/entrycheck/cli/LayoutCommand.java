package entrycheck.cli;

import entrycheck.ir.Program;
import entrycheck.layout.AsmOffsets;
import entrycheck.layout.LayoutProblem;
import entrycheck.layout.LayoutResult;
import entrycheck.layout.LayoutSolver;
import entrycheck.layout.Requirement;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.AtomicFile;
import entrycheck.trace.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entrycheck layout MODEL}: the extended frame's layout, in asm-offsets style (docs/MODELS.md). */
@Command(name = "layout", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Compute the extended entry frame's layout with Choco Solver from the model's frame declaration "
                + "(field sizes and alignments) and print it as asm-offsets #defines.",
            "Regions are contiguous: zeroed, uninit and arch in declaration order, then pt_regs (saved, hw) at the top; "
                    + "the zeroed region starts at and spans a multiple of 8 bytes, pt_regs starts at a multiple of 8, "
                    + "the total is a multiple of 16, and padding is minimal. When the requirements cannot all be met, "
                    + "a minimal set of conflicting ones is named."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the layout is printed", "1:the requirements conflict (the message names them)",
            "2:usage error, a bad model, or a model without a frame", ExitCodes.DOC_INTERNAL})
public final class LayoutCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "A bundled model name (x86_64/mainline) or a path to a .entry file.")
    private String model;

    @Mixin
    private ModelOptions modelOptions;

    @Option(names = "--prefix", paramLabel = "NAME", defaultValue = "EXTREGS",
            description = "Prefix of the macros (default: ${DEFAULT-VALUE}).")
    private String prefix;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    private Path output;

    /** The solver; Choco's classes load here and only here. */
    private static LayoutSolver solver() {
        return entrycheck.layout.choco.ChocoLayoutSolver.create();
    }

    @Override
    public Integer call() throws ModelException {
        if (!prefix.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ParameterException(spec.commandLine(), "--prefix must be a C identifier, but was '" + SafeText.of(prefix) + "'");
        }
        Program program = ModelLoader.load(model, modelOptions.overrides());
        PrintWriter err = spec.commandLine().getErr();
        LayoutProblem problem;
        try {
            problem = LayoutProblem.of(program);
        } catch (IllegalArgumentException e) {
            err.println("entrycheck: " + SafeText.of(e.getMessage()) + " (docs/LANGUAGE.md section 5)");
            return ExitCodes.USAGE;
        }
        LayoutSolver solver = solver();
        LayoutResult result = solver.solve(problem);
        if (result instanceof LayoutResult.Conflict c) {
            err.println("entrycheck: the frame of " + SafeText.of(program.name())
                    + " cannot be laid out: these requirements conflict (drop or change one of them):");
            for (Requirement r : c.requirements()) err.println("  - " + SafeText.of(r.words()));
            err.flush();
            return ExitCodes.FAILED;
        }
        String text = AsmOffsets.render(program.name(), problem, ((LayoutResult.Laid) result).layout(), prefix, solver.name());
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            AtomicFile.write(output, text);
        } catch (IOException e) {
            err.println("entrycheck: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
