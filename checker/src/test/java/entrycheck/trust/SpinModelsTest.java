package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.lang.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPIN differential on written models: bench/big at N = 3, the frontend's test models (calls,
 * locals, loops, choose, atomic, raise with max, nested deliveries, IST stacks, frame cells,
 * balanced/frame-intact/zeroed/uninit properties) and every bundled x86_64 model (designs, bug
 * variants, findings) at small bounds ({@link #bounds}): SPIN's stored states, BFS depth and
 * verdict agree with entrycheck's ({@link SpinAgreement}). Skipped loudly when spin or gcc is
 * missing ({@link Spin#assumeAvailable}).
 */
class SpinModelsTest {

    /**
     * Bundled models whose CI bounds are not DEPTH = 1: bench/big at N = 3 (896 states), and B1
     * at DEPTH = 2, where its bug (a nested NMI) shows (17,014 states).
     */
    static final Map<String, Map<String, Integer>> SMALL = Map.of(
            "bench/big", Map.of("N", 3),
            "x86_64/bugs/b1-nmi-iret", Map.of("DEPTH", 2));

    /**
     * The small bounds of a bundled model: {@link #SMALL}, else DEPTH = 1 (one entry above the
     * task; every x86_64 model extends mainline and has its DEPTH; 1,500 to 31,000 states).
     * At DEPTH = 1 pan compiles in 1 to 5 s on an idle core; at the default DEPTH = 3 some take
     * minutes ({@link #spinAgreesOnEveryBundledModel}, slow).
     */
    static Map<String, Integer> bounds(String model) {
        return SMALL.getOrDefault(model, Map.of("DEPTH", 1));
    }

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
        Spin.assumeAvailable("written models");
        List<DifferentialRuns.Case> cases = new ArrayList<>();
        List<String> bundled = ModelLoader.bundledModels();
        assertTrue(bundled.contains("bench/big") && bundled.stream().filter(m -> m.startsWith("x86_64/")).count() >= 18,
                "the bundled models: " + bundled);
        for (String name : bundled) {
            Map<String, Integer> b = bounds(name);
            cases.add(new DifferentialRuns.Case(name + b, ModelLoader.load(name, b), ""));
        }
        List<Path> tests = testModels();
        assertFalse(tests.isEmpty(), "the frontend's test models are missing");
        for (Path f : tests) cases.add(new DifferentialRuns.Case(f.getFileName().toString(), ModelLoader.load(f.toString(), Map.of()), ""));
        DifferentialRuns.assertAgree(dir, cases, "written models");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void spinAgreesOnEveryBundledModel(@TempDir Path dir) throws Exception {
        Spin.assumeAvailable("every bundled model at its default bounds");
        List<DifferentialRuns.Case> cases = new ArrayList<>();
        for (String name : ModelLoader.bundledModels()) {
            if (name.equals("bench/big")) continue;   // SpinBigTest
            cases.add(new DifferentialRuns.Case(name, ModelLoader.load(name, Map.of()), ""));
        }
        DifferentialRuns.assertAgree(dir, cases, "bundled models");
    }
}
