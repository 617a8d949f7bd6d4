package entrycheck.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CI-sized part of {@link BugVariantsTest}: every bug variant at reduced bounds
 * ({@code -D DEPTH=1}: one nested entry), with the explicit engine's shortest trace under the
 * same bounds as the reference. For each expected-violated property whose shortest trace is at
 * most {@link #MAX_STEPS} steps, the bounded engine must find a violation at exactly that length
 * and none before it. Longer ones are skipped here (they take minutes each with Choco,
 * docs/PERFORMANCE.md) and stay in the slow test at the default bounds. Today this checks
 * b4-mce-bare-nmi-enter (10 steps); the other variants need more steps or more nesting.
 */
class BugVariantsReducedTest {

    static final Map<String, Integer> REDUCED = Map.of("DEPTH", 1);
    static final int MAX_STEPS = 10;
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @TestFactory
    Stream<DynamicTest> shortBugsAreFoundAtTheirShortestLengthAtReducedBounds() {
        return BugVariantsTest.bugVariants().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) throws ModelException {
        Program p = ModelLoader.load(name, REDUCED);
        String best = null;
        int shortest = Integer.MAX_VALUE;
        for (Property prop : p.properties()) {
            if (prop.expect() != Property.Expect.VIOLATED) continue;
            int len = Engines.bfsShortest(p, Set.of(prop.name()));
            if (len >= 0 && len < shortest) {
                shortest = len;
                best = prop.name();
            }
        }
        Assumptions.assumeTrue(best != null && shortest <= MAX_STEPS,
                name + ": no expected violation within " + MAX_STEPS + " steps at DEPTH=1 (the slow test covers it)");
        BoundedResult r = BoundedSearch.run(p, new BoundedOptions(Set.of(best), shortest, LIMIT), Engines.CHOCO);
        BoundedResult.Violated v = assertInstanceOf(BoundedResult.Violated.class, r, () -> name + ": " + r);
        assertEquals(shortest, v.trace().steps().size(), name + ": trace length");
        assertEquals(shortest + 1, r.runs().size(), name + ": depths asked before the violation");
        for (int d = 0; d < shortest; d++) {
            assertEquals(BoundedResult.Outcome.NONE, r.runs().get(d).outcome(), name + ": depth " + d);
        }
        assertTrue(best.equals(p.properties().get(v.trace().property()).name()), name + ": property");
    }
}
