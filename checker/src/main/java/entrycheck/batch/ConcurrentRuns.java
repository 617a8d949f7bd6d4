package entrycheck.batch;

import entrycheck.engine.Cores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent jobs (one model check each) at the same time on a {@link Cores} budget and
 * hands their results back in the order of the jobs, whatever order they finish in.
 *
 * <p>Jobs start in list order; each holds one core while it runs, so at most
 * {@code cores.size()} run at once, and a job's search borrows the spare cores for its helper
 * threads ({@link entrycheck.engine.Checker#check(entrycheck.ir.Program,
 * entrycheck.engine.CheckOptions, entrycheck.engine.SearchMonitor, Cores)}). Results are
 * delivered to the caller's thread as soon as they and all earlier ones are done, so output
 * printed from {@code deliver} comes in a deterministic order while later jobs still run.
 */
public final class ConcurrentRuns {
    private ConcurrentRuns() { }

    /** Receives the result of job {@code index} on the calling thread. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(int index, R result);
    }

    /**
     * Runs {@code job} on every item and passes each result to {@code deliver} in item order.
     * A job's unchecked exception is rethrown here (when its turn comes), and the jobs not yet
     * started are cancelled.
     */
    public static <T, R> void run(List<T> items, Cores cores, Function<T, R> job, Sink<R> deliver)
            throws InterruptedException {
        if (items.isEmpty()) return;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(cores.size(), items.size()), r -> {
            Thread t = new Thread(r, "entrycheck-model");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    cores.acquire();
                    try {
                        return job.apply(item);
                    } finally {
                        cores.release();
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                R r;
                try {
                    r = futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error err) throw err;
                    throw new IllegalStateException(c);
                }
                deliver.accept(i, r);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
