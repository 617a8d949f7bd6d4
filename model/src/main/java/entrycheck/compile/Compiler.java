package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.lang.AstDecl;
import entrycheck.lang.AstExpr;
import entrycheck.lang.AstStmt;
import entrycheck.lang.CheckedModel;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles a checked model to the IR. A pure function: the same model (and constants)
 * always gives the same {@link Program}. Transition order: rules (declaration and parameter
 * order), then per nesting level the steps in code order followed by the deliveries.
 *
 * <p>Layout of an entry model: the model state; {@code depth}; per level L the control
 * variables {@code level[L].pc} (an enum over the level's code locations; levels above 0
 * have 0 = no activation), {@code level[L].vec}, {@code level[L].fstack},
 * {@code level[L].fslot}, the locals {@code level[L].PROC.NAME}, the captures
 * {@code level[L].cap.PROP.I} and pushed values {@code level[L].pushed.FIELD}; then the
 * delivery counters {@code count.V}.
 */
public final class Compiler {
    private Compiler() { }

    public static Program compile(CheckedModel model) {
        Symbols syms = model.symbols();
        Props props = new Props(syms);
        Layout lay = new Layout(syms);
        lay.state();
        if (!syms.isEntryModel()) return plain(model, syms, props, lay);

        int n = Math.max(0, syms.nesting());
        CodeCompiler[] levels = new CodeCompiler[n + 1];
        List<String> entries = syms.entryProcs();
        for (int l = 0; l <= n; l++) {
            levels[l] = new CodeCompiler(l, syms, l == 0 ? (syms.start() == null ? List.of() : List.of(syms.start())) : entries);
        }
        Control ctl = new Control(n);
        ExprCompiler ex = new ExprCompiler(syms, lay, ctl, props);
        ex.setCode(new CodeInfo() {
            public int[] instrumentable(int level) { return levels[level].instrumentableLocs(); }
            public int[] labelRange(int level, String a, String b) { return levels[level].labelRange(a, b); }
        });
        controlVars(syms, lay, ctl, ex, levels, n);
        AtomicCompiler atomic = new AtomicCompiler(syms, ex, ctl, props);
        EntryCompiler entry = new EntryCompiler(syms, lay, ctl, ex, atomic, props, levels);
        for (CodeCompiler cc : levels) cc.bind(ex, atomic, entry, ctl);
        for (CodeCompiler cc : levels) cc.prepare();

        List<Draft> drafts = new ArrayList<>(new RuleCompiler(syms, ex, atomic).compile());
        for (int l = 0; l <= n; l++) {
            drafts.addAll(levels[l].generate());
            drafts.addAll(entry.deliveries(l));
        }
        int pc0 = levels[0].initialLoc();
        if (levels[0].startLoc < 0 && syms.start() != null && !levels[0].entryCont.get(syms.start()).pre().isEmpty()) {
            throw new IllegalStateException("start procedure needs an initial step");
        }
        List<Var> vars = new ArrayList<>(lay.vars);
        Var old = vars.get(ctl.pc(0));
        if (old.init() != pc0) {
            vars.set(old.id(), new Var(old.id(), old.name(), old.type(), old.role(), pc0, old.word(), old.shift(), old.width()));
        }
        int[] vecs = new int[n + 1];
        vecs[0] = -1;
        for (int l = 1; l <= n; l++) vecs[l] = ctl.vec(l);
        List<String> vnames = new ArrayList<>();
        vnames.add("");
        vnames.addAll(syms.vectors().keySet());
        entrycheck.ir.StateLayout built = lay.build();
        return new Program(model.name(), model.sourceHash(), syms.constants(),
                new entrycheck.ir.StateLayout(vars, built.words()), finish(drafts), invariants(syms, ex, props),
                endState(syms, ex), props.list, new Program.Nesting(ctl.depth, vecs, vnames), lay.memory(),
                unless(syms, ex, props));
    }

    private static Program plain(CheckedModel model, Symbols syms, Props props, Layout lay) {
        ExprCompiler ex = new ExprCompiler(syms, lay, null, props);
        AtomicCompiler atomic = new AtomicCompiler(syms, ex, null, props);
        List<Draft> drafts = new RuleCompiler(syms, ex, atomic).compile();
        return new Program(model.name(), model.sourceHash(), syms.constants(), lay.build(), finish(drafts),
                invariants(syms, ex, props), endState(syms, ex), props.list, null);
    }

    private static List<Transition> finish(List<Draft> drafts) {
        List<Transition> out = new ArrayList<>();
        for (Draft d : drafts) out.add(d.withId(out.size()));
        return out;
    }

    private static List<Invariant> invariants(Symbols syms, ExprCompiler ex, Props props) {
        List<Invariant> out = new ArrayList<>();
        for (AstDecl.Property p : syms.properties().values()) {
            if (p.body() instanceof AstDecl.PropBody.Invariant) {
                out.add(new Invariant(props.id(p.name()), ex.value(((AstDecl.PropBody.Invariant) p.body()).holds(), Ctx.dynamic(), null)));
            }
        }
        return out;
    }

    /** The {@code unless} conditions of the {@code returns eventually} properties. */
    private static List<Invariant> unless(Symbols syms, ExprCompiler ex, Props props) {
        List<Invariant> out = new ArrayList<>();
        for (AstDecl.Property p : syms.properties().values()) {
            if (p.body() instanceof AstDecl.PropBody.ReturnsEventually r && r.unless() != null) {
                out.add(new Invariant(props.id(p.name()), ex.value(r.unless(), Ctx.dynamic(), null)));
            }
        }
        return out;
    }

    private static Expr endState(Symbols syms, ExprCompiler ex) {
        return syms.endWhen() == null ? Expr.FALSE : ex.value(syms.endWhen(), Ctx.dynamic(), null);
    }

    /** depth, then per level: pc, vec, fstack, fslot, locals, captures, pushed; then the counters. */
    private static void controlVars(Symbols syms, Layout lay, Control ctl, ExprCompiler ex, CodeCompiler[] levels, int n) {
        ctl.depth = lay.add("depth", new Type.Range(0, n), Var.Role.CONTROL, 0).id();
        List<String> vectors = new ArrayList<>();
        vectors.add("none");
        vectors.addAll(syms.vectors().keySet());
        List<String> stacks = new ArrayList<>(syms.stacks().keySet());
        int maxSlots = 1;
        for (Symbols.StackInfo s : syms.stacks().values()) maxSlots = Math.max(maxSlots, s.slots());
        AstDecl.Property frameIntact = null;
        for (AstDecl.Property p : syms.properties().values()) if (p.body() instanceof AstDecl.PropBody.FrameIntact) frameIntact = p;
        for (int l = 0; l <= n; l++) {
            ctl.addLevel(lay, l, levels[l].locNames(), 0, vectors, stacks, maxSlots);
            List<String> roots = l == 0 ? (syms.start() == null ? List.of() : List.of(syms.start())) : syms.entryProcs();
            Set<String> reach = reachable(syms, roots);
            for (Symbols.ProcInfo p : syms.procs().values()) {
                if (!reach.contains(p.name())) continue;
                for (var local : p.locals().entrySet()) ctl.addLocal(lay, l, p.name(), local.getKey(), local.getValue());
            }
            if (l == 0) continue;
            for (AstDecl.Property p : syms.properties().values()) {
                if (!(p.body() instanceof AstDecl.PropBody.Balanced)) continue;
                List<AstExpr> es = ((AstDecl.PropBody.Balanced) p.body()).exprs();
                for (int i = 0; i < es.size(); i++) {
                    Place pl = ex.place(es.get(i), Ctx.dynamic(), null);
                    int var = pl instanceof Place.Scalar ? ((Place.Scalar) pl).var() : ((Place.Indexed) pl).vars()[0];
                    ctl.addCapture(lay, l, p.name(), i, lay.vars.get(var).type());
                }
            }
            if (frameIntact != null && lay.owners) {
                for (Symbols.FrameField f : syms.frame().fields()) {
                    if (f.region().equals("hw") && !f.name().equals("rip")) ctl.addPushed(lay, l, f.name(), syms.irType(f.type()));
                }
            }
        }
        for (Symbols.VectorInfo v : syms.vectors().values()) if (v.max() >= 0) ctl.addCount(lay, v);
    }

    /** The procedures called (transitively) from {@code roots}, roots included. */
    static Set<String> reachable(Symbols syms, List<String> roots) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> work = new ArrayList<>(roots);
        while (!work.isEmpty()) {
            String p = work.remove(work.size() - 1);
            if (!seen.add(p)) continue;
            collectCalls(syms.procs().get(p).decl().body(), work);
        }
        return seen;
    }

    private static void collectCalls(AstStmt s, List<String> out) {
        AstExpr.Call call = CodeCompiler.callOf(s);
        if (call != null) out.add(call.name());
        if (s instanceof AstStmt.Labeled) collectCalls(((AstStmt.Labeled) s).body(), out);
        else if (s instanceof AstStmt.Sourced) collectCalls(((AstStmt.Sourced) s).body(), out);
        else if (s instanceof AstStmt.Block) for (AstStmt x : ((AstStmt.Block) s).stmts()) collectCalls(x, out);
        else if (s instanceof AstStmt.If) {
            collectCalls(((AstStmt.If) s).then(), out);
            if (((AstStmt.If) s).otherwise() != null) collectCalls(((AstStmt.If) s).otherwise(), out);
        } else if (s instanceof AstStmt.While) collectCalls(((AstStmt.While) s).body(), out);
        else if (s instanceof AstStmt.Choose) for (AstStmt x : ((AstStmt.Choose) s).branches()) collectCalls(x, out);
        else if (s instanceof AstStmt.Atomic) collectCalls(((AstStmt.Atomic) s).body(), out);
        else if (s instanceof AstStmt.Instrumentable) collectCalls(((AstStmt.Instrumentable) s).body(), out);
    }
}
