package entrycheck.batch;

import entrycheck.lang.Diagnostic;
import entrycheck.lang.ModelException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a batch manifest (YAML, documented in docs/CI.md). SnakeYAML's node tree keeps the
 * position of every key and value, so every error names file:line:col: an unknown key, a value
 * of the wrong type, a model that is neither bundled nor a file, a pattern that matches nothing.
 */
public final class ManifestParser {
    private static final Set<String> TOP_KEYS = Set.of("defaults", "jobs");
    private static final Set<String> JOB_KEYS = Set.of("name", "models", "exclude", "properties", "constants", "configs", "strength",
            "max-states", "time-limit", "engine");
    private static final Set<String> DEFAULT_KEYS = Set.of("properties", "constants", "max-states", "time-limit", "engine");

    private final Path file;
    private final String[] lines;
    private final List<String> bundled;

    private ManifestParser(Path file, String text, List<String> bundled) {
        this.file = file;
        this.lines = text.split("\n", -1);
        this.bundled = bundled;
    }

    /**
     * @param bundled the bundled model names, against which names and globs are resolved
     */
    public static Manifest parse(Path file, String text, List<String> bundled) throws ModelException {
        return new ManifestParser(file, text, bundled).manifest(text);
    }

    private Manifest manifest(String text) throws ModelException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw error(m, "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new ModelException(new Diagnostic(file.toString(), 1, 1, "not valid YAML: " + e.getMessage(), null));
        }
        if (root == null) throw new ModelException(new Diagnostic(file.toString(), 1, 1, "empty manifest: expected 'jobs:'", null));
        Map<String, NodeTuple> top = mapping(root, TOP_KEYS, "manifest");
        Map<String, NodeTuple> defaults = top.containsKey("defaults")
                ? mapping(top.get("defaults").getValueNode(), DEFAULT_KEYS, "defaults") : Map.of();
        NodeTuple jobsTuple = top.get("jobs");
        if (jobsTuple == null) throw error(root.getStartMark(), "missing 'jobs:' (a list of jobs)");
        if (!(jobsTuple.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw error(jobsTuple.getValueNode().getStartMark(), "'jobs' must be a non-empty list of jobs");
        }
        List<Manifest.Job> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node jn : seq.getValue()) {
            Manifest.Job job = job(jn, defaults);
            if (!names.add(job.name())) throw error(jn.getStartMark(), "duplicate job name '" + job.name() + "'");
            jobs.add(job);
        }
        return new Manifest(file, jobs);
    }

    private Manifest.Job job(Node node, Map<String, NodeTuple> defaults) throws ModelException {
        Map<String, NodeTuple> m = mapping(node, JOB_KEYS, "job");
        NodeTuple models = m.get("models");
        if (models == null) throw error(node.getStartMark(), "job needs 'models:' (names, globs such as x86_64/bugs/*, or paths)");
        String name = m.containsKey("name") ? scalar(m.get("name").getValueNode(), "name")
                : String.join(",", strings(models.getValueNode(), "models"));
        TreeSet<String> resolved = new TreeSet<>();
        for (Node pn : sequence(models.getValueNode(), "models")) resolved.addAll(resolve(pn));
        if (m.containsKey("exclude")) {
            for (Node pn : sequence(m.get("exclude").getValueNode(), "exclude")) resolved.removeAll(resolve(pn));
        }
        if (resolved.isEmpty()) throw error(models.getValueNode().getStartMark(), "job '" + name + "' has no models left after 'exclude'");
        NodeTuple props = pick(m, defaults, "properties");
        NodeTuple consts = pick(m, defaults, "constants");
        NodeTuple maxStates = pick(m, defaults, "max-states");
        NodeTuple timeLimit = pick(m, defaults, "time-limit");
        NodeTuple engine = pick(m, defaults, "engine");
        if (engine != null) {
            String e = scalar(engine.getValueNode(), "engine");
            if (!e.equals("bfs")) throw error(engine.getValueNode().getStartMark(), "unknown engine '" + e + "' (supported: bfs)");
        }
        Map<String, Integer> constants = new LinkedHashMap<>();
        if (consts != null) {
            for (Map.Entry<String, NodeTuple> c : mapping(consts.getValueNode(), null, "constants").entrySet()) {
                constants.put(c.getKey(), integer(c.getValue().getValueNode(), "constant " + c.getKey()));
            }
        }
        List<String> configs = new ArrayList<>();
        int covering = 0;
        if (m.containsKey("configs")) {
            Node cn = m.get("configs").getValueNode();
            if (cn instanceof ScalarNode && scalar(cn, "configs").equals("covering")) {
                covering = 2;
            } else {
                for (Node c : sequence(cn, "configs")) {
                    String text = scalar(c, "configs");
                    try {
                        configs.add(entrycheck.lang.Options.describeAssignment(entrycheck.lang.Options.parseAssignment(text)));
                    } catch (IllegalArgumentException e) {
                        throw error(c.getStartMark(), "configs: " + e.getMessage() + " (a list of NAME=y,NAME=n,... or 'covering')");
                    }
                }
            }
        }
        if (m.containsKey("strength")) {
            if (covering == 0) throw error(m.get("strength").getKeyNode().getStartMark(), "'strength' needs 'configs: covering'");
            covering = integer(m.get("strength").getValueNode(), "strength");
            if (covering < 1) throw error(m.get("strength").getValueNode().getStartMark(), "strength must be at least 1");
        }
        return new Manifest.Job(name, node.getStartMark().getLine() + 1, List.copyOf(resolved),
                props == null ? List.of() : strings(props.getValueNode(), "properties"), constants,
                maxStates == null ? 0 : integer(maxStates.getValueNode(), "max-states"),
                timeLimit == null ? null : duration(timeLimit.getValueNode()), configs, covering);
    }

    private static NodeTuple pick(Map<String, NodeTuple> job, Map<String, NodeTuple> defaults, String key) {
        return job.containsKey(key) ? job.get(key) : defaults.get(key);
    }

    /** A name, a glob over bundled names, or a path relative to the manifest. */
    private List<String> resolve(Node n) throws ModelException {
        String p = scalar(n, "model");
        if (p.contains("*") || p.contains("?")) {
            Pattern re = glob(p);
            List<String> hits = bundled.stream().filter(b -> re.matcher(b).matches()).toList();
            if (hits.isEmpty()) throw error(n.getStartMark(), "pattern '" + p + "' matches no bundled model");
            return hits;
        }
        if (bundled.contains(p)) return List.of(p);
        Path dir = file.toAbsolutePath().getParent();
        Path path = dir.resolve(p);
        if (Files.isRegularFile(path)) return List.of(path.normalize().toString());
        throw error(n.getStartMark(), "unknown model '" + p + "': not a bundled model (see 'entrycheck list models') and no file "
                + path.normalize());
    }

    /** {@code *} within a name segment, {@code **} across segments, {@code ?} one character. */
    static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private Map<String, NodeTuple> mapping(Node n, Set<String> allowed, String what) throws ModelException {
        if (!(n instanceof MappingNode mn)) throw error(n.getStartMark(), what + " must be a mapping (key: value)");
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = scalar(t.getKeyNode(), "key");
            if (allowed != null && !allowed.contains(key)) {
                throw error(t.getKeyNode().getStartMark(), "unknown key '" + key + "' in " + what + " (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (out.put(key, t) != null) throw error(t.getKeyNode().getStartMark(), "duplicate key '" + key + "'");
        }
        return out;
    }

    private List<Node> sequence(Node n, String what) throws ModelException {
        if (n instanceof SequenceNode s) return s.getValue();
        if (n instanceof ScalarNode) return List.of(n);
        throw error(n.getStartMark(), what + " must be a list");
    }

    private List<String> strings(Node n, String what) throws ModelException {
        List<String> out = new ArrayList<>();
        for (Node e : sequence(n, what)) out.add(scalar(e, what));
        return out;
    }

    private String scalar(Node n, String what) throws ModelException {
        if (!(n instanceof ScalarNode s)) throw error(n.getStartMark(), what + " must be a single value");
        return s.getValue();
    }

    private int integer(Node n, String what) throws ModelException {
        String s = scalar(n, what);
        try {
            return Integer.parseInt(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(n.getStartMark(), what + " must be an integer, got '" + s + "'");
        }
    }

    private Duration duration(Node n) throws ModelException {
        String s = scalar(n, "time-limit");
        try {
            return Durations.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(n.getStartMark(), e.getMessage());
        }
    }

    private ModelException error(Mark m, String message) {
        int line = m == null ? 1 : m.getLine() + 1;
        int col = m == null ? 1 : m.getColumn() + 1;
        String src = line - 1 < lines.length ? lines[line - 1] : null;
        return new ModelException(new Diagnostic(file.toString(), line, col, message, src));
    }
}
