package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}'s engine options end to end: engines, memory budget, checkpoints, progress line. */
@Tag("e2e")
class CheckEngineOptionsTest {

    /** x counts 0..3 and wraps; x < 2 is violated after 2 steps. */
    private static final String COUNTER = String.join("\n",
            "const MAX = 3;",
            "var x: 0..MAX = 0;",
            "rule inc x < MAX ==> { x = x + 1; }",
            "rule reset x == MAX ==> { x = 0; }",
            "property small \"x stays below 2\" = invariant x < 2;",
            "property bounded \"x stays in range\" = invariant x <= MAX;",
            "");

    /** Four wrapping counters 0..9: 10,000 states, no violation. */
    private static final String GRID = String.join("\n",
            "const N = 4;",
            "var a: array [N] of 0..9 = 0;",
            "rule inc(i: 0..N-1) a[i] < 9 ==> { a[i] = a[i] + 1; }",
            "rule wrap(i: 0..N-1) a[i] == 9 ==> { a[i] = 0; }",
            "");

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void depthFirstReportsItsPath() throws IOException {
        CliRun r = CliRun.run("check", "--engine", "dfs", write("counter.entry", COUNTER));
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());
        assertTrue(r.out().contains(" (depth-first): 4 states, 4 transitions"), r.both());
        assertTrue(r.out().contains("counterexample for small: 2 steps"), r.both());
    }

    @Test
    void randomWalksFindTheViolationAndLeaveTheRestUnknown() throws IOException {
        String model = write("counter.entry", COUNTER + "expect violated small;\n");
        CliRun r = CliRun.run("check", "--engine", "RANDOM", "--seed", "5", "--walks", "3", "--walk-depth", "10", model);
        assertEquals(ExitCodes.INCOMPLETE, r.exitCode(), r.both());
        assertTrue(r.out().contains(" (random walks, seed 5): "), r.both());
        assertTrue(r.out().matches("(?s).*\n  VIOLATED +small +ok \\(expected violation\\)\n.*"), r.both());
        assertTrue(r.out().contains("unknown (random walks prove nothing (3 walks of up to 10 steps, seed 5))"), r.both());
        CliRun again = CliRun.run("check", "--engine", "random", "--seed", "5", "--walks", "3", "--walk-depth", "10", model);
        assertEquals(r.out().replaceAll("[0-9.]+ s \\([0-9]+ states/s\\)", ""),
                again.out().replaceAll("[0-9.]+ s \\([0-9]+ states/s\\)", ""), "same seed, same report");
    }

    @Test
    void aTinyMemoryBudgetStopsWithExit3() throws IOException {
        CliRun r = CliRun.run("check", "--memory", "100k", "--threads", "2", write("grid.entry", GRID));
        assertEquals(ExitCodes.INCOMPLETE, r.exitCode(), r.both());
        assertTrue(r.out().contains("search stopped early: memory budget 100 KB reached"), r.both());
        assertTrue(r.out().matches("(?s).*\n  incomplete +no-deadlock +unknown \\(memory budget 100 KB reached\\)\n.*"), r.both());
        assertFalse(r.both().contains("Exception"), r.both());
    }

    @Test
    void checkpointThenResumeEndsLikeOneRun() throws IOException {
        String model = write("grid.entry", GRID);
        Path ck = dir.resolve("ck");
        CliRun whole = CliRun.run("check", model);
        assertEquals(ExitCodes.OK, whole.exitCode(), whole.both());
        assertTrue(whole.out().contains(": 10000 states, 40000 transitions, depth 36,"), whole.both());

        CliRun first = CliRun.run("check", "--max-states", "3000", "--checkpoint", ck.toString(), model);
        assertEquals(ExitCodes.INCOMPLETE, first.exitCode(), first.both());
        assertTrue(Files.exists(ck.resolve("checkpoint.bin")), first.both());
        CliRun rest = CliRun.run("check", "--resume", ck.toString(), "--threads", "2", model);
        assertEquals(ExitCodes.OK, rest.exitCode(), rest.both());
        assertTrue(rest.out().contains(": 10000 states, 40000 transitions, depth 36,"), rest.both());

        CliRun wrong = CliRun.run("check", "--resume", ck.toString(), write("counter.entry", COUNTER));
        assertEquals(ExitCodes.USAGE, wrong.exitCode(), wrong.both());
        assertTrue(wrong.err().startsWith("entrycheck: the checkpoint in "), wrong.both());
        assertTrue(wrong.err().contains("belongs to another run: it is of model "), wrong.both());
        assertEquals("", wrong.out());
    }

    @Test
    void progressLineOnlyOnATerminalAndNotWhenQuiet() throws IOException {
        String model = write("grid.entry", GRID);
        CliRun plain = CliRun.run("check", model);
        assertEquals("", plain.err(), plain.both());
        CliEnvironment terminal = new CliEnvironment(false, false, true);
        CliRun shown = CliRun.run(terminal, cmd -> { }, "check", model);
        assertEquals(ExitCodes.OK, shown.exitCode(), shown.both());
        assertTrue(shown.err().startsWith("\r"), shown.both());
        assertTrue(shown.err().contains("grid.entry: "), shown.both());
        assertTrue(shown.err().endsWith("\r\u001b[K"), "the line is erased at the end\n" + shown.both());
        CliRun quiet = CliRun.run(terminal, cmd -> { }, "check", "--quiet", model);
        assertEquals("", quiet.err(), quiet.both());
        assertEquals(plain.out().replaceAll("[0-9.]+ s \\([0-9]+ states/s\\)", ""),
                quiet.out().replaceAll("[0-9.]+ s \\([0-9]+ states/s\\)", ""));
    }

    private static void assertUsageError(CliRun r, String fragment) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains(fragment), "missing '" + fragment + "'\n" + r.both());
        assertEquals("", r.out(), r.both());
    }

    @Test
    void optionsThatDoNotApplyAreUsageErrors() throws IOException {
        String model = write("counter.entry", COUNTER);
        assertUsageError(CliRun.run("check", "--walks", "5", model), "--seed, --walks and --walk-depth apply to --engine random only");
        assertUsageError(CliRun.run("check", "--engine", "dfs", "--threads", "2", model),
                "--threads, --checkpoint and --resume apply to --engine bfs only");
        assertUsageError(CliRun.run("check", "--engine", "bfs2", model), "expected bfs, dfs or random, but was 'bfs2'");
        assertUsageError(CliRun.run("check", "--memory", "0", model), "the size must be positive");
        assertUsageError(CliRun.run("check", "--memory", "lots", model), "expected a size such as 512m");
        assertUsageError(CliRun.run("check", "--engine", "random", "--walk-depth", "0", model), "--walk-depth must be at least 1");
        assertUsageError(CliRun.run("check", "--checkpoint-interval", "5m", model), "--checkpoint-interval needs --checkpoint DIR");
        assertUsageError(CliRun.run("check", "--checkpoint", dir.toString(), model, model), "take exactly one MODEL");
    }
}
