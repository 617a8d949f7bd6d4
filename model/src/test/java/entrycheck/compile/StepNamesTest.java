package entrycheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.lang.ModelLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Names of unlabelled steps carry no line number: moving code leaves them (and traces) as they were.
 * The same on x86_64/mainline, which needs the property library: properties module, StepNamesX86Test.
 */
class StepNamesTest {

    private static List<String> labels(Program p) {
        return p.transitions().stream().map(Transition::label).toList();
    }

    @Test
    void statementsThatReadTheSameAreNumberedInCodeOrder() throws Exception {
        Program p = ModelLoader.loadText("t.entry", String.join("\n",
                "state cpu { IF: bool = 0; }",
                "state s { x: 0..3 = 0; }",
                "start main;",
                "proc main() @ \"kernel/t.c:main\" {",
                "  s.x = s.x + 1;",
                "  cpu.IF = 1;",
                "  s.x = s.x + 1;",
                "  done: s.x = s.x + 1;",
                "}",
                "end when 1;",
                ""), Map.of());
        Set<String> names = new HashSet<>(labels(p));
        assertTrue(names.containsAll(List.of("main: s.x = s.x + 1 #1", "main: cpu.IF = 1", "main: s.x = s.x + 1 #2",
                "main.done")), names.toString());
    }
}
