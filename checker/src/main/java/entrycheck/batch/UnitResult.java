package entrycheck.batch;

import entrycheck.engine.CheckResult;
import entrycheck.engine.Expectations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of one unit of a batch: either a load error (a bad model), or the check result with
 * the judgement of every property and the trace files written for its violations.
 *
 * @param error      the model error text (file:line:col diagnostics), or null
 * @param traceFiles property name -> trace file written for its violation
 * @param millis     wall time of the unit (a timing field: not deterministic)
 */
public record UnitResult(Manifest.Unit unit, String error, CheckResult result, List<Expectations.Judged> judged,
                         Map<String, Path> traceFiles, long millis) {
    public UnitResult {
        judged = List.copyOf(judged);
        traceFiles = Map.copyOf(traceFiles);
    }

    /** 0 all expectations met, 1 a failure, 2 the model did not load, 3 incomplete. */
    public int exitCode() {
        return error != null ? 2 : Expectations.exitCode(judged);
    }
}
