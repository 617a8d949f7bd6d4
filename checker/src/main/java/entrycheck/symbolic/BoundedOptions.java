package entrycheck.symbolic;

import java.time.Duration;
import java.util.Set;

/**
 * Immutable configuration of one bounded search.
 *
 * @param properties names of the properties to search violations of; empty = every property
 * @param depth      the bound K: look for violations whose traces have at most K steps
 * @param timeLimit  stop after this long (null: no limit)
 */
public record BoundedOptions(Set<String> properties, int depth, Duration timeLimit) {
    public BoundedOptions {
        properties = Set.copyOf(properties);
        if (depth < 0) throw new IllegalArgumentException("depth must be at least 0, but was " + depth);
    }
}
