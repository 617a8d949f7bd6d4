package entrycheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import LIBRARY;} (LANGUAGE.md section 2): the test libraries are the resources under
 * src/test/resources/entrycheck/library, found on the class path like the properties module's.
 */
class ImportTest {

    private static final String BODY = "var x: 0..7 = 0;\nrule inc x < 5 ==> { x = x + 1; }\n";

    private static Diagnostic error(String text) {
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.loadText("m.entry", text, Map.of()));
        return e.diagnostics().get(0);
    }

    private static List<String> names(Program p) {
        return p.properties().stream().map(Property::name).toList();
    }

    @Test
    void importBringsPropertiesGhostStateAndConstantsInDeclarationOrder() throws ModelException {
        Program p = ModelLoader.loadText("m.entry", "import counters;\n" + BODY + "property mine = invariant x != 6;\n", Map.of());
        assertEquals(List.of("x-bounded", "not-flagged", "mine", "domain", "no-deadlock"), names(p));
        Property q = p.property("x-bounded");
        assertEquals("x stays within LIMIT", q.description());
        assertEquals("test/counters", q.source());
        assertEquals(3, p.constants().get("LIMIT"));
        assertTrue(p.layout().vars().stream().anyMatch(v -> v.name().equals("flagged")));
    }

    @Test
    void libraryConstantsCanBeOverriddenLikeTheModelsOwn() throws ModelException {
        Program p = ModelLoader.loadText("m.entry", "import counters;\n" + BODY, Map.of("LIMIT", 5));
        assertEquals(5, p.constants().get("LIMIT"));
    }

    @Test
    void importingTwiceAddsNothing() throws ModelException {
        Program once = ModelLoader.loadText("m.entry", "import counters;\n" + BODY, Map.of());
        Program twice = ModelLoader.loadText("m.entry", "import counters;\nimport outer;\nimport counters;\n" + BODY, Map.of());
        assertEquals(List.of("x-bounded", "not-flagged", "domain", "no-deadlock"), names(once));
        assertEquals(List.of("x-bounded", "not-flagged", "x-nonneg", "domain", "no-deadlock"), names(twice));
    }

    @Test
    void aBaseAndItsDeltaMayBothImportTheLibrary(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.entry"), "model base;\nimport counters;\n" + BODY);
        Files.writeString(dir.resolve("delta.entry"), "model delta extends base;\nimport counters;\n"
                + "replace property x-bounded \"tighter\" = invariant x <= 4;\nexpect maybe not-flagged;\n");
        Program p = ModelLoader.load(dir.resolve("delta.entry").toString(), Map.of());
        assertEquals(List.of("x-bounded", "not-flagged", "domain", "no-deadlock"), names(p));
        assertEquals("tighter", p.property("x-bounded").description());
        assertEquals(Property.Expect.MAYBE, p.property("not-flagged").expect());
    }

    @Test
    void theLibraryIsPartOfTheSourceHash() throws ModelException {
        String a = ModelLoader.loadText("m.entry", "import counters;\n" + BODY, Map.of()).sourceHash();
        String b = ModelLoader.loadText("m.entry", "import outer;\n" + BODY, Map.of()).sourceHash();
        assertNotEquals(a, b);
    }

    @Test
    void unknownLibraryIsPositionedAndSuggestsTheClosest() {
        Diagnostic d = error(BODY + "import countrs;\n");
        assertEquals("m.entry", d.file());
        assertEquals(3, d.line());
        assertEquals(8, d.col());
        assertEquals("no library 'countrs' on the class path (entrycheck/library/countrs.entry) (did you mean 'counters'?)",
                d.message());
    }

    @Test
    void errorsInsideALibraryNameTheLibraryFile() {
        Diagnostic d = error("import broken;\n" + BODY);
        assertEquals("entrycheck/library/broken.entry", d.file());
        assertEquals(3, d.line());
        assertEquals(26, d.col());
        assertEquals("property bad = invariant ;", d.sourceLine());
    }

    @Test
    void checkErrorsInLibraryDeclarationsNameTheLibraryFile() {
        Diagnostic d = error("import counters;\nvar y: 0..1 = 0;\nrule r y == 0 ==> { y = 1; }\n");
        assertEquals("entrycheck/library/counters.entry", d.file());
        assertEquals(4, d.line());
        assertTrue(d.message().contains("'x'"), d.message());
    }

    @Test
    void aLibraryHoldsNoCode() {
        Diagnostic d = error("import has-proc;\n" + BODY);
        assertEquals("entrycheck/library/has-proc.entry", d.file());
        assertEquals(2, d.line());
        assertEquals("a library declares only properties, ghost variables, constants, types and imports", d.message());
    }

    @Test
    void importCycleIsReportedAtTheImportThatClosesIt() {
        Diagnostic d = error("import cyc-a;\n" + BODY);
        assertEquals("entrycheck/library/cyc-b.entry", d.file());
        assertEquals(3, d.line());
        assertEquals(8, d.col());
        assertEquals("import cycle: cyc-a -> cyc-b -> cyc-a", d.message());
    }

    @Test
    void redeclaringALibraryPropertyIsADuplicate() {
        Diagnostic d = error("import counters;\n" + BODY + "property not-flagged = invariant true;\n");
        assertEquals("m.entry", d.file());
        assertEquals(4, d.line());
        assertTrue(d.message().startsWith("duplicate declaration of property 'not-flagged' (first declared in an imported "
                + "library at entrycheck/library/counters.entry:5:1)"), d.message());
    }

    @Test
    void theCatalogApiListsLibrariesAndExpandsTheirImports() throws ModelException {
        assertTrue(ModelLoader.libraries().containsAll(List.of("counters", "outer")), ModelLoader.libraries().toString());
        List<String> props = ModelLoader.library("outer").stream().filter(d -> d instanceof AstDecl.Property)
                .map(d -> ((AstDecl.Property) d).name()).toList();
        assertEquals(List.of("x-bounded", "not-flagged", "x-nonneg"), props);
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.library("nope"));
        assertNotNull(e.diagnostics().get(0).message());
        ModelException up = assertThrows(ModelException.class, () -> ModelLoader.library("../test/features"));
        assertTrue(up.diagnostics().get(0).message().startsWith("no library '../test/features'"), up.getMessage());
    }

    @Test
    void importNeedsALibraryName() {
        Diagnostic d = error("import ;\n" + BODY);
        assertEquals(1, d.line());
        assertEquals(8, d.col());
        assertTrue(d.message().startsWith("expected a library name"), d.message());
    }
}
