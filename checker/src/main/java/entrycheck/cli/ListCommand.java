package entrycheck.cli;

import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.properties.PropertyKinds;
import entrycheck.properties.PropertyLibrary;
import entrycheck.trace.SafeText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                    + "properties: each property library (import NAME;) with kind, description and kernel "
                    + "source, the built-in properties, and those the bundled models declare themselves."})
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

    /**
     * Three sections: each property library on the class path (name, kind, description, kernel
     * source), the checker's built-in properties, and properties the bundled models declare
     * themselves (with the first model that declares each).
     */
    private int properties() throws ModelException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> libraries = PropertyLibrary.available();
        Map<String, List<PropertyLibrary.Entry>> sections = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        for (String lib : libraries) {
            List<PropertyLibrary.Entry> entries = PropertyLibrary.load(lib).properties();
            sections.put("library " + lib + " (import " + lib + ";)", entries);
            for (PropertyLibrary.Entry e : entries) listed.add(e.name());
        }
        sections.put("built in", PropertyLibrary.builtins());
        for (PropertyLibrary.Entry e : PropertyLibrary.builtins()) listed.add(e.name());
        Map<String, String[]> declared = new TreeMap<>();
        for (Program p : ModelSet.load(ModelLoader.bundledModels(), Map.of())) {
            for (Property prop : p.properties()) {
                if (listed.contains(prop.name()) || declared.containsKey(prop.name())) continue;
                declared.put(prop.name(), new String[] {prop.description(), prop.source(), p.name()});
            }
        }
        int width = 0;
        for (List<PropertyLibrary.Entry> es : sections.values()) {
            for (PropertyLibrary.Entry e : es) width = Math.max(width, e.name().length());
        }
        for (String n : declared.keySet()) width = Math.max(width, n.length());
        int kindWidth = PropertyKinds.ALL.stream().mapToInt(k -> k.name().length()).max().orElse(0);
        for (Map.Entry<String, List<PropertyLibrary.Entry>> section : sections.entrySet()) {
            out.println(SafeText.of(section.getKey()) + ":");
            for (PropertyLibrary.Entry e : section.getValue()) {
                out.println(line(e.name(), width, pad(e.kind().name(), kindWidth) + "  " + SafeText.of(e.description()), e.source()));
            }
        }
        if (!declared.isEmpty()) {
            out.println("declared by bundled models:");
            for (Map.Entry<String, String[]> d : declared.entrySet()) {
                String[] v = d.getValue();
                String desc = (v[0].isEmpty() ? "" : SafeText.of(v[0]) + "  ") + "(" + SafeText.of(v[2]) + ")";
                out.println(line(d.getKey(), width, desc, v[1]));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code   NAME  TEXT  [SOURCE]}, the name padded to {@code width}. */
    private static String line(String name, int width, String text, String source) {
        StringBuilder line = new StringBuilder("  ").append(pad(SafeText.of(name), width)).append("  ").append(text);
        if (!source.isEmpty()) line.append("  [").append(SafeText.of(source)).append(']');
        return line.toString().stripTrailing();
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
