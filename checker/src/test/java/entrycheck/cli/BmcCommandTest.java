package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entrycheck bmc} and {@code entrycheck layout} on the command line. The end-to-end cases
 * need the real model loader (the frontend); they are skipped, with a reason, while it is a stub.
 */
class BmcCommandTest {

    /** x counts 0..MAX and wraps; x < 2 is violated after 2 steps (as in CheckEndToEndTest). */
    private static final String COUNTER = String.join("\n",
            "const MAX = 3;",
            "var x: 0..MAX = 0;",
            "rule inc x < MAX ==> { x = x + 1; }",
            "rule reset x == MAX ==> { x = 0; }",
            "property small \"x stays below 2\" = invariant x < 2;",
            "property bounded \"x stays in range\" = invariant x <= MAX;",
            "");

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private String counterModel() throws IOException {
        String path = write("counter.entry", COUNTER);
        try {
            ModelLoader.load(path, Map.of());
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the model loader is not built yet: " + e.getMessage());
        } catch (ModelException e) {
            throw new AssertionError("the counter model should load: " + e.getMessage(), e);
        }
        return path;
    }

    @Test
    void bothCommandsAreListedInTheHelp() {
        CliRun r = CliRun.run("--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.both());
        assertTrue(r.out().contains("  bmc "), r.both());
        assertTrue(r.out().contains("  layout "), r.both());
    }

    @Test
    void depthIsRequiredAndNotNegative() {
        CliRun missing = CliRun.run("bmc", "model.entry");
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.both());
        assertTrue(missing.err().contains("Missing required option: '--depth=K'"), missing.both());

        CliRun negative = CliRun.run("bmc", "model.entry", "--depth", "-1");
        assertEquals(ExitCodes.USAGE, negative.exitCode(), negative.both());
        assertTrue(negative.err().contains("--depth must be at least 0, but was -1"), negative.both());
    }

    @Test
    void layoutPrefixMustBeACIdentifier() {
        CliRun r = CliRun.run("layout", "model.entry", "--prefix", "9-bad");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains("--prefix must be a C identifier"), r.both());
    }

    @Test
    void noViolationWithinTheBoundExits0() throws IOException {
        CliRun r = CliRun.run("bmc", counterModel(), "--depth", "1");
        assertEquals(ExitCodes.OK, r.exitCode(), r.both());
        assertTrue(r.out().contains(": bounded search up to depth 1 with Choco Solver 4.10.18\n"), r.both());
        assertTrue(r.out().contains("  no violation within 1 step\n"), r.both());
        assertTrue(r.out().contains("(2 depths: translation "), r.both());
        assertTrue(r.out().contains("last solve: "), r.both());
    }

    @Test
    void violationExits1WithTheShortestTraceAndATraceFileThatShowReads() throws IOException {
        Path traces = Files.createDirectory(dir.resolve("traces"));
        CliRun r = CliRun.run("bmc", counterModel(), "--depth", "6", "-p", "small", "--trace-out", traces.toString(), "-v");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());
        assertTrue(r.out().contains("  VIOLATED  small: shortest trace 2 steps\n"), r.both());
        assertTrue(r.out().contains("x: 0 -> 1\n"), r.both());
        assertTrue(r.out().contains("x: 1 -> 2\n"), r.both());
        assertTrue(r.out().contains("  depth 0: none "), r.both());
        assertTrue(r.out().contains("  depth 2: violation "), r.both());
        assertFalse(r.out().contains("depth 3:"), "deepening stops at the first violation\n" + r.both());
        Path[] files;
        try (var s = Files.list(traces)) {
            files = s.toArray(Path[]::new);
        }
        assertEquals(1, files.length, r.both());
        assertTrue(files[0].getFileName().toString().endsWith(".small.json"), files[0].toString());
        CliRun show = CliRun.run("show", files[0].toString());
        assertEquals(ExitCodes.OK, show.exitCode(), show.both());
        assertTrue(show.out().contains("x: 1 -> 2\n"), show.both());
    }

    @Test
    void unknownPropertyExits2() throws IOException {
        CliRun r = CliRun.run("bmc", counterModel(), "--depth", "2", "-p", "nosuch");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains("unknown property 'nosuch' in model "), r.both());
        assertTrue(r.err().contains("bounded, "), r.both());
    }

    @Test
    void layoutOfAModelWithoutAFrameExits2() throws IOException {
        CliRun r = CliRun.run("layout", counterModel());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains("declares no frame"), r.both());
    }
}
