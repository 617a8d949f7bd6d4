package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search stopped with a checkpoint and resumed ends exactly as one that was never stopped. */
class CheckpointTest {

    @TempDir
    Path dir;

    private static final Program BIG = BenchModels.big(5, 5, false);   // 20,736 states
    private static final Program RACY = BrokenModels.racyLock(4);

    private static CheckOptions limited(long maxStates, int threads) {
        return new CheckOptions(Set.of(), maxStates, null, threads);
    }

    @Test
    void resumingAfterMaxStatesGivesTheUninterruptedResult() {
        for (Program p : new Program[] {BIG, RACY}) {
            CheckResult full = BfsEngine.check(p, CheckOptions.defaults());
            String whole = ResultText.of(full);
            long limit = full.stats().distinctStates() / 3;
            CheckResult first = BfsEngine.check(p, limited(limit, 2).withCheckpoint(dir, null));
            assertEquals("max states " + limit, first.stopReason());
            assertTrue(Files.exists(dir.resolve(Checkpoint.FILE)));
            CheckResult second = BfsEngine.check(p, CheckOptions.defaults().withThreads(3).withResume(dir));
            assertEquals(whole, ResultText.of(second));
        }
    }

    @Test
    void resumingAfterCtrlCGivesTheUninterruptedResult() {
        String whole = ResultText.of(BfsEngine.check(BIG, CheckOptions.defaults()));
        int[] rounds = {0};
        SearchMonitor stopAfterThreeRounds = new SearchMonitor() {
            @Override public boolean stopRequested() { return rounds[0] >= 3; }
            @Override public void progress(Progress p) { rounds[0]++; }
        };
        CheckOptions o = CheckOptions.defaults().withCheckpoint(dir, null);
        CheckResult stopped = Checker.check(BIG, o, stopAfterThreeRounds);
        assertEquals("interrupted", stopped.stopReason());
        assertFalse(stopped.complete());
        assertTrue(stopped.stats().distinctStates() < 20_736);
        // resume twice, in steps: first again limited, then to the end
        CheckResult middle = BfsEngine.check(BIG, limited(15_000, 1).withCheckpoint(dir, null).withResume(dir));
        assertEquals("max states 15000", middle.stopReason());
        CheckResult end = BfsEngine.check(BIG, CheckOptions.defaults().withThreads(2).withResume(dir));
        assertEquals(whole, ResultText.of(end));
    }

    @Test
    void periodicCheckpointsCanBeResumed() {
        String whole = ResultText.of(BfsEngine.check(RACY, CheckOptions.defaults()));
        CheckResult r = BfsEngine.check(RACY, CheckOptions.defaults().withCheckpoint(dir, Duration.ofNanos(1)));
        assertEquals(whole, ResultText.of(r));
        assertTrue(Files.exists(dir.resolve(Checkpoint.FILE)), "written during the run");
        assertEquals(whole, ResultText.of(BfsEngine.check(RACY, CheckOptions.defaults().withResume(dir))));
    }

    @Test
    void aCheckpointOfAnotherRunIsRefused() {
        BfsEngine.check(BIG, limited(100, 1).withCheckpoint(dir, null));
        CheckpointException other = assertThrows(CheckpointException.class,
                () -> BfsEngine.check(RACY, CheckOptions.defaults().withResume(dir)));
        assertTrue(other.getMessage().contains("belongs to another run"), other.getMessage());
        CheckpointException props = assertThrows(CheckpointException.class,
                () -> BfsEngine.check(BIG, new CheckOptions(Set.of("mutex"), 0, null, 1).withResume(dir)));
        assertTrue(props.getMessage().contains("it checks properties domain,no-deadlock,mutex, this run checks mutex"),
                props.getMessage());
        CheckpointException none = assertThrows(CheckpointException.class,
                () -> BfsEngine.check(BIG, CheckOptions.defaults().withResume(dir.resolve("nothing-here"))));
        assertTrue(none.getMessage().startsWith("no checkpoint to resume"), none.getMessage());
    }

    @Test
    void aDamagedCheckpointIsRefused() throws IOException {
        BfsEngine.check(BIG, limited(3000, 1).withCheckpoint(dir, null));
        Path f = dir.resolve(Checkpoint.FILE);
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(f, bytes);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> BfsEngine.check(BIG, CheckOptions.defaults().withResume(dir)));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        Files.write(f, java.util.Arrays.copyOf(bytes, 100));
        CheckpointException cut = assertThrows(CheckpointException.class,
                () -> BfsEngine.check(BIG, CheckOptions.defaults().withResume(dir)));
        assertTrue(cut.getMessage().startsWith("cannot read the checkpoint"), cut.getMessage());
    }

    @Test
    void onlyBreadthFirstSearchesCheckpoint() {
        assertThrows(IllegalArgumentException.class,
                () -> Checker.check(BIG, CheckOptions.defaults().withEngine(CheckOptions.Engine.DFS).withCheckpoint(dir, null)));
    }
}
