package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --json FILE}, and several models checked at the same time: the report comes in
 * the order of the models and says the same as one model at a time ({@code --threads 1}).
 */
@Tag("e2e")
class CheckJsonAndParallelTest {

    /** A counter 0..MAX that wraps; {@code small} (x < 2) is violated after 2 steps. */
    private static String counter(int max, String extra) {
        return String.join("\n",
                "const MAX = " + max + ";",
                "var x: 0..MAX = 0;",
                "var y: 0..MAX = 0;",
                "rule inc x < MAX ==> { x = x + 1; }",
                "rule incy y < MAX ==> { y = y + 1; }",
                "rule reset x == MAX ==> { x = 0; }",
                "property small \"x stays below 2\" = invariant x < 2;",
                "property bounded \"x stays in range\" = invariant x <= MAX;",
                extra, "");
    }

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static JsonNode read(Path p) throws IOException { return new ObjectMapper().readTree(p.toFile()); }

    @Test
    void jsonHasEveryModelPropertyAndTraceFile() throws IOException {
        String bug = write("bug.entry", counter(3, "expect violated small;"));
        String fail = write("fail.entry", counter(4, ""));
        Path json = dir.resolve("out/results.json");
        Files.createDirectories(json.getParent());
        Path traces = dir.resolve("traces");
        CliRun r = CliRun.run("check", bug, fail, "--json", json.toString(), "--trace-out", traces.toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());

        JsonNode root = read(json);
        assertEquals("entrycheck-check", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        assertEquals(ExitCodes.FAILED, root.get("exitCode").asInt());
        JsonNode models = root.get("models");
        assertEquals(2, models.size());

        JsonNode m = models.get(0);
        assertTrue(m.get("model").asText().contains("bug"), m.toString());
        assertTrue(m.get("checked").asBoolean());
        assertEquals(0, m.get("exitCode").asInt());
        assertTrue(m.get("complete").asBoolean());
        assertEquals(16, m.get("states").asLong());
        assertEquals(16 + 12, m.get("transitions").asLong()); // inc or reset in every state, incy while y < 3
        assertEquals(6, m.get("depth").asInt());
        assertTrue(m.get("timeMillis").asLong() >= 0);
        JsonNode small = m.get("properties").get(0);
        assertEquals("small", small.get("name").asText());
        assertEquals("VIOLATED", small.get("expect").asText());
        assertEquals("violated", small.get("verdict").asText());
        assertEquals("EXPECTED_VIOLATION", small.get("outcome").asText());
        assertTrue(small.get("ok").asBoolean());
        assertEquals(2, small.get("traceSteps").asInt());
        Path traceFile = Path.of(small.get("traceFile").asText());
        assertTrue(Files.isRegularFile(traceFile), traceFile.toString());
        assertTrue(traceFile.startsWith(traces));
        JsonNode bounded = m.get("properties").get(1);
        assertEquals("holds", bounded.get("verdict").asText());
        assertEquals("HOLDS", bounded.get("expect").asText());
        assertTrue(bounded.get("ok").asBoolean());
        assertFalse(bounded.has("traceSteps"));

        JsonNode f = models.get(1);
        assertEquals(1, f.get("exitCode").asInt());
        JsonNode failed = f.get("properties").get(0);
        assertEquals("FAIL_EXPECTED_TO_HOLD", failed.get("outcome").asText());
        assertFalse(failed.get("ok").asBoolean());
        assertEquals(25, f.get("states").asLong());
        try (Stream<Path> left = Files.list(json.getParent())) {
            assertEquals(List.of(json), left.toList(), "only the results file, no temporary file");
        }
    }

    @Test
    void skippedModelsAreInTheJsonFile() throws IOException {
        String a = write("a.entry", counter(3, "expect violated small;"));
        String b = write("b.entry", "var z: 0..1 = 0;\nrule flip true ==> { z = 1 - z; }\nproperty other = invariant z <= 1;\n");
        Path json = dir.resolve("r.json");
        CliRun r = CliRun.run("check", a, b, "-p", "other", "--json", json.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.both());
        JsonNode models = read(json).get("models");
        assertFalse(models.get(0).get("checked").asBoolean());
        assertTrue(models.get(0).get("reason").asText().startsWith("skipped"));
        assertTrue(models.get(1).get("checked").asBoolean());
    }

    @Test
    void unwritableJsonFileExits2() throws IOException {
        String a = write("a.entry", counter(3, "expect violated small;"));
        String notADirectory = write("plain-file", "");
        CliRun r = CliRun.run("check", a, "--json", Path.of(notADirectory, "r.json").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains("cannot write"), r.both());
        assertFalse(r.both().contains("Exception"), r.both());
    }

    @Test
    void modelsCheckedAtOnceReportInOrderAndAsOneAtATime() throws IOException {
        List<String> args = new ArrayList<>(List.of("check"));
        // sizes out of order, so that later models tend to finish first
        int[] sizes = {40, 2, 30, 3, 20, 4, 10, 5};
        for (int i = 0; i < sizes.length; i++) {
            args.add(write("m" + i + ".entry", counter(sizes[i], i % 2 == 0 ? "expect violated small;" : "")));
        }
        List<String> sequential = new ArrayList<>(args);
        sequential.add("--threads=1");
        List<String> parallel = new ArrayList<>(args);
        parallel.add("--threads=4");
        CliRun one = CliRun.run(sequential.toArray(new String[0]));
        CliRun many = CliRun.run(parallel.toArray(new String[0]));
        assertEquals(ExitCodes.FAILED, one.exitCode(), one.both());
        assertEquals(one.exitCode(), many.exitCode());
        assertEquals(withoutTimes(one.out()), withoutTimes(many.out()));
        int last = -1;
        for (int i = 0; i < sizes.length; i++) {
            int at = many.out().indexOf("m" + i + ".entry: ");
            assertTrue(at > last, "model " + i + " out of order:\n" + many.out());
            last = at;
        }
        assertTrue(many.out().contains("summary: 8 models, 32 properties: 28 ok, 4 failed"), many.out());
    }

    @Test
    void timingsGoToStderr() throws IOException {
        String a = write("a.entry", counter(3, "expect violated small;"));
        CliRun r = CliRun.run("check", a, "--timings");
        assertEquals(ExitCodes.OK, r.exitCode(), r.both());
        assertTrue(r.err().matches("(?s)timings: jvm=\\d+ cli=\\d+ load=\\d+ check=\\d+ output=\\d+ total=\\d+\n"
                + "timings: model=\\S+ load=\\d+ compile=\\d+ explore=\\d+\n"), r.both());
        assertFalse(r.out().contains("timings"), r.both());
    }

    /** The report without the times and rates, which differ between runs. */
    private static String withoutTimes(String out) {
        return out.replaceAll(", [0-9.]+ s \\([0-9]+ states/s\\)", "");
    }
}
