package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The phases of {@link Workers}: every unit runs once, results are published, failures come back. */
class WorkersTest {

    @Test
    void everyUnitRunsExactlyOnceAndItsWritesAreVisibleAfterThePhase() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Workers workers = new Workers(threads)) {
                for (int phase = 0; phase < 2000; phase++) {
                    int units = 1 + phase % 17;
                    int[] plain = new int[units];          // plain writes: run() must publish them
                    AtomicIntegerArray runs = new AtomicIntegerArray(units);
                    int t = threads;
                    workers.run(units, (worker, unit) -> {
                        assertTrue(worker >= 0 && worker < t);
                        runs.incrementAndGet(unit);
                        plain[unit] = unit + 1;
                    });
                    for (int u = 0; u < units; u++) {
                        assertEquals(1, runs.get(u), "unit " + u + " of phase " + phase);
                        assertEquals(u + 1, plain[u]);
                    }
                }
            }
        }
    }

    @Test
    void aSerialPhaseRunsOnTheCallingThreadAsWorkerZero() {
        try (Workers workers = new Workers(2)) {
            Thread caller = Thread.currentThread();
            workers.run("small", 50, (worker, unit) -> {
                assertEquals(0, worker);
                assertSame(caller, Thread.currentThread());
            }, false);
        }
    }

    @Test
    void aFailingUnitIsRethrownAfterThePhaseAndTheWorkersStayUsable() {
        try (Workers workers = new Workers(2)) {
            for (int bad = 0; bad < 64; bad++) {
                int b = bad;
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> workers.run(64, (worker, unit) -> {
                    if (unit == b) throw new IllegalStateException("unit " + b);
                }));
                assertEquals("unit " + bad, e.getMessage());
                AssertionError err = assertThrows(AssertionError.class, () -> workers.run(8, (worker, unit) -> {
                    if (unit == 7) throw new AssertionError("seven");
                }));
                assertEquals("seven", err.getMessage());
                AtomicIntegerArray runs = new AtomicIntegerArray(8);
                workers.run(8, (worker, unit) -> runs.incrementAndGet(unit));
                for (int u = 0; u < 8; u++) assertEquals(1, runs.get(u));
            }
        }
    }
}
