package entrycheck.engine;

import java.time.Duration;
import java.util.Set;

/**
 * Immutable configuration of one check run.
 *
 * @param properties names of the properties to check; empty = every property of the model
 * @param maxStates  stop with an incomplete result after this many distinct states (0 = no limit)
 * @param timeLimit  stop with an incomplete result after this long (null = no limit)
 * @param threads    worker threads (1 = sequential)
 */
public record CheckOptions(Set<String> properties, long maxStates, Duration timeLimit, int threads) {
    public CheckOptions { properties = Set.copyOf(properties); }

    public static CheckOptions defaults() { return new CheckOptions(Set.of(), 0, null, 1); }
}
