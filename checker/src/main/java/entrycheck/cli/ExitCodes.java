package entrycheck.cli;

/**
 * The exit codes of {@code entrycheck}, the contract with CI (DESIGN.md, README.md).
 * The {@code DOC_*} strings are the {@code code:meaning} lines shown in the usage help.
 */
public final class ExitCodes {
    private ExitCodes() { }

    /** Every expectation met. */
    public static final int OK = 0;
    /** A property expected to hold was violated, or an expected violation was not found. */
    public static final int FAILED = 1;
    /** Usage error (bad option or argument) or a bad model (diagnostics with file:line:col). */
    public static final int USAGE = 2;
    /** A limit (--max-states, --time-limit) stopped the search before an answer, and nothing failed. */
    public static final int INCOMPLETE = 3;
    /** A bug in entrycheck itself (EX_SOFTWARE of sysexits.h). Set ENTRYCHECK_DEBUG for a stack trace. */
    public static final int INTERNAL = 70;

    static final String DOC_OK = "0:every expectation met";
    static final String DOC_FAILED = "1:a property expected to hold is violated, or an expected violation was not found";
    static final String DOC_USAGE = "2:usage error, or a bad model (message with file:line:col)";
    static final String DOC_INCOMPLETE = "3:incomplete: a limit stopped the search before an answer";
    static final String DOC_INTERNAL = "70:internal error (set ENTRYCHECK_DEBUG=1 for a stack trace)";
}
