package entrycheck.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the time of a {@code check} goes, for {@code check --timings} (a hidden diagnostic
 * option; docs/PERFORMANCE.md, "Latency", and scripts/latency.sh read it). Printed on stderr at
 * the end of the command, in milliseconds:
 * <pre>
 * timings: jvm=85 cli=40 load=120 check=420 output=4 total=670
 * timings: model=x86_64/mainline load=118 compile=14 explore=310
 * </pre>
 * The first line is wall time on the main thread: {@code jvm} from the JVM's start to
 * {@code main} (the JVM's own start-up and loading the main class), {@code cli} from
 * {@code main} to the start of the command (picocli parsing the command line), {@code load}
 * reading, checking and compiling the models to the IR, {@code check} the searches (with
 * several models, at the same time), {@code output} the report after the last search, and
 * {@code total} from the JVM's start to the end of the command; what the process takes after
 * that (exit) and before it (the launcher script) is outside the JVM's view. A model's line has
 * its own phases: {@code compile} the IR to the successor code (and rebuilding the
 * counterexamples after the search: the checker's time outside the search), {@code explore}
 * the search; models in name order. Thread-safe: models record from their threads.
 */
final class Timings {
    private final long mainNanos;
    private final long callNanos = System.nanoTime();
    private final Map<String, long[]> models = new TreeMap<>();
    private long loaded;
    private long checked;

    /** @param mainNanos {@link System#nanoTime()} at the start of {@code main} */
    Timings(long mainNanos) { this.mainNanos = mainNanos; }

    /** The models are loaded. */
    synchronized void loaded() { loaded = System.nanoTime(); }

    /** The searches are done. */
    synchronized void checked() { checked = System.nanoTime(); }

    /** One model's phases, in nanoseconds. */
    synchronized void model(String name, long load, long compile, long explore) {
        models.put(name, new long[] {load, compile, explore});
    }

    synchronized void print(PrintWriter err) {
        long end = System.nanoTime();
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainMillis = System.currentTimeMillis() - (end - mainNanos) / 1_000_000;
        long jvm = Math.max(0, mainMillis - jvmStartMillis);
        long load = loaded == 0 ? callNanos : loaded;
        long check = checked == 0 ? load : checked;
        err.println(String.format(Locale.ROOT, "timings: jvm=%d cli=%d load=%d check=%d output=%d total=%d", jvm,
                ms(callNanos - mainNanos), ms(load - callNanos), ms(check - load), ms(end - check),
                jvm + ms(end - mainNanos)));
        for (Map.Entry<String, long[]> e : models.entrySet()) {
            long[] t = e.getValue();
            err.println(String.format(Locale.ROOT, "timings: model=%s load=%d compile=%d explore=%d",
                    e.getKey(), ms(t[0]), ms(t[1]), ms(t[2])));
        }
        err.flush();
    }

    private static long ms(long nanos) { return Math.round(nanos / 1e6); }
}
