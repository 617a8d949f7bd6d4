package entrycheck.trace;

import java.io.IOException;
import java.nio.file.Path;

/** Where trace files go and how they are named: {@code <model>.<property>.json}, one per violated property. */
public final class TraceFiles {
    private TraceFiles() { }

    /**
     * {@code x86_64/bugs/b1-nmi-iret} + {@code frame-intact} -> {@code x86_64.bugs.b1-nmi-iret.frame-intact.json};
     * a model given as a file ({@code dir/my-design.entry}) is named by its file name ({@code my-design.frame-intact.json}).
     */
    public static String fileName(String model, String property) {
        if (model.endsWith(".entry")) {
            String f = java.nio.file.Path.of(model).getFileName().toString();
            model = f.substring(0, f.length() - ".entry".length());
        }
        String base = (model + "." + property).replaceAll("[^A-Za-z0-9_.-]+", ".");
        base = base.replaceAll("^\\.+", "");
        return (base.isEmpty() ? "trace" : base) + ".json";
    }

    /** Writes {@code trace} atomically into {@code dir} and returns the file. */
    public static Path write(Path dir, String prefix, TraceDocument trace) throws IOException {
        Path f = dir.resolve(fileName(prefix, trace.property().name()));
        AtomicFile.write(f, TraceJson.toJson(trace));
        return f;
    }
}
