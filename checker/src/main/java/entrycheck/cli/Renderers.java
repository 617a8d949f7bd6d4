package entrycheck.cli;

import entrycheck.trace.TraceDocument;

/** The HTML and DOT renderers, loaded only when a command asks for them. */
final class Renderers {
    private Renderers() { }

    static String html(TraceDocument doc) {
        throw new UnsupportedOperationException("the HTML viewer is not built yet");
    }

    static String dot(TraceDocument doc) {
        throw new UnsupportedOperationException("the DOT renderer is not built yet");
    }
}
