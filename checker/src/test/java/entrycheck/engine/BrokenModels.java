package entrycheck.engine;

import static entrycheck.engine.ProgramBuilder.c;
import static entrycheck.engine.ProgramBuilder.check;
import static entrycheck.engine.ProgramBuilder.eq;
import static entrycheck.engine.ProgramBuilder.pre;
import static entrycheck.engine.ProgramBuilder.r;
import static entrycheck.engine.ProgramBuilder.set;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import java.util.List;

/** Small models with known violations. */
final class BrokenModels {
    private BrokenModels() { }

    /**
     * n processes that test the lock and take it in two separate steps (test, then set), so two
     * can be inside at once: the check {@code mutex} (property 2) in the critical section fails.
     */
    static Program racyLock(int n) {
        ProgramBuilder b = new ProgramBuilder();
        Var lock = b.var("lock", 0, n, 0);
        Var[] pc = new Var[n];
        for (int i = 0; i < n; i++) pc[i] = b.enumVar("pc[" + i + "]", BenchModels.PC, BenchModels.TOP);
        int mutex = b.property("mutex", Property.Kind.STEP_CHECK);
        for (int i = 0; i < n; i++) {
            List<Transition.Pre> top = List.of(pre(pc[i], BenchModels.TOP));
            b.rule("test(" + i + ")", top, eq(r(lock), c(0)), set(pc[i], c(BenchModels.CHK)));
            b.rule("set(" + i + ")", List.of(pre(pc[i], BenchModels.CHK)), Expr.TRUE, set(lock, c(i + 1)), set(pc[i], c(BenchModels.REL)));
            b.rule("crit(" + i + ")", List.of(pre(pc[i], BenchModels.REL)), Expr.TRUE,
                    check(mutex, eq(r(lock), c(i + 1)), "lock taken by another process in crit(" + i + ")"),
                    set(lock, c(0)), set(pc[i], c(BenchModels.TOP)));
        }
        return b.build();
    }
}
