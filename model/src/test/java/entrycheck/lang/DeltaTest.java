package entrycheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends} deltas (LANGUAGE.md section 2). */
class DeltaTest {
    @TempDir
    Path dir;

    private static final String BASE = String.join("\n",
            "model base;",
            "const DEPTH = 1;",
            "nesting DEPTH;",
            "state cpu { IF: bool = 1; }",
            "frame regs { region hw { rip: ret; } }",
            "stack task slots 2;",
            "hardware { task_stack task; }",
            "vector irq async when cpu.IF lands on current enters handler;",
            "start main;",
            "proc main() {",
            "  one: cpu.IF = 0;",
            "  two: cpu.IF = 1;",
            "  if (cpu.IF) { three: skip; }",
            "}",
            "proc handler() { h: cpu.IF = 0; iret; }",
            "property p = invariant cpu.IF || !cpu.IF;",
            "property q = frame intact;",
            "expect violated p;",
            "");

    @BeforeEach
    void writeBase() throws IOException {
        Files.writeString(dir.resolve("base.entry"), BASE);
    }

    private Program load(String delta) throws Exception {
        Files.writeString(dir.resolve("delta.entry"), "model delta extends base;\n" + delta);
        return ModelLoader.load(dir.resolve("delta.entry").toString(), Map.of());
    }

    private Diagnostic error(String delta) {
        ModelException e = assertThrows(ModelException.class, () -> load(delta));
        return e.diagnostics().get(0);
    }

    private static List<String> level0(Program p) {
        return p.transitions().stream().filter(t -> t.level() == 0 && t.kind() == Transition.Kind.STEP)
                .map(Transition::label).toList();
    }

    @Test
    void stepEditsReplaceInsertAndRemoveLabelledStatements() throws Exception {
        Program p = load(String.join("\n",
                "replace step main.one { cpu.IF = 1; cpu.IF = 0; }",
                "insert before main.two { skip; }",
                "insert after main.two { skip; }",
                "remove step main.three;",
                ""));
        assertEquals(List.of("main.one", "main: cpu.IF = 0", "main: skip #1", "main.two", "main: skip #2",
                "main: if (cpu.IF)"), level0(p));
        Transition one = p.transitions().get(0);
        assertEquals(dir.resolve("delta.entry").toString(), p.name());
        assertTrue(one.updates().toString().contains("Const[value=1]"), one.updates().toString());
    }

    @Test
    void replaceAndRemoveDeclarations() throws Exception {
        Program p = load(String.join("\n",
                "replace const DEPTH = 2;",
                "replace proc handler() { cpu.IF = 1; iret; }",
                "remove property p;",
                "vector irq2 async lands on current enters handler;",
                ""));
        assertEquals(Map.of("DEPTH", 2), p.constants());
        assertEquals(List.of("q", "domain", "no-deadlock"), p.properties().stream().map(Property::name).toList());
        assertTrue(p.transitions().stream().anyMatch(t -> t.label().equals("handler: cpu.IF = 1") && t.level() == 2));
        assertEquals(List.of("", "irq", "irq2"), p.nesting().vectors());
    }

    @Test
    void groupAndFrameBlocksMergeAndExpectationsOverride() throws Exception {
        Program p = load(String.join("\n",
                "state cpu { pkrs: 0..3 = 1; }",
                "frame regs { region hw { IF: bool; } region arch { pkrs: 0..3; } }",
                "expect holds p;",
                "expect violated q;",
                ""));
        List<String> names = p.layout().vars().stream().map(v -> v.name()).toList();
        assertTrue(names.containsAll(List.of("cpu.IF", "cpu.pkrs", "task[0].rip", "task[0].IF", "task[0].pkrs", "task[1].pkrs")), names.toString());
        assertEquals(Property.Expect.HOLDS, p.property("p").expect());
        assertEquals(Property.Expect.VIOLATED, p.property("q").expect());
    }

    @Test
    void deltaOfADelta() throws Exception {
        Files.writeString(dir.resolve("mid.entry"), "model mid extends base.entry;\nremove step main.two;\n");
        Files.writeString(dir.resolve("top.entry"), "model top extends mid;\ninsert after main.two { cpu.IF = 1; }\n");
        Program p = ModelLoader.load(dir.resolve("top.entry").toString(), Map.of());
        assertEquals(List.of("main.one", "main: cpu.IF = 1", "main: if (cpu.IF)", "main.three"), level0(p));
    }

    @Test
    void replaceOfAMissingStep() {
        Diagnostic d = error("replace step main.tow { skip; }\n");
        assertEquals("no step labelled 'tow' in procedure 'main' (did you mean 'main.two'?)", d.message());
        assertEquals(2, d.line());
        assertEquals(14, d.col());
        assertEquals(dir.resolve("delta.entry").toString(), d.file());
    }

    @Test
    void replaceOfAMissingDeclaration() {
        Diagnostic d = error("replace proc handlr() { iret; }\n");
        assertEquals("replace of unknown proc 'handlr' (did you mean 'handler'?)", d.message());
        assertEquals(2, d.line());
        assertEquals(9, d.col());
    }

    @Test
    void removeOfAMissingVector() {
        Diagnostic d = error("remove vector nmi;\n");
        assertEquals("remove of unknown vector 'nmi'", d.message());
        assertEquals(15, d.col());
    }

    @Test
    void redefinitionWithoutReplace() {
        Diagnostic d = error("proc handler() { iret; }\n");
        assertEquals("duplicate declaration of proc 'handler' (first declared in the base model at "
                + dir.resolve("base.entry") + ":15:1); use 'replace' to redefine it", d.message());
    }

    @Test
    void stepEditOfAnUnknownProcedure() {
        Diagnostic d = error("insert after mian.one { skip; }\n");
        assertEquals("unknown procedure 'mian' (did you mean 'main'?)", d.message());
    }

    @Test
    void expectationOfAnUnknownProperty() {
        Diagnostic d = error("expect holds r;\n");
        assertEquals("expectation for unknown property 'r' (did you mean 'p'?)", d.message());
    }
}
