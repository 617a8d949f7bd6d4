package entrycheck.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import entrycheck.trace.TraceDocument;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DotRendererTest {

    private static final String DOT = DotRenderer.render(Fixtures.entryTrace());

    /**
     * Checks DOT structure the way Graphviz's lexer sees it: quoted strings end at an unescaped
     * quote, HTML-like labels at the matching {@code >}, and braces and brackets outside them
     * balance. Returns the HTML-like labels found (their text without the outer brackets).
     */
    static List<String> checkWellFormed(String dot) {
        List<String> htmlLabels = new ArrayList<>();
        int braces = 0;
        int brackets = 0;
        for (int i = 0; i < dot.length(); i++) {
            char c = dot.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < dot.length() && dot.charAt(j) != '"') {
                    if (dot.charAt(j) == '\n') fail("raw newline inside a quoted string at " + j);
                    j += dot.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= dot.length()) fail("unterminated string at " + i);
                i = j;
            } else if (c == '<') {
                int depth = 0;
                int j = i;
                for (; j < dot.length(); j++) {
                    if (dot.charAt(j) == '<') depth++;
                    else if (dot.charAt(j) == '>' && --depth == 0) break;
                }
                if (j >= dot.length()) fail("unterminated HTML label at " + i);
                htmlLabels.add(dot.substring(i + 1, j));
                i = j;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                if (--braces < 0) fail("unbalanced } at " + i);
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                if (--brackets < 0) fail("unbalanced ] at " + i);
            }
        }
        assertEquals(0, braces, "braces balance");
        assertEquals(0, brackets, "brackets balance");
        return htmlLabels;
    }

    @Test
    void outputIsWellFormedAndModelTextIsEscaped() {
        assertTrue(DOT.startsWith("digraph entrycheck_trace {\n"));
        assertTrue(DOT.endsWith("}\n"));
        List<String> labels = checkWellFormed(DOT);
        assertEquals(6, labels.size(), "five activations and the violation node");
        for (String l : labels) {
            // inside an HTML-like label only Graphviz's own tags remain; model text is entities
            String tagsOnly = l.replaceAll("</?(TABLE|TR|TD|FONT|B|I|BR)( [A-Z-]+=\"[^\"]*\")*\\s*/?>", "");
            assertFalse(tagsOnly.contains("<") || tagsOnly.contains(">"), "stray markup in label: " + tagsOnly);
            assertFalse(tagsOnly.contains("\""), "stray quote in label: " + tagsOnly + "\nfrom: " + l);
        }
        assertFalse(String.join("", labels).contains("<script>"));
        assertTrue(DOT.contains("asm_exc_nmi.copy_outermost &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(DOT.contains("&quot;quoted<BR ALIGN=\"LEFT\"/>newline"));
        assertTrue(DOT.contains("label=\"step 10: asm_exc_nmi.iret \\\"quoted\\nnewline <img src=x onerror=\\\""),
                "quoted strings escape quotes and newlines: " + DOT);
        assertTrue(DOT.contains("label=\"x86_64/test <script>alert(1)</script>: frame-intact violated\""));
    }

    @Test
    void nestingIsRankedByLevelAndTheViolationIsMarked() {
        assertTrue(DOT.contains("{ rank=same; lane0; a0; }"));
        assertTrue(DOT.contains("{ rank=same; lane3; a3; a4; }"), "both nmis sit on level 3, in time order");
        int irq = DOT.indexOf("a0 -> a1 [label=\"step 2: deliver irq\"");
        int pf = DOT.indexOf("a1 -> a2 [label=\"step 4: deliver pf\"");
        int nmi1 = DOT.indexOf("a2 -> a3 [label=\"step 5: deliver nmi\"");
        int nmi2 = DOT.indexOf("a2 -> a4 [label=\"step 9: deliver nmi\"");
        assertTrue(irq > 0 && irq < pf && pf < nmi1 && nmi1 < nmi2, "deliveries in time order:\n" + DOT);
        assertTrue(DOT.contains("a3 -> a2 [label=\"step 7: asm_exc_nmi.iret"), "returns are dashed back edges");
        assertTrue(DOT.contains("<B>violation: frame-intact</B>"));
        assertTrue(DOT.contains("a4 -> violation [color=red, penwidth=2"));
        assertTrue(DOT.contains("<B>\u2190 violation: frame-intact</B>"), "the last step's row is marked");
        assertTrue(DOT.contains("\u22ee interrupted: steps 5\u20137"), "the pf activation shows the gap where it was interrupted");
        assertTrue(DOT.contains("frame nmi_ist[0]"));
        assertEquals(1, count(DOT, "BORDER=\"3\" COLOR=\"red\""), "only the node with the violating step is red");
    }

    @Test
    void ruleTracesAreOneNodeWithTheLoopBack() {
        String dot = DotRenderer.render(Fixtures.ruleTrace());
        checkWellFormed(dot);
        assertFalse(dot.contains("lane"), "no nesting lanes for a rule model");
        assertTrue(dot.contains("a0 -> a0 [label=\"loops back to step 2\""));
        assertTrue(dot.contains("inc(x) &quot;quoted<BR ALIGN=\"LEFT\"/>newline"));
        assertTrue(dot.contains("(loop starts)"));
    }

    @Test
    void quoteEscapesBackslashesQuotesAndLineBreaks() {
        assertEquals("\"a\\\\b \\\"c\\\" d\\ne f\"", DotRenderer.quote("a\\b \"c\" d\ne\tf"));
        assertEquals("&lt;&gt;&amp;&quot; \\N", DotRenderer.html("<>&\"\u0001\\N"));
    }

    @Test
    void graphvizAcceptsTheOutput() throws Exception {
        Path dotExe = Path.of("/usr/bin/dot");
        Assumptions.assumeTrue(Files.isExecutable(dotExe), "graphviz is not installed");
        for (TraceDocument d : List.of(Fixtures.entryTrace(), Fixtures.ruleTrace())) {
            Process p = new ProcessBuilder(dotExe.toString(), "-Tsvg").start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(DotRenderer.render(d).getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String svg;
            try (InputStream out = p.getInputStream(); InputStream e = p.getErrorStream()) {
                svg = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                e.transferTo(err);
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "dot finished");
            assertEquals(0, p.exitValue(), "dot failed: " + err);
            assertEquals("", err.toString(StandardCharsets.UTF_8).strip(), "dot warnings");
            assertTrue(svg.contains("<svg"));
            assertTrue(svg.contains("violation: " + d.property().name().replace("-", "&#45;")), svg);
        }
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }
}
