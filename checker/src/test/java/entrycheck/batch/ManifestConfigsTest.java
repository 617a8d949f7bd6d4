package entrycheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code configs} and {@code strength} keys of a job (docs/CI.md). */
class ManifestConfigsTest {

    @Test
    void coveringAndListedConfigurationsExpandIntoUnits(@TempDir Path dir) throws Exception {
        Manifest m = ManifestParserTest.parse(dir, """
                jobs:
                  - name: cov
                    models: [x86_64/mainline]
                    configs: covering
                    strength: 3
                  - name: listed
                    models: [x86_64/mainline]
                    configs: ["CONFIG_PREEMPT_NONE=y", "PROVE_LOCKING=n, DEBUG_KERNEL=0"]
                  - name: plain
                    models: [x86_64/mainline]
                """);
        assertEquals(3, m.jobs().get(0).covering());
        assertEquals(List.of("PREEMPT_NONE=y", "PROVE_LOCKING=n,DEBUG_KERNEL=n"), m.jobs().get(1).configs());
        List<Manifest.Unit> units = m.units((job, model) -> List.of("A=y", "A=n"));
        assertEquals(List.of("cov/x86_64/mainline[config 1]", "cov/x86_64/mainline[config 2]",
                "listed/x86_64/mainline[config 1]", "listed/x86_64/mainline[config 2]", "plain/x86_64/mainline"),
                units.stream().map(Manifest.Unit::id).toList());
        assertEquals("A=n", units.get(1).config());
        assertEquals("", units.get(4).config());
    }

    @Test
    void badConfigurationsAreErrorsWithTheirPosition(@TempDir Path dir) {
        String e = ManifestParserTest.errorOf(dir, """
                jobs:
                  - models: [x86_64/mainline]
                    configs: ["PREEMPT_NONE=maybe"]
                """);
        assertTrue(e.contains("m.yaml:3:15") && e.contains("must be y or n"), e);
        String s = ManifestParserTest.errorOf(dir, """
                jobs:
                  - models: [x86_64/mainline]
                    strength: 2
                """);
        assertTrue(s.contains("'strength' needs 'configs: covering'"), s);
    }
}
