package entrycheck.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * The packing of all variables into a fixed-width bit vector of {@code words()} longs.
 * Variables are packed greedily in declaration order; a variable never crosses a word boundary.
 */
public record StateLayout(List<Var> vars, int words) {

    public StateLayout { vars = List.copyOf(vars); }

    public Var var(int id) { return vars.get(id); }

    public int bits() {
        int b = 0;
        for (Var v : vars) b += v.width();
        return b;
    }

    /** Reads the value of variable {@code v} from a packed state. */
    public static int get(long[] state, Var v) {
        return (int) ((state[v.word()] >>> v.shift()) & v.mask()) + v.type().lo();
    }

    /** Writes value {@code value} (which must be in the domain) of variable {@code v}. */
    public static void set(long[] state, Var v, int value) {
        long enc = (long) (value - v.type().lo()) & v.mask();
        state[v.word()] = (state[v.word()] & ~(v.mask() << v.shift())) | (enc << v.shift());
    }

    /** Incremental builder that assigns word/shift positions. */
    public static final class Builder {
        private final List<Var> vars = new ArrayList<>();
        private int word = 0;
        private int used = 0;

        public Var add(String name, Type type, Var.Role role, int init) {
            if (!type.contains(init)) {
                throw new IllegalArgumentException("initial value " + init + " of " + name + " not in " + type);
            }
            int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(type.size() - 1));
            if (used + width > 64) { word++; used = 0; }
            Var v = new Var(vars.size(), name, type, role, init, word, used, width);
            used += width;
            vars.add(v);
            return v;
        }

        public int size() { return vars.size(); }

        public StateLayout build() {
            return new StateLayout(vars, vars.isEmpty() ? 1 : word + 1);
        }
    }

    /** The initial state: every variable at its {@code init} value. */
    public long[] initialState() {
        long[] s = new long[words];
        for (Var v : vars) set(s, v, v.init());
        return s;
    }
}
