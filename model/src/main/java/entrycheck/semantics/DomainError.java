package entrycheck.semantics;

/**
 * A runtime error of the model: a value assigned outside its variable's domain, an index
 * outside an array, a division by zero or an integer overflow. It is a violation of the
 * built-in {@code domain} property and discards the successor being computed.
 *
 * <p>Thrown by compiled evaluators and caught inside {@link TransitionSystem}; it has no stack
 * trace (it is a signal, not a bug report), so throwing it costs only the allocation, which
 * happens on the error path only.
 */
public final class DomainError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DomainError(String message) {
        super(message, null, false, false);
    }

    static DomainError outOfDomain(String var, long value, int lo, int hi) {
        return new DomainError("value " + value + " assigned to " + var + " is outside its domain " + lo + ".." + hi);
    }

    static DomainError badIndex(long index, int base, String[] names) {
        return new DomainError("index " + index + " is outside " + base + ".." + (base + names.length - 1)
                + " (" + names[0] + " .. " + names[names.length - 1] + ")");
    }

    static DomainError divisionByZero() {
        return new DomainError("division by zero");
    }

    static DomainError overflow(String what) {
        return new DomainError("integer overflow in " + what);
    }
}
