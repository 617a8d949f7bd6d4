package entrycheck.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A stable partition of a manifest's units for CI matrices: shard K of N takes the units at
 * positions K-1, K-1+N, K-1+2N, ... of the canonical order ({@link Manifest#units()}). For one
 * manifest the N shards are disjoint and together hold every unit exactly once, and they differ
 * in size by at most one.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be K/N with 1 <= K <= N, got " + index + "/" + count);
        }
    }

    public static final Shard ALL = new Shard(1, 1);

    /** Parses {@code K/N}. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) throw new IllegalArgumentException("shard must be K/N (e.g. 1/4), got '" + text + "'");
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be K/N (e.g. 1/4), got '" + text + "'");
        }
    }

    public <T> List<T> select(List<T> units) {
        List<T> out = new ArrayList<>();
        for (int i = index - 1; i < units.size(); i += count) out.add(units.get(i));
        return out;
    }

    @Override public String toString() { return index + "/" + count; }
}
