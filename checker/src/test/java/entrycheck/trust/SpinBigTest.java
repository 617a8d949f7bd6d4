package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import entrycheck.lang.ModelLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/big through SPIN (gcc -O2, pan -w24): 5,767,168 states in both tools, no violation.
 * Slow (about a minute, a GB of memory for pan): runs only by hand,
 * {@code mvn -B -o -q test -pl checker -am -Dtest=SpinBigTest -Dtest.excludedGroups= -Dentrycheck.slow=true}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "entrycheck.slow", matches = "true")
class SpinBigTest {

    @Test
    void bigAgrees(@TempDir Path dir) throws Exception {
        Spin.assumeAvailable("bench/big");
        SpinAgreement a = SpinAgreement.run("bench/big", ModelLoader.load("bench/big", Map.of()), dir, true, 24);
        System.out.println("spin-differential " + a);
        assertEquals(5_767_168L, a.states());
        assertEquals(java.util.List.of(), a.mismatches());
    }
}
