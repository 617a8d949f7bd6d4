package entrycheck.symbolic.choco;

import entrycheck.ir.Expr;
import entrycheck.ir.Expr.BinOp;
import entrycheck.symbolic.Query;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.expression.discrete.arithmetic.ArExpression;
import org.chocosolver.solver.expression.discrete.relational.ReExpression;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;

/**
 * One {@link Query} as a Choco {@link Model}: a variable per query variable (a {@link BoolVar}
 * for a 0..1 domain), and Choco's expression API ({@link ArExpression}, {@link ReExpression})
 * for the expressions. Expressions are DAGs (the unrolling shares terms), so every node is
 * translated once: the translation is memoised by identity, and Choco caches the variable of
 * an expression object once created.
 */
final class ChocoQuery {
    final Model model;
    final IntVar[] vars;
    final IntVar[] decisions;
    private final Map<Expr, ArExpression> memo = new IdentityHashMap<>();

    ChocoQuery(Query query) {
        model = new Model("entrycheck-bmc");
        List<Query.Variable> vs = query.variables();
        vars = new IntVar[vs.size()];
        for (int i = 0; i < vars.length; i++) vars[i] = variable(vs.get(i));
        for (Expr c : query.constraints()) post(c);
        decisions = new IntVar[query.decisions().length];
        for (int i = 0; i < decisions.length; i++) decisions[i] = vars[query.decisions()[i]];
    }

    private IntVar variable(Query.Variable v) {
        if (v.lo() > v.hi()) {
            model.falseConstraint().post();
            return model.intVar(v.lo());
        }
        Expr def = v.definition();
        if (def == null) return v.lo() == 0 && v.hi() == 1 ? model.boolVar(v.name()) : model.intVar(v.name(), v.lo(), v.hi());
        if (def instanceof Expr.ReadIndexed ri) return element(v.name(), ri, v.lo(), v.hi());
        IntVar x = arith(def).intVar();
        if (x.getLB() < v.lo() || x.getUB() > v.hi()) model.member(x, v.lo(), v.hi()).post();
        return x;
    }

    /** {@code z = vars[index - base]}, z over lo..hi. */
    private IntVar element(String name, Expr.ReadIndexed ri, int lo, int hi) {
        IntVar[] table = new IntVar[ri.vars().length];
        for (int k = 0; k < table.length; k++) table[k] = vars[ri.vars()[k]];
        IntVar z = lo == 0 && hi == 1 ? model.boolVar(name) : model.intVar(name, lo, hi);
        IntVar index = arith(ri.index()).intVar();
        int[] constants = new int[table.length];
        boolean constant = true;
        for (int k = 0; k < table.length && constant; k++) {
            constant = table[k].isInstantiated();
            if (constant) constants[k] = table[k].getValue();
        }
        // a table of constants: Choco's int-table element, which keeps no watch on the entries
        if (constant) model.element(z, constants, index, ri.base()).post();
        else model.element(z, table, index, ri.base()).post();
        return z;
    }

    private void post(Expr c) {
        if (c instanceof Expr.Const k) {
            if (k.value() == 0) model.falseConstraint().post();
            return;
        }
        if (c instanceof Expr.Binary b && b.op() == BinOp.AND) {
            post(b.left());
            post(b.right());
            return;
        }
        ReExpression r = truth(c);
        if (r instanceof BoolVar bv) model.arithm(bv, "=", 1).post();
        else r.post();
    }

    // ------------------------------------------------------------------ expressions

    ArExpression arith(Expr e) {
        ArExpression known = memo.get(e);
        if (known != null) return known;
        ArExpression a = translate(e);
        memo.put(e, a);
        return a;
    }

    private ArExpression translate(Expr e) {
        if (e instanceof Expr.Const c) return model.intVar(c.value());
        if (e instanceof Expr.Read r) return vars[r.var()];
        if (e instanceof Expr.ReadIndexed ri) {
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int v : ri.vars()) {
                lo = Math.min(lo, vars[v].getLB());
                hi = Math.max(hi, vars[v].getUB());
            }
            return element("element", ri, lo, hi);
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnOp.NOT ? truth(u.operand()).not() : arith(u.operand()).neg();
        }
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Cond c) {
            ReExpression k = truth(c.cond());
            if (c.then() instanceof Expr.Const a && c.otherwise() instanceof Expr.Const b) return k.ift(a.value(), b.value());
            if (c.then() instanceof Expr.Const a) return k.ift(a.value(), arith(c.otherwise()));
            if (c.otherwise() instanceof Expr.Const b) return k.ift(arith(c.then()), b.value());
            return k.ift(arith(c.then()), arith(c.otherwise()));
        }
        if (e instanceof Expr.InSet in) {
            // Not ArExpression.in(...): its reification in Choco 4.10.18 lets the result be 0 for a
            // member (tested in ChocoQueryTest); a reified member constraint is exact.
            return model.member(arith(in.operand()).intVar(), in.values()).reify();
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private ArExpression binary(Expr.Binary b) {
        BinOp op = b.op();
        switch (op) {
            case AND: return truth(b.left()).and(truth(b.right()));
            case OR: return truth(b.left()).or(truth(b.right()));
            case IMPLIES: return truth(b.left()).imp(truth(b.right()));
            default: break;
        }
        ArExpression l = arith(b.left());
        if (b.right() instanceof Expr.Const k) {
            int c = k.value();
            switch (op) {
                case ADD: return l.add(c);
                case SUB: return l.sub(c);
                case MUL: return l.mul(c);
                case DIV: return l.div(c);
                case MOD: return l.mod(c);
                case EQ: return l.eq(c);
                case NE: return l.ne(c);
                case LT: return l.lt(c);
                case LE: return l.le(c);
                case GT: return l.gt(c);
                case GE: return l.ge(c);
                default: throw new IllegalArgumentException(op.toString());
            }
        }
        ArExpression r = arith(b.right());
        switch (op) {
            case ADD: return l.add(r);
            case SUB: return l.sub(r);
            case MUL: return l.mul(r);
            case DIV: return l.div(r);
            case MOD: return remainder(l.intVar(), r.intVar());
            case EQ: return l.eq(r);
            case NE: return l.ne(r);
            case LT: return l.lt(r);
            case LE: return l.le(r);
            case GT: return l.gt(r);
            case GE: return l.ge(r);
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    /**
     * {@code x % y} as Java computes it (truncated division: the result has the dividend's
     * sign and a smaller magnitude than the divisor and than the dividend). Not
     * {@code ArExpression.mod}: in Choco 4.10.18 it bounds its result with the divisor's sign
     * (3 mod -2 gets the domain -1..0), so a query that needs 3 % -2 == 1 is wrongly
     * unsatisfiable (ChocoQueryTest, AgreementRegressionTest). {@code Model.mod} is exact; it
     * gets a result variable bounded here.
     */
    private IntVar remainder(IntVar x, IntVar y) {
        int m = Math.max(Math.abs(y.getLB()), Math.abs(y.getUB())) - 1;
        int lo = x.getLB() < 0 ? -Math.min(m, -x.getLB()) : 0;
        int hi = x.getUB() > 0 ? Math.min(m, x.getUB()) : 0;
        IntVar z = model.intVar(Math.min(lo, 0), Math.max(hi, 0));
        model.mod(x, y, z).post();
        return z;
    }

    /** The IR truth of {@code e} (non-zero) as a relational expression. */
    private ReExpression truth(Expr e) {
        if (e instanceof Expr.Const c) return model.boolVar(c.value() != 0);
        ArExpression a = arith(e);
        if (a instanceof ReExpression r) return r;
        if (a instanceof IntVar v && v.getLB() >= 0 && v.getUB() <= 1 && v instanceof BoolVar bv) return bv;
        return a.ne(0);
    }
}
