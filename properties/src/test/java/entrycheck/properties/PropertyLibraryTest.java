package entrycheck.properties;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PropertyLibraryTest {

    /** ENTRY-REFERENCE section 9, each with its kind (pkrs-restored's handler clause is pkrs-default). */
    static final Map<String, PropertyKinds.Kind> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("pkrs-restored", PropertyKinds.BALANCED);
        EXPECTED.put("pkrs-default", PropertyKinds.ASSERTION);
        EXPECTED.put("rcu-balanced", PropertyKinds.BALANCED);
        EXPECTED.put("rcu-watching", PropertyKinds.INVARIANT);
        EXPECTED.put("zeroed-init-intact", PropertyKinds.ZEROED_READS);
        EXPECTED.put("uninit-not-read", PropertyKinds.UNINIT_READS);
        EXPECTED.put("frame-intact", PropertyKinds.FRAME_INTACT);
        EXPECTED.put("lockdep-consistent", PropertyKinds.ASSERTION);
        EXPECTED.put("tracing-consistent", PropertyKinds.ASSERTION);
        EXPECTED.put("preempt-balanced", PropertyKinds.BALANCED);
        EXPECTED.put("in-nmi", PropertyKinds.ASSERTION);
        EXPECTED.put("no-lost-nmi", PropertyKinds.INVARIANT);
        EXPECTED.put("kernel-warn", PropertyKinds.ASSERTION);
        EXPECTED.put("returns-eventually", PropertyKinds.EVENTUALLY_RETURNS);
    }

    @Test
    void theEntryInvariantsAreTheLibraryInDeclarationOrderWithTheirKinds() throws ModelException {
        PropertyLibrary lib = PropertyLibrary.entryInvariants();
        assertEquals("entry-invariants", lib.name());
        Map<String, PropertyKinds.Kind> got = new LinkedHashMap<>();
        for (PropertyLibrary.Entry e : lib.properties()) got.put(e.name(), e.kind());
        assertEquals(new ArrayList<>(EXPECTED.keySet()), new ArrayList<>(got.keySet()));
        assertEquals(EXPECTED, got);
    }

    @Test
    void everyLibraryPropertyHasADescriptionAKernelSourceAndItsPlaceInTheLibraryFile() throws ModelException {
        for (PropertyLibrary.Entry e : PropertyLibrary.entryInvariants().properties()) {
            assertFalse(e.description().isEmpty(), e.name());
            assertFalse(e.description().contains("\n"), e.name() + ": one line");
            assertFalse(e.source().isEmpty(), e.name());
            assertEquals("entrycheck/library/entry-invariants.entry", e.pos().file(), e.name());
        }
        PropertyLibrary.Entry r = PropertyLibrary.entryInvariants().property("rcu-balanced");
        assertEquals("kernel/context_tracking.c", r.source());
        assertEquals("at every return RCU/context-tracking state equals its value at delivery", r.description());
        assertNull(PropertyLibrary.entryInvariants().property("no-such"));
    }

    @Test
    void builtinsAreDomainAndNoDeadlock() {
        List<PropertyLibrary.Entry> b = PropertyLibrary.builtins();
        assertEquals(List.of("domain", "no-deadlock"), b.stream().map(PropertyLibrary.Entry::name).toList());
        assertEquals(PropertyKinds.DOMAIN, b.get(0).kind());
        assertEquals(PropertyKinds.DEADLOCK, b.get(1).kind());
        PropertyLibrary.Entry r = assertDoesNotThrow(PropertyLibrary::entryInvariants).property("returns-eventually");
        assertEquals(PropertyKinds.EVENTUALLY_RETURNS, r.kind());
        assertEquals("kernel/entry/common.c", r.source());
    }

    @Test
    void kindsHaveDistinctNamesAndSayWhatTheyCheck() {
        assertEquals(9, PropertyKinds.ALL.size());
        assertEquals(9, PropertyKinds.ALL.stream().map(PropertyKinds.Kind::name).distinct().count());
        for (PropertyKinds.Kind k : PropertyKinds.ALL) {
            assertFalse(k.description().isEmpty(), k.name());
            assertFalse(k.syntax().isEmpty(), k.name());
        }
    }

    @Test
    void theLibraryIsOnTheClassPathAndUnknownOnesAreErrors() {
        assertTrue(PropertyLibrary.available().contains(PropertyLibrary.ENTRY_INVARIANTS), PropertyLibrary.available().toString());
        ModelException e = assertThrows(ModelException.class, () -> PropertyLibrary.load("entry-invariant"));
        assertEquals("no library 'entry-invariant' on the class path (entrycheck/library/entry-invariant.entry) "
                + "(did you mean 'entry-invariants'?)", e.diagnostics().get(0).message());
    }

    /** The x86_64 models get every property from the library: none declares one of its own. */
    @Test
    void everyX86ModelChecksExactlyTheLibraryAndTheBuiltIns() throws ModelException {
        PropertyLibrary lib = PropertyLibrary.entryInvariants();
        List<String> expected = new ArrayList<>(EXPECTED.keySet());
        expected.addAll(List.of("domain", "no-deadlock"));
        for (String name : ModelLoader.bundledModels()) {
            if (!name.startsWith("x86_64/")) continue;
            Program p = ModelLoader.load(name, Map.of());
            assertEquals(expected, p.properties().stream().map(Property::name).toList(), name);
            for (PropertyLibrary.Entry e : lib.properties()) {
                Property q = p.property(e.name());
                assertNotNull(q, name + " lacks " + e.name());
                assertEquals(e.description(), q.description(), name + ": " + e.name());
                assertEquals(e.source(), q.source(), name + ": " + e.name());
            }
        }
    }

    @Test
    void mainlineImportsTheLibraryAndDeclaresNoPropertyItself() throws ModelException {
        String text = ModelLoader.source("x86_64/mainline");
        assertTrue(text.contains("\nimport entry-invariants;\n"));
        assertFalse(text.lines().anyMatch(l -> l.startsWith("property ")), "mainline declares a property itself");
        Set<String> libNames = PropertyLibrary.entryInvariants().properties().stream().map(PropertyLibrary.Entry::name)
                .collect(Collectors.toSet());
        assertEquals(EXPECTED.keySet(), libNames);
    }
}
