package entrycheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void shardsAreDisjointCompleteAndBalanced() {
        qt().forAll(integers().between(0, 60), integers().between(1, 9)).checkAssert((size, n) -> {
            List<Integer> units = IntStream.range(0, size).boxed().toList();
            List<Integer> union = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int k = 1; k <= n; k++) {
                List<Integer> part = new Shard(k, n).select(units);
                for (Integer u : part) assertEquals(true, seen.add(u), "unit " + u + " in two shards");
                union.addAll(part);
                min = Math.min(min, part.size());
                max = Math.max(max, part.size());
            }
            union.sort(null);
            assertEquals(units, union);
            assertEquals(true, max - min <= 1);
        });
    }

    @Test
    void parsing() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1"));
    }
}
