package entrycheck.cli;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.trace.SafeText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entrycheck list models|properties}. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "List the bundled models (name and the first comment line of the model file), or the "
                    + "properties they declare (name, description, source reference; each name once)."})
public final class ListCommand implements Callable<Integer> {

    /** Where the bundled model files live on the class path (docs/LANGUAGE.md). */
    private static final String MODEL_RESOURCES = "entrycheck/models/";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "models or properties")
    private String kind;

    @Override
    public Integer call() throws ModelException {
        switch (kind) {
            case "models": return models();
            case "properties": return properties();
            default:
                throw new ParameterException(spec.commandLine(),
                        "unknown list kind '" + kind + "': expected models or properties");
        }
    }

    private int models() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = ModelLoader.bundledModels();
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String name : names) {
            String description = description(name);
            out.println(description.isEmpty() ? SafeText.of(name)
                    : pad(SafeText.of(name), width) + "  " + description);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int properties() throws ModelException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Property> byName = new TreeMap<>();
        for (Program p : ModelSet.load(ModelLoader.bundledModels(), Map.of())) {
            for (Property prop : p.properties()) byName.putIfAbsent(prop.name(), prop);
        }
        int width = byName.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Property prop : byName.values()) {
            StringBuilder line = new StringBuilder(pad(SafeText.of(prop.name()), width));
            if (!prop.description().isEmpty()) line.append("  ").append(SafeText.of(prop.description()));
            if (!prop.source().isEmpty()) line.append("  [").append(SafeText.of(prop.source())).append(']');
            out.println(line.toString().stripTrailing());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The first comment of a bundled model file, before its first declaration other than
     * {@code model ...;}, or "" when there is none or the file cannot be read.
     */
    static String description(String model) {
        ClassLoader loader = ModelLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(MODEL_RESOURCES + model + ".entry")) {
            if (in == null) return "";
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return firstComment(reader.lines().limit(50).toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** The text of the first non-empty comment line of a leading comment block, or "". */
    static String firstComment(List<String> lines) {
        boolean inBlock = false;
        for (String line : lines) {
            String t = line.strip();
            if (!inBlock) {
                if (t.isEmpty() || t.startsWith("model ")) continue;
                if (t.startsWith("//")) {
                    t = t.substring(2).strip();
                    if (t.isEmpty()) continue;
                    return SafeText.of(t);
                }
                if (!t.startsWith("/*")) return "";
                inBlock = true;
                t = t.substring(2);
            }
            int end = t.indexOf("*/");
            if (end >= 0) {
                t = t.substring(0, end);
                inBlock = false;
            }
            t = t.strip();
            while (t.startsWith("*")) t = t.substring(1).strip();
            if (!t.isEmpty()) return SafeText.of(t);
        }
        return "";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
