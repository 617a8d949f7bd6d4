package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import entrycheck.lang.AstDecl;
import entrycheck.lang.AstExpr;
import entrycheck.lang.AstPrinter;
import entrycheck.lang.AstStmt;
import entrycheck.lang.LType;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deliveries and returns (LANGUAGE.md section 6): the DELIVER transitions of async and
 * {@code sync anywhere} vectors, {@code raise} and {@code may_raise} steps, and the RETURN
 * transition of {@code iret}, with the captures and checks of the balanced and frame
 * properties.
 */
final class EntryCompiler {
    private final Symbols syms;
    private final Layout lay;
    private final Control ctl;
    private final ExprCompiler ex;
    private final AtomicCompiler atomic;
    private final Props props;
    private final CodeCompiler[] levels;
    private final int frameIntact;
    private final Map<String, Place.Frame> frames = new HashMap<>();

    EntryCompiler(Symbols syms, Layout lay, Control ctl, ExprCompiler ex, AtomicCompiler atomic, Props props, CodeCompiler[] levels) {
        this.syms = syms;
        this.lay = lay;
        this.ctl = ctl;
        this.ex = ex;
        this.atomic = atomic;
        this.props = props;
        this.levels = levels;
        this.frameIntact = props.ofKind(syms, AstDecl.PropBody.FrameIntact.class);
    }

    private static Expr c(int v) { return ExprCompiler.c(v); }

    private Symbols.StackInfo task() { return syms.taskStack() == null ? null : syms.stacks().get(syms.taskStack()); }

    /** The stacks the frame of an activation of vector {@code v} at {@code level} can be on, in stack order. */
    List<Symbols.StackInfo> stacksFor(int level, Symbols.VectorInfo v) {
        Set<Symbols.StackInfo> s = new LinkedHashSet<>();
        if (v.decl().ist() != null) {
            s.add(syms.stacks().get(v.decl().ist()));
            if (v.decl().userOnTask()) s.add(task());
        } else {
            s.add(task());
            if (level > 1) s.addAll(stacksAt(level - 1));
        }
        return ordered(s);
    }

    /** The stacks any activation at {@code level} (at least 1) can be on. */
    List<Symbols.StackInfo> stacksAt(int level) {
        Set<Symbols.StackInfo> s = new LinkedHashSet<>();
        for (Symbols.VectorInfo v : syms.vectors().values()) s.addAll(stacksFor(level, v));
        return ordered(s);
    }

    private List<Symbols.StackInfo> ordered(Set<Symbols.StackInfo> s) {
        List<Symbols.StackInfo> out = new ArrayList<>();
        for (Symbols.StackInfo x : syms.stacks().values()) if (s.contains(x)) out.add(x);
        return out;
    }

    /** The frame of the activation at {@code level} running entry procedure {@code root}, or null without stacks. */
    Place.Frame ownFrame(int level, String root) {
        if (syms.stacks().isEmpty() || level == 0) return null;
        return frames.computeIfAbsent(level + "/" + root, k -> {
            Set<Symbols.StackInfo> s = new LinkedHashSet<>();
            for (Symbols.VectorInfo v : syms.vectorsEntering(root)) s.addAll(stacksFor(level, v));
            return lay.frameAt(ctl, level, ordered(s));
        });
    }

    private Place.Frame deliveredFrame(int level, Symbols.VectorInfo v) {
        if (syms.stacks().isEmpty()) return null;
        return frames.computeIfAbsent(level + "/@" + v.name(), k -> lay.frameAt(ctl, level, stacksFor(level, v)));
    }

    /** The vector a step at {@code level} of entry procedure {@code root} runs for, when there is only one. */
    String vectorOf(int level, String root) {
        if (level == 0) return "";
        List<Symbols.VectorInfo> vs = syms.vectorsEntering(root);
        return vs.size() == 1 ? vs.get(0).name() : "";
    }

    private static boolean covers(AstDecl.PropBody.Balanced b, String vector) {
        return b.vectors().isEmpty() || b.vectors().contains(vector);
    }

    // ---- delivery ----

    /** Whether a delivery at {@code level} may happen at all, and its count guard. */
    Expr countGuard(Symbols.VectorInfo v) {
        if (v.max() < 0) return Expr.TRUE;
        return ExprCompiler.bin(Expr.BinOp.LT, ExprCompiler.read(ctl.count(v.name())), c(v.max()));
    }

    /** The updates of delivering {@code v} from level {@code level} to level + 1 (one atomic transition). */
    List<Update> deliver(int level, Symbols.VectorInfo v) {
        int to = level + 1;
        List<Update> out = new ArrayList<>();
        Ctx here = new Ctx(level, null, Map.of(), null, -1, false);
        for (AstDecl.Property p : syms.properties().values()) {
            if (!(p.body() instanceof AstDecl.PropBody.Balanced) || !covers((AstDecl.PropBody.Balanced) p.body(), v.name())) continue;
            List<AstExpr> es = ((AstDecl.PropBody.Balanced) p.body()).exprs();
            for (int i = 0; i < es.size(); i++) out.add(new Update.Assign(ctl.cap(to, p.name(), i), ex.value(es.get(i), here, null)));
        }
        if (!syms.stacks().isEmpty()) out.addAll(chooseSlot(level, v));
        out.add(new Update.Assign(ctl.vec(to), c(v.index())));
        Cont start = levels[to].entryCont.get(v.decl().enters());
        out.add(new Update.Assign(ctl.pc(to), c(start.loc())));
        out.add(new Update.Assign(ctl.depth, c(to)));
        if (v.max() >= 0) {
            int cnt = ctl.count(v.name());
            out.add(new Update.Assign(cnt, ExprCompiler.bin(Expr.BinOp.ADD, ExprCompiler.read(cnt), c(1))));
        }
        Place.Frame fr = deliveredFrame(to, v);
        Ctx blk = new Ctx(to, null, Map.of(), fr, -1, false);
        if (fr != null && fr.fields().containsKey("rip")) out.add(Place.assign(fr.fields().get("rip"), c(0)));
        if (syms.hardware() != null && syms.hardware().deliver() != null) {
            out.addAll(atomic.seq(syms.hardware().deliver().stmts(), blk, List.of()));
        }
        if (v.decl().deliver() != null) out.addAll(atomic.seq(v.decl().deliver().stmts(), blk, List.of()));
        if (fr != null) {
            if (fr.owner() != null) out.add(Place.assign(fr.owner(), c(to)));
            for (Place w : fr.written().values()) out.add(Place.assign(w, c(0)));
            if (frameIntact >= 0) {
                for (Symbols.FrameField f : syms.frame().fields()) {
                    if (f.region().equals("hw") && !f.name().equals("rip")) {
                        out.add(new Update.Assign(ctl.pushed(to, f.name()), Place.read(fr.fields().get(f.name()))));
                    }
                }
            }
        }
        out.addAll(start.pre());
        return out;
    }

    /** Sets fstack/fslot of level + 1 (LANGUAGE.md section 6, step 2); a slot past the stack fails 'domain'. */
    private List<Update> chooseSlot(int level, Symbols.VectorInfo v) {
        int to = level + 1;
        Symbols.StackInfo task = task();
        List<Update> onTask = task == null ? null : place(to, task.index(), c(0));
        Expr user = userMode(level);
        if (v.decl().ist() != null) {
            List<Update> ist = place(to, syms.stacks().get(v.decl().ist()).index(), c(0));
            return v.decl().userOnTask() ? AtomicCompiler.branch(user, onTask, ist) : ist;
        }
        if (level == 0) return onTask;
        List<Update> next = null;
        List<Symbols.StackInfo> cands = stacksAt(level);
        for (int i = cands.size() - 1; i >= 0; i--) {
            List<Update> bump = bump(level, cands.get(i));
            next = next == null ? bump
                    : AtomicCompiler.branch(ExprCompiler.eq(ExprCompiler.read(ctl.fstack(level)), c(cands.get(i).index())), bump, next);
        }
        return AtomicCompiler.branch(user, onTask, next);
    }

    private List<Update> place(int level, int stack, Expr slot) {
        List<Update> out = new ArrayList<>();
        out.add(new Update.Assign(ctl.fstack(level), c(stack)));
        out.add(new Update.Assign(ctl.fslot(level), slot));
        return out;
    }

    /** The next slot of stack {@code s} after the interrupted activation's one. */
    private List<Update> bump(int level, Symbols.StackInfo s) {
        Expr slot = ExprCompiler.read(ctl.fslot(level));
        Expr next = ExprCompiler.bin(Expr.BinOp.ADD, slot, c(1));
        List<Update> overflow = new ArrayList<>();
        overflow.add(new Update.Check(props.domain(), Expr.FALSE, "stack overflow on " + s.name()
                + " (all " + s.slots() + " slot" + (s.slots() == 1 ? "" : "s") + " in use)"));
        overflow.addAll(place(level + 1, s.index(), slot));
        if (s.slots() == 1) return overflow;
        return AtomicCompiler.branch(ExprCompiler.bin(Expr.BinOp.LT, next, c(s.slots())), place(level + 1, s.index(), next), overflow);
    }

    private Expr userMode(int level) {
        AstDecl.Hardware hw = syms.hardware();
        if (hw == null || hw.userWhen() == null) return Expr.FALSE;
        return ex.value(hw.userWhen(), new Ctx(level, null, Map.of(), null, -1, false), null);
    }

    /** The async and sync-anywhere deliveries from level {@code level}. */
    List<Draft> deliveries(int level) {
        List<Draft> out = new ArrayList<>();
        if (level >= ctl.maxLevel) return out;
        for (Symbols.VectorInfo v : syms.vectors().values()) {
            if (v.decl().kind() == AstDecl.VectorKind.SYNC) continue;
            Expr when = v.decl().when() == null ? Expr.TRUE
                    : ex.value(v.decl().when(), new Ctx(level, null, Map.of(), null, -1, false), null);
            Expr guard = ExprCompiler.and(when, countGuard(v));
            if (guard instanceof Expr.Const && ((Expr.Const) guard).value() == 0) continue;
            String src = syms.procs().get(v.decl().enters()).decl().source();
            out.add(new Draft("deliver " + v.name(), src, Transition.Kind.DELIVER, level, v.name(),
                    List.of(new Transition.Pre(ctl.depth, level)), guard, deliver(level, v)));
        }
        return out;
    }

    /** {@code raise V} (trap: the pc advances first) or {@code may_raise V} (fault: skip, or deliver with pc unchanged). */
    void raise(CodeCompiler code, int loc, AstStmt.Raise r, List<Update> advance) {
        int level = code.level;
        Symbols.VectorInfo v = syms.vectors().get(r.vector());
        boolean possible = level < ctl.maxLevel;
        if (r.may()) {
            code.step(loc, advance, " (no fault)", Transition.Kind.STEP, Expr.TRUE);
            if (possible) code.step(loc, deliver(level, v), " (fault)", Transition.Kind.DELIVER, countGuard(v), v.name());
            return;
        }
        if (!possible) {
            code.step(loc, advance, " (beyond the nesting bound: no-op)", Transition.Kind.STEP, Expr.TRUE);
            return;
        }
        List<Update> ups = new ArrayList<>(advance);
        ups.addAll(deliver(level, v));
        Expr g = countGuard(v);
        code.step(loc, ups, "", Transition.Kind.DELIVER, g, v.name());
        if (v.max() >= 0) {
            code.step(loc, advance, " (max reached: no-op)", Transition.Kind.STEP, new Expr.Unary(Expr.UnOp.NOT, g));
        }
    }

    // ---- return ----

    /** The RETURN transition of an {@code iret} at location {@code loc} of {@code code}. */
    void iret(CodeCompiler code, int loc, AstStmt.Iret r, Instance in) {
        int level = code.level;
        Ctx own = code.ctx(in, loc);
        Place.Frame fr = r.via() == null ? own.frame() : (Place.Frame) ex.place(r.via(), own, null);
        List<Update> ups = new ArrayList<>();
        if (syms.hardware() != null && syms.hardware().iret() != null) {
            ups.addAll(atomic.seq(syms.hardware().iret().stmts(), new Ctx(level, null, Map.of(), fr, loc, false), List.of()));
        }
        List<Update> end = new ArrayList<>(checks(level, in.root, fr));
        end.addAll(deadFrame(fr));
        if (own.frame() != null && own.frame() != fr) end.addAll(deadFrame(own.frame()));
        for (Var v : ctl.levelVars.get(level)) end.add(new Update.Assign(v.id(), c(v.init())));
        end.add(new Update.Assign(ctl.depth, c(level - 1)));
        if (fr == null || !fr.fields().containsKey("rip") || syms.retLabels().isEmpty()) {
            ups.addAll(end);
        } else {
            Expr rip = Place.read(fr.fields().get("rip"));
            List<Update> other = List.of(new Update.Check(props.domain(), Expr.FALSE,
                    "iret to a return address that is not a label of " + in.root));
            Instance root = code.roots.stream().filter(x -> x.proc.equals(in.root)).findFirst().get();
            List<String> labels = syms.retLabels();
            for (int i = labels.size() - 1; i >= 0; i--) {
                Cont k = root.labelCont.get(labels.get(i));
                if (k == null) continue;
                other = AtomicCompiler.branch(ExprCompiler.eq(rip, c(i + 1)), atomic.jump(level, k), other);
            }
            ups.addAll(AtomicCompiler.branch(ExprCompiler.eq(rip, c(0)), end, other));
        }
        code.step(loc, ups, "", Transition.Kind.RETURN, Expr.TRUE);
    }

    /**
     * When an entry ends, the hardware words of the frame it returned through (and of its own
     * slot) are dead: every delivery into the slot writes them before anything reads them, and a
     * copy into a frame cell copies them from a frame that delivery just wrote. Their ownership
     * tag and written-bits are dead too. Resetting them to their initial values changes no
     * behaviour and no check (an entry still active on a slot that another entry took finds the
     * slot owned by no one, which is not itself), but keeps stale copies from multiplying the
     * states. The other regions (zeroed, uninit, arch, saved) keep their contents: a later entry
     * that reads them without writing them must find what was left there.
     */
    private List<Update> deadFrame(Place.Frame fr) {
        List<Update> out = new ArrayList<>();
        if (fr == null) return out;
        if (fr.owner() != null) out.add(Place.assign(fr.owner(), c(0)));
        for (Place w : fr.written().values()) out.add(Place.assign(w, c(0)));
        for (Symbols.FrameField f : syms.frame().fields()) {
            if (!f.region().equals("hw")) continue;
            Place p = fr.fields().get(f.name());
            if (p != null) out.add(Place.assign(p, c(f.type() instanceof LType.IntT ? ((LType.IntT) f.type()).lo() : 0)));
        }
        return out;
    }

    /** The checks at the return that ends an entry: frame intact, then each balanced property. */
    private List<Update> checks(int level, String root, Place.Frame fr) {
        List<Update> out = new ArrayList<>();
        if (frameIntact >= 0 && fr != null && fr.owner() != null) {
            out.add(new Update.Check(frameIntact, ExprCompiler.eq(Place.read(fr.owner()), c(level)),
                    "the frame this iret returns through was overwritten by another entry (it does not own it)"));
            for (Symbols.FrameField f : syms.frame().fields()) {
                if (!f.region().equals("hw") || f.name().equals("rip")) continue;
                out.add(new Update.Check(frameIntact, ExprCompiler.eq(Place.read(fr.fields().get(f.name())),
                        ExprCompiler.read(ctl.pushed(level, f.name()))),
                        "frame." + f.name() + " at return differs from the value delivery pushed"));
            }
        }
        List<Symbols.VectorInfo> vs = syms.vectorsEntering(root);
        for (AstDecl.Property p : syms.properties().values()) {
            if (!(p.body() instanceof AstDecl.PropBody.Balanced)) continue;
            AstDecl.PropBody.Balanced b = (AstDecl.PropBody.Balanced) p.body();
            List<Integer> covered = new ArrayList<>();
            for (Symbols.VectorInfo v : vs) if (covers(b, v.name())) covered.add(v.index());
            if (covered.isEmpty()) continue;
            Expr applies = covered.size() == vs.size() ? Expr.TRUE
                    : ExprCompiler.inSet(ExprCompiler.read(ctl.vec(level)), covered.stream().mapToInt(Integer::intValue).toArray());
            Ctx here = new Ctx(level, null, Map.of(), null, -1, false);
            for (int i = 0; i < b.exprs().size(); i++) {
                AstExpr e = b.exprs().get(i);
                Expr same = ExprCompiler.eq(ex.value(e, here, null), ExprCompiler.read(ctl.cap(level, p.name(), i)));
                out.add(new Update.Check(props.id(p.name()), ExprCompiler.bin(Expr.BinOp.IMPLIES, applies, same),
                        AstPrinter.expr(e) + " at return differs from its value at delivery"));
            }
        }
        return out;
    }
}
