package entrycheck.engine;

import entrycheck.ir.Program;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Manual benchmark harness (not a test): runs bench/big through {@link BfsEngine} a few times
 * and prints the rate, the CPU time of the whole process (all threads: the rate to compare on
 * a busy machine) and the peak heap. No assertion on time.
 *
 * <pre>
 * mvn -B -o -q test-compile -pl checker -am
 * java -XX:+UseParallelGC -Xmx4g -cp model/target/classes:properties/target/classes:counterexamples/target/classes:checker/target/classes:checker/target/test-classes \
 *      entrycheck.engine.BigBench [runs [threads [batchSources roundBatches]]]
 * </pre>
 */
public final class BigBench {
    private BigBench() { }

    public static void main(String[] args) throws InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Program big = BenchModels.big();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        ParallelBfs.Tuning tuning = args.length > 3
                ? new ParallelBfs.Tuning(Integer.parseInt(args[2]), Integer.parseInt(args[3]), true)
                : new ParallelBfs.Tuning(ParallelBfs.Tuning.DEFAULT.batchSources(), ParallelBfs.Tuning.DEFAULT.roundBatches(), true);
        boolean[] all = Checker.select(big, java.util.Set.of());
        entrycheck.semantics.CompiledProgram compiled = entrycheck.semantics.CompiledProgram.compile(big, all);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= runs; i++) {
            System.gc();
            Thread.sleep(200);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            long base = usedHeap();
            PeakSampler sampler = new PeakSampler();
            sampler.start();
            long cpu0 = os.getProcessCpuTime();
            ParallelBfs bfs = new ParallelBfs(big, compiled, all, CheckOptions.defaults().withThreads(threads),
                    SearchMonitor.NONE, tuning);
            CheckResult r = bfs.run();
            ParallelBfs.Effort e = bfs.effort();
            System.out.printf("  cpu in phases %.2f s (span %.2f s), serial %.2f s: parallelism %.2f%n",
                    e.work() / 1e9, e.span() / 1e9, e.serial() / 1e9, e.parallelism());
            e.phases().forEach((name, t) -> System.out.printf("  phase %-8s x%d: work %.2f s, span %.2f s, wall %.2f s%n",
                    name, t[3], t[0] / 1e9, t[1] / 1e9, t[2] / 1e9));
            long cpu = os.getProcessCpuTime() - cpu0;
            sampler.done = true;
            sampler.join();
            long poolPeaks = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) poolPeaks += pool.getPeakUsage().getUsed();
            }
            CheckResult.Statistics s = r.stats();
            // one machine-readable line per run for scripts/bench.sh: seconds; per phase its work, span and wall
            StringBuilder summary = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "SUMMARY threads=%d run=%d states=%d wall=%.3f work=%.3f span=%.3f serial=%.3f cpu=%.3f",
                    threads, i, s.distinctStates(), s.nanos() / 1e9, e.work() / 1e9, e.span() / 1e9, e.serial() / 1e9, cpu / 1e9));
            e.phases().forEach((name, t) -> summary.append(String.format(java.util.Locale.ROOT, " %s_work=%.3f %s_span=%.3f %s_wall=%.3f",
                    name.replace(' ', '_'), t[0] / 1e9, name.replace(' ', '_'), t[1] / 1e9, name.replace(' ', '_'), t[2] / 1e9)));
            System.out.println(summary);
            System.out.printf("threads %d, tuning %d x %d, run %d: %,d states, %,d transitions, depth %d, wall %.2f s (%,.0f states/s, %,.0f transitions/s),"
                            + " process cpu %.2f s (%,.0f states/s), peak heap sampled %d MB (pool peaks %d MB, baseline %d MB), complete=%s%n",
                    threads, tuning.batchSources(), tuning.roundBatches(), i, s.distinctStates(), s.transitions(), s.depth(), s.nanos() / 1e9, s.statesPerSecond(),
                    s.transitions() * 1e9 / s.nanos(), cpu / 1e9, s.distinctStates() * 1e9 / cpu,
                    sampler.peak >> 20, poolPeaks >> 20, base >> 20, r.complete());
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples the used heap every 5 ms; the maximum includes garbage not yet collected. */
    private static final class PeakSampler extends Thread {
        volatile boolean done;
        long peak;

        PeakSampler() { setDaemon(true); }

        @Override
        public void run() {
            while (!done) {
                peak = Math.max(peak, usedHeap());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
