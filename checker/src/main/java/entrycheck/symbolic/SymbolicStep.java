package entrycheck.symbolic;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.util.List;

/**
 * The semantics of one step ({@link entrycheck.semantics.CompiledProgram}'s contract) over
 * symbolic states: a state is a {@code Term[]} indexed by program variable, and evaluating an
 * expression or firing a transition yields terms over the query's variables.
 *
 * <p>Runtime errors are made explicit. {@link #eval} returns a value and a "defined" term that
 * is 1 exactly when the explicit engine would evaluate the expression without a
 * {@link entrycheck.semantics.DomainError}, following C's short-circuit of {@code && || -> ?:}
 * (the value is arbitrary where it is 0). Firing runs the updates in sequence as
 * static single assignment: each assignment makes a new term the variable's current value; an
 * {@code if} merges the two branches' values with {@code c ? then : else}; an indexed
 * assignment {@code a[i] = v} becomes {@code a[k] = (i == k ? v : a[k])} for every k. A
 * per-block "ok" term records that no error stopped the block; a check fails where its path
 * is taken, nothing failed before it, and its condition is defined and false.
 */
final class SymbolicStep {
    private final StateLayout layout;
    private final boolean[] selected;

    /**
     * @param selected per property id: is it checked (unselected checks still evaluate, so
     *                 their errors discard the successor, as in the explicit engine)
     */
    SymbolicStep(Program program, boolean[] selected) {
        this.layout = program.layout();
        this.selected = selected;
    }

    /** A value and when it is defined. */
    record Sym(Term value, Term defined) { }

    /**
     * The outcome of firing one transition from a symbolic state.
     *
     * @param enabled     the explicit engine lists it as enabled: pres hold and the guard is true or fails to evaluate
     * @param valid       it fires without a runtime error: {@code after} is its successor
     * @param domainError firing it is a runtime error ({@code domain} violation; no successor)
     * @param checkFails  a selected check of its updates fails
     * @param after       the variables' values after the updates (meaningful where {@code valid})
     */
    record Fired(Term enabled, Term valid, Term domainError, Term checkFails, Term[] after) { }

    // ------------------------------------------------------------------ transitions

    Term enabled(Transition t, Term[] state) {
        Term pre = pres(t, state);
        if (pre.isFalse()) return Terms.FALSE;
        Sym g = eval(t.guard(), state);
        return Terms.and(pre, Terms.or(Terms.not(g.defined()), g.value()));
    }

    Fired fire(Transition t, Term[] state) {
        Term pre = pres(t, state);
        if (pre.isFalse()) return new Fired(Terms.FALSE, Terms.FALSE, Terms.FALSE, Terms.FALSE, state);
        Sym g = eval(t.guard(), state);
        Term start = Terms.and(pre, g.defined(), g.value());
        Term guardError = Terms.and(pre, Terms.not(g.defined()));
        Term enabled = Terms.and(pre, Terms.or(Terms.not(g.defined()), g.value()));
        Term[] after = state.clone();
        Block body = new Block(start);
        body.run(t.updates(), after);
        Term valid = Terms.and(start, body.ok);
        Term domainError = Terms.or(guardError, Terms.and(start, Terms.not(body.ok)));
        return new Fired(enabled, valid, domainError, body.fails, after);
    }

    private Term pres(Transition t, Term[] state) {
        Term pre = Terms.TRUE;
        for (Transition.Pre p : t.pre()) {
            Type type = layout.var(p.var()).type();
            if (!type.contains(p.value())) return Terms.FALSE; // never enabled, as in CompiledProgram
            pre = Terms.and(pre, Terms.eq(state[p.var()], p.value()));
        }
        return pre;
    }

    /**
     * Symbolic execution of an update list. {@code path}: this block runs and nothing failed
     * before it; {@code ok}: nothing in the block failed so far; {@code fails}: a selected
     * check failed.
     */
    private final class Block {
        private final Term path;
        Term ok = Terms.TRUE;
        Term fails = Terms.FALSE;

        Block(Term path) { this.path = path; }

        void run(List<Update> updates, Term[] state) {
            for (Update u : updates) {
                if (ok.isFalse()) return; // an unconditional error: nothing after it runs
                if (u instanceof Update.Assign a) {
                    assign(a.var(), eval(a.value(), state), state);
                } else if (u instanceof Update.AssignIndexed a) {
                    assignIndexed(a, state);
                } else if (u instanceof Update.If i) {
                    branch(i, state);
                } else if (u instanceof Update.Check c) {
                    check(c, state);
                } else {
                    throw new IllegalArgumentException("unknown update " + u);
                }
            }
        }

        private void assign(int var, Sym v, Term[] state) {
            Type type = layout.var(var).type();
            ok = Terms.and(ok, v.defined(), Terms.within(v.value(), type.lo(), type.hi()));
            state[var] = v.value();
        }

        private void assignIndexed(Update.AssignIndexed a, Term[] state) {
            Sym index = eval(a.index(), state);
            Sym value = eval(a.value(), state);
            int[] vars = a.vars();
            Term i = index.value();
            if (i.isConst()) {
                long k = (long) i.value() - a.base();
                if (k < 0 || k >= vars.length) {
                    ok = Terms.FALSE;
                    return;
                }
                ok = Terms.and(ok, index.defined());
                assign(vars[(int) k], value, state);
                return;
            }
            Term inDomain = Terms.TRUE;
            for (int k = 0; k < vars.length; k++) {
                Term hit = Terms.eq(i, a.base() + k);
                if (hit.isFalse()) continue;
                Type type = layout.var(vars[k]).type();
                inDomain = Terms.and(inDomain, Terms.implies(hit, Terms.within(value.value(), type.lo(), type.hi())));
                state[vars[k]] = Terms.cond(hit, value.value(), state[vars[k]]);
            }
            Term inRange = Terms.within(i, a.base(), a.base() + vars.length - 1);
            ok = Terms.and(Terms.and(ok, index.defined(), value.defined()), inRange, inDomain);
        }

        private void branch(Update.If u, Term[] state) {
            Sym c = eval(u.cond(), state);
            ok = Terms.and(ok, c.defined());
            Term cond = Terms.truth(c.value());
            if (cond.isConst()) {
                run(cond.value() != 0 ? u.then() : u.otherwise(), state);
                return;
            }
            Term here = Terms.and(path, ok);
            Term[] thenState = state.clone();
            Term[] elseState = state.clone();
            Block thenBlock = new Block(Terms.and(here, cond));
            thenBlock.run(u.then(), thenState);
            Block elseBlock = new Block(Terms.and(here, Terms.not(cond)));
            elseBlock.run(u.otherwise(), elseState);
            for (int v = 0; v < state.length; v++) {
                if (thenState[v] != state[v] || elseState[v] != state[v]) {
                    state[v] = Terms.cond(cond, thenState[v], elseState[v]);
                }
            }
            ok = Terms.and(ok, Terms.cond(cond, thenBlock.ok, elseBlock.ok));
            fails = Terms.or(fails, Terms.or(thenBlock.fails, elseBlock.fails));
        }

        private void check(Update.Check c, Term[] state) {
            Sym h = eval(c.holds(), state);
            boolean isSelected = c.property() >= 0 && c.property() < selected.length && selected[c.property()];
            if (isSelected) {
                Term fail = Terms.and(Terms.and(path, ok), h.defined(), Terms.not(h.value()));
                fails = Terms.or(fails, fail);
            }
            ok = Terms.and(ok, h.defined());
        }
    }

    // ------------------------------------------------------------------ expressions

    /** The value of {@code e} in {@code state} and when evaluating it raises no runtime error. */
    Sym eval(Expr e, Term[] state) {
        if (e instanceof Expr.Const c) return new Sym(Terms.constant(c.value()), Terms.TRUE);
        if (e instanceof Expr.Read r) return new Sym(state[r.var()], Terms.TRUE);
        if (e instanceof Expr.ReadIndexed ri) return readIndexed(ri, state);
        if (e instanceof Expr.Unary u) {
            Sym a = eval(u.operand(), state);
            Term v = u.op() == Expr.UnOp.NOT ? Terms.not(a.value()) : Terms.neg(a.value());
            return new Sym(v, a.defined());
        }
        if (e instanceof Expr.Binary b) return binary(b, state);
        if (e instanceof Expr.Cond c) {
            Sym k = eval(c.cond(), state);
            Sym a = eval(c.then(), state);
            Sym b = eval(c.otherwise(), state);
            Term cond = Terms.truth(k.value());
            return new Sym(Terms.cond(cond, a.value(), b.value()),
                    Terms.and(k.defined(), Terms.cond(cond, a.defined(), b.defined())));
        }
        if (e instanceof Expr.InSet in) {
            Sym a = eval(in.operand(), state);
            return new Sym(Terms.inSet(a.value(), in.values()), a.defined());
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private Sym readIndexed(Expr.ReadIndexed ri, Term[] state) {
        int[] vars = ri.vars();
        if (vars.length == 0) throw new IllegalArgumentException("indexed read of an empty array");
        Sym index = eval(ri.index(), state);
        Term i = index.value();
        if (i.isConst()) {
            long k = (long) i.value() - ri.base();
            if (k < 0 || k >= vars.length) return new Sym(state[vars[0]], Terms.FALSE);
            return new Sym(state[vars[(int) k]], index.defined());
        }
        Term v = state[vars[vars.length - 1]];
        for (int k = vars.length - 2; k >= 0; k--) v = Terms.cond(Terms.eq(i, ri.base() + k), state[vars[k]], v);
        Term inRange = Terms.within(i, ri.base(), ri.base() + vars.length - 1);
        return new Sym(v, Terms.and(index.defined(), inRange));
    }

    private Sym binary(Expr.Binary b, Term[] state) {
        Sym l = eval(b.left(), state);
        Sym r = eval(b.right(), state);
        Term a = l.value(), c = r.value();
        switch (b.op()) {
            case ADD: case SUB: case MUL:
                return new Sym(Terms.arith(b.op(), a, c), Terms.and(l.defined(), r.defined()));
            case DIV: case MOD: {
                // A zero divisor is an error; the value uses a divisor that is never 0.
                Term nonZero = Terms.compare(Expr.BinOp.NE, c, Terms.FALSE);
                Term divisor = nonZero.isTrue() ? c : Terms.cond(nonZero, c, Terms.TRUE);
                Term v = Terms.arith(b.op(), a, divisor);
                return new Sym(v, Terms.and(l.defined(), r.defined(), nonZero));
            }
            case EQ: case NE: case LT: case LE: case GT: case GE:
                return new Sym(Terms.compare(b.op(), a, c), Terms.and(l.defined(), r.defined()));
            case AND: // the right operand is evaluated only when the left one is true
                return new Sym(Terms.and(a, c), Terms.and(l.defined(), Terms.implies(a, r.defined())));
            case OR:
                return new Sym(Terms.or(a, c), Terms.and(l.defined(), Terms.or(a, r.defined())));
            case IMPLIES:
                return new Sym(Terms.implies(a, c), Terms.and(l.defined(), Terms.implies(a, r.defined())));
            default:
                throw new IllegalArgumentException("unknown operator " + b.op());
        }
    }

    /** Initial state: every variable a constant. */
    static Term[] initial(StateLayout layout) {
        Term[] s = new Term[layout.vars().size()];
        for (Var v : layout.vars()) s[v.id()] = Terms.constant(v.init());
        return s;
    }
}
