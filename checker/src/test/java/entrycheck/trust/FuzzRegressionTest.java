package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every input under {@code src/test/resources/fuzz-regressions/}: inputs that once made
 * entrycheck crash, hang or answer wrongly (deep nesting, huge sizes and constants, ranges at
 * the end of the int range, overflow, non-ASCII names and digits, invalid UTF-8, control
 * characters). Each runs through check, export and check with trace files, with a fresh
 * command line as in a real run, under the fuzz harness's judgement ({@link FuzzRunner}).
 */
class FuzzRegressionTest {

    static List<Path> regressions() throws Exception {
        URL dir = FuzzRegressionTest.class.getClassLoader().getResource("fuzz-regressions");
        if (dir == null) return List.of();
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            return s.filter(p -> p.toString().endsWith(".entry")).sorted().toList();
        }
    }

    @Test
    void everyRecordedInputEndsCleanly(@TempDir Path dir) throws Exception {
        List<Path> files = regressions();
        assertTrue(files.size() >= 20, "the regression inputs are on the test classpath: " + files);
        List<byte[]> inputs = new ArrayList<>();
        for (Path f : files) inputs.add(Files.readAllBytes(f));
        FuzzRunner.Result r = new FuzzRunner(dir, true, n -> n % 3).run(inputs.size() * 3, n -> inputs.get(n / 3), 100);
        List<String> failures = new ArrayList<>();
        for (FuzzRunner.Failure f : r.failures()) failures.add(files.get(f.n() / 3).getFileName() + ": " + f.problem());
        assertEquals(List.of(), failures);
        assertEquals(inputs.size() * 3, r.exits().values().stream().mapToInt(Integer::intValue).sum(), "every case ran");
    }
}
