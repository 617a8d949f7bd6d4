package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/** A real SIGINT, raised in this JVM while the handler is installed, asks the search to stop. */
class InterruptTest {

    @Test
    void ctrlCIsRequestedNotFatal() throws InterruptedException {
        entrycheck.trust.Signals.assumeSigintDeliverable("InterruptTest");
        StringWriter err = new StringWriter();
        try (Interrupt interrupt = Interrupt.install(new PrintWriter(err, true))) {
            assertFalse(interrupt.requested());
            Signal.raise(new Signal("INT"));
            // the handler runs on a JVM signal thread: wait for it (bounded; not a timing assertion)
            for (int i = 0; i < 500 && !interrupt.requested(); i++) Thread.sleep(10);
            assertTrue(interrupt.requested());
        }
        assertTrue(err.toString().contains("entrycheck: interrupted; stopping the search"), err.toString());
    }
}
