package entrycheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.lang.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestParserTest {
    static final List<String> BUNDLED = List.of("bench/big", "x86_64/mainline", "x86_64/pks-aux",
            "x86_64/bugs/b1-nmi-iret", "x86_64/bugs/b2-db-ist-clobber");

    static Manifest parse(Path dir, String text) throws ModelException {
        return ManifestParser.parse(dir.resolve("m.yaml"), text, BUNDLED);
    }

    static String errorOf(Path dir, String text) {
        ModelException e = assertThrows(ModelException.class, () -> parse(dir, text));
        return e.diagnostics().get(0).format();
    }

    @Test
    void globsNamesAndDefaultsResolve(@TempDir Path dir) throws Exception {
        Manifest m = parse(dir, """
                defaults:
                  time-limit: 5m
                  max-states: 1_000_000
                jobs:
                  - name: designs
                    models: ["x86_64/*"]
                  - name: bugs
                    models: [x86_64/bugs/*]
                    exclude: [x86_64/bugs/b2-*]
                    properties: [frame-intact]
                  - name: everything
                    models: ["**"]
                    constants: {N: 3}
                    time-limit: 30s
                """);
        assertEquals(List.of("x86_64/mainline", "x86_64/pks-aux"), m.jobs().get(0).models());
        assertEquals(List.of("x86_64/bugs/b1-nmi-iret"), m.jobs().get(1).models());
        assertEquals(List.of("frame-intact"), m.jobs().get(1).properties());
        assertEquals(5, m.jobs().get(2).models().size());
        assertEquals(Duration.ofMinutes(5), m.jobs().get(0).timeLimit());
        assertEquals(Duration.ofSeconds(30), m.jobs().get(2).timeLimit());
        assertEquals(1_000_000, m.jobs().get(0).maxStates());
        assertEquals(3, m.jobs().get(2).constants().get("N"));
        assertEquals(8, m.units().size());
        assertEquals("designs/x86_64/mainline", m.units().get(0).id());
    }

    @Test
    void aPathRelativeToTheManifestIsAModel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.entry"), "var x: bool;\n");
        Manifest m = parse(dir, "jobs:\n  - models: [mine.entry]\n");
        assertEquals(List.of(dir.resolve("mine.entry").toAbsolutePath().normalize().toString()), m.jobs().get(0).models());
    }

    @Test
    void unknownKeyIsReportedAtItsLineAndColumn(@TempDir Path dir) {
        String msg = errorOf(dir, "jobs:\n  - models: [bench/big]\n    max-state: 10\n");
        assertTrue(msg.startsWith(dir.resolve("m.yaml") + ":3:5: error: unknown key 'max-state' in job"), msg);
        assertTrue(msg.contains("    max-state: 10\n"), msg);
    }

    @Test
    void unknownModelAndBadGlobAndBadValuesAreErrorsWithPositions(@TempDir Path dir) {
        assertTrue(errorOf(dir, "jobs:\n  - models: [x86_64/nope]\n").contains("m.yaml:2:14: error: unknown model 'x86_64/nope'"));
        assertTrue(errorOf(dir, "jobs:\n  - models: [arm64/*]\n").contains("m.yaml:2:14: error: pattern 'arm64/*' matches no bundled model"));
        assertTrue(errorOf(dir, "jobs:\n  - models: [bench/big]\n    time-limit: soon\n").contains("m.yaml:3:17: error: bad duration 'soon'"));
        assertTrue(errorOf(dir, "jobs:\n  - models: [bench/big]\n    engine: smt\n").contains("m.yaml:3:13: error: unknown engine 'smt'"));
        assertTrue(errorOf(dir, "jobz: []\n").contains("m.yaml:1:1: error: unknown key 'jobz' in manifest"));
        assertTrue(errorOf(dir, "jobs:\n  - models: [bench/big\n").contains("m.yaml:3:1: error: not valid YAML"));
        assertTrue(errorOf(dir, "jobs:\n  - name: a\n    models: [bench/big]\n  - name: a\n    models: [bench/big]\n")
                .contains("m.yaml:4:5: error: duplicate job name 'a'"));
    }

    @Test
    void globSyntax() {
        assertTrue(ManifestParser.glob("x86_64/*").matcher("x86_64/mainline").matches());
        assertTrue(!ManifestParser.glob("x86_64/*").matcher("x86_64/bugs/b1").matches());
        assertTrue(ManifestParser.glob("x86_64/**").matcher("x86_64/bugs/b1").matches());
        assertTrue(ManifestParser.glob("b?").matcher("b1").matches());
        assertTrue(!ManifestParser.glob("a.b").matcher("axb").matches(), "dots are literal");
    }
}
