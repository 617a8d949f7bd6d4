package entrycheck.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    /**
     * Every unit of work, in the canonical order: jobs in file order, models sorted within a job,
     * a model's configurations in the job's order. A job with {@code configs: covering} needs
     * {@link #units(Covering)}; here it checks the defaults only.
     */
    public List<Unit> units() {
        return units((job, model) -> List.of(""));
    }

    /** As {@link #units()}, with {@code covering} giving the configurations of a {@code configs: covering} job. */
    public List<Unit> units(Covering covering) {
        List<Unit> out = new ArrayList<>();
        for (Job j : jobs) {
            for (String m : j.models()) {
                List<String> configs = j.covering() > 0 ? covering.configs(j, m) : j.configs().isEmpty() ? List.of("") : j.configs();
                for (int i = 0; i < configs.size(); i++) {
                    out.add(new Unit(j, m, configs.get(i), configs.size() == 1 && configs.get(i).isEmpty() ? 0 : i + 1));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The configurations ({@code NAME=y,...}, "" = the defaults) that cover a model's options for a job. */
    @FunctionalInterface
    public interface Covering {
        List<String> configs(Job job, String model);
    }

    /**
     * One job of the manifest, after defaults and model patterns are resolved.
     *
     * @param models     resolved model names or paths, sorted, without duplicates
     * @param properties property names to check; empty = all
     * @param maxStates  0 = no limit
     * @param timeLimit  null = no limit
     * @param configs    the configurations to check ({@code --config} syntax); empty = the defaults only
     * @param covering   T of {@code configs: covering} (a T-wise covering set), 0 = not a covering job
     */
    public record Job(String name, int line, List<String> models, List<String> properties,
                      Map<String, Integer> constants, long maxStates, Duration timeLimit, List<String> configs, int covering) {
        public Job {
            models = List.copyOf(models);
            properties = List.copyOf(properties);
            constants = Map.copyOf(constants);
            configs = List.copyOf(configs);
        }

        public Job(String name, int line, List<String> models, List<String> properties,
                   Map<String, Integer> constants, long maxStates, Duration timeLimit) {
            this(name, line, models, properties, constants, maxStates, timeLimit, List.of(), 0);
        }
    }

    /**
     * One model checked by one job under one configuration; {@code id()} is stable and unique within a manifest.
     *
     * @param config      {@code NAME=y,...} ({@code --config} syntax), "" = the defaults
     * @param configIndex 1-based position among the model's configurations in the job, 0 = the only (default) one
     */
    public record Unit(Job job, String model, String config, int configIndex) {
        public Unit(Job job, String model) { this(job, model, "", 0); }

        public String id() { return job.name() + "/" + model + (configIndex == 0 ? "" : "[config " + configIndex + "]"); }
    }
}
