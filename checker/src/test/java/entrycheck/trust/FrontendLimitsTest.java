package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fuzz harness found, each as a plain test: absurd models get a file:line:col
 * diagnostic and exit 2, quickly, instead of a StackOverflowError, an internal error, a silent
 * integer wrap or a hang (LANGUAGE.md section 11, "Limits").
 */
class FrontendLimitsTest {
    @TempDir
    Path dir;

    private static final String BIG = "const N = 3;\ntype pc_t = enum { TOP, CHK, REL };\nvar a: array [N] of 0..7 = 0;\n"
            + "var lock: 0..N = 0;\nrule inc(i: 0..N-1) a[i] < 7 ==> { a[i] = a[i] + 1; }\nend when true;\n";

    private Cli check(String text, String... extra) throws Exception {
        Path f = dir.resolve("m.entry");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        String[] args = new String[extra.length + 4];
        args[0] = "check";
        args[1] = "--max-states";
        args[2] = "1000";
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[args.length - 1] = f.toString();
        return Cli.run(args);
    }

    private void rejected(Cli r, String where, String message) {
        assertEquals(2, r.exitCode(), r.both());
        assertTrue(r.err().contains(dir.resolve("m.entry") + ":" + where + ": error: " + message), r.both());
        assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), r.both());
    }

    @Test
    void deepNestingIsADiagnostic() throws Exception {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        rejected(check(BIG + "property p = invariant lock < " + deep + ";\n"), "7:230", "nested too deeply");
        rejected(check(BIG + "property p = invariant " + "!".repeat(50_000) + "true;\n"), "7:223", "nested too deeply");
        rejected(check(BIG + "property p = invariant lock < " + "1 + ".repeat(50_000) + "1;\n"), "7:825", "nested too deeply");
        rejected(check(BIG + "rule r true ==> " + "{".repeat(10_000) + "}".repeat(10_000) + "\n"), "7:218", "nested too deeply");
        // 150 levels are fine, and every later phase copes with them
        Cli ok = check(BIG + "property p = invariant lock < " + "(".repeat(150) + "4" + ")".repeat(150) + ";\n");
        assertEquals(0, ok.exitCode(), ok.both());
    }

    @Test
    void hugeSizesAreDiagnostics() throws Exception {
        rejected(check(BIG, "-D", "N=100000"), "3:15", "an array has at most 4096 elements, found 100000");
        rejected(check(BIG.replace("const N = 3;", "const N = 2000000000;")), "3:15", "an array has at most 4096 elements");
        rejected(check(BIG + "var big: array [4096] of array [4096] of bool = 0;\n"), "1:1", "the model state needs about");
        rejected(check(BIG + "rule r(i: 0..1000, j: 0..1000) true ==> { lock = 0; }\n"), "7:1", "rule 'r' has more than 65536 instances");
        // a small range at the end of the int range: the expansion loop ends (it used to wrap around forever)
        Cli edge = check(BIG + "rule r(i: 2147483640..2147483647) true ==> { lock = 0; }\n");
        assertEquals(0, edge.exitCode(), edge.both());
        rejected(check(BIG + "property p = invariant forall i: 0..1000 : forall j: 0..1000 : a[0] != i + j;\n"), "7:44",
                "'forall' expands to more than 65536 copies");
        rejected(check(BIG + "var w: -2000000000..2000000000 = 0;\n"), "7:8", "range -2000000000..2000000000 has more than 2147483647 values");
    }

    @Test
    void overflowIsNeverAWrap() throws Exception {
        rejected(check(BIG.replace("const N = 3;", "const N = 3;\nconst M = 2147483647 + 1;")), "2:22",
                "integer overflow in a constant expression");
        rejected(check(BIG.replace("const N = 3;", "const N = 3;\nconst M = -(-2147483647 - 1);")), "2:11",
                "integer overflow in a constant expression");
        // in code, a constant overflow is a run-time domain error (as in the engine), not a wrapped value
        Cli r = check(BIG + "rule wrap(i: 2147483646..2147483647) lock == 0 && i + 1 > 0 ==> { lock = 1; }\n",
                "--ignore-expectations");
        assertEquals(1, r.exitCode(), r.both());
        assertTrue(r.out().contains("VIOLATED    domain"), r.both());
    }

    @Test
    void namesAndNumbersAreAscii() throws Exception {
        rejected(check(BIG + "var x\u00e9: bool = 0;\n"), "7:6", "unexpected character '\u00e9' (U+00E9); names and numbers are ASCII");
        rejected(check(BIG + "var x: 0..\u0663 = 0;\n"), "7:11", "unexpected character '\u0663' (U+0663)");
        rejected(check(BIG + "var x: bool = \u001b[31m1;\n"), "7:15", "unexpected character (U+001B)");
    }

    @Test
    void aFileThatIsNotUtf8IsADiagnosticAtTheBadByte() throws Exception {
        Path f = dir.resolve("m.entry");
        byte[] head = (BIG + "// caf").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xe9; // Latin-1 e-acute
        bytes[head.length + 1] = '\n';
        bytes[head.length + 2] = 'x';
        Files.write(f, bytes);
        Cli r = Cli.run("check", f.toString());
        assertEquals(2, r.exitCode(), r.both());
        assertTrue(r.err().contains(f + ":7:7: error: invalid UTF-8 (byte 0xE9): model files are UTF-8 text"), r.both());
        assertTrue(r.err().contains("  // caf\n        ^"), r.both());
        assertFalse(r.err().contains("MalformedInput"), r.both());
    }

    @Test
    void aVeryLongLineIsShownAroundTheColumn() throws Exception {
        String pad = "/*" + "x".repeat(100_000) + "*/";
        Cli r = check(BIG + pad + " var y: bool = $;\n");
        assertEquals(2, r.exitCode(), r.both());
        String[] lines = r.err().split("\n");
        assertTrue(lines.length >= 3, r.both());
        assertTrue(lines[1].length() < 200 && lines[1].startsWith("  ...") && lines[1].endsWith("= $;"), lines[1]);
        assertEquals(lines[1].indexOf('$'), lines[2].indexOf('^'), "the caret is under the column");
    }
}
