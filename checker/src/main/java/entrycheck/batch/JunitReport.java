package entrycheck.batch;

import entrycheck.engine.Expectations;
import entrycheck.engine.Outcome;
import entrycheck.engine.Verdict;
import entrycheck.trace.TraceDocument;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the de-facto schema CI systems render: testsuites / testsuite / testcase with
 * failure, error and skipped children). One testsuite per job, one testcase per (model, property):
 * classname is {@code job.model} ({@code job.model[config K: NAME=y,...]} for a job's K-th configuration), name the property. A property that fails its expectation is a
 * {@code <failure>} carrying the property, a one-paragraph trace summary and the trace file; a model
 * that does not load is an {@code <error>} testcase named {@code load}; an incomplete search is an
 * {@code <error type="incomplete">}. Expected violations that were found pass. Only the
 * {@code time} attributes vary between two runs of the same manifest.
 */
public final class JunitReport {
    private JunitReport() { }

    public static void write(List<UnitResult> results, Writer out) throws XMLStreamException {
        Map<String, List<UnitResult>> byJob = new LinkedHashMap<>();
        for (UnitResult r : results) byJob.computeIfAbsent(r.unit().job().name(), k -> new java.util.ArrayList<>()).add(r);
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        int[] all = counts(results);
        x.writeStartElement("testsuites");
        x.writeAttribute("name", "entrycheck");
        x.writeAttribute("tests", Integer.toString(all[0]));
        x.writeAttribute("failures", Integer.toString(all[1]));
        x.writeAttribute("errors", Integer.toString(all[2]));
        x.writeAttribute("time", seconds(results.stream().mapToLong(UnitResult::millis).sum()));
        for (Map.Entry<String, List<UnitResult>> job : byJob.entrySet()) {
            int[] c = counts(job.getValue());
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", job.getKey());
            x.writeAttribute("tests", Integer.toString(c[0]));
            x.writeAttribute("failures", Integer.toString(c[1]));
            x.writeAttribute("errors", Integer.toString(c[2]));
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", seconds(job.getValue().stream().mapToLong(UnitResult::millis).sum()));
            for (UnitResult r : job.getValue()) writeUnit(x, r);
            x.writeCharacters("\n  ");
            x.writeEndElement();
        }
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
    }

    private static void writeUnit(XMLStreamWriter x, UnitResult r) throws XMLStreamException {
        String classname = r.unit().job().name() + "." + r.unit().model()
                + (r.unit().configIndex() == 0 ? "" : "[config " + r.unit().configIndex() + ": " + r.unit().config() + "]");
        if (r.error() != null) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", classname);
            x.writeAttribute("name", "load");
            x.writeAttribute("time", seconds(r.millis()));
            x.writeStartElement("error");
            x.writeAttribute("type", "model-error");
            x.writeAttribute("message", firstLine(r.error()));
            x.writeCharacters(r.error());
            x.writeEndElement();
            x.writeEndElement();
            return;
        }
        // The unit's time is shared out evenly: properties are checked in one search.
        long each = r.judged().isEmpty() ? 0 : r.millis() / r.judged().size();
        for (Expectations.Judged j : r.judged()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", classname);
            x.writeAttribute("name", j.property().name());
            x.writeAttribute("time", seconds(each));
            if (j.outcome().failed) {
                x.writeStartElement("failure");
                x.writeAttribute("type", j.verdict() instanceof Verdict.Violated ? "violated" : "violation-not-found");
                x.writeAttribute("message", j.property().name() + ": " + j.reason());
                x.writeCharacters(failureText(r, j));
                x.writeEndElement();
            } else if (j.outcome() == Outcome.INCOMPLETE) {
                x.writeStartElement("error");
                x.writeAttribute("type", "incomplete");
                x.writeAttribute("message", "search incomplete: " + j.reason());
                x.writeEndElement();
            }
            x.writeEndElement();
        }
    }

    static String failureText(UnitResult r, Expectations.Judged j) {
        StringBuilder sb = new StringBuilder();
        sb.append("property ").append(j.property().name()).append(" (").append(j.property().description()).append("): ")
                .append(j.reason()).append('\n');
        if (j.verdict() instanceof Verdict.Violated v) {
            sb.append(TraceSummary.of(TraceDocument.of(v.trace()))).append('\n');
            Path f = r.traceFiles().get(j.property().name());
            if (f != null) sb.append("trace file: ").append(f).append('\n');
        }
        return sb.toString();
    }

    /** {tests, failures, errors}. */
    private static int[] counts(List<UnitResult> rs) {
        int[] c = new int[3];
        for (UnitResult r : rs) {
            if (r.error() != null) {
                c[0]++;
                c[2]++;
                continue;
            }
            for (Expectations.Judged j : r.judged()) {
                c[0]++;
                if (j.outcome().failed) c[1]++;
                if (j.outcome() == Outcome.INCOMPLETE) c[2]++;
            }
        }
        return c;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
