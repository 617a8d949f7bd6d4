package entrycheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code entrycheck <command>}. Holds the {@link CliEnvironment} for its subcommands. */
@Command(name = "entrycheck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Explicit-state model checker for the invariants of kernel interrupt, NMI and "
                + "exception entry and exit.",
        subcommands = {CheckCommand.class, ListCommand.class, ShowCommand.class, ReplayCommand.class, BatchCommand.class,
                ExportCommand.class, BmcCommand.class, LayoutCommand.class, ConfigsCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.DOC_OK, ExitCodes.DOC_FAILED, ExitCodes.DOC_USAGE,
                ExitCodes.DOC_INCOMPLETE, ExitCodes.DOC_INTERNAL},
        footer = {"", "Run 'entrycheck check' to check every bundled model against its expectations."})
public final class EntrycheckCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    private CommandSpec spec;

    public EntrycheckCommand(CliEnvironment env) { this.env = env; }

    CliEnvironment environment() { return env; }

    /** No command given: usage on stderr, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("entrycheck: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
