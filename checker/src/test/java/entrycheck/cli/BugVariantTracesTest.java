package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceFiles;
import entrycheck.trace.TraceJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The counterexample pipeline on every bundled bug variant (issue 4's "done when"):
 * {@code check -v --trace-out DIR} writes one JSON trace per violated property that parses and is
 * the trace printed on the terminal (same steps, same labels, same text); {@code show} renders it
 * as text, json, html and dot (exit 0), the HTML without any http(s) reference; {@code replay}
 * gives 0 on the bug variant, the documented code on its fixed design ({@link #FIXES}, also in
 * docs/TRACE-FORMAT.md), and 2 on a trace with a step edited to something impossible.
 */
class BugVariantTracesTest {

    /**
     * How the trace of an expected violation of a bug variant replays on the fixed design, the
     * design the variant {@code extends}: exit 1 (every step fits and the property holds: the fix
     * works), exit 2 at {@code step} (the variant changes the code that step runs, so its steps
     * do not exist or are not enabled in the fixed design), or exit 0 for a violation the fixed
     * design has too (tracing-consistent is finding F1 of mainline, inherited by every variant).
     * Every property a variant expects to be violated has a row.
     */
    record Fix(String variant, String property, String fixed, int exit, int step) { }

    static final List<Fix> FIXES = List.of(
            new Fix("b1-nmi-iret", "frame-intact", "x86_64/mainline", 2, 2),
            new Fix("b1-nmi-iret", "tracing-consistent", "x86_64/mainline", 0, 0),
            new Fix("b2-db-ist-clobber", "frame-intact", "x86_64/mainline", 2, 25),
            new Fix("b2-db-ist-clobber", "tracing-consistent", "x86_64/mainline", 0, 0),
            new Fix("b3-nmi-irq-lockdep", "lockdep-consistent", "x86_64/mainline", 2, 17),
            new Fix("b3-nmi-irq-lockdep", "tracing-consistent", "x86_64/mainline", 0, 0),
            new Fix("b4-mce-bare-nmi-enter", "lockdep-consistent", "x86_64/mainline", 2, 8),
            new Fix("b4-mce-bare-nmi-enter", "tracing-consistent", "x86_64/mainline", 2, 8),
            new Fix("b5-nmi-count-bit", "preempt-balanced", "x86_64/mainline", 2, 9),
            new Fix("b5-nmi-count-bit", "tracing-consistent", "x86_64/mainline", 0, 0),
            new Fix("b6-pkrs-by-value", "pkrs-restored", "x86_64/pks-irqentry-state", 1, 0),
            new Fix("b6-pkrs-by-value", "tracing-consistent", "x86_64/pks-irqentry-state", 0, 0),
            new Fix("b7-pkrs-nmi-like", "pkrs-restored", "x86_64/pks-irqentry-state", 2, 16),
            new Fix("b7-pkrs-nmi-like", "pkrs-default", "x86_64/pks-irqentry-state", 2, 12),
            new Fix("b7-pkrs-nmi-like", "tracing-consistent", "x86_64/pks-irqentry-state", 2, 10),
            new Fix("b8-percpu-exit-rcu", "rcu-balanced", "x86_64/mainline", 2, 14),
            new Fix("b8-percpu-exit-rcu", "tracing-consistent", "x86_64/mainline", 0, 0),
            new Fix("b9-pkrs-user-path", "pkrs-restored", "x86_64/pks-aux", 1, 0),
            new Fix("b9-pkrs-user-path", "pkrs-default", "x86_64/pks-aux", 1, 0),
            new Fix("b9-pkrs-user-path", "tracing-consistent", "x86_64/pks-aux", 0, 0),
            new Fix("b10-extregs-not-zeroed", "zeroed-init-intact", "x86_64/extended-pt-regs", 2, 10),
            new Fix("b10-extregs-not-zeroed", "tracing-consistent", "x86_64/extended-pt-regs", 2, 7),
            new Fix("b11-extregs-ist-nesting", "frame-intact", "x86_64/extended-pt-regs", 2, 2),
            new Fix("b11-extregs-ist-nesting", "zeroed-init-intact", "x86_64/extended-pt-regs", 2, 2),
            new Fix("b11-extregs-ist-nesting", "rcu-balanced", "x86_64/extended-pt-regs", 2, 7),
            new Fix("b11-extregs-ist-nesting", "tracing-consistent", "x86_64/extended-pt-regs", 0, 0));

    @TempDir
    Path dir;

    static List<String> variants() {
        return ModelLoader.bundledModels().stream().filter(n -> n.startsWith("x86_64/bugs/"))
                .map(n -> n.substring("x86_64/bugs/".length())).collect(Collectors.toList());
    }

    @Test
    void everyExpectedViolationOfEveryVariantHasItsFixedDesign() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String v : variants()) {
            Program p = ModelLoader.load("x86_64/bugs/" + v, Map.of());
            String base = ModelLoader.source("x86_64/bugs/" + v).lines().filter(l -> l.startsWith("model "))
                    .findFirst().orElseThrow().replaceFirst(".* extends ([^;]+);.*", "$1");
            for (Property prop : p.properties()) {
                if (prop.expect() != Property.Expect.VIOLATED) continue;
                Fix f = fix(v, prop.name());
                if (f == null) missing.add(v + " " + prop.name());
                else assertEquals(base, f.fixed(), v + ": the fixed design is the one it extends");
            }
        }
        assertEquals(List.of(), missing, "bug variants' expected violations without a row in FIXES");
        assertEquals(11, variants().size(), variants().toString());
    }

    static Fix fix(String variant, String property) {
        return FIXES.stream().filter(f -> f.variant().equals(variant) && f.property().equals(property)).findFirst().orElse(null);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void tracesOfTheVariantParseRenderAndReplay(String variant) throws Exception {
        String model = "x86_64/bugs/" + variant;
        Path out = dir.resolve("traces");
        CliRun check = CliRun.run("check", "-v", "--trace-out", out.toString(), model);
        assertEquals(ExitCodes.OK, check.exitCode(), check.both());

        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            s.forEach(f -> files.put(f.getFileName().toString(), f));
        }
        Program program = ModelLoader.load(model, Map.of());
        List<String> violated = new ArrayList<>();
        for (String line : check.out().split("\n")) {
            if (line.startsWith("  VIOLATED ")) violated.add(line.trim().split(" +")[1]);
        }
        assertFalse(violated.isEmpty(), check.both());
        assertEquals(violated.size(), files.size(), "one file per violated property: " + files.keySet() + "\n" + check.both());

        for (String prop : violated) {
            Path file = files.get(TraceFiles.fileName(model, prop));
            assertTrue(file != null, prop + ": no trace file among " + files.keySet());
            String json = Files.readString(file);
            TraceDocument doc = TraceJson.read(json);
            assertEquals(prop, doc.property().name());
            assertEquals(model, doc.model());
            assertEquals(program.sourceHash(), doc.sourceHash());

            // the printed trace is the JSON trace: the same text, step by step
            String printed = printedTrace(check.out(), prop);
            CliRun text = CliRun.run("show", file.toString(), "--format", "text");
            assertEquals(ExitCodes.OK, text.exitCode(), text.both());
            assertEquals(printed, text.out(), prop + ": show text differs from the trace check printed");
            String[] lines = printed.split("\n");
            assertTrue(lines[0].equals("counterexample for " + prop + ": " + (doc.steps().size() - 1) + " steps"), lines[0]);
            int at = 1;
            for (int i = 1; i < doc.steps().size(); i++) {
                String head = i + "  ";
                while (at < lines.length && !lines[at].stripLeading().startsWith(head)) at++;
                assertTrue(at < lines.length, prop + ": step " + i + " not printed");
                assertTrue(lines[at].contains(doc.steps().get(i).action()),
                        prop + ": step " + i + " printed as '" + lines[at] + "', JSON action " + doc.steps().get(i).action());
            }

            CliRun asJson = CliRun.run("show", file.toString(), "--format", "json");
            assertEquals(ExitCodes.OK, asJson.exitCode(), asJson.both());
            assertEquals(TraceJson.toJson(doc), TraceJson.toJson(TraceJson.read(asJson.out())), prop + ": JSON round trip");

            Path html = dir.resolve(prop + ".html");
            CliRun asHtml = CliRun.run("show", file.toString(), "--format", "html", "-o", html.toString());
            assertEquals(ExitCodes.OK, asHtml.exitCode(), asHtml.both());
            String page = Files.readString(html);
            assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, Math.min(100, page.length())));
            assertFalse(page.contains("http://"), prop + ": the HTML viewer refers to http://");
            assertFalse(page.contains("https://"), prop + ": the HTML viewer refers to https://");

            CliRun asDot = CliRun.run("show", file.toString(), "--format", "dot");
            assertEquals(ExitCodes.OK, asDot.exitCode(), asDot.both());
            assertTrue(asDot.out().startsWith("digraph"), asDot.out());

            CliRun replay = CliRun.run("replay", file.toString());
            assertEquals(ExitCodes.OK, replay.exitCode(), replay.both());
            assertTrue(replay.out().contains("the trace still violates " + prop + " at step " + (doc.steps().size() - 1)),
                    replay.both());

            Property p = program.property(prop);
            if (p.expect() == Property.Expect.VIOLATED) {
                replayOnFixedDesign(variant, prop, file, doc);
                replayCorrupted(file, doc);
            }
        }
    }

    private static void replayOnFixedDesign(String variant, String prop, Path file, TraceDocument doc) {
        Fix f = fix(variant, prop);
        CliRun r = CliRun.run("replay", file.toString(), "--model", f.fixed());
        assertEquals(f.exit(), r.exitCode(), variant + " " + prop + " on " + f.fixed() + ": " + r.both());
        if (f.exit() == ExitCodes.OK) {
            assertTrue(r.out().contains("the trace still violates " + prop), r.both());
        } else if (f.exit() == ExitCodes.FAILED) {
            assertTrue(r.out().contains("all " + (doc.steps().size() - 1) + " steps fit, and " + prop
                    + " is no longer violated"), r.both());
        } else {
            String named = "the trace does not fit the model: step " + f.step() + " ('" + doc.steps().get(f.step()).action() + "')";
            assertTrue(r.err().contains(named), "expected '" + named + "': " + r.both());
        }
    }

    /** Step k (the middle one) made to fire a step no model has: exit 2, naming step k. */
    private void replayCorrupted(Path file, TraceDocument doc) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        int k = (doc.steps().size() - 1 + 1) / 2;
        ((ObjectNode) root.get("steps").get(k)).put("action", "corrupted: no such step");
        Path bad = dir.resolve("corrupted-" + file.getFileName());
        Files.writeString(bad, mapper.writeValueAsString(root));
        CliRun r = CliRun.run("replay", bad.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains("step " + k + " ('corrupted: no such step'): the model has no step"), r.both());
    }

    /** The trace of {@code prop} as check printed it, without the report's four-space indent. */
    static String printedTrace(String out, String prop) {
        String[] lines = out.split("\n");
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("    counterexample for " + prop + ":")) in = true;
            if (!in) continue;
            b.append(line.substring(4)).append('\n');
            if (line.startsWith("    violated " + prop + ":")) return b.toString();
        }
        throw new AssertionError("no printed trace of " + prop + " in:\n" + out);
    }
}
