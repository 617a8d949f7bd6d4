package entrycheck.cli;

import entrycheck.trace.TraceDocument;
import entrycheck.trace.render.DotRenderer;
import entrycheck.trace.render.HtmlViewer;

/** The HTML and DOT renderers; their classes load only when {@code show} asks for them. */
final class Renderers {
    private Renderers() { }

    static String html(TraceDocument doc) {
        return HtmlViewer.render(doc);
    }

    static String dot(TraceDocument doc) {
        return DotRenderer.render(doc);
    }
}
