package entrycheck.symbolic;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * A QuickTheories generator of small IR programs that use every construct of the IR: ranges
 * with negative values, pres (also on values outside the domain), guards, assignments (also
 * out of the domain), indexed reads and writes (also out of range), divisions (also by
 * zero), short-circuit operators, branches, checks, invariants and end conditions.
 *
 * <p>Every choice is one draw from the randomness source, and a smaller draw is always a
 * simpler program (fewer variables, transitions and updates; constants instead of
 * operators), so QuickTheories' shrinking, which lowers draws, shrinks programs.
 */
final class RandomPrograms {
    private RandomPrograms() { }

    static final int DOMAIN = 0, DEADLOCK = 1, INV = 2, CHK = 3;
    static final List<String> PROPERTIES = List.of("domain", "no-deadlock", "inv", "chk");

    private static final BinOp[] OPS = {BinOp.ADD, BinOp.EQ, BinOp.LT, BinOp.AND, BinOp.OR, BinOp.SUB, BinOp.NE,
        BinOp.LE, BinOp.GT, BinOp.GE, BinOp.IMPLIES, BinOp.MUL, BinOp.DIV, BinOp.MOD};

    /** Random programs, shown as their text in failure reports. */
    static Gen<Program> programs() {
        Gen<Program> g = RandomPrograms::program;
        return g.describedAs(RandomPrograms::describe);
    }

    private static int pick(RandomnessSource in, int lo, int hi) {
        return (int) in.next(Constraint.between(lo, hi));
    }

    static Program program(RandomnessSource in) {
        StateLayout.Builder layout = new StateLayout.Builder();
        int nVars = pick(in, 1, 3);
        List<Type> types = new ArrayList<>();
        List<Integer> inits = new ArrayList<>();
        for (int i = 0; i < nVars; i++) {
            int hi = pick(in, 1, 4);
            int lo = -pick(in, 0, 1);
            int init = lo + pick(in, 0, hi - lo);
            Type type = lo == 0 && hi == 1 ? Type.BOOL : new Type.Range(lo, hi);
            layout.add("v" + i, type, Var.Role.STATE, init);
            types.add(type);
            inits.add(init);
        }
        Draw d = new Draw(in, types, inits);
        List<Transition> ts = new ArrayList<>();
        int nTransitions = pick(in, 1, 5);
        for (int t = 0; t < nTransitions; t++) {
            List<Transition.Pre> pres = new ArrayList<>();
            if (pick(in, 0, 2) == 2) pres.add(new Transition.Pre(pick(in, 0, nVars - 1), pick(in, 0, 4) - 1));
            Expr guard = d.guard();
            List<Update> updates = d.updates(pick(in, 1, 2), 1);
            ts.add(new Transition(t, "t" + t, "", Transition.Kind.RULE, -1, "", pres, guard, updates));
        }
        List<Invariant> invariants = new ArrayList<>();
        if (pick(in, 0, 3) > 0) invariants.add(new Invariant(INV, d.condition()));
        int endKind = pick(in, 0, 2);
        Expr end = endKind == 0 ? null : endKind == 1 ? Expr.TRUE : d.expr(2);
        List<Property> props = List.of(
                new Property(DOMAIN, "domain", Property.Kind.DOMAIN, "", "", Property.Expect.HOLDS),
                new Property(DEADLOCK, "no-deadlock", Property.Kind.DEADLOCK, "", "", Property.Expect.HOLDS),
                new Property(INV, "inv", Property.Kind.INVARIANT, "", "", Property.Expect.HOLDS),
                new Property(CHK, "chk", Property.Kind.STEP_CHECK, "", "", Property.Expect.HOLDS));
        return new Program("random", "", Map.of(), layout.build(), ts, invariants, end, props, null);
    }

    /** Draws expressions and updates over {@code nVars} variables. */
    private static final class Draw {
        private final RandomnessSource in;
        private final int nVars;
        private final List<Type> types;
        private final List<Integer> inits;

        Draw(RandomnessSource in, List<Type> types, List<Integer> inits) {
            this.in = in;
            this.nVars = types.size();
            this.types = types;
            this.inits = inits;
        }

        /** Mostly a counter's bound ({@code v < c}), so that runs last several steps. */
        Expr guard() {
            switch (pick(in, 0, 4)) {
                case 0: return Expr.TRUE;
                case 1: case 2: return new Expr.Binary(pick(in, 0, 1) == 0 ? BinOp.LT : BinOp.NE, read(), new Expr.Const(pick(in, 0, 4)));
                case 3: return guarded(1);
                default: return expr(2);
            }
        }

        /**
         * Mostly a condition that holds initially and that some steps falsify: {@code v != c} for a
         * c other than v's initial value, {@code v + w < c} for a c above their initial sum.
         */
        Expr condition() {
            switch (pick(in, 0, 2)) {
                case 0: {
                    int v = pick(in, 0, nVars - 1);
                    Type t = types.get(v);
                    int c = t.lo() + (inits.get(v) - t.lo() + 1 + pick(in, 0, t.size() - 2)) % t.size();
                    return new Expr.Binary(BinOp.NE, new Expr.Read(v), new Expr.Const(c));
                }
                case 1: {
                    int v = pick(in, 0, nVars - 1), w = pick(in, 0, nVars - 1);
                    int c = inits.get(v) + inits.get(w) + 1 + pick(in, 0, 3);
                    return new Expr.Binary(BinOp.LT, new Expr.Binary(BinOp.ADD, new Expr.Read(v), new Expr.Read(w)),
                            new Expr.Const(c));
                }
                default: return expr(2);
            }
        }

        private Expr read() { return new Expr.Read(pick(in, 0, nVars - 1)); }

        Expr expr(int depth) {
            int kind = pick(in, 0, depth == 0 ? 1 : 7);
            switch (kind) {
                case 0: return new Expr.Const(pick(in, 0, 4) - 1);
                case 1: return new Expr.Read(pick(in, 0, nVars - 1));
                case 2: return new Expr.Binary(OPS[pick(in, 0, OPS.length - 1)], expr(depth - 1), expr(depth - 1));
                case 3: return new Expr.Unary(pick(in, 0, 1) == 0 ? Expr.UnOp.NOT : Expr.UnOp.NEG, expr(depth - 1));
                case 4: return new Expr.Cond(expr(depth - 1), expr(depth - 1), expr(depth - 1));
                case 5: {
                    int[] vars = array();
                    return depth > 1 ? new Expr.ReadIndexed(vars, expr(depth - 1), pick(in, 0, 1))
                            : new Expr.ReadIndexed(vars, index(vars.length), 0);
                }
                case 6: return guarded(depth - 1);
                default: {
                    int[] values = new int[pick(in, 1, 2)];
                    for (int i = 0; i < values.length; i++) values[i] = pick(in, -1, 3);
                    return new Expr.InSet(expr(depth - 1), values);
                }
            }
        }

        /**
         * An expression that may fail to evaluate behind one that guards it, as in
         * {@code v != 0 && w / v > 0}: short-circuit operators and {@code ?:} decide whether the
         * error happens.
         */
        Expr guarded(int depth) {
            Expr test = depth > 0 ? expr(depth) : read();
            switch (pick(in, 0, 3)) {
                case 0: return new Expr.Binary(BinOp.AND, test, fallible());
                case 1: return new Expr.Binary(BinOp.OR, test, fallible());
                case 2: return new Expr.Binary(BinOp.IMPLIES, test, fallible());
                default: return new Expr.Cond(test, fallible(), depth > 0 ? expr(depth) : read());
            }
        }

        /** A division by a variable, a modulo, or an indexed read at a variable index (any of them may fail). */
        private Expr fallible() {
            switch (pick(in, 0, 2)) {
                case 0: return new Expr.Binary(BinOp.DIV, read(), read());
                case 1: return new Expr.Binary(BinOp.MOD, read(), new Expr.Binary(BinOp.SUB, read(), new Expr.Const(1)));
                default: return new Expr.ReadIndexed(array(), read(), pick(in, 0, 1));
            }
        }

        private int[] array() {
            int n = pick(in, 1, nVars);
            int[] vars = new int[n];
            for (int i = 0; i < n; i++) vars[i] = i;
            return vars;
        }

        List<Update> updates(int n, int nesting) {
            List<Update> us = new ArrayList<>();
            for (int i = 0; i < n; i++) us.add(update(nesting));
            return us;
        }

        /** Weighted: mostly counter steps and constants, sometimes anything. */
        private Update update(int nesting) {
            int kind = pick(in, 0, nesting > 0 ? 9 : 8);
            if (kind <= 3) { // a counter step: v = v < hi ? v + 1 : lo (wrapping), or v = v + 1 / v - 1 (unchecked)
                int v = pick(in, 0, nVars - 1);
                Type t = types.get(v);
                Expr read = new Expr.Read(v);
                Expr inc = new Expr.Binary(BinOp.ADD, read, new Expr.Const(1));
                switch (kind) {
                    case 0: case 1:
                        return new Update.Assign(v, new Expr.Cond(new Expr.Binary(BinOp.LT, read, new Expr.Const(t.hi())), inc,
                                new Expr.Const(t.lo())));
                    case 2: return new Update.Assign(v, inc);
                    default: return new Update.Assign(v, new Expr.Binary(BinOp.SUB, read, new Expr.Const(1)));
                }
            }
            switch (kind) {
                case 4: case 5: { // a value of the domain
                    int v = pick(in, 0, nVars - 1);
                    return new Update.Assign(v, new Expr.Const(types.get(v).lo() + pick(in, 0, types.get(v).size() - 1)));
                }
                case 6: return new Update.Check(CHK, condition(), "chk fails");
                case 7: return new Update.Assign(pick(in, 0, nVars - 1), expr(2));
                case 8: {
                    int[] vars = array();
                    return new Update.AssignIndexed(vars, index(vars.length), 0, expr(1));
                }
                default: return new Update.If(expr(1), updates(pick(in, 1, 2), nesting - 1), updates(pick(in, 0, 1), nesting - 1));
            }
        }

        /** Mostly an index inside an array of {@code n}: a variable or a constant. */
        private Expr index(int n) {
            switch (pick(in, 0, 2)) {
                case 0: return read();
                case 1: return new Expr.Const(pick(in, 0, n - 1));
                default: return expr(1);
            }
        }
    }

    // ------------------------------------------------------------------ for failure reports

    static String describe(Program p) {
        StringBuilder sb = new StringBuilder("\n");
        for (Var v : p.layout().vars()) sb.append("var ").append(v.name()).append(": ").append(v.type()).append(" = ").append(v.init()).append('\n');
        for (Transition t : p.transitions()) {
            sb.append("rule ").append(t.label());
            for (Transition.Pre pre : t.pre()) sb.append(" [v").append(pre.var()).append(" == ").append(pre.value()).append(']');
            sb.append(' ').append(expr(t.guard())).append(" ==> {").append(updates(t.updates())).append(" }\n");
        }
        for (Invariant i : p.invariants()) sb.append("invariant ").append(expr(i.holds())).append('\n');
        sb.append("end ").append(p.endState() == null ? "(none)" : expr(p.endState())).append('\n');
        return sb.toString();
    }

    private static String updates(List<Update> us) {
        return us.stream().map(RandomPrograms::update).collect(Collectors.joining(""));
    }

    private static String update(Update u) {
        if (u instanceof Update.Assign a) return " v" + a.var() + " = " + expr(a.value()) + ";";
        if (u instanceof Update.AssignIndexed a) {
            return " " + Arrays.toString(a.vars()) + "[" + expr(a.index()) + " - " + a.base() + "] = " + expr(a.value()) + ";";
        }
        if (u instanceof Update.If i) return " if " + expr(i.cond()) + " {" + updates(i.then()) + " } else {" + updates(i.otherwise()) + " }";
        if (u instanceof Update.Check c) return " check " + expr(c.holds()) + ";";
        return u.toString();
    }

    static String expr(Expr e) {
        if (e instanceof Expr.Const c) return Integer.toString(c.value());
        if (e instanceof Expr.Read r) return "v" + r.var();
        if (e instanceof Expr.ReadIndexed ri) return Arrays.toString(ri.vars()) + "[" + expr(ri.index()) + " - " + ri.base() + "]";
        if (e instanceof Expr.Unary u) return (u.op() == Expr.UnOp.NOT ? "!" : "-") + expr(u.operand());
        if (e instanceof Expr.Binary b) return "(" + expr(b.left()) + " " + b.op() + " " + expr(b.right()) + ")";
        if (e instanceof Expr.Cond c) return "(" + expr(c.cond()) + " ? " + expr(c.then()) + " : " + expr(c.otherwise()) + ")";
        if (e instanceof Expr.InSet s) return expr(s.operand()) + " in " + Arrays.toString(s.values());
        return e.toString();
    }
}
