package entrycheck.configs.choco;

import entrycheck.configs.Covering;
import entrycheck.configs.CoveringSolver;
import entrycheck.configs.Tuples;
import entrycheck.lang.Options;
import entrycheck.lang.Options.Formula;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;

/**
 * {@link CoveringSolver} on Choco Solver. The model: one level variable per factor (a bool
 * option: 0 = n, 1 = y; a choice: the index of its member), one Boolean per option tied to the
 * levels, and every {@link Options#constraints() constraint} posted. Three uses of it:
 * <ol>
 *   <li>the valid product is counted by enumerating its solutions;</li>
 *   <li>a T-wise combination is valid when the model with those levels fixed has a solution;</li>
 *   <li>rows are chosen greedily: each is the valid configuration that covers the most
 *       combinations not yet covered (a maximisation over reified "covers tuple i" Booleans),
 *       until every valid combination is covered. The first row is the default configuration
 *       (when it is valid), so a covering batch always checks what a plain {@code check} does.</li>
 * </ol>
 * The search branches on the levels in declaration order, smallest first, so the answer is
 * deterministic.
 *
 * <p>When the valid product is small (at most {@link #ENUMERATE_UP_TO} configurations, as for
 * every bundled model: 1,100 to 1,650), the configurations enumerated for the count are kept,
 * and steps 2 and 3 run over them in plain Java ({@link #fromConfigurations}): a combination is
 * valid when a kept configuration has it, and each row is the first kept configuration, in the
 * search's order, that covers the most uncovered combinations, which is the row the
 * maximisation finds (its search meets configurations in the same order and keeps the first
 * that is strictly better). The answer is the same; the time is not: one solver call per
 * combination and a maximisation over a reified Boolean per uncovered combination took 29 s at
 * strength 4 on x86_64/mainline and did not finish in minutes at strength 9.
 */
public final class ChocoCovering implements CoveringSolver {

    /** The largest valid product that is enumerated and covered without further solving. */
    public static final long ENUMERATE_UP_TO = 200_000;

    private final long enumerateUpTo;

    private ChocoCovering(long enumerateUpTo) { this.enumerateUpTo = enumerateUpTo; }

    public static CoveringSolver create() { return new ChocoCovering(ENUMERATE_UP_TO); }

    /** With another enumeration limit (0: always the solver's maximisation), to compare the two ways. */
    public static CoveringSolver create(long enumerateUpTo) { return new ChocoCovering(enumerateUpTo); }

    @Override
    public String name() { return "Choco Solver 4.10.18"; }

    @Override
    public Covering cover(Options options, int strength) {
        List<Options.Factor> factors = options.factors();
        int t = Math.max(1, Math.min(strength, factors.size()));
        List<Tuples> all = Tuples.all(factors, t);

        long product = 0;
        Base counting = new Base(options, factors);
        counting.search();
        List<int[]> configurations = new ArrayList<>();
        while (counting.solver.solve()) {
            product++;
            if (product <= enumerateUpTo) {
                int[] levels = new int[factors.size()];
                for (int i = 0; i < levels.length; i++) levels[i] = counting.level[i].getValue();
                configurations.add(levels);
            }
        }
        if (product <= enumerateUpTo) return fromConfigurations(options, factors, t, all, configurations);

        List<Tuples> valid = new ArrayList<>();
        Base check = new Base(options, factors);
        for (Tuples tu : all) {
            List<Constraint> fixed = new ArrayList<>();
            for (int i = 0; i < t; i++) fixed.add(check.model.arithm(check.level[tu.factors()[i]], "=", tu.levels()[i]));
            for (Constraint c : fixed) c.post();
            check.search();
            if (check.solver.solve()) valid.add(tu);
            check.solver.reset();
            for (Constraint c : fixed) check.model.unpost(c);
        }

        List<Map<String, Boolean>> rows = new ArrayList<>();
        List<Tuples> uncovered = new ArrayList<>(valid);
        Map<String, Boolean> defaults = options.defaults();
        if (options.violated(defaults).isEmpty()) {
            rows.add(defaults);
            uncovered.removeIf(tu -> tu.coveredBy(factors, defaults));
        }
        while (!uncovered.isEmpty()) {
            Map<String, Boolean> row = bestRow(options, factors, uncovered);
            rows.add(row);
            uncovered.removeIf(tu -> tu.coveredBy(factors, row));
        }
        return new Covering(rows, t, product, valid.size(), all.size());
    }

    /**
     * Steps 2 and 3 over the valid configurations, in the search's order. Combination k of
     * {@code all} is numbered as {@link Tuples#all} lists them: by factor set, then by levels
     * with the first factor's most significant.
     */
    private static Covering fromConfigurations(Options options, List<Options.Factor> factors, int t, List<Tuples> all,
                                               List<int[]> configurations) {
        List<int[]> sets = new ArrayList<>();
        List<Integer> bases = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            int[] fs = all.get(k).factors();
            if (sets.isEmpty() || !java.util.Arrays.equals(sets.get(sets.size() - 1), fs)) {
                sets.add(fs);
                bases.add(k);
            }
        }
        int[][] covered = new int[configurations.size()][];
        boolean[] valid = new boolean[all.size()];
        for (int c = 0; c < covered.length; c++) {
            int[] levels = configurations.get(c);
            covered[c] = new int[sets.size()];
            for (int s = 0; s < sets.size(); s++) {
                int index = 0;
                for (int f : sets.get(s)) index = index * factors.get(f).levels().size() + levels[f];
                covered[c][s] = bases.get(s) + index;
                valid[covered[c][s]] = true;
            }
        }
        int validCount = 0;
        for (boolean v : valid) if (v) validCount++;

        boolean[] done = new boolean[all.size()];
        int left = validCount;
        List<Map<String, Boolean>> rows = new ArrayList<>();
        Map<String, Boolean> defaults = options.defaults();
        if (options.violated(defaults).isEmpty()) {
            rows.add(defaults);
            for (int k = 0; k < all.size(); k++) {
                if (valid[k] && !done[k] && all.get(k).coveredBy(factors, defaults)) {
                    done[k] = true;
                    left--;
                }
            }
        }
        while (left > 0) {
            int best = -1, bestCount = 0;
            for (int c = 0; c < covered.length; c++) {
                int count = 0;
                for (int k : covered[c]) if (!done[k]) count++;
                if (count > bestCount) {
                    best = c;
                    bestCount = count;
                }
            }
            for (int k : covered[best]) done[k] = true;
            left -= bestCount;
            rows.add(row(options, factors, configurations.get(best)));
        }
        return new Covering(rows, t, configurations.size(), validCount, all.size());
    }

    /** The configuration of the given factor levels, by option name in declaration order. */
    private static Map<String, Boolean> row(Options options, List<Options.Factor> factors, int[] levels) {
        Map<String, Boolean> byFactor = new LinkedHashMap<>();
        for (int i = 0; i < levels.length; i++) byFactor.putAll(factors.get(i).assignment(levels[i]));
        Map<String, Boolean> row = new LinkedHashMap<>();
        for (Options.Option o : options.options()) row.put(o.name(), byFactor.get(o.name()));
        return row;
    }

    /** The valid configuration that covers the most of {@code uncovered} (ties: smallest levels in order). */
    private static Map<String, Boolean> bestRow(Options options, List<Options.Factor> factors, List<Tuples> uncovered) {
        Base b = new Base(options, factors);
        BoolVar[] covers = new BoolVar[uncovered.size()];
        for (int k = 0; k < covers.length; k++) {
            Tuples tu = uncovered.get(k);
            BoolVar[] eq = new BoolVar[tu.factors().length];
            for (int i = 0; i < eq.length; i++) eq[i] = b.model.arithm(b.level[tu.factors()[i]], "=", tu.levels()[i]).reify();
            covers[k] = eq.length == 1 ? eq[0] : b.model.and(eq).reify();
        }
        IntVar count = b.model.intVar("covered", 0, covers.length);
        b.model.sum(covers, "=", count).post();
        b.model.setObjective(Model.MAXIMIZE, count);
        b.search();
        int[] best = null;
        while (b.solver.solve()) {
            best = new int[b.level.length];
            for (int i = 0; i < best.length; i++) best[i] = b.level[i].getValue();
        }
        if (best == null) throw new IllegalStateException("no valid configuration covers a combination found valid");
        return row(options, factors, best);
    }

    /** The factor levels, the option Booleans and the constraints. */
    private static final class Base {
        final Model model = new Model("entrycheck-configs");
        final Solver solver = model.getSolver();
        final IntVar[] level;
        final Map<String, BoolVar> option = new LinkedHashMap<>();

        Base(Options options, List<Options.Factor> factors) {
            level = new IntVar[factors.size()];
            for (int i = 0; i < level.length; i++) {
                Options.Factor f = factors.get(i);
                level[i] = model.intVar(f.name(), 0, f.levels().size() - 1);
                if (!f.choice()) {
                    BoolVar v = model.boolVar(f.name() + "?");
                    model.arithm(v, "=", level[i]).post();
                    option.put(f.name(), v);
                } else {
                    for (int j = 0; j < f.levels().size(); j++) option.put(f.levels().get(j), model.arithm(level[i], "=", j).reify());
                }
            }
            for (Options.Constraint c : options.constraints()) model.arithm(bool(c.formula()), "=", 1).post();
        }

        void search() {
            solver.setSearch(Search.inputOrderLBSearch(level));
        }

        private BoolVar bool(Formula f) {
            if (f instanceof Formula.Var v) return option.get(v.name());
            if (f instanceof Formula.Lit l) return l.value() ? model.boolVar(true) : model.boolVar(false);
            if (f instanceof Formula.Not n) return bool(n.f()).not();
            if (f instanceof Formula.And a) return model.and(bool(a.a()), bool(a.b())).reify();
            if (f instanceof Formula.Or o) return model.or(bool(o.a()), bool(o.b())).reify();
            if (f instanceof Formula.Implies i) return model.or(bool(i.a()).not(), bool(i.b())).reify();
            if (f instanceof Formula.Iff e) return model.arithm(bool(e.a()), "=", bool(e.b())).reify();
            if (f instanceof Formula.ExactlyOne x) {
                BoolVar[] vs = x.names().stream().map(option::get).toArray(BoolVar[]::new);
                return model.sum(vs, "=", 1).reify();
            }
            throw new IllegalArgumentException("unknown formula " + f);
        }
    }
}
