package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.lang.ModelLoader;
import entrycheck.properties.PropertyLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entrycheck check} through the real model loader and BFS engine, on small rule models
 * written to a temporary directory (docs/LANGUAGE.md section 10).
 */
@Tag("e2e")
class CheckEndToEndTest {

    /** x counts 0..MAX and wraps: 4 states, 4 transitions; x < 2 is violated after 2 steps. */
    private static final String COUNTER = String.join("\n",
            "// a counter for the command-line tests",
            "const MAX = 3;",
            "var x: 0..MAX = 0;",
            "rule inc x < MAX ==> { x = x + 1; }",
            "rule reset x == MAX ==> { x = 0; }",
            "property small \"x stays below 2\" = invariant x < 2;",
            "property bounded \"x stays in range\" = invariant x <= MAX;",
            "");

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static void assertNoJavaInternals(CliRun r) {
        assertFalse(r.both().contains("Exception"), r.both());
        assertFalse(r.both().contains("at entrycheck."), r.both());
    }

    @Test
    void violationOfAPropertyExpectedToHoldExits1WithTrace() throws IOException {
        CliRun r = CliRun.run("check", write("counter.entry", COUNTER));
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());
        assertTrue(r.out().contains(": 4 states, 4 transitions, depth "), r.both());
        assertTrue(r.out().matches("(?s).*\n  VIOLATED +small +FAIL: expected to hold\n.*"), r.both());
        assertTrue(r.out().matches("(?s).*\n  holds +bounded +ok\n.*"), r.both());
        assertTrue(r.out().contains("counterexample for small: 2 steps"), r.both());
        assertTrue(r.out().contains("x: 0 -> 1\n"), r.both());
        assertTrue(r.out().contains("x: 1 -> 2\n"), r.both());
        assertTrue(r.out().contains("violated small"), r.both());
        assertEquals("", r.err(), r.both());
    }

    @Test
    void expectedViolationExits0() throws IOException {
        String model = write("counter.entry", COUNTER + "expect violated small;\n");
        CliRun r = CliRun.run("check", model);
        assertEquals(ExitCodes.OK, r.exitCode(), r.both());
        assertTrue(r.out().matches("(?s).*\n  VIOLATED +small +ok \\(expected violation\\)\n"
                + "    shortest trace: 2 steps\n.*"), r.both());
        assertFalse(r.out().contains("counterexample"), r.both());

        CliRun verbose = CliRun.run("check", "-v", model);
        assertEquals(ExitCodes.OK, verbose.exitCode(), verbose.both());
        assertTrue(verbose.out().contains("counterexample for small: 2 steps"), verbose.both());

        CliRun ignoring = CliRun.run("check", "--ignore-expectations", model);
        assertEquals(ExitCodes.FAILED, ignoring.exitCode(), ignoring.both());
        assertTrue(ignoring.out().contains("FAIL: violated"), ignoring.both());
        assertTrue(ignoring.out().contains("counterexample for small: 2 steps"), ignoring.both());
    }

    @Test
    void expectedViolationNotFoundExits1() throws IOException {
        CliRun r = CliRun.run("check", write("counter.entry", COUNTER + "expect violated bounded;\n"),
                "-p", "bounded");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());
        assertTrue(r.out().contains("FAIL: expected violation not found"), r.both());
        assertFalse(r.out().contains("small"), "-p restricts the properties\n" + r.both());
    }

    @Test
    void stateLimitMakesTheResultIncomplete() throws IOException {
        CliRun r = CliRun.run("check", "--max-states", "1", "-p", "bounded", write("counter.entry", COUNTER));
        assertEquals(ExitCodes.INCOMPLETE, r.exitCode(), r.both());
        assertTrue(r.out().matches("(?s).*\n  incomplete +bounded +unknown.*"), r.both());
    }

    @Test
    void constantOverride() throws IOException {
        String model = write("counter.entry", COUNTER);
        CliRun r = CliRun.run("check", "-D", "MAX=1", model);
        assertEquals(ExitCodes.OK, r.exitCode(), "x never reaches 2 when MAX=1\n" + r.both());
        assertTrue(r.out().contains(": 2 states, 2 transitions, depth "), r.both());

        CliRun unknown = CliRun.run("check", "-D", "NOPE=1", model);
        assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.both());
        assertTrue(unknown.err().contains("NOPE"), unknown.both());
        assertNoJavaInternals(unknown);
    }

    @Test
    void unknownPropertyListsTheModelsProperties() throws IOException {
        CliRun r = CliRun.run("check", "-p", "nosuch", write("counter.entry", COUNTER));
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains("unknown property 'nosuch' in model "), r.both());
        assertTrue(r.err().contains("bounded, "), r.both());
        assertTrue(r.err().contains("small"), r.both());
        assertEquals("", r.out());
    }

    @Test
    void malformedModelExits2WithLocation() throws IOException {
        String model = write("bad.entry", "var x: 0..3 = 0;\nrule inc x < 3 ==> { x = x + ; }\n");
        CliRun r = CliRun.run("check", model);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().matches("(?s)(.*\n)?[^\n]*bad\\.entry:2:\\d+: error: .*"), r.both());
        assertEquals("", r.out(), r.both());
        assertNoJavaInternals(r);
    }

    @Test
    void missingModelFileExits2() {
        CliRun r = CliRun.run("check", dir.resolve("missing.entry").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains("missing.entry"), r.both());
        assertNoJavaInternals(r);
    }

    @Test
    void severalModelsEndWithASummary() throws IOException {
        String a = write("a.entry", COUNTER + "expect violated small;\n");
        String b = write("b.entry", COUNTER);
        CliRun r = CliRun.run("check", a, b);
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());
        assertTrue(r.out().contains("\nsummary: 2 models, "), r.both());
        assertTrue(r.out().matches("(?s).*\n  [^\n]*b\\.entry: small: FAIL: expected to hold\n"), r.both());
    }

    /** {@code -p} selects every property of the imported library (one run of mainline, all thirteen selected). */
    @Test
    void everyLibraryPropertyCanBeSelected() {
        List<String> args = new ArrayList<>(List.of("check", "x86_64/mainline"));
        List<PropertyLibrary.Entry> lib = assertDoesNotThrow(PropertyLibrary::entryInvariants).properties();
        for (PropertyLibrary.Entry e : lib) args.addAll(List.of("-p", e.name()));
        CliRun r = CliRun.run(args.toArray(new String[0]));
        assertEquals(ExitCodes.OK, r.exitCode(), r.both());
        for (PropertyLibrary.Entry e : lib) {
            assertTrue(r.out().matches("(?s).*\n  (holds|VIOLATED) +" + Pattern.quote(e.name()) + " +ok.*"),
                    e.name() + "\n" + r.both());
        }
        assertFalse(r.out().contains("no-deadlock"), r.both());
    }

    @Test
    void listPropertiesOfTheBundledModels() {
        assertFalse(ModelLoader.bundledModels().isEmpty(), "no bundled models");
        CliRun r = CliRun.run("list", "properties");
        assertEquals(ExitCodes.OK, r.exitCode(), r.both());
        String out = r.out();
        assertTrue(out.startsWith("library entry-invariants (import entry-invariants;):\n"), r.both());
        assertTrue(out.matches("(?s).*\n  pkrs-restored +balanced-across-entry +at every return PKRS equals its value when "
                + "the entry interrupted  \\[arch/x86/mm/pkeys\\.c\\]\n.*"), r.both());
        assertTrue(out.matches("(?s).*\nbuilt in:\n  domain .*\n  no-deadlock .*"), r.both());
        assertTrue(out.matches("(?s).*\n  returns-eventually +eventually-returns +every entry eventually returns to the "
                + "code it interrupted  \\[kernel/entry/common\\.c\\]\n.*"), r.both());
        assertTrue(out.matches("(?s).*\ndeclared by bundled models:\n.*  mutex +one process at a time holds the lock  "
                + "\\(bench/big\\)\n.*"), r.both());
        for (PropertyLibrary.Entry e : assertDoesNotThrow(PropertyLibrary::entryInvariants).properties()) {
            assertEquals(1, out.lines().filter(l -> l.startsWith("  " + e.name() + " ")).count(), e.name() + "\n" + out);
            assertTrue(out.contains(e.description() + "  [" + e.source() + "]"), e.name() + "\n" + out);
        }
    }
}
