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

/** Builds IR programs by hand for the bounded engine's tests; every program has domain and no-deadlock. */
final class IrBuilder {
    static final int DOMAIN = 0;
    static final int DEADLOCK = 1;

    private final StateLayout.Builder layout = new StateLayout.Builder();
    private final List<Property> properties = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<Invariant> invariants = new ArrayList<>();
    private Expr end;

    IrBuilder() {
        property("domain", Property.Kind.DOMAIN);
        property("no-deadlock", Property.Kind.DEADLOCK);
    }

    Var var(String name, int lo, int hi, int init) {
        return layout.add(name, new Type.Range(lo, hi), Var.Role.STATE, init);
    }

    Var bool(String name, int init) {
        return layout.add(name, Type.BOOL, Var.Role.STATE, init);
    }

    int property(String name, Property.Kind kind) {
        int id = properties.size();
        properties.add(new Property(id, name, kind, "", "", Property.Expect.HOLDS));
        return id;
    }

    IrBuilder rule(String label, List<Transition.Pre> pre, Expr guard, Update... updates) {
        transitions.add(new Transition(transitions.size(), label, "", Transition.Kind.RULE, -1, "", pre, guard,
                Arrays.asList(updates)));
        return this;
    }

    IrBuilder rule(String label, Expr guard, Update... updates) {
        return rule(label, List.of(), guard, updates);
    }

    IrBuilder invariant(int property, Expr holds) {
        invariants.add(new Invariant(property, holds));
        return this;
    }

    IrBuilder end(Expr e) {
        end = e;
        return this;
    }

    Program build() {
        return new Program("test", "", Map.of(), layout.build(), transitions, invariants, end, properties, null);
    }

    static Expr c(int v) { return new Expr.Const(v); }
    static Expr r(Var v) { return new Expr.Read(v.id()); }
    static Expr bin(BinOp op, Expr a, Expr b) { return new Expr.Binary(op, a, b); }
    static Expr eq(Expr a, Expr b) { return bin(BinOp.EQ, a, b); }
    static Expr ne(Expr a, Expr b) { return bin(BinOp.NE, a, b); }
    static Expr lt(Expr a, Expr b) { return bin(BinOp.LT, a, b); }
    static Expr add(Expr a, Expr b) { return bin(BinOp.ADD, a, b); }
    static Expr and(Expr a, Expr b) { return bin(BinOp.AND, a, b); }
    static Expr not(Expr a) { return new Expr.Unary(Expr.UnOp.NOT, a); }
    static Expr at(Var[] array, Expr index) {
        return new Expr.ReadIndexed(Arrays.stream(array).mapToInt(Var::id).toArray(), index, 0);
    }
    static Update set(Var v, Expr e) { return new Update.Assign(v.id(), e); }
    static Update setAt(Var[] array, Expr index, Expr e) {
        return new Update.AssignIndexed(Arrays.stream(array).mapToInt(Var::id).toArray(), index, 0, e);
    }
    static Update when(Expr cond, List<Update> then, List<Update> otherwise) { return new Update.If(cond, then, otherwise); }
    static Update check(int property, Expr holds, String message) { return new Update.Check(property, holds, message); }
    static Transition.Pre pre(Var v, int value) { return new Transition.Pre(v.id(), value); }
}
