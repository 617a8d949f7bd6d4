package entrycheck.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.lang.ModelLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step names of x86_64/mainline carry no line number (it imports the library, hence this module). */
class StepNamesX86Test {

    private static List<String> labels(Program p) {
        return p.transitions().stream().map(Transition::label).toList();
    }

    @Test
    void linesAddedAboveTheCodeLeaveEveryLabel() throws Exception {
        String src = ModelLoader.source("x86_64/mainline");
        Program before = ModelLoader.loadText("mainline.entry", src, Map.of());
        Program after = ModelLoader.loadText("mainline.entry", "// one\n// two\n\n" + src.replace("\n}\n", "\n}\n\n"), Map.of());
        assertEquals(labels(before), labels(after));
        assertTrue(labels(before).stream().noneMatch(l -> l.matches("^[^ :]+:\\d+ .*")), "a label with a line number");
    }

}
