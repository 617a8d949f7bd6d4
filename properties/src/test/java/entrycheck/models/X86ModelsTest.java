package entrycheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled x86_64 models load, declare the property library, and declare the expectations
 * of docs/MODELS.md: the designs only their documented findings, each bug variant its catalog
 * property (shared/domain/BUG-CATALOG.md). Checking them is the batch job's (batches/all.yaml).
 */
class X86ModelsTest {
    // Lives in the properties module: the x86_64 models import its library (entry-invariants),
    // which the model module does not have on its class path.

    static final List<String> LIBRARY = List.of("pkrs-restored", "pkrs-default", "rcu-balanced", "rcu-watching",
            "zeroed-init-intact", "uninit-not-read", "frame-intact", "lockdep-consistent", "tracing-consistent",
            "preempt-balanced", "in-nmi", "no-lost-nmi", "kernel-warn");

    /** Designs and the properties they declare violated (docs/MODELS.md, findings F1 and F3). */
    static final Map<String, Set<String>> DESIGNS = Map.of(
            "x86_64/mainline", Set.of("tracing-consistent"),
            "x86_64/by-reference", Set.of("tracing-consistent"),
            "x86_64/pks-irqentry-state", Set.of("tracing-consistent"),
            "x86_64/pks-aux", Set.of("tracing-consistent", "pkrs-restored", "pkrs-default"),
            "x86_64/extended-pt-regs", Set.of("tracing-consistent"));

    /** Bug variant -> the properties BUG-CATALOG.md expects violated. */
    static final Map<String, Set<String>> CATALOG = Map.ofEntries(
            Map.entry("x86_64/bugs/b1-nmi-iret", Set.of("frame-intact")),
            Map.entry("x86_64/bugs/b2-db-ist-clobber", Set.of("frame-intact")),
            Map.entry("x86_64/bugs/b3-nmi-irq-lockdep", Set.of("lockdep-consistent")),
            Map.entry("x86_64/bugs/b4-mce-bare-nmi-enter", Set.of("lockdep-consistent")),
            Map.entry("x86_64/bugs/b5-nmi-count-bit", Set.of("preempt-balanced")),
            Map.entry("x86_64/bugs/b6-pkrs-by-value", Set.of("pkrs-restored")),
            Map.entry("x86_64/bugs/b7-pkrs-nmi-like", Set.of("pkrs-restored")),
            Map.entry("x86_64/bugs/b8-percpu-exit-rcu", Set.of("rcu-balanced")),
            Map.entry("x86_64/bugs/b9-pkrs-user-path", Set.of("pkrs-restored")),
            Map.entry("x86_64/bugs/b10-extregs-not-zeroed", Set.of("zeroed-init-intact")),
            Map.entry("x86_64/bugs/b11-extregs-ist-nesting", Set.of("zeroed-init-intact", "frame-intact", "rcu-balanced")));

    static List<String> x86Models() {
        return ModelLoader.bundledModels().stream().filter(n -> n.startsWith("x86_64/")).toList();
    }

    static Set<String> violated(Program p) {
        return p.properties().stream().filter(q -> q.expect() == Property.Expect.VIOLATED)
                .map(Property::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyDesignAndBugVariantIsBundled() {
        Set<String> bundled = new TreeSet<>(x86Models());
        assertTrue(bundled.containsAll(DESIGNS.keySet()), bundled.toString());
        assertTrue(bundled.containsAll(CATALOG.keySet()), bundled.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyX86ModelLoadsWithTheLibrary() {
        return x86Models().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Program p = ModelLoader.load(name, Map.of());
            assertEquals(name, p.name());
            assertFalse(p.transitions().isEmpty(), name);
            for (String prop : LIBRARY) assertNotNull(p.property(prop), name + " lacks " + prop);
            for (String prop : LIBRARY) {
                Property q = p.property(prop);
                assertFalse(q.description().isEmpty() || q.source().isEmpty(), name + ": " + prop + " needs a description and a source");
            }
            assertEquals(3, p.constants().get("DEPTH"), name + ": default nesting bound");
        }));
    }

    @Test
    void designsDeclareOnlyTheirFindings() throws ModelException {
        for (Map.Entry<String, Set<String>> e : DESIGNS.entrySet()) {
            assertEquals(new TreeSet<>(e.getValue()), violated(ModelLoader.load(e.getKey(), Map.of())), e.getKey());
        }
    }

    @Test
    void bugVariantsExpectTheirCatalogViolations() throws ModelException {
        for (Map.Entry<String, Set<String>> e : CATALOG.entrySet()) {
            Set<String> v = violated(ModelLoader.load(e.getKey(), Map.of()));
            assertTrue(v.containsAll(e.getValue()), e.getKey() + " expects " + v);
        }
    }

    /**
     * Finding F1 (tracing-consistent) per bug variant (docs/MODELS.md): violated where the
     * variant keeps the base's irqentry_nmi_enter()/exit() or has its own violation (B3, B4);
     * maybe in B7, which replaces the procedures F1 lives in.
     */
    @Test
    void bugVariantsExpectF1AsDocumented() throws ModelException {
        for (String name : CATALOG.keySet()) {
            Property.Expect want = name.equals("x86_64/bugs/b7-pkrs-nmi-like") ? Property.Expect.MAYBE : Property.Expect.VIOLATED;
            assertEquals(want, ModelLoader.load(name, Map.of()).property("tracing-consistent").expect(), name);
        }
    }

    @Test
    void boundsAreOverridable() throws ModelException {
        Program p = ModelLoader.load("x86_64/mainline", Map.of("DEPTH", 4));
        assertEquals(4, p.constants().get("DEPTH"));
        assertEquals(2 * 4 + 2, p.constants().get("CT_NESTING_IRQ_NONIDLE"));
        assertTrue(p.layout().vars().stream().anyMatch(v -> v.name().equals("level[4].pc")));
    }
}
