package entrycheck.engine;

import static entrycheck.engine.ProgramBuilder.add;
import static entrycheck.engine.ProgramBuilder.and;
import static entrycheck.engine.ProgramBuilder.c;
import static entrycheck.engine.ProgramBuilder.check;
import static entrycheck.engine.ProgramBuilder.eq;
import static entrycheck.engine.ProgramBuilder.lt;
import static entrycheck.engine.ProgramBuilder.pre;
import static entrycheck.engine.ProgramBuilder.r;
import static entrycheck.engine.ProgramBuilder.set;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import java.util.List;

/**
 * The cross-tool benchmark /work/shared/bench/big.m (and big.pml) as IR, the way the plain
 * rule form compiles it (LANGUAGE.md section 10): {@code a: array [N] of 0..MAX},
 * {@code lock: 0..N}, {@code pc: array [N] of {TOP, CHK, REL}}, rules inc, take, chk, rel per
 * process in that order, the assert as a {@code Check} of property {@code mutex}.
 */
final class BenchModels {
    private BenchModels() { }

    static final Type.Enum PC = new Type.Enum("pc_t", List.of("TOP", "CHK", "REL"));
    static final int TOP = 0, CHK = 1, REL = 2;

    /** big.m itself: N = 7, counters 0..7. */
    static Program big() { return big(7, 7, false); }

    /**
     * @param n            processes
     * @param max          counters run 0..max
     * @param equalsInPre  put the guards' {@code var == const} conjuncts in {@code pre} too
     *                     (exercises the dispatch tree on several variables)
     */
    static Program big(int n, int max, boolean equalsInPre) {
        ProgramBuilder b = new ProgramBuilder();
        Var[] a = new Var[n];
        Var[] pc = new Var[n];
        for (int i = 0; i < n; i++) a[i] = b.var("a[" + i + "]", 0, max, 0);
        Var lock = b.var("lock", 0, n, 0);
        for (int i = 0; i < n; i++) pc[i] = b.enumVar("pc[" + i + "]", PC, TOP);
        int mutex = b.property("mutex", Property.Kind.STEP_CHECK);
        for (int i = 0; i < n; i++) {
            b.rule("inc(" + i + ")", List.of(pre(pc[i], TOP)), lt(r(a[i]), c(max)), set(a[i], add(r(a[i]), c(1))));
        }
        for (int i = 0; i < n; i++) {
            List<Transition.Pre> pres = equalsInPre
                    ? List.of(pre(pc[i], TOP), pre(a[i], max), pre(lock, 0)) : List.of(pre(pc[i], TOP));
            Expr guard = equalsInPre ? Expr.TRUE : and(eq(r(a[i]), c(max)), eq(r(lock), c(0)));
            b.rule("take(" + i + ")", pres, guard, set(lock, c(i + 1)), set(pc[i], c(CHK)));
        }
        for (int i = 0; i < n; i++) {
            b.rule("chk(" + i + ")", List.of(pre(pc[i], CHK)), Expr.TRUE,
                    check(mutex, eq(r(lock), c(i + 1)), "lock == " + (i + 1) + " fails in chk(" + i + ")"),
                    set(pc[i], c(REL)));
        }
        for (int i = 0; i < n; i++) {
            b.rule("rel(" + i + ")", List.of(pre(pc[i], REL)), Expr.TRUE, set(a[i], c(0)), set(lock, c(0)), set(pc[i], c(TOP)));
        }
        return b.build();
    }
}
