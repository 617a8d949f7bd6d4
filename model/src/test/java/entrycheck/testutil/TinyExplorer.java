package entrycheck.testutil;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Transition;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive breadth-first explorer of the IR, for tests of the compiler only
 * (the real engine lives elsewhere). States are int arrays of variable values.
 */
public final class TinyExplorer {
    private final Program p;
    /** property name -> first violation message and the labels of a shortest path to it. */
    public final Map<String, List<String>> violations = new LinkedHashMap<>();
    public long states;
    public long transitions;
    public final List<int[]> deadlocks = new ArrayList<>();
    /** Labels of the transitions that fired at least once. */
    public final java.util.Set<String> fired = new java.util.TreeSet<>();
    private final Map<Key, Key> parent = new HashMap<>();
    private final Map<Key, String> via = new HashMap<>();

    public TinyExplorer(Program p) { this.p = p; }

    private record Key(int[] s) {
        @Override public boolean equals(Object o) { return o instanceof Key && Arrays.equals(s, ((Key) o).s); }
        @Override public int hashCode() { return Arrays.hashCode(s); }
    }

    private static final class Domain extends RuntimeException {
        Domain(String m) { super(m, null, false, false); }
    }

    public int eval(Expr e, int[] s) {
        if (e instanceof Expr.Const) return ((Expr.Const) e).value();
        if (e instanceof Expr.Read) return s[((Expr.Read) e).var()];
        if (e instanceof Expr.ReadIndexed) {
            Expr.ReadIndexed r = (Expr.ReadIndexed) e;
            int i = eval(r.index(), s) - r.base();
            if (i < 0 || i >= r.vars().length) throw new Domain("index " + i + " out of range");
            return s[r.vars()[i]];
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            int v = eval(u.operand(), s);
            return u.op() == Expr.UnOp.NOT ? (v == 0 ? 1 : 0) : -v;
        }
        if (e instanceof Expr.Cond) {
            Expr.Cond c = (Expr.Cond) e;
            return eval(c.cond(), s) != 0 ? eval(c.then(), s) : eval(c.otherwise(), s);
        }
        if (e instanceof Expr.InSet) {
            int v = eval(((Expr.InSet) e).operand(), s);
            for (int x : ((Expr.InSet) e).values()) if (x == v) return 1;
            return 0;
        }
        Expr.Binary b = (Expr.Binary) e;
        int l = eval(b.left(), s);
        if (b.op() == Expr.BinOp.AND && l == 0) return 0;
        if (b.op() == Expr.BinOp.OR && l != 0) return 1;
        if (b.op() == Expr.BinOp.IMPLIES && l == 0) return 1;
        int r = eval(b.right(), s);
        switch (b.op()) {
            case ADD: return l + r;
            case SUB: return l - r;
            case MUL: return l * r;
            case DIV: if (r == 0) throw new Domain("division by zero"); return l / r;
            case MOD: if (r == 0) throw new Domain("division by zero"); return l % r;
            case EQ: return l == r ? 1 : 0;
            case NE: return l != r ? 1 : 0;
            case LT: return l < r ? 1 : 0;
            case LE: return l <= r ? 1 : 0;
            case GT: return l > r ? 1 : 0;
            case GE: return l >= r ? 1 : 0;
            default: return r != 0 ? 1 : 0;
        }
    }

    private void set(int[] s, int var, int v) {
        Var x = p.layout().var(var);
        if (!x.type().contains(v)) throw new Domain(x.name() + " = " + v + " out of its domain");
        s[var] = v;
    }

    /** Runs updates; failed checks are reported as "property: message". */
    public void exec(List<Update> ups, int[] s, List<String> failed) {
        for (Update u : ups) {
            if (u instanceof Update.Assign) {
                set(s, ((Update.Assign) u).var(), eval(((Update.Assign) u).value(), s));
            } else if (u instanceof Update.AssignIndexed) {
                Update.AssignIndexed a = (Update.AssignIndexed) u;
                int i = eval(a.index(), s) - a.base();
                if (i < 0 || i >= a.vars().length) throw new Domain("index " + i + " out of range");
                set(s, a.vars()[i], eval(a.value(), s));
            } else if (u instanceof Update.If) {
                Update.If i = (Update.If) u;
                exec(eval(i.cond(), s) != 0 ? i.then() : i.otherwise(), s, failed);
            } else {
                Update.Check c = (Update.Check) u;
                if (eval(c.holds(), s) == 0) failed.add(p.properties().get(c.property()).name() + ": " + c.message());
            }
        }
    }

    public boolean enabled(Transition t, int[] s) {
        for (Transition.Pre pre : t.pre()) if (s[pre.var()] != pre.value()) return false;
        return eval(t.guard(), s) != 0;
    }

    public int[] initial() {
        int[] s = new int[p.layout().vars().size()];
        for (Var v : p.layout().vars()) s[v.id()] = v.init();
        return s;
    }

    private void violate(String prop, String msg, Key from, String label) {
        if (violations.containsKey(prop)) return;
        List<String> path = new ArrayList<>();
        path.add(label);
        Key k = from;
        while (via.containsKey(k)) {
            path.add(0, via.get(k));
            k = parent.get(k);
        }
        path.add(msg);
        violations.put(prop, path);
    }

    /** Explores everything reachable (up to {@code limit} states). */
    public TinyExplorer run(long limit) {
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int[] init = initial();
        parent.put(new Key(init), null);
        queue.add(init);
        states = 1;
        while (!queue.isEmpty() && states < limit) {
            int[] s = queue.poll();
            Key ks = new Key(s);
            for (var inv : p.invariants()) {
                if (eval(inv.holds(), s) == 0) violate(p.properties().get(inv.property()).name(), "invariant", ks, "(state)");
            }
            boolean any = false;
            for (Transition t : p.transitions()) {
                int[] n = s.clone();
                try {
                    if (!enabled(t, s)) continue;
                    any = true;
                    transitions++;
                    fired.add(t.label());
                    List<String> failed = new ArrayList<>();
                    exec(t.updates(), n, failed);
                    for (String f : failed) {
                        int colon = f.indexOf(':');
                        violate(f.substring(0, colon), f.substring(colon + 2), ks, t.label());
                    }
                } catch (Domain d) {
                    violate("domain", d.getMessage(), ks, t.label());
                    continue;
                }
                Key kn = new Key(n);
                if (!parent.containsKey(kn)) {
                    parent.put(kn, ks);
                    via.put(kn, t.label());
                    states++;
                    queue.add(n);
                }
            }
            if (!any && eval(p.endState(), s) == 0) {
                deadlocks.add(s);
                violate("no-deadlock", "deadlock", ks, "(no successor)");
            }
        }
        return this;
    }

    /** Whether some reachable state satisfies {@code test}. */
    public boolean anyState(java.util.function.Predicate<int[]> test) {
        for (Key k : parent.keySet()) if (test.test(k.s)) return true;
        return false;
    }

    /** The index of variable {@code name}. */
    public int var(String name) {
        for (Var v : p.layout().vars()) if (v.name().equals(name)) return v.id();
        throw new IllegalArgumentException("no variable " + name);
    }

    /** A state as "name=value" pairs (non-default values only), for messages. */
    public String show(int[] s) {
        StringBuilder sb = new StringBuilder();
        for (Var v : p.layout().vars()) {
            if (s[v.id()] != v.init()) sb.append(v.name()).append('=').append(v.type().format(s[v.id()])).append(' ');
        }
        return sb.toString().trim();
    }
}
