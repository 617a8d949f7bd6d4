package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import entrycheck.ir.Program;
import entrycheck.trust.DifferentialRuns;
import entrycheck.trust.Spin;
import entrycheck.trust.SpinAgreement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPIN differential on random IR programs ({@link RandomPrograms}: every operator, indexed reads
 * and writes, domain errors of every kind, invariants, checks, end conditions): the Promela
 * export, checked by SPIN, has exactly entrycheck's state count and verdict
 * ({@link SpinAgreement}). Fixed seed; the first {@code entrycheck.spin.programs} (default 10)
 * distinct programs with more than one state. Skipped when spin or gcc is missing (.ci/run
 * installs spin). In the engine's test package to reuse its generator.
 */
class SpinRandomIrTest {

    @Test
    void spinAgreesWithEntrycheckOnRandomPrograms(@TempDir Path dir) throws Exception {
        Spin.assumeAvailable("random IR programs");
        int wanted = Integer.getInteger("entrycheck.spin.programs", 10);
        Map<String, Program> programs = new LinkedHashMap<>();
        qt().withFixedSeed(20240611L).withExamples(Math.max(400, wanted * 20)).forAll(RandomPrograms.cases()).checkAssert(c -> {
            if (programs.size() >= wanted) return;
            String text = Pretty.print(c.program());
            if (programs.containsKey(text)) return;
            CheckResult r = BfsEngine.check(c.program(), new CheckOptions(Set.of(), 100_000, null, 1));
            if (r.stats().distinctStates() > 1) programs.put(text, c.program());
        });
        assertEquals(wanted, programs.size(), "distinct random programs with more than one state");
        List<DifferentialRuns.Case> cases = new ArrayList<>();
        for (Map.Entry<String, Program> e : programs.entrySet()) {
            cases.add(new DifferentialRuns.Case("random-ir-" + cases.size(), e.getValue(), e.getKey()));
        }
        List<SpinAgreement> runs = DifferentialRuns.assertAgree(dir, cases, "random IR programs");
        long violated = runs.stream().filter(a -> !a.violated().isEmpty()).count();
        assertTrue(violated > 0 && violated < runs.size(), "both verdicts occur: " + violated + " of " + runs.size());
    }
}
