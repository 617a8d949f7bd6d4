package entrycheck.trust;

import entrycheck.engine.BfsEngine;
import entrycheck.engine.CheckOptions;
import entrycheck.engine.CheckResult;
import entrycheck.engine.Verdict;
import entrycheck.export.PromelaExporter;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One differential run: entrycheck's full exploration of a program against SPIN's on its
 * Promela export. What must agree (docs/RELIABILITY.md):
 * <ul>
 *   <li>SPIN's "states, stored" (pan -A) equals entrycheck's distinct states, and its "depth
 *       reached" (BFS levels) entrycheck's depth;</li>
 *   <li>SPIN finds an assertion violation (pan) exactly when entrycheck finds some property
 *       violated;</li>
 *   <li>when no deadlock or invariant is violated (nor domain, in a model with invariants or
 *       an end condition, whose evaluation may fail), SPIN's transitions equal
 *       entrycheck's fired transitions plus one (SPIN counts the initial state); otherwise
 *       SPIN has one more self-loop per deadlocked or invariant-violating state, which
 *       entrycheck does not count as a transition, and the comparison is skipped.</li>
 * </ul>
 * entrycheck stops early once every property is violated; to explore everything the engine
 * runs on the program with one more property that no state violates (an invariant property
 * without invariants), which changes neither the states nor the transitions.
 */
public record SpinAgreement(String name, long states, long transitions, long depth, Set<String> violated,
                            Spin.Result spin, boolean transitionsCompared) {

    /** A bound on entrycheck's side, so that an unexpectedly large model fails instead of hanging. */
    static final long LIMIT = 50_000_000;

    public static SpinAgreement run(String name, Program program, Path dir, boolean optimize, int hashBits)
            throws IOException, InterruptedException {
        CheckResult r = BfsEngine.check(withSentinel(program), new CheckOptions(Set.of(), LIMIT, null, 1));
        if (!r.complete()) throw new IllegalStateException(name + ": entrycheck stopped early: " + r.stopReason());
        Set<String> violated = new TreeSet<>();
        boolean selfLoops = false;
        for (CheckResult.PropertyResult pr : r.properties()) {
            if (!(pr.verdict() instanceof Verdict.Violated)) continue;
            violated.add(pr.property().name());
            Property.Kind k = pr.property().kind();
            // a domain error in an invariant or the end condition is a self-loop in SPIN too
            boolean stateDomain = k == Property.Kind.DOMAIN && (!program.invariants().isEmpty() || program.endState() != null);
            selfLoops |= k == Property.Kind.DEADLOCK || k == Property.Kind.INVARIANT || stateDomain;
        }
        Spin.Result spin = Spin.check(PromelaExporter.export(program), dir, optimize, hashBits);
        return new SpinAgreement(name, r.stats().distinctStates(), r.stats().transitions(), r.stats().depth(), violated, spin,
                !selfLoops);
    }

    /** The program with one extra property that nothing can violate. */
    public static Program withSentinel(Program p) {
        List<Property> props = new ArrayList<>(p.properties());
        props.add(new Property(props.size(), "sentinel (never violated)", Property.Kind.INVARIANT, "", "", Property.Expect.MAYBE));
        return new Program(p.name(), p.sourceHash(), p.constants(), p.layout(), p.transitions(), p.invariants(),
                p.endState(), props, p.nesting(), p.memory());
    }

    /** The disagreements, empty when SPIN and entrycheck agree. */
    public List<String> mismatches() {
        List<String> out = new ArrayList<>();
        if (spin.stored() != states) out.add("states: entrycheck " + states + ", SPIN " + spin.stored());
        if (spin.depth() != depth) out.add("BFS depth: entrycheck " + depth + ", SPIN " + spin.depth());
        if ((spin.errors() > 0) != !violated.isEmpty()) {
            out.add("verdict: entrycheck violated " + violated + ", SPIN errors " + spin.errors() + " " + spin.violation());
        }
        if (transitionsCompared && spin.transitions() != transitions + 1) {
            out.add("transitions: entrycheck " + transitions + " (+1), SPIN " + spin.transitions());
        }
        return out;
    }

    @Override
    public String toString() {
        return name + ": " + states + " states, " + transitions + " transitions, depth " + depth + ", violated " + violated
                + " | SPIN " + spin.stored() + " stored, " + spin.transitions() + " transitions, depth " + spin.depth()
                + ", errors " + spin.errors()
                + " (compile " + spin.compileMillis() + " ms, run " + spin.runMillis() + " ms)";
    }
}
