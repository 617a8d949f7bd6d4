package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz harness (docs/RELIABILITY.md, "Fuzzed inputs"): {@code entrycheck.fuzz.cases}
 * inputs (default 10,000) from {@link FuzzInputs}, case n drawn with a random generator
 * seeded from {@code entrycheck.fuzz.seed} (default fixed) and n, each run through the command
 * line in-process ({@link FuzzRunner}): every case ends with exit 0, 1, 2 or 3, every exit 2
 * with a file:line:col diagnostic, no exception escapes, no case hangs. A failing input is
 * saved under {@code target/fuzz-failures/} with what went wrong; copy the input to
 * {@code src/test/resources/fuzz-regressions/} so that {@link FuzzRegressionTest} replays it
 * forever.
 *
 * <p>A longer run by hand, for a number of cases or (with {@code entrycheck.fuzz.seconds}) for a
 * time, whatever comes first:
 * {@code mvn -B -o -q test -pl checker -am -Dtest=FuzzTest -Dentrycheck.fuzz.cases=10000000 -Dentrycheck.fuzz.seconds=600 -Dentrycheck.fuzz.seed=31337}.
 */
class FuzzTest {

    /** The input of case {@code n} of the run with {@code seed}. */
    static byte[] input(FuzzInputs inputs, long seed, int n) {
        return inputs.input(new Random(seed * 0x9E3779B97F4A7C15L + n));
    }

    /** CPU time of this JVM (the machine may be shared: wall time says little). */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() : 0;
    }

    @Test
    void fuzzedInputsEndCleanly(@TempDir Path dir) throws Exception {
        int cases = Integer.getInteger("entrycheck.fuzz.cases", 10_000);
        long seed = Long.getLong("entrycheck.fuzz.seed", 8_2024L);
        FuzzInputs inputs = new FuzzInputs(FuzzInputs.defaultSources());
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        long seconds = Long.getLong("entrycheck.fuzz.seconds", 0);
        long deadline = seconds > 0 ? t0 + seconds * 1_000_000_000L : Long.MAX_VALUE;
        FuzzRunner.Result r = new FuzzRunner(dir, false, FuzzRunner::fuzzKind).run(cases, n -> input(inputs, seed, n), 20, deadline);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
        List<String> failures = new ArrayList<>();
        Path saved = Path.of("target", "fuzz-failures");
        for (FuzzRunner.Failure f : r.failures()) {
            Files.createDirectories(saved);
            Path file = saved.resolve("seed" + seed + "-case" + f.n() + ".entry");
            Files.write(file, f.input());
            Files.writeString(saved.resolve("seed" + seed + "-case" + f.n() + ".txt"), f.problem());
            failures.add("case " + f.n() + " (" + file + "): " + f.problem());
        }
        int ran = r.exits().values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("fuzz: seed " + seed + ", " + ran + " cases from " + inputs.sourceCount() + " sources in " + ms
                + " ms, " + cpuMs + " ms CPU (slowest case " + r.slowestMillis() + " ms); exit codes " + r.exits() + " taking " + r.millisByExit()
                + " ms; failures " + failures.size());
        assertEquals(List.of(), failures);
        if (seconds == 0) assertEquals(cases, ran, "every case ran");
        assertTrue(r.exits().getOrDefault(2, 0) > 0 && r.exits().keySet().stream().anyMatch(c -> c != 2),
                "the inputs reach both the diagnostics and the checker: " + r.exits());
    }
}
