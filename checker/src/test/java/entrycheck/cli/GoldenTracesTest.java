package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Checker;
import entrycheck.engine.Verdict;
import entrycheck.ir.Program;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.TraceFiles;
import entrycheck.trace.TraceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden traces: the text rendering (no colour, the default variables) of the shortest trace of
 * a bug variant's expected violation is compared with a checked-in file,
 * {@code src/test/resources/golden/<model>.<property>.txt} (the trace file's name with .txt).
 * A change of the model, the engine's search order or the text renderer shows up as a diff in
 * the failure message.
 *
 * <p>When the change is intended, regenerate the files and review them with git diff:
 * <pre>mvn -B -o verify -pl checker -am -Dtest=GoldenTracesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true</pre>
 */
class GoldenTracesTest {
    static final Path DIR = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "b1-nmi-iret, frame-intact",
        "b2-db-ist-clobber, frame-intact",
        "b4-mce-bare-nmi-enter, lockdep-consistent",
        "b6-pkrs-by-value, pkrs-restored",
        "b8-percpu-exit-rcu, rcu-balanced",
    })
    void theTextTraceIsTheGoldenOne(String variant, String property) throws Exception {
        String model = "x86_64/bugs/" + variant;
        Program program = ModelLoader.load(model, Map.of());
        CheckResult r = Checker.check(program, new CheckOptions(Set.of(property), 0, null, 1));
        assertEquals(1, r.properties().size());
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, r.properties().get(0).verdict(), model);
        String text = TraceText.render(v.trace(), TraceText.Options.plain());
        Path golden = DIR.resolve(TraceFiles.fileName(model, property).replaceFirst("\\.json$", ".txt"));
        assertMatchesGolden(golden, text);
    }

    /**
     * Fails with a unified diff (golden -> actual) when {@code actual} differs from the file;
     * with -Dgolden.update=true writes the file instead.
     */
    static void assertMatchesGolden(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        String how = "\nIf the change is intended, regenerate the golden files and review them with git diff:\n"
                + "  mvn -B -o verify -pl checker -am -Dtest=GoldenTracesTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";
        if (!Files.exists(golden)) Assertions.fail("no golden file " + golden.toAbsolutePath() + how);
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (expected.equals(actual)) return;
        List<String> a = Arrays.asList(expected.split("\n", -1));
        List<String> b = Arrays.asList(actual.split("\n", -1));
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(golden.toString(), "actual", a, DiffUtils.diff(a, b), 3);
        Assertions.fail("the trace differs from " + golden + ":\n" + String.join("\n", diff) + "\n" + how);
    }
}
