package entrycheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    /** INDEX is maintained by hand: it must list exactly the bundled .entry files. */
    @Test
    void indexListsEveryBundledModel() throws IOException {
        Path root = Path.of("src/main/resources/entrycheck/models");
        List<String> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".entry"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/').replaceAll("\\.entry$", ""))
                    .sorted().collect(Collectors.toList());
        }
        assertEquals(files, ModelLoader.bundledModels(),
                "update model/src/main/resources/entrycheck/models/INDEX to list every bundled model");
        assertTrue(files.contains("bench/big"));
    }

    /**
     * The x86_64 models import the property library of the properties module, which is not on
     * this module's class path: they are loaded by X86ModelsTest there. Here every bundled
     * model parses, and the ones without imports load.
     */
    @Test
    void everyBundledModelParsesAndTheOnesWithoutImportsLoad() throws ModelException {
        for (String name : ModelLoader.bundledModels()) {
            String text = ModelLoader.source(name);
            ModelFile f = Parser.parse(new SourceText(name, text), new Diags());
            if (name.startsWith("x86_64/")) continue;
            assertTrue(f.decls().stream().noneMatch(d -> d instanceof AstDecl.Import), name);
            Program p = ModelLoader.load(name, Map.of());
            assertEquals(name, p.name());
        }
    }

    @Test
    void theX86LibraryIsNotInTheModelModule() {
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load("x86_64/mainline", Map.of()));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("entrycheck/models/x86_64/mainline.entry", d.file());
        assertTrue(d.message().startsWith("no library 'entry-invariants' on the class path"), d.message());
    }

    @Test
    void missingFileNamesThePath() {
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load("no/such/model.entry", Map.of()));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("no/such/model.entry", d.file());
        assertEquals("no such model file, and no bundled model named 'no/such/model.entry'", d.message());
    }

    @Test
    void missingBundledNameSuggestsTheClosest() {
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load("bench/bag", Map.of()));
        assertTrue(e.diagnostics().get(0).message().endsWith("(did you mean 'bench/big'?)"), e.getMessage());
    }

    @Test
    void fileModelsExtendBundledOnesAndRelativeFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("small.entry"), "model small extends bench/big;\nreplace const N = 2;\n");
        Files.writeString(dir.resolve("smaller.entry"), "model smaller extends small;\nremove rule chk;\n"
                + "rule chk(i: 0..N-1) pc[i] == CHK ==> { pc[i] = REL; }\n");
        Program p = ModelLoader.load(dir.resolve("smaller.entry").toString(), Map.of());
        assertEquals(dir.resolve("smaller.entry").toString(), p.name());
        assertEquals(8, p.transitions().size());
        assertEquals(Map.of("N", 2), p.constants());
        assertEquals(List.of("inc(0)", "inc(1)", "take(0)", "take(1)", "rel(0)", "rel(1)", "chk(0)", "chk(1)"),
                p.transitions().stream().map(t -> t.label()).toList());
        String bigHash = ModelLoader.load("bench/big", Map.of()).sourceHash();
        assertTrue(!bigHash.equals(p.sourceHash()));
    }

    @Test
    void extendsCycleIsReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.entry"), "model a extends b;\n");
        Files.writeString(dir.resolve("b.entry"), "model b extends a.entry;\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(dir.resolve("a.entry").toString(), Map.of()));
        Diagnostic d = e.diagnostics().get(0);
        assertTrue(d.message().startsWith("extends cycle: "), d.message());
        assertEquals(1, d.line());
        assertEquals(17, d.col());
    }

    @Test
    void missingBaseIsReportedAtTheExtendsClause(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.entry"), "model a extends bench/bigg;\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(dir.resolve("a.entry").toString(), Map.of()));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals(1, d.line());
        assertEquals(17, d.col());
        assertTrue(d.message().startsWith("cannot find base model 'bench/bigg'"), d.message());
        assertTrue(d.message().endsWith("(did you mean 'bench/big'?)"), d.message());
    }

    @Test
    void sourceOfABundledModel() throws ModelException {
        assertTrue(ModelLoader.source("bench/big").contains("rule inc(i: 0..N-1)"));
    }
}
