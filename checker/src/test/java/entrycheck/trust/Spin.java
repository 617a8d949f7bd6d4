package entrycheck.trust;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs SPIN on an exported Promela model: {@code spin -o2 -a}, {@code gcc -DSAFETY -DNOREDUCE
 * -DBFS}, then {@code pan -A} (assertions ignored: the whole reachable space, for the counts)
 * and {@code pan} (stops at the first assertion violation, for the verdict). pan exits 0 even
 * when it finds an error, so its output is parsed. Test support, public for the engine package.
 */
public final class Spin {
    private Spin() { }

    /**
     * @param stored      "states, stored" of the -A run (the reachable states)
     * @param transitions "transitions (= stored+matched)" of the -A run
     * @param depth       "depth reached" of the -A run (with -DBFS: the number of BFS levels below the initial state)
     * @param errors      "errors: N" of the verdict run (0 or 1: pan stops at the first)
     * @param violation   pan's first error line of the verdict run, or ""
     * @param compileMillis time of spin -a and gcc
     * @param runMillis   time of the -A run
     */
    public record Result(long stored, long transitions, long depth, int errors, String violation, long compileMillis, long runMillis) { }

    /**
     * Skips the calling test (a JUnit assumption) when spin or gcc is missing, loudly: a line on
     * stderr that says which differential test did not run. With {@code -Dentrycheck.spin.required=true}
     * or {@code ENTRYCHECK_SPIN_REQUIRED=1} (set by .ci/run, which installs spin) a missing tool
     * fails the test instead, so CI cannot pass while silently testing less.
     */
    public static void assumeAvailable(String test) {
        if (available()) return;
        String what = "SPIN differential test '" + test + "' NOT RUN: spin or gcc is not on the PATH"
                + " (apt-get install spin gcc; .ci/run installs them)";
        System.err.println("WARNING: " + what);
        boolean required = Boolean.getBoolean("entrycheck.spin.required") || "1".equals(System.getenv("ENTRYCHECK_SPIN_REQUIRED"));
        if (required) throw new AssertionError(what + ", and entrycheck.spin.required is set");
        org.junit.jupiter.api.Assumptions.abort(what);
    }

    /** Whether spin and gcc are on the PATH (tests that need them are skipped otherwise). */
    public static boolean available() {
        return onPath("spin") && onPath("gcc");
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) return true;
        }
        return false;
    }

    /**
     * Checks {@code promela} in {@code dir} (created if needed).
     *
     * @param optimize gcc -O2 (big models) instead of -O0 (small ones: the compile dominates)
     * @param hashBits pan -w: log2 of the hash table slots
     */
    public static Result check(String promela, Path dir, boolean optimize, int hashBits) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.pml"), promela, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        run(dir, 120, "spin", "-o2", "-a", "model.pml");
        run(dir, 300, "gcc", optimize ? "-O2" : "-O0", "-w", "-DSAFETY", "-DNOREDUCE", "-DBFS", "-o", "pan", "pan.c");
        long t1 = System.nanoTime();
        String all = run(dir, 3600, "./pan", "-m100000000", "-w" + hashBits, "-A");
        long t2 = System.nanoTime();
        String verdict = run(dir, 3600, "./pan", "-m100000000", "-w" + hashBits);
        Matcher v = Pattern.compile("(?m)^pan:1: (.*)$").matcher(verdict);
        return new Result(number(all, "([0-9.e+]+) states, stored"), number(all, "([0-9.e+]+) transitions \\(= stored\\+matched\\)"),
                number(all, "depth reached ([0-9]+)"),
                (int) number(verdict, "errors: ([0-9]+)"), v.find() ? v.group(1) : "",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) throw new IllegalStateException("no '" + regex + "' in pan's output:\n" + out);
        String s = m.group(1);
        // pan prints %9.8g: exact below 10^8
        return s.contains("e") || s.contains(".") ? Math.round(Double.parseDouble(s)) : Long.parseLong(s);
    }

    /** Runs a command in {@code dir}; its combined output, or an exception with it when it fails. */
    private static String run(Path dir, int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cmd));
        Path log = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": no answer after " + timeoutSeconds + " s");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + tail(out));
        }
        return out;
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
