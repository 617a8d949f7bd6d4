package entrycheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the checked model exposes to tools (the layout command, exporters). */
class SymbolsTest {

    @Test
    void frameFieldsCarryRegionsSizesAndAlignment() throws ModelException {
        CheckedModel m = ModelLoader.checkText("m.entry", String.join("\n",
                "const W = 4;",
                "frame pt_regs {",
                "  region hw     { rip: ret; IF: bool; }",
                "  region zeroed { exit_rcu: bool size 1; }",
                "  region arch   { pkrs: 0..3 size W align W * 2; }",
                "}",
                "stack task slots 2;",
                ""), Map.of("W", 8));
        Symbols.FrameInfo f = m.symbols().frame();
        assertEquals("pt_regs", f.name());
        assertEquals(List.of("rip", "IF", "exit_rcu", "pkrs"), f.fields().stream().map(Symbols.FrameField::name).toList());
        assertEquals("zeroed", f.field("exit_rcu").region());
        assertEquals(1, f.field("exit_rcu").size());
        assertNull(f.field("exit_rcu").align());
        assertEquals(8, f.field("pkrs").size());
        assertEquals(16, f.field("pkrs").align());
        assertNull(f.field("rip").size());
        assertEquals(2, m.symbols().stacks().get("task").slots());
        assertFalse(m.symbols().isEntryModel());
        assertEquals(Map.of("W", 8), m.symbols().constants());
    }

    @Test
    void entryModelSymbols() throws ModelException {
        String path = entrycheck.testutil.Models.path("small-entry.entry").toString();
        CheckedModel m = ModelLoader.check(path, Map.of());
        Symbols s = m.symbols();
        assertTrue(s.isEntryModel());
        assertEquals(2, s.nesting());
        assertEquals("task", s.taskStack());
        assertEquals(List.of("irq_entry", "nmi_entry"), s.entryProcs());
        assertEquals(List.of("irq", "nmi"), List.copyOf(s.vectors().keySet()));
        assertEquals(2, s.vectors().get("nmi").index());
        assertEquals(path, m.name());
        assertEquals(64, m.sourceHash().length());
    }
}
