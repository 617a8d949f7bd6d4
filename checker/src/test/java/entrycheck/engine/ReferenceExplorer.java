package entrycheck.engine;

import entrycheck.ir.Expr;
import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deliberately naive explicit-state explorer, the oracle for {@link BfsEngine}: it interprets
 * the IR records directly with a recursive evaluator over decoded states ({@code int[]} of
 * values by var id, kept as {@code List<Integer>} in a {@code HashSet}), a plain queue, and
 * long arithmetic checked against the int range. It shares no code with the compiled
 * semantics, only the IR records and the meaning written in LANGUAGE.md and the IR Javadoc:
 * pres then guard (a failing guard makes the transition enabled and its firing a domain
 * error); updates in sequence; a failing check is a violation and the updates go on; a domain
 * error (value outside the domain, index outside the array, division by zero, overflow)
 * discards the successor; C short-circuit for {@code && || ->} and {@code ?:}.
 */
final class ReferenceExplorer {

    /** Thrown for a runtime error of the model. */
    static final class Fault extends Exception {
        private static final long serialVersionUID = 1L;
        Fault(String m) { super(m, null, false, false); }
    }

    /** The result of firing: the successor (null when a domain error discarded it) and the properties violated. */
    record Firing(int[] next, Set<Integer> violations) { }

    /**
     * @param distinct    distinct reachable states
     * @param transitions successor computations
     * @param firstViolation property id -> length of a shortest trace that violates it
     */
    record Result(long distinct, long transitions, Map<Integer, Integer> firstViolation) { }

    private final Program program;
    private final boolean[] selected;
    private final int domain;
    private final int deadlock;

    /** Checks every property. */
    ReferenceExplorer(Program program) {
        this(program, all(program));
    }

    /**
     * Reports only the {@code selected} properties: invariants of other properties are not
     * evaluated, their checks are evaluated (an error in them is still a domain error) but not
     * reported.
     */
    ReferenceExplorer(Program program, boolean[] selected) {
        this.program = program;
        this.selected = selected.clone();
        int d = -1, dl = -1;
        for (Property p : program.properties()) {
            if (p.kind() == Property.Kind.DOMAIN && d < 0) d = p.id();
            if (p.kind() == Property.Kind.DEADLOCK && dl < 0) dl = p.id();
        }
        this.domain = d >= 0 && selected[d] ? d : -1;
        this.deadlock = dl >= 0 && selected[dl] ? dl : -1;
    }

    private static boolean[] all(Program program) {
        boolean[] a = new boolean[program.properties().size()];
        Arrays.fill(a, true);
        return a;
    }

    static Result explore(Program program) { return new ReferenceExplorer(program).explore(); }

    int[] initial() {
        List<Var> vars = program.layout().vars();
        int[] s = new int[vars.size()];
        for (Var v : vars) s[v.id()] = v.init();
        return s;
    }

    Result explore() {
        Map<List<Integer>, Integer> dist = new HashMap<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        Map<Integer, Integer> first = new TreeMap<>();
        int[] init = initial();
        dist.put(key(init), 0);
        queue.add(init);
        for (int p : stateViolations(init, false)) first.putIfAbsent(p, 0);
        long transitions = 0;
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int d = dist.get(key(s));
            List<Integer> en = enabled(s);
            if (en.isEmpty()) for (int p : stateViolations(s, true)) first.merge(p, d, Math::min);
            for (int t : en) {
                transitions++;
                Firing f = fire(s, t);
                for (int p : f.violations()) first.merge(p, d + 1, Math::min);
                if (f.next() == null) continue;
                List<Integer> k = key(f.next());
                if (dist.containsKey(k)) continue;
                dist.put(k, d + 1);
                queue.add(f.next());
                for (int p : stateViolations(f.next(), false)) first.merge(p, d + 1, Math::min);
            }
        }
        return new Result(dist.size(), transitions, first);
    }

    static List<Integer> key(int[] s) {
        List<Integer> l = new ArrayList<>(s.length);
        for (int v : s) l.add(v);
        return l;
    }

    /** The ids of the enabled transitions, in id order. */
    List<Integer> enabled(int[] s) {
        List<Integer> out = new ArrayList<>();
        for (Transition t : program.transitions()) {
            boolean ok = true;
            for (Transition.Pre p : t.pre()) ok &= s[p.var()] == p.value();
            if (!ok) continue;
            try {
                if (eval(t.guard(), s) != 0) out.add(t.id());
            } catch (Fault f) {
                out.add(t.id());
            }
        }
        return out;
    }

    Firing fire(int[] s, int id) {
        Transition t = program.transitions().get(id);
        Set<Integer> violations = new TreeSet<>();
        int[] next = Arrays.copyOf(s, s.length);
        try {
            eval(t.guard(), s);
            run(t.updates(), next, violations);
            return new Firing(next, violations);
        } catch (Fault f) {
            if (domain >= 0) violations.add(domain);
            return new Firing(null, violations);
        }
    }

    /** Invariant violations of {@code s}, and with {@code noSuccessor} the deadlock check. */
    Set<Integer> stateViolations(int[] s, boolean noSuccessor) {
        Set<Integer> out = new TreeSet<>();
        for (Invariant inv : program.invariants()) {
            if (!selected[inv.property()]) continue;
            try {
                if (eval(inv.holds(), s) == 0) out.add(inv.property());
            } catch (Fault f) {
                if (domain >= 0) out.add(domain);
            }
        }
        if (noSuccessor && deadlock >= 0) {
            try {
                if (program.endState() == null || eval(program.endState(), s) == 0) out.add(deadlock);
            } catch (Fault f) {
                if (domain >= 0) out.add(domain);
            }
        }
        return out;
    }

    private void run(List<Update> updates, int[] s, Set<Integer> violations) throws Fault {
        for (Update u : updates) {
            if (u instanceof Update.Assign a) {
                store(a.var(), eval(a.value(), s), s);
            } else if (u instanceof Update.AssignIndexed a) {
                long i = eval(a.index(), s) - a.base();
                if (i < 0 || i >= a.vars().length) throw new Fault("index");
                store(a.vars()[(int) i], eval(a.value(), s), s);
            } else if (u instanceof Update.If i) {
                run(eval(i.cond(), s) != 0 ? i.then() : i.otherwise(), s, violations);
            } else if (u instanceof Update.Check c) {
                if (eval(c.holds(), s) == 0 && selected[c.property()]) violations.add(c.property());
            } else {
                throw new IllegalArgumentException(u.toString());
            }
        }
    }

    private void store(int var, long value, int[] s) throws Fault {
        Type t = program.layout().var(var).type();
        if (value < t.lo() || value > t.hi()) throw new Fault("domain");
        s[var] = (int) value;
    }

    long eval(Expr e, int[] s) throws Fault {
        if (e instanceof Expr.Const c) return c.value();
        if (e instanceof Expr.Read r) return s[r.var()];
        if (e instanceof Expr.ReadIndexed ri) {
            long i = eval(ri.index(), s) - ri.base();
            if (i < 0 || i >= ri.vars().length) throw new Fault("index");
            return s[ri.vars()[(int) i]];
        }
        if (e instanceof Expr.Unary u) {
            long a = eval(u.operand(), s);
            return u.op() == Expr.UnOp.NOT ? (a == 0 ? 1 : 0) : fit(-a);
        }
        if (e instanceof Expr.Cond c) return eval(c.cond(), s) != 0 ? eval(c.then(), s) : eval(c.otherwise(), s);
        if (e instanceof Expr.InSet in) {
            long a = eval(in.operand(), s);
            for (int v : in.values()) if (v == a) return 1;
            return 0;
        }
        Expr.Binary b = (Expr.Binary) e;
        long a = eval(b.left(), s);
        switch (b.op()) {
            case AND: return a != 0 && eval(b.right(), s) != 0 ? 1 : 0;
            case OR: return a != 0 || eval(b.right(), s) != 0 ? 1 : 0;
            case IMPLIES: return a == 0 || eval(b.right(), s) != 0 ? 1 : 0;
            default: break;
        }
        long c = eval(b.right(), s);
        switch (b.op()) {
            case ADD: return fit(a + c);
            case SUB: return fit(a - c);
            case MUL: return fit(a * c);
            case DIV: if (c == 0) throw new Fault("div"); return fit(a / c);
            case MOD: if (c == 0) throw new Fault("mod"); return fit(a % c);
            case EQ: return a == c ? 1 : 0;
            case NE: return a != c ? 1 : 0;
            case LT: return a < c ? 1 : 0;
            case LE: return a <= c ? 1 : 0;
            case GT: return a > c ? 1 : 0;
            case GE: return a >= c ? 1 : 0;
            default: throw new IllegalArgumentException(b.op().toString());
        }
    }

    private static long fit(long v) throws Fault {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new Fault("overflow");
        return v;
    }

    /** Distinct states as a set, for tests that compare state sets. */
    Set<List<Integer>> reachable() {
        Set<List<Integer>> seen = new HashSet<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int[] init = initial();
        seen.add(key(init));
        queue.add(init);
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            for (int t : enabled(s)) {
                int[] n = fire(s, t).next();
                if (n != null && seen.add(key(n))) queue.add(n);
            }
        }
        return seen;
    }
}
