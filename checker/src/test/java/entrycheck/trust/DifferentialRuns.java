package entrycheck.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import entrycheck.ir.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs {@link SpinAgreement}s two at a time (the pan compiles dominate) and asserts that all agree. */
public final class DifferentialRuns {
    private DifferentialRuns() { }

    /**
     * @param name    the model's name in messages
     * @param program its IR
     * @param shown   what to print when it disagrees (its source text), or ""
     */
    public record Case(String name, Program program, String shown) { }

    /** Checks every case (gcc -O0, pan -w18); prints one line per case and a summary line. */
    public static List<SpinAgreement> assertAgree(Path dir, List<Case> cases, String what) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SpinAgreement>> runs = new ArrayList<>();
            for (Case c : cases) {
                Path d = dir.resolve(c.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
                runs.add(pool.submit(() -> SpinAgreement.run(c.name(), c.program(), d, false, 18)));
            }
            List<String> failures = new ArrayList<>();
            List<SpinAgreement> done = new ArrayList<>();
            int violated = 0, transitions = 0;
            long states = 0;
            for (int i = 0; i < runs.size(); i++) {
                SpinAgreement a = runs.get(i).get();
                done.add(a);
                System.out.println("spin-differential " + a);
                if (!a.violated().isEmpty()) violated++;
                if (a.transitionsCompared()) transitions++;
                states += a.states();
                if (!a.mismatches().isEmpty()) failures.add(a.name() + ": " + a.mismatches() + "\n" + cases.get(i).shown());
            }
            System.out.println("spin-differential " + what + ": " + (runs.size() - failures.size()) + " of " + runs.size()
                    + " agree; " + states + " states in all; " + violated + " with violations; transitions compared on "
                    + transitions);
            assertEquals(List.of(), failures, "SPIN disagrees");
            return done;
        } finally {
            pool.shutdownNow();
        }
    }
}
