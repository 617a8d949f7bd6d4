package entrycheck.engine;

import static entrycheck.engine.ProgramBuilder.c;
import static entrycheck.engine.ProgramBuilder.r;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * A QuickTheories generator of small random IR programs: 1 to 4 variables with ranges of 1 to
 * 4 values, 1 to 6 rules with random pres (sometimes outside the domain), guards and updates
 * from a small grammar (every operator, conditionals, indexed reads and writes), sometimes an
 * invariant, checks and an end condition. Every choice is drawn from the randomness source, so
 * QuickTheories shrinks a failing program by shrinking the draws (toward smaller numbers,
 * which here means fewer and simpler parts).
 *
 * <p>QuickTheories draws the ends of a range much more often than the middle, so choices are
 * made through {@link #pick} tables whose two ends are benign (a plain read, a simple update):
 * otherwise most programs would be all domain errors with a single state.
 *
 * @param program  the program
 * @param selected a random selection of properties to check in a second run
 */
record RandomPrograms(Program program, boolean[] selected) {

    static Gen<RandomPrograms> cases() {
        Gen<RandomPrograms> g = RandomPrograms::generate;
        return g.describedAs(c -> Pretty.print(c.program()) + "selected " + Arrays.toString(c.selected()));
    }

    private static int draw(RandomnessSource in, int lo, int hi) {
        return Generate.range(lo, hi).generate(in);
    }

    /** Draws a choice index with the given weights (choice i has weight {@code weights[i]}). */
    private static int pick(RandomnessSource in, int... weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = draw(in, 0, total - 1);
        for (int i = 0; i < weights.length; i++) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        throw new AssertionError();
    }

    private static final int[] SIZES = {2, 1, 3, 4, 2, 3, 4, 2};

    private static RandomPrograms generate(RandomnessSource in) {
        ProgramBuilder b = new ProgramBuilder();
        int nVars = draw(in, 1, 4);
        Var[] vars = new Var[nVars];
        for (int i = 0; i < nVars; i++) {
            int lo = draw(in, -2, 1);
            int size = SIZES[draw(in, 0, SIZES.length - 1)];
            vars[i] = b.var("v" + i, lo, lo + size - 1, lo + draw(in, 0, size - 1));
        }
        int inv = b.property("inv", Property.Kind.INVARIANT);
        int chk = b.property("chk", Property.Kind.STEP_CHECK);
        Shape s = new Shape(in, vars, chk);
        int nRules = draw(in, 1, 6);
        for (int i = 0; i < nRules; i++) {
            List<Transition.Pre> pres = new ArrayList<>();
            int nPre = pick(in, 3, 2, 1, 2);
            nPre = nPre == 3 ? 0 : nPre;
            for (int k = 0; k < nPre; k++) {
                Var v = s.var();
                int value = pick(in, 9, 1, 9) == 1 ? v.type().lo() - 1 : v.type().lo() + draw(in, 0, v.type().size() - 1);
                pres.add(new Transition.Pre(v.id(), value));
            }
            Expr guard = draw(in, 0, 1) == 0 ? Expr.TRUE : s.expr(2);
            int nUp = 1 + pick(in, 5, 3, 2);
            Update[] ups = new Update[nUp];
            for (int k = 0; k < nUp; k++) ups[k] = s.update(1);
            b.rule("r" + i, pres, guard, ups);
        }
        if (pick(in, 2, 1, 2) == 1) b.invariant(inv, s.expr(2));
        if (pick(in, 2, 1, 2) == 1) b.end(s.expr(1));
        Program p = b.build();
        boolean[] selected = new boolean[p.properties().size()];
        for (int i = 0; i < selected.length; i++) selected[i] = draw(in, 0, 1) == 0;
        return new RandomPrograms(p, selected);
    }

    /** The grammar. */
    private record Shape(RandomnessSource in, Var[] vars, int chk) {

        Var var() { return vars[draw(in, 0, vars.length - 1)]; }

        int[] someVars() {
            int n = draw(in, 1, 3);
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) ids[i] = var().id();
            return ids;
        }

        /** An index into {@code vs}: mostly in range, sometimes anything. */
        Expr index(int[] vs, int base, int depth) {
            switch (pick(in, 3, 1, 1, 3)) {
                case 1: return r(var());
                case 2: return expr(depth);
                default: return c(base + draw(in, 0, vs.length - 1));
            }
        }

        Expr expr(int depth) {
            if (depth == 0) return draw(in, 0, 2) == 1 ? c(draw(in, -2, 4)) : r(var());
            //            read const binary unary cond inset indexed read
            switch (pick(in, 15, 15, 25, 8, 8, 8, 6, 15)) {
                case 1: return c(draw(in, -2, 4));
                case 2: {
                    Expr.BinOp op = Expr.BinOp.values()[draw(in, 0, Expr.BinOp.values().length - 1)];
                    return new Expr.Binary(op, expr(depth - 1), expr(depth - 1));
                }
                case 3: return new Expr.Unary(draw(in, 0, 1) == 0 ? Expr.UnOp.NOT : Expr.UnOp.NEG, expr(depth - 1));
                case 4: return new Expr.Cond(expr(depth - 1), expr(depth - 1), expr(depth - 1));
                case 5: {
                    int[] values = new int[draw(in, 1, 3)];
                    for (int i = 0; i < values.length; i++) values[i] = draw(in, -2, 4);
                    return new Expr.InSet(expr(depth - 1), values);
                }
                case 6: {
                    int[] vs = someVars();
                    int base = draw(in, -1, 1);
                    return new Expr.ReadIndexed(vs, index(vs, base, depth - 1), base);
                }
                default: return r(var());
            }
        }

        Update update(int depth) {
            Var v = var();
            int lo = v.type().lo(), hi = v.type().hi();
            //            const wrap step guarded raw check indexed if wrap
            int kind = pick(in, 15, 20, 15, 10, 6, 10, 7, depth > 0 ? 10 : 0, 7);
            switch (kind) {
                case 0: return new Update.Assign(v.id(), c(lo + draw(in, 0, hi - lo)));
                case 2: return new Update.Assign(v.id(), new Expr.Binary(Expr.BinOp.ADD, r(v), c(draw(in, -1, 1))));
                case 3: { // v = e in domain(v) ? e : lo: fails only when e does
                    Expr e = expr(2);
                    int[] domain = new int[hi - lo + 1];
                    for (int i = 0; i < domain.length; i++) domain[i] = lo + i;
                    return new Update.Assign(v.id(), new Expr.Cond(new Expr.InSet(e, domain), e, c(lo)));
                }
                case 4: return new Update.Assign(v.id(), expr(2));
                case 5: return new Update.Check(chk, expr(2), "chk");
                case 6: {
                    int[] vs = someVars();
                    int base = draw(in, -1, 1);
                    return new Update.AssignIndexed(vs, index(vs, base, 1), base, expr(1));
                }
                case 7: {
                    List<Update> then = List.of(update(depth - 1));
                    List<Update> otherwise = draw(in, 0, 1) == 0 ? List.of() : List.of(update(depth - 1));
                    return new Update.If(expr(1), then, otherwise);
                }
                default: // v = v < hi ? v + 1 : lo, never out of the domain
                    return new Update.Assign(v.id(), new Expr.Cond(new Expr.Binary(Expr.BinOp.LT, r(v), c(hi)),
                            new Expr.Binary(Expr.BinOp.ADD, r(v), c(1)), c(lo)));
            }
        }
    }
}
