package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link Main#commandLine(CliEnvironment, String[])} builds only the subcommand that the
 * arguments name, and that changes nothing a user sees: every run here gives the same exit
 * code and output as with every subcommand built.
 */
class LazySubcommandsTest {

    @Test
    void sameAsWithEverySubcommand() {
        List<String[]> cases = List.of(
                new String[] {"check", "--help"},
                new String[] {"check", "--no-such-option"},
                new String[] {"check", "no/such/model"},
                new String[] {"list", "models"},
                new String[] {"show"},
                new String[] {"bmc", "--help"},
                new String[] {"chek"},
                new String[] {"--help"},
                new String[] {"help", "check"},
                new String[] {"--version"},
                new String[] {});
        for (String[] args : cases) {
            CliRun all = CliRun.run(Main.commandLine(CliEnvironment.plain()), args);
            CliRun lazy = CliRun.run(Main.commandLine(CliEnvironment.plain(), args), args);
            assertEquals(all, lazy, String.join(" ", args));
        }
    }

    @Test
    void onlyTheNamedSubcommandIsBuilt() {
        CommandLine cmd = Main.commandLine(CliEnvironment.plain(), new String[] {"check", "x86_64/mainline"});
        assertEquals(List.of("check"), List.copyOf(cmd.getSubcommands().keySet()));
        assertEquals(List.copyOf(EntrycheckCommand.SUBCOMMANDS.keySet()),
                List.copyOf(Main.commandLine(CliEnvironment.plain(), new String[] {"chek"}).getSubcommands().keySet()));
    }
}
