package entrycheck.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A verification batch: jobs, each expanded to the models it names.
 *
 * @param file the manifest file (for messages and relative model paths)
 * @param jobs the jobs, in file order
 */
public record Manifest(Path file, List<Job> jobs) {
    public Manifest { jobs = List.copyOf(jobs); }

    /** Every unit of work, in the canonical order: jobs in file order, models sorted within a job. */
    public List<Unit> units() {
        return jobs.stream().flatMap(j -> j.models().stream().map(m -> new Unit(j, m))).toList();
    }

    /**
     * One job of the manifest, after defaults and model patterns are resolved.
     *
     * @param models     resolved model names or paths, sorted, without duplicates
     * @param properties property names to check; empty = all
     * @param maxStates  0 = no limit
     * @param timeLimit  null = no limit
     */
    public record Job(String name, int line, List<String> models, List<String> properties,
                      Map<String, Integer> constants, long maxStates, Duration timeLimit) {
        public Job {
            models = List.copyOf(models);
            properties = List.copyOf(properties);
            constants = Map.copyOf(constants);
        }
    }

    /** One model checked by one job; {@code id()} is stable and unique within a manifest. */
    public record Unit(Job job, String model) {
        public String id() { return job.name() + "/" + model; }
    }
}
