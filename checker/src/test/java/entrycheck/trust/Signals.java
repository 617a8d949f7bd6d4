package entrycheck.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process can receive SIGINT at all. A process started in the background by a
 * non-interactive shell ({@code mvn ... &}, {@code nohup}) inherits SIGINT ignored, and so does
 * every process it starts; the JVM then installs no handler for it (HotSpot leaves an ignored
 * shutdown signal ignored), so Ctrl-C cannot reach entrycheck, as it cannot reach any program
 * started that way. The SIGINT tests skip themselves there, loudly, instead of failing.
 */
public final class Signals {
    private Signals() { }

    /** True when /proc/self/status says SIGINT (signal 2) is ignored. */
    static boolean sigintIgnored() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return false;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /** Skips the calling test (with a warning on stderr) when SIGINT is ignored in this process. */
    public static void assumeSigintDeliverable(String test) {
        if (!sigintIgnored()) return;
        String what = "'" + test + "' NOT RUN: SIGINT is ignored in this process (started in the background or with nohup)";
        System.err.println("WARNING: " + what);
        org.junit.jupiter.api.Assumptions.abort(what);
    }
}
