package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configs}, {@code check --config} and a batch job with {@code configs: covering}. */
class ConfigsCommandTest {

    /** A model whose behaviour differs by configuration: the buggy path exists only with BUGGY. */
    static final String MODEL = String.join("\n",
            "config DEBUG default y;",
            "config BUGGY depends on DEBUG;",
            "var x: 0..3 = 0;",
            "property small = invariant x < 3;",
            "rule inc x < 2 ==> { x = x + 1; }",
            "rule bug CONFIG_BUGGY && x == 2 ==> { x = 3; }",
            "rule idle true ==> { skip; }",
            "expect violated small if CONFIG_BUGGY;",
            "");

    @TempDir
    Path dir;

    private String model() throws IOException {
        Path p = dir.resolve("m.entry");
        Files.writeString(p, MODEL);
        return p.toString();
    }

    @Test
    void configsPrintsACoveringSetNextToTheProduct() {
        CliRun r = CliRun.run("configs", "x86_64/mainline");
        assertEquals(0, r.exitCode(), r.both());
        assertTrue(r.out().contains("valid configurations: 1,100"), r.out());
        assertTrue(r.out().contains("covering every valid 2-wise combination"), r.out());
        assertTrue(r.out().contains("   1  DEBUG_KERNEL=y,PROVE_LOCKING=y,LOCKDEP=y"), r.out());
        assertTrue(r.out().contains("(the defaults)"), r.out());
    }

    @Test
    void behaviourDiffersByConfiguration() throws IOException {
        String m = model();
        CliRun off = CliRun.run("check", m);
        assertEquals(0, off.exitCode(), off.both());
        assertTrue(off.out().contains("holds       small"), off.out());
        CliRun on = CliRun.run("check", m, "--config", "BUGGY=y");
        assertEquals(0, on.exitCode(), on.both());
        assertTrue(on.out().contains("VIOLATED    small"), on.out());
        // the expectation follows the configuration: a violation under the defaults fails
        CliRun strict = CliRun.run("check", m, "--config", "CONFIG_BUGGY=y", "--ignore-expectations");
        assertEquals(1, strict.exitCode(), strict.both());
    }

    @Test
    void invalidConfigurationsAreRejected() throws IOException {
        String m = model();
        CliRun dep = CliRun.run("check", m, "--config", "DEBUG=n,BUGGY=y");
        assertEquals(2, dep.exitCode(), dep.both());
        assertTrue(dep.err().contains("violates: BUGGY depends on DEBUG"), dep.err());
        assertFalse(dep.err().contains("Exception"), dep.err());
        CliRun unknown = CliRun.run("check", m, "--config", "BUGY=y");
        assertEquals(2, unknown.exitCode(), unknown.both());
        assertTrue(unknown.err().contains("the model has no option BUGY (did you mean 'BUGGY'?)"), unknown.err());
        CliRun far = CliRun.run("check", m, "--config", "ZZZZZZZZ=y");
        assertEquals(2, far.exitCode(), far.both());
        assertTrue(far.err().contains("the model has no option ZZZZZZZZ (it has: BUGGY, DEBUG"), far.err());
        CliRun value = CliRun.run("check", m, "--config", "BUGGY=maybe");
        assertEquals(2, value.exitCode(), value.both());
        assertTrue(value.err().contains("must be y or n"), value.err());
    }

    @Test
    void batchChecksEveryConfigurationOfACoveringJob() throws IOException {
        String m = model();
        Path manifest = dir.resolve("b.yaml");
        Files.writeString(manifest, "jobs:\n  - name: cov\n    models: [" + m + "]\n    configs: covering\n"
                + "  - name: listed\n    models: [" + m + "]\n    configs: [\"BUGGY=y\", \"DEBUG=n\"]\n");
        Path json = dir.resolve("s.json");
        CliRun r = CliRun.run("batch", manifest.toString(), "--json", json.toString());
        assertEquals(0, r.exitCode(), r.both());
        // covering of DEBUG x BUGGY (valid: n/n, y/n, y/y): three configurations, then the two listed
        assertTrue(r.out().contains("5 models, 0 not ok"), r.out());
        assertTrue(r.out().contains("[config 3]"), r.out());
        String s = Files.readString(json);
        assertTrue(s.contains("\"config\" : \"DEBUG=y,BUGGY=y\"") || s.contains("\"config\":\"DEBUG=y,BUGGY=y\""), s);
    }
}
