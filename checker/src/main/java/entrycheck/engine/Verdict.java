package entrycheck.engine;

import entrycheck.trace.Trace;

/** What the search established about one property. */
public sealed interface Verdict {
    /** No reachable violation (the search was complete). */
    record Holds() implements Verdict { }
    /** A violation, with a shortest trace to it. */
    record Violated(Trace trace) implements Verdict { }
    /** The search stopped before an answer. */
    record Incomplete(String reason) implements Verdict { }
}
