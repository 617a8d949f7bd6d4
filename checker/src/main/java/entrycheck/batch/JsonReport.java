package entrycheck.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Expectations;
import entrycheck.engine.Outcome;
import entrycheck.engine.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine-readable batch summary (docs/CI.md). Deterministic: two runs of one manifest give
 * the same bytes except the fields named {@code timeMillis} and {@code statesPerSecond}.
 */
public final class JsonReport {
    private JsonReport() { }

    public static void write(Path manifest, Shard shard, List<UnitResult> results, int exitCode, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "entrycheck-batch");
            g.writeNumberField("version", 1);
            g.writeStringField("manifest", manifest.toString());
            g.writeStringField("shard", shard.toString());
            g.writeNumberField("exitCode", exitCode);
            g.writeArrayFieldStart("units");
            for (UnitResult r : results) {
                g.writeStartObject();
                g.writeStringField("job", r.unit().job().name());
                g.writeStringField("model", r.unit().model());
                if (r.unit().configIndex() != 0) g.writeStringField("config", r.unit().config());
                g.writeNumberField("exitCode", r.exitCode());
                if (r.error() != null) {
                    g.writeStringField("error", r.error());
                } else {
                    CheckResult.Statistics s = r.result().stats();
                    g.writeBooleanField("complete", r.result().complete());
                    g.writeNumberField("states", s.distinctStates());
                    g.writeNumberField("transitions", s.transitions());
                    g.writeNumberField("depth", s.depth());
                    g.writeArrayFieldStart("properties");
                    for (Expectations.Judged j : r.judged()) {
                        g.writeStartObject();
                        g.writeStringField("name", j.property().name());
                        g.writeStringField("expect", j.property().expect().name());
                        g.writeStringField("verdict", verdict(j.verdict()));
                        g.writeStringField("outcome", j.outcome().name());
                        g.writeStringField("reason", j.reason());
                        if (j.verdict() instanceof Verdict.Violated v) {
                            g.writeNumberField("traceSteps", v.trace().steps().size());
                            Path f = r.traceFiles().get(j.property().name());
                            if (f != null) g.writeStringField("traceFile", f.toString());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeNumberField("timeMillis", r.millis());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** {@code holds}, {@code violated} or {@code incomplete}: the verdict words of the JSON reports. */
    public static String verdict(Verdict v) {
        if (v instanceof Verdict.Holds) return "holds";
        if (v instanceof Verdict.Violated) return "violated";
        return "incomplete";
    }
}
