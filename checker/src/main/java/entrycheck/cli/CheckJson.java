package entrycheck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import entrycheck.batch.JsonReport;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Expectations;
import entrycheck.engine.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The results file of {@code check --json FILE} (format {@code entrycheck-check}, version 1,
 * docs/CI.md): one entry per model in the order of the report, then written in one go. The
 * same run gives the same bytes except the fields {@code timeMillis} and {@code statesPerSecond}.
 * Jackson is loaded only when the option is given.
 */
final class CheckJson {
    private final boolean ignoreExpectations;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String model, CheckResult result, Map<String, Path> traceFiles, String notChecked) { }

    CheckJson(boolean ignoreExpectations) { this.ignoreExpectations = ignoreExpectations; }

    /** A checked model and the trace files written for its violations (by property name). */
    void add(CheckResult result, Map<String, Path> traceFiles) {
        entries.add(new Entry(result.program().name(), result, traceFiles, null));
    }

    /** A model that was not checked, and why ("skipped (...)", "not checked (interrupted)"). */
    void notChecked(String model, String why) { entries.add(new Entry(model, null, Map.of(), why)); }

    void write(int exitCode, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "entrycheck-check");
            g.writeNumberField("version", 1);
            g.writeNumberField("exitCode", exitCode);
            g.writeArrayFieldStart("models");
            for (Entry e : entries) model(g, e);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private void model(JsonGenerator g, Entry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", e.model());
        if (e.result() == null) {
            g.writeBooleanField("checked", false);
            g.writeStringField("reason", e.notChecked());
            g.writeEndObject();
            return;
        }
        CheckResult r = e.result();
        CheckResult.Statistics s = r.stats();
        List<Expectations.Judged> judged = new ArrayList<>();
        for (CheckResult.PropertyResult pr : r.properties()) judged.add(Expectations.judge(pr, ignoreExpectations));
        g.writeBooleanField("checked", true);
        g.writeNumberField("exitCode", Expectations.exitCode(judged));
        g.writeBooleanField("complete", r.complete());
        if (!r.complete()) g.writeStringField("stopReason", r.stopReason());
        g.writeNumberField("states", s.distinctStates());
        g.writeNumberField("transitions", s.transitions());
        g.writeNumberField("depth", s.depth());
        g.writeNumberField("timeMillis", s.nanos() / 1_000_000);
        g.writeNumberField("statesPerSecond", Math.round(s.statesPerSecond()));
        g.writeArrayFieldStart("properties");
        for (Expectations.Judged j : judged) {
            g.writeStartObject();
            g.writeStringField("name", j.property().name());
            g.writeStringField("expect", j.property().expect() == null ? "HOLDS" : j.property().expect().name());
            g.writeStringField("verdict", JsonReport.verdict(j.verdict()));
            g.writeStringField("outcome", j.outcome().name());
            g.writeBooleanField("ok", !j.outcome().failed);
            g.writeStringField("reason", j.reason());
            if (j.verdict() instanceof Verdict.Violated v) {
                g.writeNumberField("traceSteps", v.trace().steps().size());
                Path f = e.traceFiles().get(j.property().name());
                if (f != null) g.writeStringField("traceFile", f.toString());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
