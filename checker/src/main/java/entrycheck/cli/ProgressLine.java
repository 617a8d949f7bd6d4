package entrycheck.cli;

import entrycheck.engine.SearchMonitor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress of a long check on a terminal: one line, redrawn about once a second by
 * me.tongfei:progressbar's update thread, and erased when the search ends:
 * <pre>
 * bench/big: 3,145,728 states, 1,502,311 states/s, queue 812,004, depth 31, 0:00:02
 * </pre>
 * The states per second are those of the last update interval. The search feeds it through
 * {@link SearchMonitor#progress}; it also passes on the stop request of Ctrl-C.
 * {@code check} creates one only when the output is a terminal and {@code --quiet} is not given.
 */
final class ProgressLine implements SearchMonitor, AutoCloseable {
    private final ProgressBar bar;
    private final LineConsumer line;
    private final BooleanSupplier stop;
    private volatile Progress last;

    ProgressLine(String model, PrintWriter err, BooleanSupplier stop, int intervalMillis) {
        this.stop = stop;
        this.line = new LineConsumer(err);
        this.bar = ProgressBar.builder()
                .setTaskName(model)
                .setInitialMax(-1)
                .setUpdateIntervalMillis(intervalMillis)
                .continuousUpdate()
                .clearDisplayOnFinish()
                .setRenderer(new Renderer(model))
                .setConsumer(line)
                .build();
    }

    @Override
    public boolean stopRequested() { return stop.getAsBoolean(); }

    @Override
    public void progress(Progress p) {
        last = p;
        bar.stepTo(p.distinctStates());
    }

    /**
     * Stops the bar and makes sure the line is gone. progressbar 0.10.1 does not always clear
     * it: when the search ends before the bar's first scheduled update, the update that
     * {@code close} runs is the "first" one, which draws the line and returns without
     * clearing it (CheckEngineOptionsTest failed 2 runs in 5 on a 0.01 s search); and a
     * periodic update still running on the bar's thread can draw after the clear.
     */
    @Override
    public void close() {
        bar.close();
        line.finish();
    }

    /** Renders the line from the latest snapshot; called on the bar's thread only. */
    private final class Renderer implements ProgressBarRenderer {
        private final String model;
        private long prevStates;
        private long prevNanos;

        Renderer(String model) { this.model = model; }

        @Override
        public String render(ProgressState state, int maxLength) {
            Progress p = last;
            String elapsed = clock(state.getTotalElapsed());
            if (p == null) return fit(model + ": starting, " + elapsed, maxLength);
            long dn = p.nanos() - prevNanos;
            double rate = dn > 0 && prevNanos > 0 ? (p.distinctStates() - prevStates) * 1e9 / dn : p.statesPerSecond();
            if (dn > 0) { prevNanos = p.nanos(); prevStates = p.distinctStates(); }
            return fit(String.format(Locale.ROOT, "%s: %,d states, %,.0f states/s, queue %,d, depth %d, %s",
                    model, p.distinctStates(), rate, p.queue(), p.depth(), elapsed), maxLength);
        }

        private String fit(String s, int maxLength) {
            return maxLength > 0 && s.length() > maxLength ? s.substring(0, maxLength) : s;
        }
    }

    static String clock(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /**
     * Redraws the line in place: carriage return, the text, erase to the end of the line. After
     * {@link #finish} it draws nothing more, and the line is erased if it is still shown.
     */
    private static final class LineConsumer implements ProgressBarConsumer {
        private final PrintWriter out;
        private boolean shown;
        private boolean finished;

        LineConsumer(PrintWriter out) { this.out = out; }

        @Override
        public int getMaxRenderedLength() { return 150; }

        @Override
        public synchronized void accept(String line) {
            if (finished) return;
            out.print("\r" + line + "\u001b[K");
            out.flush();
            shown = true;
        }

        @Override
        public synchronized void clear() {
            out.print("\r\u001b[K");
            out.flush();
            shown = false;
        }

        synchronized void finish() {
            finished = true;
            if (shown) clear();
        }

        @Override
        public void close() { out.flush(); }
    }
}
