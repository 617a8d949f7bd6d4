package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import entrycheck.lang.AstDecl;
import entrycheck.lang.AstExpr;
import entrycheck.lang.AstStmt;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The code of one nesting level: numbers its code locations (every simple statement of every
 * inlined procedure instance, in code order), then generates one STEP transition per
 * location (several for {@code choose} and {@code may_raise}).
 *
 * <p>Level 0 runs the start procedure; each level above runs the entry procedures of the
 * vectors, location 0 meaning "no activation". Each top-level procedure has a final
 * location (its end, reached by falling off its body or by {@code return}) where it has no
 * transition.
 */
final class CodeCompiler {
    /** A code location. */
    record Loc(String name, AstStmt stmt, Instance inst, String source, boolean instrumentable) { }

    final int level;
    final Symbols syms;
    final List<Loc> locs = new ArrayList<>();
    final List<Instance> roots = new ArrayList<>();
    final List<Instance> instances = new ArrayList<>();
    final Map<String, Integer> endLoc = new HashMap<>();
    final Map<String, Cont> entryCont = new HashMap<>();
    /** The location whose step initialises the start procedure's locals, or -1. */
    int startLoc = -1;
    private String pending;
    private final StepNames stepNames = new StepNames();
    private ExprCompiler ex;
    private AtomicCompiler atomic;
    private EntryCompiler entry;
    private Control ctl;
    private boolean emit;
    private final List<Draft> drafts = new ArrayList<>();

    CodeCompiler(int level, Symbols syms, List<String> rootProcs) {
        this.level = level;
        this.syms = syms;
        if (level > 0) locs.add(new Loc("dead", null, null, "", false));
        if (rootProcs.isEmpty()) locs.add(new Loc("idle", null, null, "", false));
        for (String p : rootProcs) {
            AstDecl.Proc d = syms.procs().get(p).decl();
            Instance in = new Instance(p, null, level, p, Map.of(), null, false, d.source());
            roots.add(in);
            instances.add(in);
            if (level == 0 && needsStart(d.body().stmts(), 0)) {
                startLoc = locs.size();
                locs.add(new Loc(p + ":start", null, in, d.source(), false));
            }
            number(d.body(), in, d.source(), false);
            endLoc.put(p, locs.size());
            locs.add(new Loc(p + ":end", null, in, d.source(), false));
        }
    }

    /** The location the level starts at (level 0: its initial pc). */
    int initialLoc() {
        if (level > 0) return 0;
        if (roots.isEmpty()) return 0;
        return startLoc >= 0 ? startLoc : entryCont.getOrDefault(roots.get(0).proc, Cont.at(0)).loc();
    }

    /** Whether control reaches the first step of {@code stmts[i..]} through declarations or calls that run updates. */
    private boolean needsStart(List<AstStmt> stmts, int i) {
        for (int k = i; k < stmts.size(); k++) {
            Boolean r = needsStart(stmts.get(k));
            if (r != null) return r;
        }
        return false;
    }

    /** TRUE: updates run before the first step; FALSE: a step comes first; null: passes through. */
    private Boolean needsStart(AstStmt s) {
        if (s instanceof AstStmt.Labeled) return needsStart(((AstStmt.Labeled) s).body());
        if (s instanceof AstStmt.Sourced) return needsStart(((AstStmt.Sourced) s).body());
        if (s instanceof AstStmt.Instrumentable) return needsStart(((AstStmt.Instrumentable) s).body());
        if (s instanceof AstStmt.Block) {
            for (AstStmt x : ((AstStmt.Block) s).stmts()) {
                Boolean r = needsStart(x);
                if (r != null) return r;
            }
            return null;
        }
        if (s instanceof AstStmt.LocalVar) return true;
        AstExpr.Call call = callOf(s);
        if (call != null) {
            Symbols.ProcInfo p = syms.procs().get(call.name());
            if (p.params().stream().anyMatch(x -> !x.ref())) return true;
            Boolean r = needsStart(p.decl().body());
            if (r == null && !p.locals().isEmpty()) return true;
            return r;
        }
        return false;
    }

    static AstExpr.Call callOf(AstStmt s) {
        if (s instanceof AstStmt.CallStmt) return ((AstStmt.CallStmt) s).call();
        if (s instanceof AstStmt.Assign && ((AstStmt.Assign) s).value() instanceof AstExpr.Call) {
            return (AstExpr.Call) ((AstStmt.Assign) s).value();
        }
        return null;
    }

    // ---- numbering ----

    private void number(AstStmt s, Instance in, String source, boolean instr) {
        if (s instanceof AstStmt.Labeled) {
            AstStmt.Labeled l = (AstStmt.Labeled) s;
            in.labelStart.put(l.label(), locs.size());
            in.labelStmt.put(l.label(), l);
            pending = in.proc + "." + l.label();
            number(l.body(), in, source, instr);
            pending = null;
        } else if (s instanceof AstStmt.Sourced) {
            number(((AstStmt.Sourced) s).body(), in, ((AstStmt.Sourced) s).source(), instr);
        } else if (s instanceof AstStmt.Block) {
            for (AstStmt x : ((AstStmt.Block) s).stmts()) number(x, in, source, instr);
        } else if (s instanceof AstStmt.Instrumentable) {
            number(((AstStmt.Instrumentable) s).body(), in, source, true);
        } else if (s instanceof AstStmt.LocalVar) {
            return;
        } else if (callOf(s) != null) {
            AstExpr.Call call = callOf(s);
            AstDecl.Proc p = syms.procs().get(call.name()).decl();
            String src = p.source().isEmpty() ? source : p.source();
            AstExpr target = s instanceof AstStmt.Assign ? ((AstStmt.Assign) s).target() : null;
            Instance callee = new Instance(call.name(), in, level, in.root, refArgsOf(call), target, false, src);
            in.callees.put(s, callee);
            instances.add(callee);
            number(p.body(), callee, src, instr);
        } else {
            String name = pending != null ? pending : stepNames.of(in.proc, syms.procs().get(in.proc).decl(), s);
            pending = null;
            in.locs.put(s, locs.size());
            locs.add(new Loc(name, s, in, source, instr));
            if (s instanceof AstStmt.If) {
                number(((AstStmt.If) s).then(), in, source, instr);
                if (((AstStmt.If) s).otherwise() != null) number(((AstStmt.If) s).otherwise(), in, source, instr);
            } else if (s instanceof AstStmt.While) {
                number(((AstStmt.While) s).body(), in, source, instr);
            } else if (s instanceof AstStmt.Choose) {
                for (AstStmt.Block b : ((AstStmt.Choose) s).branches()) number(b, in, source, instr);
            }
        }
    }

    private Map<String, AstExpr> refArgsOf(AstExpr.Call call) {
        Map<String, AstExpr> refs = new HashMap<>();
        Symbols.ProcInfo p = syms.procs().get(call.name());
        for (int i = 0; i < p.params().size(); i++) {
            if (p.params().get(i).ref()) refs.put(p.params().get(i).name(), call.args().get(i));
        }
        return refs;
    }

    List<String> locNames() {
        List<String> out = new ArrayList<>();
        for (Loc l : locs) out.add(l.name());
        return out;
    }

    int[] instrumentableLocs() {
        return java.util.stream.IntStream.range(0, locs.size()).filter(i -> locs.get(i).instrumentable()).toArray();
    }

    int[] labelRange(String a, String b) {
        List<Integer> out = new ArrayList<>();
        for (Instance in : instances) {
            Integer s = in.labelStart.get(a);
            Integer e = in.labelStart.get(b);
            if (s == null || e == null) continue;
            for (int i = s; i < e; i++) if (!out.contains(i)) out.add(i);
        }
        int[] r = out.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(r);
        return r;
    }

    // ---- generation ----

    void bind(ExprCompiler ex, AtomicCompiler atomic, EntryCompiler entry, Control ctl) {
        this.ex = ex;
        this.atomic = atomic;
        this.entry = entry;
        this.ctl = ctl;
    }

    /** Phase A: continuations of labels, procedure returns and entries (no transitions). */
    void prepare() {
        emit = false;
        walkRoots();
    }

    /** Phase B: the STEP, DELIVER (raise) and RETURN transitions of this level, in location order. */
    List<Draft> generate() {
        emit = true;
        drafts.clear();
        if (startLoc >= 0) {
            Instance in = roots.get(0);
            step(startLoc, atomic.jump(level, entryCont.get(in.proc)), "");
        }
        walkRoots();
        List<Draft> out = new ArrayList<>(drafts);
        return out;
    }

    private void walkRoots() {
        for (Instance in : roots) {
            Cont end = Cont.at(endLoc.get(in.proc));
            in.returnCont = end;
            AstStmt.Block body = syms.procs().get(in.proc).decl().body();
            entryCont.put(in.proc, entry(body, in, end));
            gen(body, in, end);
        }
    }

    Ctx ctx(Instance in, int loc) {
        Place.Frame fr = level > 0 ? entry.ownFrame(level, in.root) : null;
        return new Ctx(level, in, Map.of(), fr, loc, fr != null);
    }

    /** Where control goes to run {@code s} and then continue with {@code k}. */
    Cont entry(AstStmt s, Instance in, Cont k) {
        if (s instanceof AstStmt.Labeled) return entry(((AstStmt.Labeled) s).body(), in, k);
        if (s instanceof AstStmt.Sourced) return entry(((AstStmt.Sourced) s).body(), in, k);
        if (s instanceof AstStmt.Instrumentable) return entry(((AstStmt.Instrumentable) s).body(), in, k);
        if (s instanceof AstStmt.Block) {
            List<AstStmt> ss = ((AstStmt.Block) s).stmts();
            Cont c = k;
            for (int i = ss.size() - 1; i >= 0; i--) c = entry(ss.get(i), in, c);
            return c;
        }
        if (s instanceof AstStmt.LocalVar) return k.prepend(atomic.localInit((AstStmt.LocalVar) s, ctx(in, -1)));
        if (callOf(s) != null) {
            Instance callee = in.callees.get(s);
            Cont body = entry(syms.procs().get(callee.proc).decl().body(), callee, afterCall(callee, k));
            return body.prepend(atomic.params(callee, callOf(s), ctx(in, -1)));
        }
        return Cont.at(in.locs.get(s));
    }

    private Cont afterCall(Instance callee, Cont k) {
        return k.prepend(atomic.resetLocals(callee));
    }

    private void step(int loc, List<Update> updates, String suffix) {
        step(loc, updates, suffix, Transition.Kind.STEP, Expr.TRUE);
    }

    void step(int loc, List<Update> updates, String suffix, Transition.Kind kind, Expr guard) {
        Loc l = locs.get(loc);
        step(loc, updates, suffix, kind, guard, l.inst() == null ? "" : entry.vectorOf(level, l.inst().root));
    }

    /** A transition of location {@code loc}; {@code vector} is the vector it delivers or runs for, or "". */
    void step(int loc, List<Update> updates, String suffix, Transition.Kind kind, Expr guard, String vector) {
        if (!emit) return;
        Loc l = locs.get(loc);
        drafts.add(new Draft(l.name() + suffix, l.source(), kind, level, vector,
                List.of(new Transition.Pre(ctl.depth, level), new Transition.Pre(ctl.pc(level), loc)), guard, updates));
    }

    private void gen(AstStmt s, Instance in, Cont k) {
        if (s instanceof AstStmt.Labeled) {
            AstStmt.Labeled l = (AstStmt.Labeled) s;
            in.labelCont.put(l.label(), entry(l.body(), in, k));
            gen(l.body(), in, k);
            return;
        }
        if (s instanceof AstStmt.Sourced) {
            gen(((AstStmt.Sourced) s).body(), in, k);
            return;
        }
        if (s instanceof AstStmt.Instrumentable) {
            gen(((AstStmt.Instrumentable) s).body(), in, k);
            return;
        }
        if (s instanceof AstStmt.Block) {
            List<AstStmt> ss = ((AstStmt.Block) s).stmts();
            Cont[] next = new Cont[ss.size() + 1];
            next[ss.size()] = k;
            for (int i = ss.size() - 1; i >= 0; i--) next[i] = entry(ss.get(i), in, next[i + 1]);
            for (int i = 0; i < ss.size(); i++) gen(ss.get(i), in, next[i + 1]);
            return;
        }
        if (s instanceof AstStmt.LocalVar) return;
        if (callOf(s) != null) {
            Instance callee = in.callees.get(s);
            Cont after = afterCall(callee, k);
            callee.returnCont = after;
            gen(syms.procs().get(callee.proc).decl().body(), callee, after);
            return;
        }
        int loc = in.locs.get(s);
        Ctx x = ctx(in, loc);
        List<Update> ups = new ArrayList<>();
        if (s instanceof AstStmt.Assign) {
            AstStmt.Assign a = (AstStmt.Assign) s;
            ups.addAll(ex.assign(a.target(), a.value(), x));
            ups.addAll(atomic.jump(level, k));
            step(loc, ups, "");
        } else if (s instanceof AstStmt.If) {
            AstStmt.If i = (AstStmt.If) s;
            Expr c = ex.value(i.cond(), x, ups);
            List<Update> then = atomic.jump(level, entry(i.then(), in, k));
            List<Update> otherwise = atomic.jump(level, i.otherwise() == null ? k : entry(i.otherwise(), in, k));
            ups.addAll(AtomicCompiler.branch(c, then, otherwise));
            step(loc, ups, "");
            gen(i.then(), in, k);
            if (i.otherwise() != null) gen(i.otherwise(), in, k);
        } else if (s instanceof AstStmt.While) {
            AstStmt.While w = (AstStmt.While) s;
            Cont loop = Cont.at(loc);
            Expr c = ex.value(w.cond(), x, ups);
            ups.addAll(AtomicCompiler.branch(c, atomic.jump(level, entry(w.body(), in, loop)), atomic.jump(level, k)));
            step(loc, ups, "");
            gen(w.body(), in, loop);
        } else if (s instanceof AstStmt.Goto) {
            Cont target = in.labelCont.get(((AstStmt.Goto) s).label());
            if (target != null) step(loc, atomic.jump(level, target), "");
            else if (emit) throw new IllegalStateException("label without continuation: " + ((AstStmt.Goto) s).label());
        } else if (s instanceof AstStmt.Choose) {
            List<AstStmt.Block> bs = ((AstStmt.Choose) s).branches();
            for (int i = 0; i < bs.size(); i++) {
                step(loc, atomic.jump(level, entry(bs.get(i), in, k)), " (choice " + (i + 1) + ")");
            }
            for (AstStmt.Block b : bs) gen(b, in, k);
        } else if (s instanceof AstStmt.Atomic) {
            step(loc, atomic.seq(((AstStmt.Atomic) s).body().stmts(), x, atomic.jump(level, k)), "");
        } else if (s instanceof AstStmt.Assert || s instanceof AstStmt.Clear || s instanceof AstStmt.Skip
                || s instanceof AstStmt.Return) {
            step(loc, atomic.seq(List.of(s), x, s instanceof AstStmt.Return ? List.of() : atomic.jump(level, k)), "");
        } else if (s instanceof AstStmt.Raise) {
            if (emit) entry.raise(this, loc, (AstStmt.Raise) s, atomic.jump(level, k));
        } else if (s instanceof AstStmt.Iret) {
            if (emit) entry.iret(this, loc, (AstStmt.Iret) s, in);
        } else {
            throw new IllegalStateException("unexpected statement at " + s.pos());
        }
    }
}
