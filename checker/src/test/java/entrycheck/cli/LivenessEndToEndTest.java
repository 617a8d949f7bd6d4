package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code returns eventually} through the command line: the lasso in text and JSON, replay, other engines. */
@Tag("e2e")
class LivenessEndToEndTest {

    /** An IRQ handler that spins on a flag nothing sets. */
    private static final String SPIN = String.join("\n",
            "model spin;",
            "nesting 1;",
            "state cpu { IF: bool = 1; }",
            "var flag: bool = 0;",
            "frame regs { region hw { rip: ret; IF: bool; } }",
            "stack task slots 2;",
            "hardware { task_stack task; deliver { frame.IF = cpu.IF; cpu.IF = 0; } iret { cpu.IF = frame.IF; } }",
            "vector irq async when cpu.IF lands on current enters handler;",
            "start main;",
            "proc main() { top: skip; goto top; }",
            "proc handler() @ \"test.c:handler\" { spin: while (!flag) { skip; } iret; }",
            "property live \"every entry returns\" = returns eventually;",
            "");

    @TempDir
    Path dir;

    @Test
    void aSpinningHandlerGivesALassoThatReplays() throws IOException {
        Path model = dir.resolve("spin.entry");
        Files.writeString(model, SPIN);
        Path traces = dir.resolve("traces");
        CliRun r = CliRun.run("check", model.toString(), "--trace-out", traces.toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());
        assertTrue(r.out().matches("(?s).*\n  VIOLATED +live +FAIL: expected to hold\n.*"), r.both());
        assertTrue(r.out().contains("~~ loop: steps 2..3 repeat forever ~~"), r.both());
        assertTrue(r.out().contains("the irq entry at level 1 never returns"), r.both());
        List<Path> files;
        try (Stream<Path> s = Files.list(traces)) { files = s.toList(); }
        assertEquals(1, files.size(), files.toString());
        assertTrue(Files.readString(files.get(0)).contains("\"loopStart\" : 1"), Files.readString(files.get(0)));

        CliRun replay = CliRun.run("replay", files.get(0).toString(), "--model", model.toString());
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.both());
        assertTrue(replay.out().contains("repeat forever"), replay.both());

        CliRun dfs = CliRun.run("check", "--engine", "dfs", "-p", "live", model.toString());
        assertEquals(ExitCodes.USAGE, dfs.exitCode(), dfs.both());
        assertTrue(dfs.err().contains("'live' is a liveness property"), dfs.both());
        assertFalse(dfs.both().contains("Exception"), dfs.both());
    }
}
