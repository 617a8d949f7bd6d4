package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.trace.TraceJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code entrycheck batch}: reports, determinism, shards, manifest errors; through the real loader and engine. */
@Tag("e2e")
class BatchEndToEndTest {

    /** 4 states; 'small' is violated after 2 steps, 'bounded' holds. */
    private static final String COUNTER = String.join("\n",
            "const MAX = 3;",
            "var x: 0..MAX = 0;",
            "rule inc x < MAX ==> { x = x + 1; }",
            "rule reset x == MAX ==> { x = 0; }",
            "property small \"x stays below 2\" = invariant x < 2;",
            "property bounded \"x stays in range\" = invariant x <= MAX;",
            "");

    @TempDir
    Path dir;

    private Path manifest() throws IOException {
        Files.writeString(dir.resolve("bug.entry"), COUNTER + "expect violated small;\n");
        Files.writeString(dir.resolve("broken.entry"), COUNTER);
        Files.writeString(dir.resolve("fine.entry"), COUNTER.replace("invariant x < 2", "invariant x < 4"));
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, """
                jobs:
                  - name: expected
                    models: [bug.entry, fine.entry]
                  - name: regress
                    models: [broken.entry]
                  - name: deeper
                    models: [fine.entry]
                    constants: {MAX: 2}
                """);
        return m;
    }

    private static Document xml(Path f) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    }

    @Test
    void junitReportIsWellFormedWithCountsThatMatchAndFailuresCarryTheTrace() throws Exception {
        Path m = manifest();
        Path junit = dir.resolve("j.xml");
        Path json = dir.resolve("s.json");
        CliRun r = CliRun.run("batch", m.toString(), "--junit", junit.toString(), "--json", json.toString(),
                "--trace-out", dir.resolve("traces").toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.both());
        Document d = xml(junit);
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(16, cases.getLength(), "4 models x 4 properties (small, bounded, domain, no-deadlock)");
        assertEquals("16", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("0", root.getAttribute("errors"));
        NodeList failures = d.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failed = (Element) failures.item(0).getParentNode();
        assertTrue(failed.getAttribute("classname").startsWith("regress."), failed.getAttribute("classname"));
        assertEquals("small", failed.getAttribute("name"));
        String body = failures.item(0).getTextContent();
        assertTrue(body.contains("small violated after 2 steps"), body);
        assertTrue(body.contains("trace file: "), body);
        String traceFile = body.substring(body.indexOf("trace file: ") + 12).trim();
        assertEquals("small", TraceJson.read(Files.readString(Path.of(traceFile))).property().name());
        assertTrue(r.out().contains("FAILED: small"), r.out());
        String summary = Files.readString(json);
        assertTrue(summary.contains("\"exitCode\" : 1"), summary);
    }

    @Test
    void twoRunsGiveIdenticalReportsExceptTimings() throws Exception {
        Path m = manifest();
        List<String> junit = new ArrayList<>();
        List<String> json = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path j = dir.resolve("j" + i + ".xml");
            Path s = dir.resolve("s" + i + ".json");
            CliRun.run("batch", m.toString(), "--junit", j.toString(), "--json", s.toString());
            junit.add(Files.readString(j).replaceAll("time=\"[0-9.]+\"", "time=\"T\""));
            json.add(Files.readString(s).replaceAll("\"timeMillis\" : [0-9]+", "\"timeMillis\" : T"));
        }
        assertEquals(junit.get(0), junit.get(1));
        assertEquals(json.get(0), json.get(1));
    }

    @Test
    void shardsTogetherHoldExactlyTheTestcasesOfTheFullRun() throws Exception {
        Path m = manifest();
        CliRun.run("batch", m.toString(), "--junit", dir.resolve("all.xml").toString());
        List<String> all = testcases(dir.resolve("all.xml"));
        List<String> union = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Path f = dir.resolve("shard" + k + ".xml");
            CliRun.run("batch", m.toString(), "--shard", k + "/3", "--junit", f.toString());
            List<String> part = testcases(f);
            for (String t : part) assertFalse(union.contains(t), "testcase " + t + " in two shards");
            union.addAll(part);
        }
        union.sort(null);
        all.sort(null);
        assertEquals(all, union);
        assertEquals(16, all.size());
    }

    private static List<String> testcases(Path f) throws Exception {
        NodeList cases = xml(f).getElementsByTagName("testcase");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            out.add(e.getAttribute("classname") + "#" + e.getAttribute("name"));
        }
        return out;
    }

    @Test
    void manifestErrorsExit2WithFileAndLine() throws Exception {
        Path m = dir.resolve("bad.yaml");
        Files.writeString(m, "jobs:\n  - models: [nope.entry]\n");
        CliRun r = CliRun.run("batch", m.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        assertTrue(r.err().contains(m + ":2:14: error: unknown model 'nope.entry'"), r.err());
        assertFalse(r.both().contains("Exception"), r.both());

        Files.writeString(m, "jobs:\n  - models: [x]\n    retries: 3\n");
        CliRun r2 = CliRun.run("batch", m.toString());
        assertEquals(ExitCodes.USAGE, r2.exitCode());
        assertTrue(r2.err().contains(m + ":3:5: error: unknown key 'retries'"), r2.err());

        CliRun r3 = CliRun.run("batch", m.toString(), "--shard", "3/2");
        assertEquals(ExitCodes.USAGE, r3.exitCode());
        assertTrue(r3.err().contains("--shard"), r3.err());
    }

    @Test
    void aModelThatDoesNotLoadIsAnErrorTestcase() throws Exception {
        Files.writeString(dir.resolve("syntax.entry"), "var x: 0..3 = 0\nrule r x < 3 ==> { x = x + 1; }\n");
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "jobs:\n  - models: [syntax.entry]\n");
        Path junit = dir.resolve("j.xml");
        CliRun r = CliRun.run("batch", m.toString(), "--junit", junit.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.both());
        Document d = xml(junit);
        assertEquals(1, d.getElementsByTagName("error").getLength());
        assertEquals("load", ((Element) d.getElementsByTagName("testcase").item(0)).getAttribute("name"));
        assertTrue(r.out().contains("syntax.entry:2:1: error:"), r.out());
    }
}
