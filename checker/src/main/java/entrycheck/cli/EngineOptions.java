package entrycheck.cli;

import entrycheck.engine.CheckOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The options of {@code check} that choose and tune the search engine. */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "KIND", converter = EngineConverter.class,
            description = "The search: bfs (default) is breadth-first, parallel (--threads) and reports "
                    + "shortest counterexamples; dfs is depth-first on one thread, needs less memory (no "
                    + "state store), and its counterexamples are DFS paths, not necessarily shortest; "
                    + "random runs random walks (--seed, --walks, --walk-depth) that find violations but "
                    + "never prove a property (exit 3 when none is found).")
    private CheckOptions.Engine engine = CheckOptions.Engine.BFS;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the breadth-first search (default: all cores). Every N gives "
                    + "the same states, verdicts and counterexamples. With several models, the budget of "
                    + "the whole run: up to N models are checked at once, and a model's search uses the "
                    + "threads the others leave free.")
    private Integer threads;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of --engine random (default: 1): the same seed gives the same walks.")
    private Long seed;

    @Option(names = "--walks", paramLabel = "N",
            description = "Number of random walks (default: 1000).")
    private Long walks;

    @Option(names = "--walk-depth", paramLabel = "D",
            description = "Steps per random walk at most (default: 1000).")
    private Integer walkDepth;

    @Option(names = "--memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Memory budget of the search's visited set and states, e.g. 512m, 4g (default: "
                    + "3/4 of the JVM's maximum heap; JAVA_OPTS=-Xmx8g raises that). When it is reached "
                    + "the search stops cleanly with the statistics so far (exit 3).")
    private Long memory;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Write a checkpoint of the breadth-first search into DIR periodically "
                    + "(--checkpoint-interval) and when it stops early (a limit, Ctrl-C).")
    private Path checkpoint;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between checkpoints, e.g. 5m (default: 10m).")
    private Duration checkpointInterval;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the breadth-first search from the checkpoint in DIR (of the same model, "
                    + "constants and -p properties); the final results are those of an uninterrupted run.")
    private Path resume;

    @Option(names = {"-q", "--quiet"},
            description = "No progress line. (It is shown, on stderr, only when the output is a terminal.)")
    private boolean quiet;

    boolean quiet() { return quiet; }

    boolean checkpoints() { return checkpoint != null || resume != null; }

    /**
     * The engine part of the options, on top of {@code base} (properties and limits).
     *
     * @throws ParameterException for a combination that does not apply
     */
    CheckOptions apply(CheckOptions base, CommandLine cmd) {
        if (threads != null && threads < 1) {
            throw new ParameterException(cmd, "--threads must be at least 1, but was " + threads);
        }
        if (walks != null && walks < 1) throw new ParameterException(cmd, "--walks must be at least 1, but was " + walks);
        if (walkDepth != null && walkDepth < 1) {
            throw new ParameterException(cmd, "--walk-depth must be at least 1, but was " + walkDepth);
        }
        boolean random = engine == CheckOptions.Engine.RANDOM;
        if (!random && (seed != null || walks != null || walkDepth != null)) {
            throw new ParameterException(cmd, "--seed, --walks and --walk-depth apply to --engine random only");
        }
        if (engine != CheckOptions.Engine.BFS && (threads != null || checkpoint != null || resume != null)) {
            throw new ParameterException(cmd, "--threads, --checkpoint and --resume apply to --engine bfs only");
        }
        if (checkpointInterval != null && checkpoint == null && resume == null) {
            throw new ParameterException(cmd, "--checkpoint-interval needs --checkpoint DIR");
        }
        CheckOptions.Walks w = CheckOptions.Walks.DEFAULT;
        w = new CheckOptions.Walks(seed != null ? seed : w.seed(), walks != null ? walks : w.count(),
                walkDepth != null ? walkDepth : w.depth());
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        // resuming keeps checkpointing into the same directory unless told otherwise
        Path dir = checkpoint != null ? checkpoint : resume;
        return base.withEngine(engine).withThreads(engine == CheckOptions.Engine.BFS ? n : 1).withWalks(w)
                .withMemoryBytes(memory != null ? memory : 0)
                .withCheckpoint(dir, checkpointInterval).withResume(resume);
    }

    /** A note for the report's header line: which engine, when it is not the default. */
    String describe() {
        switch (engine) {
            case DFS: return "depth-first";
            case RANDOM: return "random walks, seed " + (seed != null ? seed : CheckOptions.Walks.DEFAULT.seed());
            default: return "";
        }
    }

    /** {@code bfs}, {@code dfs}, {@code random}, in any case. */
    static final class EngineConverter implements ITypeConverter<CheckOptions.Engine> {
        @Override
        public CheckOptions.Engine convert(String text) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "bfs": return CheckOptions.Engine.BFS;
                case "dfs": return CheckOptions.Engine.DFS;
                case "random": return CheckOptions.Engine.RANDOM;
                default: throw new TypeConversionException("expected bfs, dfs or random, but was '" + text + "'");
            }
        }
    }
}
