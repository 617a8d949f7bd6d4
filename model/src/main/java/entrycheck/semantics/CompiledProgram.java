package entrycheck.semantics;

import entrycheck.ir.Expr;
import entrycheck.ir.Invariant;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The semantics of one step of a {@link Program}, compiled once: guards, updates, invariants
 * and the end condition become closure trees ({@link ExprCompiler}, {@link UpdateCompiler}),
 * and the transitions are indexed by their {@code pre} conjuncts ({@link Dispatch}).
 *
 * <p>Meaning of a step (the contract every backend shares):
 * <ul>
 *   <li>A transition is enabled when all its pres hold and its guard is non-zero. A pre on a
 *       value outside the variable's domain, or two contradicting pres, make it never enabled.
 *       A guard that fails to evaluate (a domain error) counts as enabled, and firing it is a
 *       domain error.</li>
 *   <li>Firing runs the updates in order on a copy of the state, each seeing the effects of the
 *       ones before. A failing {@code Check} is reported and the updates go on. A domain error
 *       (value outside a domain, index outside an array, division by zero, int overflow)
 *       is reported as the {@code domain} property and the successor is discarded.</li>
 *   <li>An invariant that fails to evaluate is reported as a domain error of that state.</li>
 * </ul>
 * Only selected ({@code checked}) properties are reported; the successors do not depend on
 * the selection.
 */
public final class CompiledProgram implements TransitionSystem {
    private final Program program;
    private final int words;
    private final long[] initial;
    private final Dispatch dispatch;
    private final Condition[] guards;
    private final boolean[] guardFallible;
    private final Exec[] bodies;
    private final String[] labels;
    private final Condition[] invariants;
    private final int[] invariantProperty;
    private final String[] invariantMessage;
    private final Condition end;
    private final int domainProperty;   // -1: none, or not checked
    private final int deadlockProperty; // -1: none, or not checked

    private CompiledProgram(Program program, boolean[] checked) {
        this.program = program;
        StateLayout layout = program.layout();
        this.words = layout.words();
        this.initial = layout.initialState();
        this.domainProperty = find(program, Property.Kind.DOMAIN, checked);
        this.deadlockProperty = find(program, Property.Kind.DEADLOCK, checked);
        ExprCompiler exprs = new ExprCompiler(layout);
        UpdateCompiler updates = new UpdateCompiler(exprs, checked);

        List<Transition> ts = program.transitions();
        int n = ts.size();
        guards = new Condition[n];
        guardFallible = new boolean[n];
        bodies = new Exec[n];
        labels = new String[n];
        List<Dispatch.Item> items = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            Transition t = ts.get(id);
            labels[id] = t.label();
            bodies[id] = updates.compile(t.updates());
            Map<Integer, Integer> dispatchPres = new TreeMap<>();
            List<Condition> residual = new ArrayList<>();
            boolean never = false;
            Map<Integer, Integer> seen = new HashMap<>();
            for (Transition.Pre p : t.pre()) {
                Var v = layout.var(p.var());
                Integer prev = seen.put(p.var(), p.value());
                if (!v.type().contains(p.value()) || (prev != null && prev != p.value())) never = true;
                else if (Dispatch.dispatchable(v)) dispatchPres.put(p.var(), p.value());
                else residual.add(ExprCompiler.compareConst(Expr.BinOp.EQ, v, p.value()));
            }
            Condition guard = exprs.condition(t.guard());
            guardFallible[id] = exprs.fallible(t.guard());
            if (!residual.isEmpty()) {
                residual.add(guard);
                guard = ExprCompiler.conjunction(residual, !guardFallible[id]);
            }
            guards[id] = guard;
            if (never || guard == Conditions.FALSE) continue;
            items.add(new Dispatch.Item(id, dispatchPres, guard));
        }
        dispatch = new Dispatch(layout, items);

        List<Condition> inv = new ArrayList<>();
        List<Integer> invProp = new ArrayList<>();
        List<String> invMsg = new ArrayList<>();
        for (Invariant i : program.invariants()) {
            if (i.property() < 0 || i.property() >= checked.length || !checked[i.property()]) continue;
            Condition c = exprs.condition(i.holds());
            if (c == Conditions.TRUE) continue;
            Property p = program.properties().get(i.property());
            inv.add(c);
            invProp.add(i.property());
            invMsg.add("invariant " + p.name() + " does not hold"
                    + (p.description() == null || p.description().isEmpty() ? "" : ": " + p.description()));
        }
        invariants = inv.toArray(new Condition[0]);
        invariantProperty = invProp.stream().mapToInt(Integer::intValue).toArray();
        invariantMessage = invMsg.toArray(new String[0]);
        end = program.endState() == null ? Conditions.FALSE : exprs.condition(program.endState());
    }

    /** Compiles {@code program} checking every property. */
    public static CompiledProgram compile(Program program) {
        boolean[] all = new boolean[program.properties().size()];
        Arrays.fill(all, true);
        return new CompiledProgram(program, all);
    }

    /**
     * Compiles {@code program}, reporting only the properties {@code p} with {@code checked[p]}.
     *
     * @param checked indexed by property id, of length {@code program.properties().size()}
     */
    public static CompiledProgram compile(Program program, boolean[] checked) {
        if (checked.length != program.properties().size()) {
            throw new IllegalArgumentException("checked has " + checked.length + " entries for "
                    + program.properties().size() + " properties");
        }
        return new CompiledProgram(program, checked.clone());
    }

    private static int find(Program program, Property.Kind kind, boolean[] checked) {
        for (Property p : program.properties()) {
            if (p.kind() == kind) return checked[p.id()] ? p.id() : -1;
        }
        return -1;
    }

    public Program program() { return program; }

    /** The id of the checked {@code domain} property, or -1. */
    public int domainProperty() { return domainProperty; }

    /** The id of the checked deadlock property, or -1. */
    public int deadlockProperty() { return deadlockProperty; }

    @Override public int words() { return words; }

    @Override public int transitionCount() { return bodies.length; }

    @Override public long[] initial() { return initial.clone(); }

    @Override public int enabled(long[] state, int[] buf) { return dispatch.enabled(state, buf); }

    @Override
    public boolean fire(long[] state, int transition, long[] out, ViolationSink sink) {
        if (words == 1) out[0] = state[0]; else System.arraycopy(state, 0, out, 0, words);
        try {
            if (guardFallible[transition]) guards[transition].test(state);
            bodies[transition].run(out, sink);
            return true;
        } catch (DomainError e) {
            if (domainProperty >= 0) sink.violation(domainProperty, labels[transition] + ": " + e.getMessage());
            return false;
        }
    }

    @Override
    public void checkInvariants(long[] state, ViolationSink sink) {
        for (int i = 0; i < invariants.length; i++) {
            try {
                if (!invariants[i].test(state)) sink.violation(invariantProperty[i], invariantMessage[i]);
            } catch (DomainError e) {
                if (domainProperty >= 0) {
                    String name = program.properties().get(invariantProperty[i]).name();
                    sink.violation(domainProperty, "invariant " + name + ": " + e.getMessage());
                }
            }
        }
    }

    @Override public boolean hasInvariants() { return invariants.length > 0; }

    @Override public boolean isEnd(long[] state) { return end.test(state); }

    /**
     * A state predicate of {@code program}'s layout compiled for evaluation (the liveness
     * check's {@code unless} conditions); it throws {@link DomainError} where it cannot be evaluated.
     */
    public static Condition condition(Program program, entrycheck.ir.Expr e) {
        return new ExprCompiler(program.layout()).condition(e);
    }
}
