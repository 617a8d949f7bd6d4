package entrycheck.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top command: {@code entrycheck <command>}. Holds the {@link CliEnvironment} for its
 * subcommands, which {@link Main#commandLine} adds ({@link #SUBCOMMANDS}).
 */
@Command(name = "entrycheck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Explicit-state model checker for the invariants of kernel interrupt, NMI and "
                + "exception entry and exit.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.DOC_OK, ExitCodes.DOC_FAILED, ExitCodes.DOC_USAGE,
                ExitCodes.DOC_INCOMPLETE, ExitCodes.DOC_INTERNAL},
        footer = {"", "Run 'entrycheck check' to check every bundled model against its expectations."})
public final class EntrycheckCommand implements Callable<Integer> {

    /**
     * The subcommands, by name, in the order of the usage message. Building a subcommand's
     * picocli model reflects over all its options, so a run that names one builds only that one
     * ({@link Main#commandLine(CliEnvironment, String[])}).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("check", CheckCommand.class);
        m.put("list", ListCommand.class);
        m.put("show", ShowCommand.class);
        m.put("replay", ReplayCommand.class);
        m.put("batch", BatchCommand.class);
        m.put("export", ExportCommand.class);
        m.put("bmc", BmcCommand.class);
        m.put("layout", LayoutCommand.class);
        m.put("configs", ConfigsCommand.class);
        m.put("help", HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

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
