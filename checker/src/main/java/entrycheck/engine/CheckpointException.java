package entrycheck.engine;

/**
 * A checkpoint cannot be written, read, or used for this run (another model, other
 * constants, other properties, a damaged file). The message says which, in words.
 */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) { super(message); }

    public CheckpointException(String message, Throwable cause) { super(message, cause); }
}
