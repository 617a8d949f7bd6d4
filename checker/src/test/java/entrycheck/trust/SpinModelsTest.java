package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;

import entrycheck.ir.Program;
import entrycheck.lang.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPIN differential on written models: bench/big at N = 3, the frontend's test models (calls,
 * locals, loops, choose, atomic, raise with max, nested deliveries, IST stacks, frame cells,
 * balanced/frame-intact/zeroed/uninit properties) and every bundled model at small bounds
 * ({@link #SMALL}): SPIN's stored states and verdict agree with entrycheck's. Skipped when spin
 * or gcc is missing.
 */
class SpinModelsTest {

    /**
     * The bundled models CI compares, with -D overrides that keep them small. A pan for an x86
     * model takes 15 to 40 s to compile on 2 cores, so CI takes one design and one bug variant;
     * {@link #spinAgreesOnEveryBundledModel} (tagged slow) takes them all at their default bounds.
     */
    static final Map<String, Map<String, Integer>> SMALL = new java.util.TreeMap<>(Map.of(
            "bench/big", Map.of("N", 3),
            "x86_64/mainline", Map.of("DEPTH", 1),
            "x86_64/bugs/b1-nmi-iret", Map.of("DEPTH", 2)));

    /** The frontend's test models (model/src/test/resources), read from the source tree. */
    static List<Path> testModels() throws IOException {
        Path dir = Path.of("..", "model", "src", "test", "resources", "entrycheck", "test");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".entry")).sorted().toList();
        }
    }

    @Test
    void spinAgreesWithEntrycheckOnWrittenModels(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Spin.available(), "spin or gcc is not installed");
        List<DifferentialRuns.Case> cases = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : SMALL.entrySet()) {
            Program p = ModelLoader.load(e.getKey(), e.getValue());
            cases.add(new DifferentialRuns.Case(e.getKey() + e.getValue(), p, ""));
        }
        List<Path> tests = testModels();
        assertFalse(tests.isEmpty(), "the frontend's test models are missing");
        for (Path f : tests) cases.add(new DifferentialRuns.Case(f.getFileName().toString(), ModelLoader.load(f.toString(), Map.of()), ""));
        DifferentialRuns.assertAgree(dir, cases, "written models");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void spinAgreesOnEveryBundledModel(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Spin.available(), "spin or gcc is not installed");
        List<DifferentialRuns.Case> cases = new ArrayList<>();
        for (String name : ModelLoader.bundledModels()) {
            if (name.equals("bench/big")) continue;   // SpinBigTest
            cases.add(new DifferentialRuns.Case(name, ModelLoader.load(name, Map.of()), ""));
        }
        DifferentialRuns.assertAgree(dir, cases, "bundled models");
    }
}
