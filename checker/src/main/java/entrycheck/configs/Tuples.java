package entrycheck.configs;

import entrycheck.lang.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The T-wise combinations of factor levels: {@code factors[i]} at level {@code levels[i]}. */
public record Tuples(int[] factors, int[] levels) {

    /** Every T-wise combination of the factors' levels, factors in increasing order. */
    public static List<Tuples> all(List<Options.Factor> factors, int t) {
        List<Tuples> out = new ArrayList<>();
        combine(factors, t, 0, new int[t], 0, out);
        return out;
    }

    private static void combine(List<Options.Factor> fs, int t, int from, int[] chosen, int k, List<Tuples> out) {
        if (k == t) {
            levels(fs, chosen, new int[t], 0, out);
            return;
        }
        for (int f = from; f < fs.size(); f++) {
            chosen[k] = f;
            combine(fs, t, f + 1, chosen, k + 1, out);
        }
    }

    private static void levels(List<Options.Factor> fs, int[] chosen, int[] lv, int k, List<Tuples> out) {
        if (k == chosen.length) {
            out.add(new Tuples(chosen.clone(), lv.clone()));
            return;
        }
        for (int l = 0; l < fs.get(chosen[k]).levels().size(); l++) {
            lv[k] = l;
            levels(fs, chosen, lv, k + 1, out);
        }
    }

    /** Whether {@code config} has this combination. */
    public boolean coveredBy(List<Options.Factor> fs, Map<String, Boolean> config) {
        for (int i = 0; i < factors.length; i++) if (fs.get(factors[i]).levelOf(config) != levels[i]) return false;
        return true;
    }

    /** {@code NAME=y, CHOICE=MEMBER} words. */
    public String describe(List<Options.Factor> fs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < factors.length; i++) {
            if (i > 0) sb.append(", ");
            Options.Factor f = fs.get(factors[i]);
            sb.append(f.name()).append('=').append(f.levels().get(levels[i]));
        }
        return sb.toString();
    }
}
