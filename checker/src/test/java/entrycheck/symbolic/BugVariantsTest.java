package entrycheck.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * On every bundled bug variant ({@code x86_64/bugs/...}) the bounded engine finds a violation of
 * the expected-violated properties at the explicit engine's shortest-trace length L, and none
 * at L - 1. One bounded run to depth L shows both: it asks depths 0, 1, ..., L in turn and
 * stops at the first that has a violation, so a trace of L steps after L + 1 runs means none
 * exists within L - 1 steps. Skipped while no bug variant is bundled.
 *
 * <p>Tagged {@code slow}: the x86 bug variants' shortest traces are 16 to 40 steps, and an
 * unrolling that deep takes minutes per variant with Choco, too long for CI
 * ({@code mvn -B verify -Dtest.excludedGroups= -Dgroups=slow} runs it by hand).
 */
@Tag("slow")
class BugVariantsTest {

    /** A guard against a hanging build, not a performance assertion: a stopped search fails the case. */
    private static final Duration LIMIT = Duration.ofMinutes(5);

    static List<String> bugVariants() {
        return ModelLoader.bundledModels().stream().filter(n -> n.startsWith("x86_64/bugs/")).toList();
    }

    /** Shows up as skipped, with the reason, while there is nothing to check (a factory without tests would not). */
    @Test
    void bugVariantsAreBundled() {
        Assumptions.assumeFalse(bugVariants().isEmpty(), "no bug variants bundled yet (x86_64/bugs/)");
    }

    @TestFactory
    Stream<DynamicTest> everyBugVariantIsFoundAtItsShortestLength() {
        return bugVariants().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) throws ModelException {
        Program p = ModelLoader.load(name, Map.of());
        Set<String> expected = new TreeSet<>();
        for (Property prop : p.properties()) if (prop.expect() == Property.Expect.VIOLATED) expected.add(prop.name());
        assertFalse(expected.isEmpty(), name + " is a bug variant but expects no violation");
        int shortest = Engines.bfsShortest(p, expected);
        assertTrue(shortest >= 0, name + ": the explicit engine finds no violation of " + expected);

        BoundedResult r = BoundedSearch.run(p, new BoundedOptions(expected, shortest, LIMIT), Engines.CHOCO);
        BoundedResult.Violated v = assertInstanceOf(BoundedResult.Violated.class, r, () -> name + ": " + r);
        assertEquals(shortest, v.trace().steps().size(), name + ": trace length");
        assertEquals(shortest + 1, r.runs().size(), name + ": depths asked before the violation");
        for (int d = 0; d < shortest; d++) {
            assertEquals(BoundedResult.Outcome.NONE, r.runs().get(d).outcome(), name + ": depth " + d);
        }
        assertTrue(expected.contains(p.properties().get(v.trace().property()).name()), name + ": property");
    }
}
