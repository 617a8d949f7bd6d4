package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import entrycheck.trace.AtomicFile;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Clean failure (docs/RELIABILITY.md): {@code --max-states} and {@code --time-limit} stop the
 * run with exit 3 and the statistics so far, and leave no truncated output file behind: the
 * trace files of violations found before the stop are whole JSON documents, batch reports
 * are well-formed, no temporary file remains, and a write that fails half-way leaves the old
 * file (or none). The memory budget ({@code --memory}, or the default share of a small real
 * heap) and a real SIGINT stop the same way. In every case the checkpoint written at the stop
 * is whole: it resumes.
 */
class CleanStopTest {
    @TempDir
    Path dir;

    /**
     * 8^N * 2 states (N = 6: 524,288); the assertion early-bug fails at depth 3 and is expected
     * to; the other properties hold, but only a full search can tell.
     */
    private static final String MODEL = "const N = 6;\nvar a: array [N] of 0..7 = 0;\nvar hit: bool = 0;\n"
            + "rule inc(i: 0..N-1) a[i] < 7 ==> { a[i] = a[i] + 1; }\n"
            + "rule early a[0] == 2 && !hit ==> { assert a[0] != 2 as early-bug; hit = 1; }\n"
            + "property early-bug \"found quickly\" = assertion;\n"
            + "property bounded = invariant a[0] <= 7;\n"
            + "end when true;\nexpect violated early-bug;\n";

    private static final Pattern STATS = Pattern.compile("(?m)^(.*): (\\d+) states, (\\d+) transitions, depth (\\d+), ");

    private Path model(int n) throws IOException {
        Path f = dir.resolve("limits.entry");
        Files.writeString(f, MODEL.replace("const N = 6;", "const N = " + n + ";"), StandardCharsets.UTF_8);
        return f;
    }

    /** The statistics line: states, transitions, depth. */
    private static long[] stats(Cli r) {
        Matcher m = STATS.matcher(r.out());
        assertTrue(m.find(), "statistics printed:\n" + r.both());
        return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    /** No temporary or partial file anywhere under {@code d}. */
    private static void noLeftovers(Path d) throws IOException {
        if (!Files.exists(d)) return;
        try (Stream<Path> s = Files.walk(d)) {
            List<Path> tmp = s.filter(p -> p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().startsWith(".")).toList();
            assertEquals(List.of(), tmp, "temporary files left behind");
        }
    }

    /** Every .json file under {@code d} is a whole trace document. */
    private static int wholeTraces(Path d) throws Exception {
        int n = 0;
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                TraceDocument doc = TraceJson.read(Files.readString(p, StandardCharsets.UTF_8));
                assertFalse(doc.steps().isEmpty(), p.toString());
                n++;
            }
        }
        return n;
    }

    @Test
    void maxStatesStopsWithExit3AndStatistics() throws Exception {
        Path traces = dir.resolve("traces");
        Path ck = dir.resolve("ck");
        Path m = model(5);
        Cli r = Cli.run("check", "--max-states", "2000", "--trace-out", traces.toString(), "--checkpoint", ck.toString(), m.toString());
        assertEquals(3, r.exitCode(), r.both());
        long[] s = stats(r);
        assertEquals(2000, s[0], "states so far");
        assertTrue(s[1] > 2000 && s[2] > 3, r.both());
        assertTrue(r.out().contains("search stopped early: max states 2000"), r.both());
        assertTrue(r.out().matches("(?s).*VIOLATED\\s+early-bug\\s+ok \\(expected violation\\).*"), r.both());
        assertTrue(r.out().matches("(?s).*incomplete\\s+bounded.*"), r.both());
        assertEquals(1, wholeTraces(traces), "the trace of the violation found before the stop");
        noLeftovers(traces);
        noLeftovers(ck);
        // the checkpoint is whole: resuming it ends exactly like an uninterrupted run
        Cli whole = Cli.run("check", m.toString());
        Cli resumed = Cli.run("check", "--resume", ck.toString(), m.toString());
        assertEquals(0, resumed.exitCode(), resumed.both());
        assertEquals(stats(whole)[0], stats(resumed)[0], resumed.both());
        assertEquals(stats(whole)[1], stats(resumed)[1], resumed.both());
        assertEquals(stats(whole)[2], stats(resumed)[2], resumed.both());
    }

    @Test
    void timeLimitStopsWithExit3AndStatistics() throws Exception {
        Path traces = dir.resolve("traces");
        Path ck = dir.resolve("ck");
        Path m = model(8);
        Cli r = Cli.run("check", "--time-limit", "300ms", "--trace-out", traces.toString(), "--checkpoint", ck.toString(), m.toString());
        assertEquals(3, r.exitCode(), r.both());
        long[] s = stats(r);
        assertTrue(s[0] > 0 && s[0] < (1L << 25), r.both());
        assertTrue(r.out().contains("search stopped early: time limit 300ms"), r.both());
        assertTrue(r.out().matches("(?s).*incomplete\\s+bounded.*"), r.both());
        assertWholeFilesAndResumable(r, traces, ck, m);
    }

    @Test
    void batchReportsAreWholeWhenLimitsStopTheSearches() throws Exception {
        Path m = model(7);
        Path manifest = dir.resolve("limits.yaml");
        Files.writeString(manifest, "jobs:\n"
                + "  - name: by-states\n    models: [" + m + "]\n    max-states: 3000\n"
                + "  - name: by-time\n    models: [" + m + "]\n    time-limit: 300ms\n");
        Path junit = dir.resolve("out/report.xml");
        Path json = dir.resolve("out/summary.json");
        Path traces = dir.resolve("traces");
        Cli r = Cli.run("batch", manifest.toString(), "--workers", "1", "--junit", junit.toString(), "--json", json.toString(),
                "--trace-out", traces.toString());
        assertEquals(3, r.exitCode(), r.both());
        assertTrue(r.out().contains("incomplete"), r.both());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertTrue(xml.getElementsByTagName("testcase").getLength() >= 2 * 4, "one testcase per job, model and property");
        assertTrue(Files.readString(junit).contains("incomplete"), "the stop is in the report");
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, summary.path("exitCode").asInt(-1), summary.toString());
        assertEquals(2, wholeTraces(traces), "one trace per job: early-bug, found before each stop");
        noLeftovers(dir.resolve("out"));
        noLeftovers(traces);
    }

    @Test
    void memoryBudgetStopsWithExit3AndAResumableCheckpoint() throws Exception {
        Path m = model(5); // 65,536 states
        Cli whole = Cli.run("check", m.toString());
        assertEquals(0, whole.exitCode(), whole.both());
        Path traces = dir.resolve("traces");
        Path ck = dir.resolve("ck");
        Cli r = Cli.run("check", "--memory", "100k", "--trace-out", traces.toString(), "--checkpoint", ck.toString(), m.toString());
        assertEquals(3, r.exitCode(), r.both());
        assertTrue(r.out().contains("search stopped early: memory budget"), r.both());
        assertTrue(stats(r)[0] < stats(whole)[0], r.both());
        assertEquals(1, wholeTraces(traces));
        noLeftovers(traces);
        noLeftovers(ck);
        // the checkpoint is whole: resuming it ends exactly like the uninterrupted run
        Cli resumed = Cli.run("check", "--resume", ck.toString(), m.toString());
        assertEquals(0, resumed.exitCode(), resumed.both());
        assertEquals(stats(whole)[0], stats(resumed)[0], resumed.both());
        assertEquals(stats(whole)[1], stats(resumed)[1], resumed.both());
    }

    /**
     * A real SIGINT to a real entrycheck process (this JVM's classpath, Main): exit 3, the
     * statistics so far, whole trace and checkpoint files. The signal is sent once the first
     * checkpoint exists, so the search (and its handler) is surely running.
     */
    @Test
    void sigintStopsWithExit3AndWholeFiles() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/bin/kill").canExecute()
                || new java.io.File("/usr/bin/kill").canExecute(), "no kill command");
        Signals.assumeSigintDeliverable("CleanStopTest.sigintStopsWithExit3AndWholeFiles");
        // a chain of 2 states per BFS level and 2 billion levels: runs until stopped, and a
        // level ends (and the periodic checkpoint can be written) every few microseconds. On the
        // wide model(9) a level takes seconds, and on a loaded machine the memory budget
        // stopped the run before the first checkpoint was due.
        Path m = dir.resolve("chain.entry");
        Files.writeString(m, "var x: 0..2000000000 = 0;\nvar hit: bool = 0;\n"
                + "rule inc x < 2000000000 ==> { x = x + 1; }\n"
                + "rule early x == 2 && !hit ==> { assert x != 2 as early-bug; hit = 1; }\n"
                + "property early-bug \"found quickly\" = assertion;\n"
                + "property bounded = invariant x >= 0;\n"
                + "end when true;\nexpect violated early-bug;\n", StandardCharsets.UTF_8);
        Path traces = dir.resolve("traces");
        Path ck = dir.resolve("ck");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = entrycheck("-Xmx512m", out, err,
                "check", "--trace-out", traces.toString(), "--checkpoint", ck.toString(), "--checkpoint-interval", "1s", m.toString());
        try {
            for (int i = 0; i < 1200 && p.isAlive() && !Files.exists(ck.resolve("checkpoint.bin")); i++) Thread.sleep(100);
            assertTrue(p.isAlive(), "still searching when signalled: " + Files.readString(out) + Files.readString(err));
            assertTrue(Files.exists(ck.resolve("checkpoint.bin")), "a first checkpoint");
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "stopped after SIGINT");
        } finally {
            p.destroyForcibly();
        }
        Cli r = new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
        assertEquals(3, r.exitCode(), r.both());
        assertTrue(r.out().contains("search stopped early: interrupted"), r.both());
        assertTrue(r.err().contains("interrupted"), r.both());
        assertTrue(stats(r)[0] > 0, r.both());
        assertWholeFilesAndResumable(r, traces, ck, m);
    }

    /** A separate entrycheck process (this JVM's classpath, Main, the launcher's collector) with the heap {@code xmx}. */
    private static Process entrycheck(String xmx, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                xmx, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), "entrycheck.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /**
     * A real small heap without {@code --memory}, with the launcher's collector: the default
     * budget stops the search before the JVM runs out of memory (an OutOfMemoryError would be
     * exit 70; it was, with -Xmx64m, before {@code MemoryBudget.RESERVE}). Exit 3, the
     * statistics so far, a whole trace file and a checkpoint that resumes.
     */
    @Test
    void aSmallHeapStopsAtTheDefaultMemoryBudget() throws Exception {
        Path m = model(9); // 268 million states: far more than 48 MB hold
        Path traces = dir.resolve("traces");
        Path ck = dir.resolve("ck");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = entrycheck("-Xmx48m", out, err, "check", "--trace-out", traces.toString(), "--checkpoint", ck.toString(), m.toString());
        try {
            assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "stopped by itself");
        } finally {
            p.destroyForcibly();
        }
        Cli r = new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
        assertEquals(3, r.exitCode(), r.both());
        assertTrue(r.out().contains("search stopped early: memory budget"), r.both());
        assertFalse(r.both().contains("out of memory"), r.both());
        assertTrue(stats(r)[0] > 10_000, "it got somewhere: " + r.both());
        assertWholeFilesAndResumable(r, traces, ck, m);
    }

    /**
     * After a stop: one whole trace file, no temporary file, and a checkpoint that a resumed run
     * accepts and continues from the states already stored (one more state, then max-states).
     */
    private static void assertWholeFilesAndResumable(Cli stopped, Path traces, Path ck, Path m) throws Exception {
        assertEquals(1, wholeTraces(traces), "the trace of the violation found before the stop");
        noLeftovers(traces);
        noLeftovers(ck);
        long states = stats(stopped)[0];
        Cli resumed = Cli.run("check", "--resume", ck.toString(), "--max-states", Long.toString(states + 1), m.toString());
        assertEquals(3, resumed.exitCode(), "the checkpoint is accepted: " + resumed.both());
        assertEquals(states + 1, stats(resumed)[0], resumed.both());
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFile() throws Exception {
        Path f = dir.resolve("report.xml");
        AtomicFile.write(f, "<old/>");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, w -> {
            w.write("<new>");
            w.write("x".repeat(1 << 20));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("<old/>", Files.readString(f));
        noLeftovers(dir);

        Path g = dir.resolve("never.json");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(g, w -> {
            w.write("{");
            throw new IllegalStateException("stopped");
        }));
        assertFalse(Files.exists(g), "no partial file");
        noLeftovers(dir);
    }
}
