package entrycheck.trust;

import entrycheck.cli.CliEnvironment;
import entrycheck.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Runs fuzz inputs through the command line in-process and judges every outcome: the exit code
 * is 0, 1, 2 or 3; an exit 2 carries a {@code file:line:col: error:} diagnostic; nothing on
 * stderr looks like a Java exception; and every case ends within {@link #WATCHDOG_SECONDS}
 * (the search itself has {@code --time-limit}).
 *
 * <p>The cases run one after the other on a worker thread with the JVM's default thread stack,
 * like the launcher's main thread. The calling thread is the watchdog: it looks at when the
 * current case started, and when a case does not end in time it reports it, abandons the
 * worker (a daemon) and goes on with the next case on a new one. An exception or error that
 * escapes the command line ends the worker's batch; it is reported and the next case goes on
 * on a new worker. Case {@code n} depends only on {@code n} (the input function), so every
 * failure is reproducible on its own.
 */
public final class FuzzRunner {
    /** The whole case, load and compile included (the search itself stops after 1 s). */
    public static final int WATCHDOG_SECONDS = 20;
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?m)^[^\\s].*:\\d+:\\d+: error: ");
    private static final Pattern EXCEPTION = Pattern.compile("Exception|Error:|\\tat |internal error");

    /** A case that failed: its number, input and what is wrong. */
    public record Failure(int n, byte[] input, String problem) { }

    /** Everything a run found. */
    public record Result(List<Failure> failures, Map<Integer, Integer> exits, Map<Integer, Long> millisByExit, long slowestMillis) { }

    private final Path dir;
    private final boolean fresh;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CommandLine cmd;

    // written by the worker, read by the watchdog
    private volatile int current;
    private volatile long started;
    private volatile byte[] currentInput;

    /**
     * @param dir   where case files go
     * @param fresh a new command line for every case, as in a real run (else one per worker:
     *              building one costs milliseconds, and picocli resets every option before it parses)
     * @param kindOf which command case n runs (see {@link #command})
     */
    public FuzzRunner(Path dir, boolean fresh, IntUnaryOperator kindOf) {
        this.dir = dir;
        this.fresh = fresh;
        this.kindOf = kindOf;
    }

    /** Which command case {@code n} runs: 0 check, 1 export, 2 check with trace files. */
    private final IntUnaryOperator kindOf;

    /** The fuzz mix: mostly check, one case in ten export, one in ten check with trace files. */
    public static int fuzzKind(int n) {
        return n % 10 == 7 ? 1 : n % 10 == 9 ? 2 : 0;
    }

    /** The command of case {@code n}. */
    List<String> command(int n, Path file) {
        switch (kindOf.applyAsInt(n)) {
            case 1:
                return List.of("export", "--to", "promela", file.toString());
            case 2:
                return List.of("check", "--ignore-expectations", "--time-limit", "1s", "--max-states", "2000",
                        "--trace-out", dir.resolve("traces").toString(), file.toString());
            default:
                return List.of("check", "--time-limit", "1s", "--max-states", "3000", file.toString());
        }
    }

    /** Runs cases 0 .. cases-1 with the inputs {@code input.apply(n)}; stops after {@code maxFailures}. */
    public Result run(int cases, IntFunction<byte[]> input, int maxFailures) throws InterruptedException {
        return run(cases, input, maxFailures, Long.MAX_VALUE);
    }

    /**
     * Like {@link #run(int, IntFunction, int)}, but starts no case after {@code deadline}
     * ({@link System#nanoTime()}; {@code Long.MAX_VALUE}: none): a run by hand for a fixed time.
     */
    public Result run(int cases, IntFunction<byte[]> input, int maxFailures, long deadline) throws InterruptedException {
        List<Failure> failures = new ArrayList<>();
        TreeMap<Integer, Integer> exits = new TreeMap<>();
        TreeMap<Integer, Long> millis = new TreeMap<>();
        long[] slowest = {0};
        int next = 0;
        while (next < cases && failures.size() < maxFailures) {
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fuzz-worker");
                t.setDaemon(true);
                return t;
            });
            int from = next;
            cmd = null;
            started = System.nanoTime();
            Future<Void> batch = worker.submit(() -> {
                for (int n = from; n < cases && failures.size() < maxFailures
                        && (deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0); n++) {
                    byte[] in = input.apply(n);
                    current = n;
                    currentInput = in;
                    started = System.nanoTime();
                    String problem = judge(n, in, exits, millis);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    synchronized (slowest) { slowest[0] = Math.max(slowest[0], ms); }
                    if (problem != null) synchronized (failures) { failures.add(new Failure(n, in, problem)); }
                }
                current = cases;
                return null;
            });
            try {
                while (true) {
                    try {
                        batch.get(1, TimeUnit.SECONDS);
                        next = cases;
                        break;
                    } catch (TimeoutException e) {
                        if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(WATCHDOG_SECONDS)) {
                            synchronized (failures) {
                                failures.add(new Failure(current, currentInput, "no answer after " + WATCHDOG_SECONDS + " s: "
                                        + String.join(" ", command(current, dir.resolve("case.entry")))));
                            }
                            next = current + 1; // the stuck worker is abandoned
                            break;
                        }
                    } catch (ExecutionException e) {
                        StringWriter sw = new StringWriter();
                        e.getCause().printStackTrace(new PrintWriter(sw));
                        synchronized (failures) {
                            failures.add(new Failure(current, currentInput, "escaped from "
                                    + String.join(" ", command(current, dir.resolve("case.entry"))) + ":\n" + head(sw.toString())));
                        }
                        next = current + 1;
                        break;
                    }
                }
            } finally {
                worker.shutdownNow();
            }
        }
        return new Result(failures, exits, millis, slowest[0]);
    }

    private String judge(int n, byte[] input, Map<Integer, Integer> exits, Map<Integer, Long> millis) throws IOException {
        Path file = dir.resolve("case.entry");
        Files.write(file, input);
        List<String> args = command(n, file);
        long t0 = System.nanoTime();
        if (cmd == null || fresh) {
            cmd = Main.commandLine(CliEnvironment.plain());
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
        }
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int code = cmd.execute(args.toArray(new String[0]));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        synchronized (exits) {
            exits.merge(code, 1, Integer::sum);
            millis.merge(code, ms, Long::sum);
        }
        return verdict(code, err.toString(), args);
    }

    /** What is wrong with an outcome, or null. */
    static String verdict(int code, String stderr, List<String> args) {
        String cmdLine = String.join(" ", args);
        if (code < 0 || code > 3) return "exit " + code + " from " + cmdLine + ":\n" + head(stderr);
        if (EXCEPTION.matcher(stderr).find()) return "exception text on stderr of " + cmdLine + ":\n" + head(stderr);
        if (code == 2 && !DIAGNOSTIC.matcher(stderr).find()) return "exit 2 without file:line:col from " + cmdLine + ":\n" + head(stderr);
        return null;
    }

    private static String head(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "...";
    }
}
