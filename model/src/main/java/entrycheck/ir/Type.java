package entrycheck.ir;

import java.util.List;

/**
 * A finite domain. Values are plain ints: booleans are 0/1, enums their ordinal,
 * ranges their integer value. A value is stored in the state vector as {@code value - lo()}.
 */
public sealed interface Type permits Type.Bool, Type.Range, Type.Enum {
    int lo();
    int hi();
    default int size() { return hi() - lo() + 1; }
    default boolean contains(int v) { return v >= lo() && v <= hi(); }
    /** Human-readable form of a value of this type (for traces). */
    String format(int v);

    record Bool() implements Type {
        public int lo() { return 0; }
        public int hi() { return 1; }
        public String format(int v) { return v != 0 ? "true" : "false"; }
        @Override public String toString() { return "bool"; }
    }

    record Range(int lo, int hi) implements Type {
        public Range {
            if (hi < lo) throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        }
        public String format(int v) { return Integer.toString(v); }
        @Override public String toString() { return lo + ".." + hi; }
    }

    record Enum(String name, List<String> values) implements Type {
        public Enum { values = List.copyOf(values); }
        public int lo() { return 0; }
        public int hi() { return values.size() - 1; }
        public String format(int v) { return v >= 0 && v < values.size() ? values.get(v) : "?" + v; }
        @Override public String toString() { return name; }
    }

    Bool BOOL = new Bool();
}
