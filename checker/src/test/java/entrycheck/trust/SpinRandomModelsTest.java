package entrycheck.trust;

import entrycheck.engine.BfsEngine;
import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.ir.Program;
import entrycheck.lang.ModelLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPIN differential on random rule-form model texts ({@link RandomRuleModels}) loaded through
 * the frontend: every text loads, and SPIN agrees with entrycheck on the state count and the
 * verdict ({@link SpinAgreement}). Seeds 0, 1, ... in order, keeping the first
 * {@code entrycheck.spin.models} (default 12) models with at least 10 states. Skipped when
 * spin or gcc is missing.
 */
class SpinRandomModelsTest {

    @Test
    void spinAgreesWithEntrycheckOnRandomModelTexts(@TempDir Path dir) throws Exception {
        Spin.assumeAvailable("random model texts");
        int wanted = Integer.getInteger("entrycheck.spin.models", 12);
        Map<Long, Program> models = new LinkedHashMap<>();
        for (long seed = 0; models.size() < wanted; seed++) {
            String text = RandomRuleModels.model(seed);
            Program p = ModelLoader.loadText("random-" + seed + ".entry", text, Map.of());
            CheckResult r = BfsEngine.check(p, new CheckOptions(Set.of(), 100_000, null, 1));
            if (r.stats().distinctStates() >= 10) models.put(seed, p);
        }
        DifferentialRuns.assertAgree(dir, models.entrySet().stream()
                .map(e -> new DifferentialRuns.Case("random-" + e.getKey(), e.getValue(), RandomRuleModels.model(e.getKey())))
                .toList(), "random rule models");
    }
}
