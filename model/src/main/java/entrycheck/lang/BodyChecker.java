package entrycheck.lang;

import entrycheck.lang.AstDecl.PropBody;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the bodies of a model: procedures, rules, hardware and vector blocks, properties,
 * the end condition and expectations; then the call graph (no recursion, atomic callees) and
 * that task-level code uses neither {@code frame} nor {@code iret}.
 */
final class BodyChecker {
    private final Symbols syms;
    private final Diags diags;
    private final ExprChecker ex;
    private final Map<String, Pos> frameUses = new HashMap<>();
    private final Map<String, Pos> iretUses = new HashMap<>();
    /** caller -> calls (callee, position), in code order. */
    private final Map<String, List<Call>> calls = new LinkedHashMap<>();
    /** The first statement of each procedure that is not allowed in atomic code. */
    private final Map<String, String> nonAtomic = new HashMap<>();
    private final List<Call> atomicCalls = new ArrayList<>();
    /** Labels inside atomic blocks per procedure, and labels other code jumps to. */
    private final Map<String, Map<String, Pos>> atomicLabels = new HashMap<>();
    private final Map<String, Set<String>> jumpTargets = new HashMap<>();

    private record Call(String caller, String callee, Pos pos) { }

    /** How a block is checked: in which procedure, whether atomic, and what it may contain. */
    private record Mode(String proc, boolean atomic, boolean calls, boolean locals, String where) {
        Mode inAtomic() { return new Mode(proc, true, calls, locals, where); }
    }

    BodyChecker(Symbols syms, ConstEval consts, Diags diags, List<AstDecl> decls) {
        for (AstDecl d : decls) if (d instanceof AstDecl.Expect) expectPositions.put(((AstDecl.Expect) d).property(), d.pos());
        this.syms = syms;
        this.diags = diags;
        this.ex = new ExprChecker(syms, consts, diags, frameUses);
    }

    void check() {
        for (Symbols.ProcInfo p : syms.procs().values()) proc(p);
        AstDecl.Hardware hw = syms.hardware();
        if (hw != null) {
            if (hw.userWhen() != null) ex.expectBool(hw.userWhen(), Scope.global("the user-mode condition"), "the user-mode condition");
            Scope fs = new Scope(null, Map.of(), Set.of(), Map.of(), true, "a hardware block");
            Mode m = new Mode(null, true, false, false, "a hardware block");
            if (hw.deliver() != null) block(hw.deliver(), fs, m);
            if (hw.iret() != null) block(hw.iret(), fs, m);
        }
        for (Symbols.VectorInfo v : syms.vectors().values()) {
            if (v.decl().when() != null) ex.expectBool(v.decl().when(), Scope.global("a vector's condition"), "the vector's 'when' condition");
            if (v.decl().deliver() != null) {
                block(v.decl().deliver(), new Scope(null, Map.of(), Set.of(), Map.of(), true, "a deliver block"),
                        new Mode(null, true, false, false, "a deliver block"));
            }
        }
        for (Symbols.RuleInfo r : syms.rules()) rule(r);
        for (AstDecl.Property p : syms.properties().values()) property(p);
        if (syms.endWhen() != null) ex.expectBool(syms.endWhen(), Scope.global("the end condition"), "the end condition");
        graph();
        labelsInAtomic();
        expects();
    }

    // ---- procedures and statements ----

    private void proc(Symbols.ProcInfo p) {
        Map<String, LType> names = new HashMap<>(p.locals());
        Set<String> refs = new HashSet<>();
        for (Symbols.ParamInfo pa : p.params()) {
            names.put(pa.name(), pa.type());
            if (pa.ref()) refs.add(pa.name());
        }
        calls.put(p.name(), new ArrayList<>());
        Scope s = new Scope(p.name(), names, refs, Map.of(), true, "procedure '" + p.name() + "'");
        block(p.decl().body(), s, new Mode(p.name(), false, true, true, "procedure '" + p.name() + "'"));
    }

    private void rule(Symbols.RuleInfo r) {
        Scope s = Scope.global("a rule");
        for (Symbols.RuleParamInfo p : r.params()) s = s.bind(p.name(), new LType.IntT(p.lo(), p.hi()));
        for (AstDecl.RuleParam p : r.decl().params()) {
            if (p.hi() == null && p.lo() instanceof AstExpr.Name) {
                LType t = syms.types().get(((AstExpr.Name) p.lo()).name());
                if (t instanceof LType.EnumT) s = s.bind(p.name(), t);
            }
        }
        ex.expectBool(r.decl().guard(), s, "the guard of rule '" + r.decl().name() + "'");
        block(r.decl().body(), s, new Mode(null, true, false, false, "a rule"));
    }

    private void block(AstStmt.Block b, Scope s, Mode m) {
        for (AstStmt st : b.stmts()) stmt(st, s, m);
    }

    private void notAtomic(AstStmt st, Mode m, String what) {
        if (m.proc() != null) nonAtomic.putIfAbsent(m.proc(), what);
        if (m.atomic()) diags.error(st.pos(), "'" + what + "' is not allowed in " + (m.proc() == null ? m.where() : "an atomic block"));
    }

    private void stmt(AstStmt st, Scope s, Mode m) {
        if (st instanceof AstStmt.Labeled) {
            AstStmt.Labeled l = (AstStmt.Labeled) st;
            if (m.atomic() && m.proc() != null) atomicLabels.computeIfAbsent(m.proc(), k -> new HashMap<>()).put(l.label(), l.pos());
            if (m.proc() == null) diags.error(l.pos(), "labels are only allowed in procedures");
            stmt(l.body(), s, m);
        } else if (st instanceof AstStmt.Sourced) {
            stmt(((AstStmt.Sourced) st).body(), s, m);
        } else if (st instanceof AstStmt.Block) {
            block((AstStmt.Block) st, s, m);
        } else if (st instanceof AstStmt.Assign) {
            assign((AstStmt.Assign) st, s, m);
        } else if (st instanceof AstStmt.CallStmt) {
            call(((AstStmt.CallStmt) st).call(), s, m, null, null);
        } else if (st instanceof AstStmt.LocalVar) {
            AstStmt.LocalVar v = (AstStmt.LocalVar) st;
            if (!m.locals()) {
                diags.error(v.pos(), "local variables are not allowed in " + m.where());
                return;
            }
            if (v.init() != null) {
                if (v.init() instanceof AstExpr.Call) {
                    diags.error(v.init().pos(), "initialise a local with a constant or expression; call with 'x = f(...);'");
                    return;
                }
                ex.expectAssignable(s.locals().get(v.name()), v.init(), ex.type(v.init(), s), "local '" + v.name() + "'");
            }
        } else if (st instanceof AstStmt.If) {
            AstStmt.If i = (AstStmt.If) st;
            ex.expectBool(i.cond(), s, "the condition of 'if'");
            stmt(i.then(), s, m);
            if (i.otherwise() != null) stmt(i.otherwise(), s, m);
        } else if (st instanceof AstStmt.While) {
            AstStmt.While w = (AstStmt.While) st;
            notAtomic(st, m, "while");
            ex.expectBool(w.cond(), s, "the condition of 'while'");
            stmt(w.body(), s, m);
        } else if (st instanceof AstStmt.Goto) {
            AstStmt.Goto g = (AstStmt.Goto) st;
            notAtomic(st, m, "goto");
            if (m.proc() != null) {
                Symbols.ProcInfo p = syms.procs().get(m.proc());
                if (!p.labels().contains(g.label())) {
                    diags.error(g.pos(), "unknown label '" + g.label() + "' in procedure '" + m.proc() + "'"
                            + suggestion(g.label(), new HashSet<>(p.labels())));
                }
                jumpTargets.computeIfAbsent(m.proc(), k -> new HashSet<>()).add(g.label());
            }
        } else if (st instanceof AstStmt.Choose) {
            notAtomic(st, m, "choose");
            for (AstStmt.Block b : ((AstStmt.Choose) st).branches()) block(b, s, m);
        } else if (st instanceof AstStmt.Atomic) {
            block(((AstStmt.Atomic) st).body(), s, m.inAtomic());
        } else if (st instanceof AstStmt.Assert) {
            assertStmt((AstStmt.Assert) st, s);
        } else if (st instanceof AstStmt.Raise) {
            AstStmt.Raise r = (AstStmt.Raise) st;
            notAtomic(st, m, r.may() ? "may_raise" : "raise");
            Symbols.VectorInfo v = syms.vectors().get(r.vector());
            if (v == null) diags.error(r.vectorPos(), "unknown vector '" + r.vector() + "'" + suggestion(r.vector(), syms.vectors().keySet()));
            else if (v.decl().kind() == AstDecl.VectorKind.ASYNC) {
                diags.error(r.vectorPos(), "vector '" + r.vector() + "' is async; only sync vectors are raised by code");
            }
        } else if (st instanceof AstStmt.Clear) {
            AstExpr t = ((AstStmt.Clear) st).target();
            LType tt = ex.type(t, s);
            if (tt != null && !(tt instanceof LType.RegionT) && !ex.isLvalue(t, s)) {
                diags.error(t.pos(), "cannot clear '" + AstPrinter.expr(t) + "' (not a variable or frame region)");
            }
        } else if (st instanceof AstStmt.Instrumentable) {
            block(((AstStmt.Instrumentable) st).body(), s, m);
        } else if (st instanceof AstStmt.Iret) {
            iret((AstStmt.Iret) st, s, m);
        } else if (st instanceof AstStmt.Skip) {
            return;
        } else if (st instanceof AstStmt.Return) {
            AstStmt.Return r = (AstStmt.Return) st;
            if (m.proc() == null) {
                diags.error(r.pos(), "'return' is only allowed in procedures");
                return;
            }
            Symbols.ProcInfo p = syms.procs().get(m.proc());
            if (r.value() != null) {
                if (p.result() == null) {
                    diags.error(r.value().pos(), "procedure '" + p.name() + "' returns no value (declare 'proc " + p.name() + "(...): TYPE')");
                } else if (r.value() instanceof AstExpr.Call) {
                    diags.error(r.value().pos(), "return a variable or expression; call with 'x = f(...);' first");
                } else {
                    ex.expectAssignable(p.result(), r.value(), ex.type(r.value(), s), "the result of '" + p.name() + "'");
                }
            }
        }
    }

    private static String suggestion(String n, Set<String> cands) {
        String s = Suggest.closest(n, cands);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    private void assign(AstStmt.Assign a, Scope s, Mode m) {
        if (!ex.isLvalue(a.target(), s)) {
            LType t = ex.type(a.target(), s);
            if (t != null) diags.error(a.target().pos(), "cannot assign to '" + AstPrinter.expr(a.target()) + "' ("
                    + whatIs(a.target(), s) + ")");
            if (!(a.value() instanceof AstExpr.Call)) ex.type(a.value(), s);
            return;
        }
        LType t = ex.type(a.target(), s);
        if (t instanceof LType.RegionT) {
            diags.error(a.target().pos(), "cannot assign a frame region; use 'clear " + AstPrinter.expr(a.target()) + ";'");
            return;
        }
        if (a.value() instanceof AstExpr.Call) {
            call((AstExpr.Call) a.value(), s, m, t, a.target());
            return;
        }
        ex.expectAssignable(t, a.value(), ex.type(a.value(), s), "'" + AstPrinter.expr(a.target()) + "'");
    }

    private String whatIs(AstExpr e, Scope s) {
        if (e instanceof AstExpr.Name) {
            String n = ((AstExpr.Name) e).name();
            if (s.bound().containsKey(n)) return "a bound variable";
            if (syms.constants().containsKey(n)) return "a constant";
            if (syms.enumConsts().containsKey(n)) return "an enum constant";
            if (syms.groups().containsKey(n)) return "a state group; assign its fields";
            if (syms.stacks().containsKey(n)) return "a stack; assign its cells";
            return "a label";
        }
        if (e instanceof AstExpr.Keyword) return "a built-in name";
        return "not a variable";
    }

    private void call(AstExpr.Call c, Scope s, Mode m, LType target, AstExpr targetExpr) {
        Symbols.ProcInfo p = syms.procs().get(c.name());
        if (p == null) {
            diags.error(c.pos(), "unknown procedure '" + c.name() + "'" + suggestion(c.name(), syms.procs().keySet()));
            for (AstExpr a : c.args()) ex.type(a, s);
            return;
        }
        if (!m.calls()) {
            diags.error(c.pos(), "procedure calls are not allowed in " + m.where());
            return;
        }
        if (m.proc() != null) {
            calls.get(m.proc()).add(new Call(m.proc(), p.name(), c.pos()));
            if (m.atomic()) atomicCalls.add(new Call(m.proc(), p.name(), c.pos()));
        }
        if (c.args().size() != p.params().size()) {
            diags.error(c.pos(), "procedure '" + p.name() + "' takes " + p.params().size() + " argument"
                    + (p.params().size() == 1 ? "" : "s") + ", found " + c.args().size());
            return;
        }
        for (int i = 0; i < c.args().size(); i++) {
            AstExpr a = c.args().get(i);
            Symbols.ParamInfo pa = p.params().get(i);
            if (a instanceof AstExpr.Call) {
                diags.error(a.pos(), "a call cannot be an argument; store its result in a local first");
                continue;
            }
            LType at = ex.type(a, s);
            if (pa.ref()) {
                if (at != null && !ex.isLvalue(a, s)) {
                    diags.error(a.pos(), "argument for ref parameter '" + pa.name() + "' must be a variable, found '" + AstPrinter.expr(a) + "'");
                } else if (at != null && !ExprChecker.compatible(pa.type(), at)) {
                    diags.error(a.pos(), "type mismatch: ref parameter '" + pa.name() + "' is " + ExprChecker.kind(pa.type())
                            + ", found " + ExprChecker.kind(at));
                }
            } else {
                ex.expectAssignable(pa.type(), a, at, "parameter '" + pa.name() + "'");
            }
        }
        if (targetExpr != null) {
            if (p.result() == null) diags.error(c.pos(), "procedure '" + p.name() + "' returns no value");
            else if (target != null && !ExprChecker.compatible(target, p.result())) {
                diags.error(c.pos(), "type mismatch: '" + AstPrinter.expr(targetExpr) + "' is " + ExprChecker.kind(target)
                        + ", procedure '" + p.name() + "' returns " + ExprChecker.kind(p.result()));
            }
        }
    }

    private void assertStmt(AstStmt.Assert a, Scope s) {
        ex.expectBool(a.cond(), s, "an assertion");
        if (a.property() == null) {
            syms.usesPlainAssert = true;
            return;
        }
        AstDecl.Property p = syms.properties().get(a.property());
        if (p == null) {
            diags.error(a.propertyPos(), "unknown property '" + a.property() + "'" + suggestion(a.property(), syms.properties().keySet()));
        } else if (!(p.body() instanceof PropBody.Assertion)) {
            diags.error(a.propertyPos(), "property '" + a.property() + "' is not an assertion property (declare it '= assertion;')");
        }
    }

    private void iret(AstStmt.Iret r, Scope s, Mode m) {
        if (m.proc() == null) {
            diags.error(r.pos(), "'iret' is only allowed in procedures");
            return;
        }
        notAtomic(r, m, "iret");
        iretUses.putIfAbsent(m.proc(), r.pos());
        if (r.via() != null) {
            LType t = ex.type(r.via(), s);
            boolean cell = r.via() instanceof AstExpr.Field && ((AstExpr.Field) r.via()).base() instanceof AstExpr.Name
                    && syms.stacks().containsKey(((AstExpr.Name) ((AstExpr.Field) r.via()).base()).name());
            if (t != null && (!(t instanceof LType.FrameT) || !cell)) {
                diags.error(r.via().pos(), "'iret via' needs a frame cell of a stack (STACK.cell), found '" + AstPrinter.expr(r.via()) + "'");
            }
        }
    }

    // ---- properties ----

    private void property(AstDecl.Property p) {
        PropBody b = p.body();
        if (b instanceof PropBody.Invariant) {
            ex.expectBool(((PropBody.Invariant) b).holds(), Scope.global("an invariant"), "an invariant");
        } else if (b instanceof PropBody.Balanced) {
            PropBody.Balanced bal = (PropBody.Balanced) b;
            for (AstExpr e : bal.exprs()) {
                LType t = ex.type(e, Scope.global("a balanced property"));
                if (t != null && (!LType.isScalar(t) || !plainGlobal(e))) {
                    diags.error(e.pos(), "'balanced' takes plain references to scalar state variables (such as cpu.pkrs), found '"
                            + AstPrinter.expr(e) + "'");
                }
            }
            for (int i = 0; i < bal.vectors().size(); i++) {
                String v = bal.vectors().get(i);
                if (!syms.vectors().containsKey(v)) {
                    diags.error(bal.vectorPos().get(i), "unknown vector '" + v + "'" + suggestion(v, syms.vectors().keySet()));
                }
            }
        } else if (b instanceof PropBody.ReturnsEventually) {
            AstExpr unless = ((PropBody.ReturnsEventually) b).unless();
            if (unless != null) ex.expectBool(unless, Scope.global("an 'unless' condition"), "an 'unless' condition");
            if (syms.nesting() < 0) {
                diags.error(p.pos(), "property '" + p.name() + "' is about entries returning, but the model declares no nesting (no entries)");
            }
        } else if (!(b instanceof PropBody.Assertion) && syms.frame() == null) {
            diags.error(p.pos(), "property '" + p.name() + "' is about frames, but the model declares no frame type");
        }
        if (b instanceof PropBody.FrameIntact || b instanceof PropBody.ZeroedReads || b instanceof PropBody.UninitReads) {
            for (AstDecl.Property q : syms.properties().values()) {
                if (q == p) break;
                if (q.body().getClass() == b.getClass()) {
                    diags.error(p.pos(), "only one property of this kind per model ('" + q.name() + "' at " + q.pos() + ")");
                    break;
                }
            }
        }
    }

    /** A global variable, group field, stack cell (field) or element with constant indices. */
    private boolean plainGlobal(AstExpr e) {
        if (e instanceof AstExpr.Name) return syms.vars().containsKey(((AstExpr.Name) e).name());
        if (e instanceof AstExpr.Field) {
            AstExpr base = ((AstExpr.Field) e).base();
            if (base instanceof AstExpr.Name) {
                String n = ((AstExpr.Name) base).name();
                return syms.groups().containsKey(n) || syms.stacks().containsKey(n) || syms.vars().containsKey(n);
            }
            return plainGlobal(base);
        }
        if (e instanceof AstExpr.Index) {
            AstExpr i = ((AstExpr.Index) e).index();
            boolean constant = i instanceof AstExpr.IntLit
                    || (i instanceof AstExpr.Name && (syms.constants().containsKey(((AstExpr.Name) i).name())
                    || syms.enumConsts().containsKey(((AstExpr.Name) i).name())));
            return constant && plainGlobal(((AstExpr.Index) e).base());
        }
        return false;
    }

    private void expects() {
        Set<String> known = new HashSet<>(syms.properties().keySet());
        known.add("domain");
        known.add("no-deadlock");
        if (syms.usesPlainAssert()) known.add("assert");
        for (String p : syms.expects().keySet()) {
            if (!known.contains(p)) {
                diags.error(expectPos(p), "expectation for unknown property '" + p + "'" + suggestion(p, known));
            }
        }
    }

    private final Map<String, Pos> expectPositions = new HashMap<>();

    private Pos expectPos(String p) { return expectPositions.get(p); }

    // ---- call graph ----

    private void graph() {
        Map<String, Integer> state = new HashMap<>();
        for (String p : calls.keySet()) dfs(p, state, new ArrayList<>());
        for (Call c : atomicCalls) {
            String bad = nonAtomicReach(c.callee(), new HashSet<>());
            if (bad != null) {
                diags.error(c.pos(), "procedure '" + c.callee() + "' is called in an atomic block but contains " + bad);
            }
        }
        if (syms.start() != null && syms.procs().containsKey(syms.start())) {
            Map<String, String> via = new LinkedHashMap<>();
            reach(syms.start(), via, new HashSet<>());
            for (String p : via.keySet()) {
                if (frameUses.containsKey(p)) {
                    diags.error(frameUses.get(p), "'frame' used in task-level code: procedure '" + p + "' runs in the task (start procedure '"
                            + syms.start() + "'), which has no frame");
                }
                if (iretUses.containsKey(p)) {
                    diags.error(iretUses.get(p), "'iret' in task-level code: procedure '" + p + "' runs in the task (start procedure '"
                            + syms.start() + "')");
                }
            }
        }
    }

    private void reach(String p, Map<String, String> via, Set<String> seen) {
        if (!seen.add(p)) return;
        via.put(p, p);
        for (Call c : calls.getOrDefault(p, List.of())) reach(c.callee(), via, seen);
    }

    private String nonAtomicReach(String p, Set<String> seen) {
        if (!seen.add(p)) return null;
        if (nonAtomic.containsKey(p)) return "'" + nonAtomic.get(p) + "'" + ("".equals(p) ? "" : " (in '" + p + "')");
        for (Call c : calls.getOrDefault(p, List.of())) {
            String r = nonAtomicReach(c.callee(), seen);
            if (r != null) return r;
        }
        return null;
    }

    /** Depth-first search for cycles; 1 = on the stack, 2 = done. */
    private void dfs(String p, Map<String, Integer> state, List<String> path) {
        Integer st = state.get(p);
        if (st != null && st == 2) return;
        state.put(p, 1);
        path.add(p);
        for (Call c : calls.getOrDefault(p, List.of())) {
            Integer cs = state.get(c.callee());
            if (cs != null && cs == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(c.callee()), path.size()));
                cycle.add(c.callee());
                diags.error(c.pos(), "recursive call: " + String.join(" -> ", cycle) + " (calls are inlined; recursion is not allowed)");
            } else if (cs == null) {
                dfs(c.callee(), state, path);
            }
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
    }

    private void labelsInAtomic() {
        for (Map.Entry<String, Map<String, Pos>> e : atomicLabels.entrySet()) {
            for (Map.Entry<String, Pos> l : e.getValue().entrySet()) {
                boolean jumped = jumpTargets.getOrDefault(e.getKey(), Set.of()).contains(l.getKey())
                        || syms.retLabels().contains(l.getKey());
                if (jumped) diags.error(l.getValue(), "label '" + l.getKey() + "' is inside an atomic block but other code jumps to it");
            }
        }
    }
}
