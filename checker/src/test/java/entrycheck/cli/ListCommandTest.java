package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void descriptionIsTheFirstLeadingCommentLine() {
        assertEquals("NMI without the nested-NMI protocol (B1)", ListCommand.firstComment(List.of(
                "", "model x86_64/bugs/b1-nmi-iret extends x86_64/mainline;",
                "//", "// NMI without the nested-NMI protocol (B1)", "// second line")));
        assertEquals("The mainline x86_64 entry design", ListCommand.firstComment(List.of(
                "/*", " * The mainline x86_64 entry design", " */", "const DEPTH = 3;")));
        assertEquals("one-liner", ListCommand.firstComment(List.of("/* one-liner */")));
        assertEquals("", ListCommand.firstComment(List.of("const N = 7; // not a header", "// later")));
        assertEquals("", ListCommand.firstComment(List.of()));
        assertEquals("evil\\u001b[2J", ListCommand.firstComment(List.of("// evil\u001b[2J")));
    }
}
