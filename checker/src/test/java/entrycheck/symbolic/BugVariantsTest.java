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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * On every bundled bug variant ({@code x86_64/bugs/...}), at its default bounds, the bounded
 * engine finds a violation of the expected-violated properties at the explicit engine's
 * shortest-trace length L, and none at L - 1 (issue 6's done-when test). One bounded run to
 * depth L shows both: it asks depths 0, 1, ..., L in turn and stops at the first that has a
 * violation, so a trace of L steps after L + 1 runs means none exists within L - 1 steps.
 *
 * <p>The variants run two at a time (the bounded engine is single-threaded and the machines
 * this runs on have two cores); each dynamic test waits for its own variant. Measured on a
 * quiet 2-core machine: L is 10 to 17 steps, 3 to 105 s per variant, about 9 CPU minutes in
 * all (docs/PERFORMANCE.md).
 */
class BugVariantsTest {

    /** A guard against a hanging build, not a performance assertion: a stopped search fails the case. */
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bug-variants");
        t.setDaemon(true);
        return t;
    });

    static List<String> bugVariants() {
        return ModelLoader.bundledModels().stream().filter(n -> n.startsWith("x86_64/bugs/")).toList();
    }

    @AfterAll
    static void stopPool() { POOL.shutdownNow(); }

    /** Shows up as skipped, with the reason, while there is nothing to check (a factory without tests would not). */
    @Test
    void bugVariantsAreBundled() {
        Assumptions.assumeFalse(bugVariants().isEmpty(), "no bug variants bundled yet (x86_64/bugs/)");
    }

    @TestFactory
    Stream<DynamicTest> everyBugVariantIsFoundAtItsShortestLength() {
        Map<String, Future<?>> runs = new LinkedHashMap<>();
        for (String name : bugVariants()) runs.put(name, POOL.submit(() -> { check(name); return null; }));
        return runs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> await(e.getValue())));
    }

    private static void await(Future<?> run) throws Throwable {
        try {
            run.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
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
