package entrycheck.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable configuration of one check run. The four-argument constructor and
 * {@link #defaults()} give a breadth-first search with no limits; the {@code with...} methods
 * return modified copies.
 *
 * @param properties         names of the properties to check; empty = every property of the model
 * @param maxStates          stop with an incomplete result after this many distinct states (0 = no limit)
 * @param timeLimit          stop with an incomplete result after this long (null = no limit)
 * @param threads            worker threads (1 = sequential); used by the breadth-first search only
 * @param engine             which search
 * @param walks              the random walks of {@link Engine#RANDOM}
 * @param memoryBytes        budget for the visited set and the state store in bytes
 *                           (0 = {@link MemoryBudget#defaultBytes()}, a share of the JVM's maximum heap)
 * @param checkpointDir      directory for checkpoints of a breadth-first search (null = none)
 * @param checkpointInterval time between periodic checkpoints (null = {@link #DEFAULT_CHECKPOINT_INTERVAL})
 * @param resumeDir          directory holding a checkpoint to continue from (null = start afresh)
 */
public record CheckOptions(Set<String> properties, long maxStates, Duration timeLimit, int threads,
                           Engine engine, Walks walks, long memoryBytes, Path checkpointDir,
                           Duration checkpointInterval, Path resumeDir) {

    /** How often a breadth-first search with a checkpoint directory writes a checkpoint. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(10);

    /** The search strategy. */
    public enum Engine {
        /** Breadth-first, parallel and deterministic; shortest counterexamples; proves properties. */
        BFS,
        /** Depth-first with an explicit stack; counterexamples are DFS paths, not necessarily shortest. */
        DFS,
        /** Random walks from the initial state; finds violations, never proves a property. */
        RANDOM
    }

    /**
     * Random walks: {@code count} walks of at most {@code depth} steps each, walk {@code i}
     * drawing its choices from a generator seeded by {@code seed} and {@code i}.
     */
    public record Walks(long seed, long count, int depth) {
        public static final Walks DEFAULT = new Walks(1, 1000, 1000);

        public Walks {
            if (count < 1) throw new IllegalArgumentException("walks must be at least 1, but was " + count);
            if (depth < 1) throw new IllegalArgumentException("walk depth must be at least 1, but was " + depth);
        }
    }

    public CheckOptions {
        properties = Set.copyOf(properties);
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(walks, "walks");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
        if (memoryBytes < 0) throw new IllegalArgumentException("memory budget must not be negative");
    }

    /** A breadth-first search with these limits. */
    public CheckOptions(Set<String> properties, long maxStates, Duration timeLimit, int threads) {
        this(properties, maxStates, timeLimit, threads, Engine.BFS, Walks.DEFAULT, 0, null, null, null);
    }

    public static CheckOptions defaults() { return new CheckOptions(Set.of(), 0, null, 1); }

    public CheckOptions withThreads(int n) {
        return new CheckOptions(properties, maxStates, timeLimit, n, engine, walks, memoryBytes,
                checkpointDir, checkpointInterval, resumeDir);
    }

    public CheckOptions withEngine(Engine e) {
        return new CheckOptions(properties, maxStates, timeLimit, threads, e, walks, memoryBytes,
                checkpointDir, checkpointInterval, resumeDir);
    }

    public CheckOptions withWalks(Walks w) {
        return new CheckOptions(properties, maxStates, timeLimit, threads, engine, w, memoryBytes,
                checkpointDir, checkpointInterval, resumeDir);
    }

    public CheckOptions withMemoryBytes(long bytes) {
        return new CheckOptions(properties, maxStates, timeLimit, threads, engine, walks, bytes,
                checkpointDir, checkpointInterval, resumeDir);
    }

    public CheckOptions withCheckpoint(Path dir, Duration interval) {
        return new CheckOptions(properties, maxStates, timeLimit, threads, engine, walks, memoryBytes,
                dir, interval, resumeDir);
    }

    public CheckOptions withResume(Path dir) {
        return new CheckOptions(properties, maxStates, timeLimit, threads, engine, walks, memoryBytes,
                checkpointDir, checkpointInterval, dir);
    }

    /** The checkpoint interval in effect. */
    public Duration effectiveCheckpointInterval() {
        return checkpointInterval == null ? DEFAULT_CHECKPOINT_INTERVAL : checkpointInterval;
    }
}
