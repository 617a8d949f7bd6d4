package entrycheck.trace;

/** A trace file that cannot be read: bad JSON, a wrong version, or fields that do not fit together. */
public final class TraceFormatException extends Exception {
    public TraceFormatException(String message) { super(message); }
}
