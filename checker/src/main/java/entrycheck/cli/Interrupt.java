package entrycheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a check: the first SIGINT asks the search to stop at its next consistent point
 * (it then finishes its checkpoint, if one was asked for, and the report shows the statistics
 * so far, exit 3); a second one has the JVM's default effect and ends the process at once.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported, the supported way to handle signals in
 * Java 17) rather than a shutdown hook, because a hook runs while the JVM is already exiting
 * and could not let {@code Main} choose the exit code. Installed for the duration of a command
 * and restored by {@link #close}.
 */
final class Interrupt implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final AtomicBoolean requested = new AtomicBoolean();
    private final SignalHandler previous;

    private Interrupt(PrintWriter err) {
        SignalHandler prev;
        try {
            prev = Signal.handle(INT, sig -> {
                if (!requested.compareAndSet(false, true)) return;
                restore();
                err.println();
                err.println("entrycheck: interrupted; stopping the search (press Ctrl-C again to quit at once)");
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            prev = null; // SIGINT is reserved (java -Xrs): Ctrl-C keeps its default effect
        }
        this.previous = prev;
    }

    /** Installs the handler; {@link #close} restores the previous one. */
    static Interrupt install(PrintWriter err) { return new Interrupt(err); }

    /** True once Ctrl-C was pressed. */
    boolean requested() { return requested.get(); }

    private void restore() {
        if (previous != null) Signal.handle(INT, previous);
    }

    @Override
    public void close() { restore(); }
}
