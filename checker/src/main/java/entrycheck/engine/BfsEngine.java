package entrycheck.engine;

import entrycheck.ir.Program;

/**
 * Explicit-state breadth-first search over the IR.
 * STUB: the engine replaces the body; the signature is the contract with the CLI.
 */
public final class BfsEngine {
    private BfsEngine() { }

    /** Explores {@code program} and returns a verdict per property (shortest traces for violations). */
    public static CheckResult check(Program program, CheckOptions options) {
        throw new UnsupportedOperationException("engine not built yet");
    }
}
