package entrycheck.configs;

import java.util.List;
import java.util.Map;

/**
 * A covering set of configurations.
 *
 * @param rows          the configurations: every option's value, in declaration order
 * @param strength      T actually used (at most the number of factors)
 * @param validProduct  the number of valid configurations (the full product under the dependencies)
 * @param validTuples   the number of T-wise combinations of factor levels that some valid configuration has
 * @param allTuples     the number of T-wise combinations of factor levels, valid or not
 */
public record Covering(List<Map<String, Boolean>> rows, int strength, long validProduct, int validTuples, int allTuples) {
    public Covering { rows = List.copyOf(rows); }
}
