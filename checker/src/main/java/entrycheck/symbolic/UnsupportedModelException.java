package entrycheck.symbolic;

/**
 * The model is outside what the bounded engine can translate (a value that may exceed
 * {@link Query#LIMIT} in magnitude). A property of the model, not a bug: the command line
 * reports it as a usage error.
 */
public final class UnsupportedModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedModelException(String message) {
        super(message);
    }
}
