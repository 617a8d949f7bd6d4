package entrycheck.cli;

import entrycheck.engine.Outcome;
import entrycheck.trace.Ansi;
import entrycheck.trace.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Counts the outcomes of a run over one or more models and decides the exit code. */
final class RunSummary {
    private int models;
    private int ok;
    private int incomplete;
    private int notChecked;
    private final List<String> failures = new ArrayList<>();

    void model() { models++; }

    /** A model left out because the run was interrupted: the run cannot pass. */
    void notChecked() { notChecked++; }

    void add(String model, String property, Outcome outcome) {
        if (outcome.failed) failures.add(SafeText.of(model) + ": " + SafeText.of(property) + ": " + outcome.text);
        else if (outcome == Outcome.INCOMPLETE) incomplete++;
        else ok++;
    }

    /** 1 if anything failed, else 3 if anything is unknown, else 0. */
    int exitCode() {
        if (!failures.isEmpty()) return ExitCodes.FAILED;
        if (incomplete > 0 || notChecked > 0) return ExitCodes.INCOMPLETE;
        return ExitCodes.OK;
    }

    void print(PrintWriter out, Ansi ansi) {
        int total = ok + failures.size() + incomplete;
        out.println();
        out.println("summary: " + models + (models == 1 ? " model, " : " models, ") + total
                + (total == 1 ? " property: " : " properties: ") + ok + " ok, "
                + (failures.isEmpty() ? "0 failed" : ansi.boldRed(failures.size() + " failed")) + ", "
                + (incomplete == 0 ? "0 incomplete" : ansi.yellow(incomplete + " incomplete"))
                + (notChecked == 0 ? "" : ", " + ansi.yellow(notChecked + (notChecked == 1 ? " model" : " models")
                        + " not checked (interrupted)")));
        for (String f : failures) out.println("  " + f);
    }
}
