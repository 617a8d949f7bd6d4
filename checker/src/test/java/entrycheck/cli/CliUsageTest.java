package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.lang.ModelLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage, help and usage errors: none of these needs a model loader or an engine. */
class CliUsageTest {

    private static void assertUsageError(CliRun r, String... fragments) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().startsWith("entrycheck: "), r.both());
        for (String f : fragments) assertTrue(r.err().contains(f), "missing '" + f + "'\n" + r.both());
        assertTrue(r.err().contains("--help' for more information."), r.both());
        assertEquals("", r.out(), r.both());
        assertFalse(r.err().contains("Exception"), r.both());
        assertFalse(r.err().contains("at entrycheck."), r.both());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun r = CliRun.run("--help");
        assertEquals(0, r.exitCode(), r.both());
        assertTrue(r.out().startsWith("Usage: entrycheck"), r.both());
        for (String s : new String[] {"check", "list", "help", "Exit codes:", "70   internal error"}) {
            assertTrue(r.out().contains(s), s + "\n" + r.both());
        }
        assertEquals("", r.err());
    }

    @Test
    void subcommandHelp() {
        CliRun r = CliRun.run("check", "--help");
        assertEquals(0, r.exitCode(), r.both());
        assertTrue(r.out().contains("--max-states=N"), r.both());
        assertTrue(r.out().contains("--ignore-expectations"), r.both());
        CliRun h = CliRun.run("help", "check");
        assertEquals(0, h.exitCode(), h.both());
        assertEquals(r.out(), h.out());
    }

    @Test
    void version() {
        CliRun r = CliRun.run("--version");
        assertEquals(0, r.exitCode(), r.both());
        assertTrue(r.out().matches("(?s)entrycheck \\d+\\.\\d+\\.\\d+\\S*\nJava .*"), r.both());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.run();
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().startsWith("entrycheck: missing command\nUsage: entrycheck"), r.both());
        assertEquals("", r.out());
    }

    @Test
    void unknownCommand() {
        assertUsageError(CliRun.run("chek"), "Unmatched argument at index 0: 'chek'", "entrycheck check");
    }

    @Test
    void unknownOption() {
        assertUsageError(CliRun.run("check", "--bogus", "x.entry"), "Unknown option: '--bogus'",
                "Try 'entrycheck check --help'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "9X=1", "X=", "X=abc", "X=99999999999", "X=0x1ffffffff", "=3"})
    void badDefine(String define) {
        assertUsageError(CliRun.run("check", "-D", define, "x.entry"), "option '-D'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "5x", "0s", "s", "1.5m", "-3s"})
    void badTimeLimit(String limit) {
        assertUsageError(CliRun.run("check", "--time-limit", limit, "x.entry"), "--time-limit");
    }

    @Test
    void badThreadsAndMaxStates() {
        // validated before any model is loaded
        assertUsageError(CliRun.run("check", "--threads", "0", "x.entry"), "--threads must be at least 1");
        assertUsageError(CliRun.run("check", "--max-states", "-1", "x.entry"), "--max-states must be at least 1");
        assertUsageError(CliRun.run("check", "--max-states", "many", "x.entry"), "--max-states");
    }

    @Test
    void listNeedsAKnownKind() {
        assertUsageError(CliRun.run("list", "foo"), "unknown list kind 'foo': expected models or properties",
                "Try 'entrycheck list --help'");
        assertUsageError(CliRun.run("list"), "Missing required parameter: 'KIND'");
        assertUsageError(CliRun.run("list", "models", "extra"), "Unmatched argument");
    }

    @Test
    void listModelsPrintsOneLinePerBundledModel() {
        CliRun r = CliRun.run("list", "models");
        assertEquals(0, r.exitCode(), r.both());
        var names = ModelLoader.bundledModels();
        String[] lines = r.out().isEmpty() ? new String[0] : r.out().split("\n");
        assertEquals(names.size(), lines.length, r.both());
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].equals(names.get(i)) || lines[i].startsWith(names.get(i) + "  "), lines[i]);
        }
    }
}
