package entrycheck.batch;

import entrycheck.trace.TraceDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-paragraph account of a trace for reports: how many steps, the story of entries and
 * returns (which vector interrupted what, at which depth), and what failed.
 */
public final class TraceSummary {
    private TraceSummary() { }

    public static String of(TraceDocument d) {
        List<String> story = new ArrayList<>();
        for (TraceDocument.StepInfo s : d.steps()) {
            if (s.kind().equals("DELIVER")) story.add("step " + s.index() + " delivers " + s.vector() + " (depth " + s.depth() + ")");
            else if (s.kind().equals("RETURN")) story.add("step " + s.index() + " returns from " + s.vector() + " (depth " + s.depth() + ")");
        }
        int n = d.steps().size() - 1;
        StringBuilder sb = new StringBuilder();
        sb.append(d.property().name()).append(" violated after ").append(n).append(n == 1 ? " step" : " steps");
        if (!story.isEmpty()) sb.append(": ").append(String.join("; ", story));
        TraceDocument.StepInfo last = d.steps().get(d.steps().size() - 1);
        sb.append(". Last step: ").append(last.action());
        if (!last.source().isEmpty()) sb.append(" [").append(last.source()).append("]");
        sb.append(". ").append(d.message());
        return sb.toString();
    }
}
