package entrycheck.cli;

import entrycheck.engine.CheckResult;
import entrycheck.engine.Verdict;
import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A hand-built rule model (a counter x) and results for it, without loader or engine. */
final class ReportFixture {
    final StateLayout.Builder b = new StateLayout.Builder();
    final Var x = b.add("x", new Type.Range(0, 3), Var.Role.STATE, 0);
    final StateLayout layout = b.build();
    final List<Property> properties;
    final Program program;

    ReportFixture(Property.Expect... expects) {
        String[] names = {"safe", "bug", "small", "later"};
        properties = new ArrayList<>();
        for (int i = 0; i < expects.length; i++) {
            properties.add(new Property(i, names[i], Property.Kind.INVARIANT, "", "", expects[i]));
        }
        program = new Program("m", "00", Map.of(), layout,
                List.of(new Transition(0, "inc", "", Transition.Kind.RULE, -1, "", List.of(), Expr.TRUE, List.of())),
                List.of(), Expr.TRUE, properties, null);
    }

    /** A trace of {@code n} inc steps violating property {@code p}. */
    Verdict.Violated violated(int p, int n) {
        List<Trace.Step> steps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            long[] s = layout.initialState();
            StateLayout.set(s, x, i);
            steps.add(new Trace.Step(0, s));
        }
        return new Verdict.Violated(new Trace(program, p, layout.initialState(), steps, "x < " + n, -1));
    }

    CheckResult result(boolean complete, String stopReason, Verdict... verdicts) {
        List<CheckResult.PropertyResult> rs = new ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) rs.add(new CheckResult.PropertyResult(properties.get(i), verdicts[i]));
        return new CheckResult(program, rs, new CheckResult.Statistics(10, 25, 3, 500_000_000L), complete, stopReason);
    }
}
