package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceJson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile model text (docs/RELIABILITY.md): HTML, quotes, ampersands, ANSI escapes, bidi
 * controls, bell, CR, line separators and a 100,000-character line in the model's file name,
 * property description, assert message and kernel source references reach every output: the
 * text output carries no control character (escaped as \\uXXXX instead) and no very long
 * line, the JSON trace is valid JSON that round-trips and keeps the text exactly, the HTML
 * viewer has the text only escaped (no element, no script end from the model), and the DOT
 * graph is well-formed.
 */
class HostileTextTest {
    @TempDir
    Path dir;

    static final String HOSTILE = "<script>alert('x')</script> &amp; & \"q\" 'a' <!-- \u001b[31mRED\u001b[0m \u001b]0;title\u0007"
            + " \u202eevil\u202c \u2066iso\u2069 \u200f \r \u2028 \u0085 \u009b31m";
    static final String LONG = "L".repeat(100_000);

    /** small-entry with an assertion that fails (not expected to), hostile strings everywhere strings go. */
    /** {@code s} as a string literal of the language. */
    static String lit(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String model() {
        return "// " + HOSTILE + " comments are ignored\n"
                + "model test/hostile;\nconst DEPTH = 2;\nnesting DEPTH;\n"
                + "state cpu    { IF: bool = 1; nmi_blocked: bool = 0; cpl: 0..3 = 0; }\n"
                + "state percpu { count: 0..3 = 0; }\n"
                + "frame pt_regs { region hw { rip: ret; IF: bool; cpl: 0..3; } }\n"
                + "stack task slots DEPTH;\nstack nmi_ist ist slots 1;\n"
                + "hardware {\n  user when cpu.cpl == 3;\n  task_stack task;\n"
                + "  deliver { frame.IF = cpu.IF; frame.cpl = cpu.cpl; cpu.IF = 0; cpu.cpl = 0; }\n"
                + "  iret { cpu.IF = frame.IF; cpu.cpl = frame.cpl; cpu.nmi_blocked = 0; }\n}\n"
                + "vector irq async when cpu.IF lands on current enters irq_entry;\n"
                + "start task_loop;\n"
                + "proc task_loop() @ " + lit("kernel/" + HOSTILE + ".c:do_idle") + " {\n  loop: cpu.IF = 0;\n  cpu.IF = 1;\n  goto loop;\n}\n"
                + "proc irq_entry() @ \"arch/x86/" + LONG + ".S\" {\n"
                + "  enter: percpu.count = percpu.count + 1;\n"
                + "  @ " + lit(HOSTILE) + " assert percpu.count < 1 as small " + lit(HOSTILE) + ";\n"
                + "  percpu.count = percpu.count - 1;\n  iret;\n}\n"
                + "property small " + lit(HOSTILE + LONG) + " @ " + lit(HOSTILE) + " = assertion;\n";
    }

    /** No C0/C1 control (other than newline) and no bidi control or line separator in terminal text. */
    static void plainText(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029;
            if (bad) throw new AssertionError(what + ": raw U+" + Integer.toHexString(c) + " at " + i + ": "
                    + s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 40)));
        }
    }

    private Path hostileFile() throws Exception {
        Path f = dir.resolve("evil<b>&\"'\u001b[31m\u202e.entry");
        Files.writeString(f, model(), StandardCharsets.UTF_8);
        return f;
    }

    private Path traceFile(Path traces) throws Exception {
        try (Stream<Path> s = Files.list(traces)) {
            List<Path> files = s.toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }

    @Test
    void textOutputIsSafeOnATerminal() throws Exception {
        Path f = hostileFile();
        Cli r = Cli.run("check", "--trace-out", dir.resolve("traces").toString(), f.toString());
        assertEquals(1, r.exitCode(), r.both());
        assertTrue(r.out().contains("VIOLATED"), r.both());
        plainText("check stdout", r.out());
        plainText("check stderr", r.err());
        assertTrue(r.out().contains("\\u001b[31m"), "the escape is shown, escaped");
        for (String line : r.out().split("\n")) assertTrue(line.length() < 1000, "a line of " + line.length() + " characters");

        Cli shown = Cli.run("show", traceFile(dir.resolve("traces")).toString());
        assertEquals(0, shown.exitCode(), shown.both());
        plainText("show text", shown.out());
        for (String line : shown.out().split("\n")) assertTrue(line.length() < 1000, "a line of " + line.length() + " characters");
    }

    @Test
    void jsonTraceIsValidAndExact() throws Exception {
        Path f = hostileFile();
        Cli r = Cli.run("check", "--trace-out", dir.resolve("traces").toString(), f.toString());
        assertEquals(1, r.exitCode(), r.both());
        String json = Files.readString(traceFile(dir.resolve("traces")), StandardCharsets.UTF_8);
        JsonNode tree = new ObjectMapper().readTree(json); // valid JSON
        assertTrue(tree.isObject());
        TraceDocument doc = TraceJson.read(json);
        assertEquals(json, TraceJson.toJson(doc), "round trip");
        assertEquals(f.toString(), doc.model(), "the model name (its path) is kept exactly");
        assertEquals(HOSTILE + LONG, doc.property().description(), "the description is kept exactly");
        assertTrue(json.contains("\\u001b") || json.contains("\\u001B"), "controls are JSON escapes");
        for (char c : json.toCharArray()) assertTrue(c >= 0x20 || c == '\n', "raw control U+" + Integer.toHexString(c) + " in the JSON");
    }

    @Test
    void htmlViewerHasTheTextOnlyEscaped() throws Exception {
        Path f = hostileFile();
        Cli r = Cli.run("check", "--trace-out", dir.resolve("traces").toString(), f.toString());
        assertEquals(1, r.exitCode(), r.both());
        Path trace = traceFile(dir.resolve("traces"));
        Path html = dir.resolve("view.html");
        Cli shown = Cli.run("show", "--format", "html", "-o", html.toString(), trace.toString());
        assertEquals(0, shown.exitCode(), shown.both());
        String h = Files.readString(html, StandardCharsets.UTF_8);
        assertFalse(h.contains("<script>alert"), "model text never appears raw: " + around(h, "<script>alert"));
        assertFalse(h.contains("<b>") || h.contains("<!-- \u001b"), "no element or comment from the model");
        assertEquals(count(h, "<script"), count(h, "</script>"), "every script element is closed by the viewer itself");
        assertEquals(3, count(h, "<script"), "the viewer's own three script elements, no more");
        assertTrue(h.contains("&lt;script&gt;") || h.contains("\\u003cscript\\u003e"), "the text is there, escaped");
        for (char c : h.toCharArray()) assertTrue(c >= 0x20 || c == '\n', "raw control U+" + Integer.toHexString(c) + " in the HTML");
    }

    @Test
    void dotGraphIsWellFormed() throws Exception {
        Path f = hostileFile();
        Cli r = Cli.run("check", "--trace-out", dir.resolve("traces").toString(), f.toString());
        assertEquals(1, r.exitCode(), r.both());
        Path dot = dir.resolve("g.dot");
        Cli shown = Cli.run("show", "--format", "dot", "-o", dot.toString(), traceFile(dir.resolve("traces")).toString());
        assertEquals(0, shown.exitCode(), shown.both());
        String g = Files.readString(dot, StandardCharsets.UTF_8);
        for (char c : g.toCharArray()) assertTrue(c >= 0x20 || c == '\n', "raw control U+" + Integer.toHexString(c) + " in the DOT");
        File exe = new File("/usr/bin/dot");
        if (exe.canExecute()) {
            Process p = new ProcessBuilder(exe.getPath(), "-Tsvg", "-o", dir.resolve("g.svg").toString(), dot.toString())
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "dot accepts the graph: " + out);
            assertFalse(Files.readString(dir.resolve("g.svg")).contains("<script"), "no script element from the model in the SVG");
        }
    }

    /**
     * Diagnostics quote the offending source line: a line with escapes, controls, HTML and
     * 100,000 characters, and a comment with bytes that are not UTF-8, give exit 2 with
     * file:line:col, and the quoted line has no raw control and no long line.
     */
    @Test
    void diagnosticsQuoteHostileLinesSafely() throws Exception {
        Path text = dir.resolve("syntax.entry");
        Files.writeString(text, "model hostile;\nvar x: 0..1 = 0; rule r x == 0 ==> { x = 1 +; } // " + HOSTILE + LONG + "\n",
                StandardCharsets.UTF_8);
        Path ctl = dir.resolve("control.entry");
        Files.writeString(ctl, "model hostile;\nvar x: 0..1 = 0; rule r x == 0 ==> { x = 1 \u001b[31m; } // " + HOSTILE + "\n",
                StandardCharsets.UTF_8);
        Path bytes = dir.resolve("latin1.entry");
        byte[] head = "model hostile;\n// caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " \u001b[31m\nvar x: 0..1 = 0;\nrule r x == 0 ==> { x = 1; }\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;        // Latin-1 e-acute
        all[head.length + 1] = (byte) 0x9B;    // a C1 CSI byte, also not UTF-8 here
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        Files.write(bytes, all);
        String[][] expected = {{"syntax.entry:2:45: error: ", text.toString()}, {"control.entry:2:44: error: unexpected character (U+001B)", ctl.toString()},
            {"latin1.entry:2:7: error: invalid UTF-8 (byte 0xE9 0x9B)", bytes.toString()}};
        for (String[] e : expected) {
            Cli r = Cli.run("check", e[1]);
            assertEquals(2, r.exitCode(), r.both());
            assertTrue(r.err().contains(e[0]), "diagnostic " + e[0] + ":\n" + r.both());
            plainText("diagnostic for " + e[1], r.err());
            for (String line : r.err().split("\n")) assertTrue(line.length() < 1000, "a line of " + line.length() + " characters");
        }
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }

    private static String around(String s, String sub) {
        int i = s.indexOf(sub);
        return i < 0 ? "" : s.substring(Math.max(0, i - 80), Math.min(s.length(), i + 80));
    }
}
