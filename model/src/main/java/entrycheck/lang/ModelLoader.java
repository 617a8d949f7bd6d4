package entrycheck.lang;

import entrycheck.compile.Compiler;
import entrycheck.ir.Program;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Loads a model by bundled name ({@code x86_64/mainline}) or by file path, parses it, applies
 * its {@code extends} chain, checks it and compiles it to the IR.
 *
 * <p>A name is looked up among the bundled models first (classpath resource
 * {@code entrycheck/models/NAME.entry}), then as a file path. A base named by
 * {@code extends B} is looked up relative to the extending file first ({@code B} or
 * {@code B.entry}; for a bundled model: relative to its directory among the bundled models),
 * then as a bundled name.
 *
 * <p>{@code import L;} is replaced by the declarations of the library {@code L}: the classpath
 * resource {@code entrycheck/library/L.entry} ({@link #LIBRARY_ROOT}). The model module ships
 * no library; the x86 entry invariants ({@code entry-invariants}) are in the properties
 * module, which depends on this one, so the class path is the only link: whoever loads the
 * x86 models (the checker, tests of the properties module and above) has that jar on it. A
 * library is imported once per model (further imports of it, in the file, its bases or other
 * libraries, add nothing); an import cycle between libraries is an error.
 */
public final class ModelLoader {
    /** Where the bundled models live on the classpath. */
    public static final String ROOT = "entrycheck/models/";
    /** Where libraries live on the classpath; {@code INDEX} files there name them (one a line). */
    public static final String LIBRARY_ROOT = "entrycheck/library/";

    private ModelLoader() { }

    /**
     * @param nameOrPath a bundled model name or a path to a {@code .entry} file
     * @param overrides  {@code -D NAME=VALUE} constant overrides (each must name a declared const)
     * @throws ModelException with file:line:col diagnostics on any error (exit code 2)
     */
    public static Program load(String nameOrPath, Map<String, Integer> overrides) throws ModelException {
        CheckedModel m = check(nameOrPath, overrides);
        return withinLimits(Compiler.compile(m), m);
    }

    /** The compiled program, or a diagnostic when it exceeds {@link Limits} (state bits, transitions). */
    private static Program withinLimits(Program p, CheckedModel m) throws ModelException {
        long bits = p.layout().bits();
        String file = m.sources().isEmpty() ? m.name() : m.sources().get(0).file();
        if (bits > Limits.MAX_STATE_BITS) {
            throw new ModelException(new Diagnostic(file, 1, 1, "the compiled model has " + bits + " state bits, more than the "
                    + Limits.MAX_STATE_BITS + " entrycheck accepts (nesting, locals, arrays or stacks too large?)", null));
        }
        if (p.transitions().size() > Limits.MAX_TRANSITIONS) {
            throw new ModelException(new Diagnostic(file, 1, 1, "the compiled model has " + p.transitions().size()
                    + " transitions, more than the " + Limits.MAX_TRANSITIONS + " entrycheck accepts", null));
        }
        return p;
    }

    /** Parses, merges and checks a model without compiling it. */
    public static CheckedModel check(String nameOrPath, Map<String, Integer> overrides) throws ModelException {
        Diags diags = new Diags();
        MergedModel m = merge(nameOrPath, diags);
        return Checker.check(m, overrides, diags);
    }

    /** Checks and compiles a model given as text (tests, tools); {@code file} names it in diagnostics. */
    public static Program loadText(String file, String text, Map<String, Integer> overrides) throws ModelException {
        CheckedModel m = checkText(file, text, overrides);
        return withinLimits(Compiler.compile(m), m);
    }

    /** Checks a model given as text without compiling it (it cannot extend another). */
    public static CheckedModel checkText(String file, String text, Map<String, Integer> overrides) throws ModelException {
        Diags diags = new Diags();
        ModelFile f = Parser.parse(new SourceText(file, text), diags);
        if (f.header() != null && f.header().base() != null) {
            throw diags.fail(f.header().basePos(), "a model given as text cannot extend another");
        }
        Imports imports = new Imports(diags);
        List<AstDecl> decls = DeltaApplier.apply(List.of(), imports.expand(f), false, diags);
        diags.throwIfAny();
        List<SourceText> sources = new ArrayList<>(List.of(f.source()));
        sources.addAll(imports.sources);
        MergedModel m = new MergedModel(file, decls, sources, new Pos(file, 1, 1));
        return Checker.check(m, overrides, diags);
    }

    /** The names of the bundled models, sorted (from the resource {@code entrycheck/models/INDEX}). */
    public static List<String> bundledModels() {
        String index = resource(ROOT + "INDEX");
        if (index == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) out.add(l);
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    /** The names of the libraries on the class path, sorted (from every {@code entrycheck/library/INDEX}). */
    public static List<String> libraries() {
        List<String> out = new ArrayList<>();
        try {
            java.util.Enumeration<java.net.URL> urls = ModelLoader.class.getClassLoader().getResources(LIBRARY_ROOT + "INDEX");
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String l = line.trim();
                        if (!l.isEmpty() && !l.startsWith("#") && !out.contains(l)) out.add(l);
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    /**
     * The declarations of a library with its own imports expanded, as a model that imports it
     * gets them (tools: the property catalog).
     *
     * @throws ModelException with the library's file:line:col on a syntax error, a declaration
     *                        a library may not hold, or an unknown library
     */
    public static List<AstDecl> library(String name) throws ModelException {
        Diags diags = new Diags();
        List<AstDecl> decls = new Imports(diags).library(name, null);
        diags.throwIfAny();
        return decls;
    }

    /** The source text of a bundled model or a model file. */
    public static String source(String nameOrPath) throws ModelException {
        return locate(nameOrPath, new Diags()).text.text();
    }

    private static String resource(String path) {
        ClassLoader cl = ModelLoader.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) return null;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** A located model file: bundled (name set) or on disk (path set). */
    private static final class Located {
        final String bundled;
        final Path path;
        final SourceText text;

        Located(String bundled, Path path, SourceText text) {
            this.bundled = bundled;
            this.path = path;
            this.text = text;
        }

        String identity() { return bundled != null ? "bundled:" + bundled : "file:" + path.toAbsolutePath().normalize(); }
    }

    private static String stripEntry(String n) { return n.endsWith(".entry") ? n.substring(0, n.length() - 6) : n; }

    private static Located bundled(String name) {
        String n = stripEntry(name);
        if (n.isEmpty() || n.startsWith("/") || n.contains("\\")) return null;
        String text = resource(ROOT + n + ".entry");
        return text == null ? null : new Located(n, null, new SourceText(ROOT + n + ".entry", text));
    }

    private static Located file(Path p, String shown) throws IOException, ModelException {
        if (!Files.isRegularFile(p)) return null;
        return new Located(null, p, new SourceText(shown, SourceFiles.decode(Files.readAllBytes(p), shown)));
    }

    private static Located locate(String nameOrPath, Diags diags) throws ModelException {
        Located b = bundled(nameOrPath);
        if (b != null) return b;
        try {
            Located f = file(Paths.get(nameOrPath), nameOrPath);
            if (f == null && !nameOrPath.endsWith(".entry")) f = file(Paths.get(nameOrPath + ".entry"), nameOrPath + ".entry");
            if (f != null) return f;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ModelException(new Diagnostic(nameOrPath, 1, 1, "cannot read model file: " + e.getMessage(), null));
        }
        String hint = Suggest.closest(nameOrPath, bundledModels());
        throw new ModelException(new Diagnostic(nameOrPath, 1, 1, "no such model file, and no bundled model named '"
                + nameOrPath + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"), null));
    }

    private static Located locateBase(Located from, String base, Pos pos, Diags diags) throws ModelException {
        try {
            if (from.path != null) {
                Path dir = from.path.getParent() == null ? Paths.get("") : from.path.getParent();
                Path p = dir.resolve(base).normalize();
                Located f = file(p, p.toString());
                if (f == null && !base.endsWith(".entry")) {
                    Path q = dir.resolve(base + ".entry").normalize();
                    f = file(q, q.toString());
                }
                if (f != null) return f;
            }
            Located b = bundled(base);
            if (b != null) return b;
            if (from.bundled != null) {
                int slash = from.bundled.lastIndexOf('/');
                if (slash >= 0) {
                    String rel = Paths.get(from.bundled.substring(0, slash)).resolve(base).normalize().toString().replace('\\', '/');
                    b = bundled(rel);
                    if (b != null) return b;
                }
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw diags.fail(pos, "cannot read base model '" + base + "': " + e.getMessage());
        }
        String hint = Suggest.closest(stripEntry(base), bundledModels());
        throw diags.fail(pos, "cannot find base model '" + base + "' (no such file next to this one, no bundled model of that name)"
                + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }

    /** Parses the file and its bases and applies the deltas, root first. */
    static MergedModel merge(String nameOrPath, Diags diags) throws ModelException {
        Located first = locate(nameOrPath, diags);
        List<ModelFile> chain = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Located cur = first;
        while (true) {
            if (seen.contains(cur.identity())) {
                ModelFile last = chain.get(chain.size() - 1);
                List<String> names = new ArrayList<>();
                for (ModelFile f : chain) names.add(f.source().file());
                names.add(cur.text.file());
                throw diags.fail(last.header().basePos(), "extends cycle: " + String.join(" -> ", names));
            }
            seen.add(cur.identity());
            ModelFile f = Parser.parse(cur.text, diags);
            chain.add(f);
            if (f.header() == null || f.header().base() == null) break;
            cur = locateBase(cur, f.header().base(), f.header().basePos(), diags);
        }
        List<AstDecl> decls = List.of();
        List<SourceText> sources = new ArrayList<>();
        Imports imports = new Imports(diags);
        for (int i = chain.size() - 1; i >= 0; i--) {
            decls = DeltaApplier.apply(decls, imports.expand(chain.get(i)), i < chain.size() - 1, diags);
        }
        diags.throwIfAny();
        for (ModelFile f : chain) sources.add(f.source());
        sources.addAll(imports.sources);
        String name = first.bundled != null ? first.bundled : nameOrPath;
        return new MergedModel(name, decls, sources, new Pos(first.text.file(), 1, 1));
    }

    /**
     * Expands {@code import} declarations for one load: each library once, cycles reported at
     * the import that closes them. {@link #sources} collects the libraries' texts (they are part
     * of the model's source hash).
     */
    private static final class Imports {
        private final Diags diags;
        private final java.util.Set<String> done = new java.util.HashSet<>();
        private final List<String> active = new ArrayList<>();
        final List<SourceText> sources = new ArrayList<>();

        Imports(Diags diags) { this.diags = diags; }

        /** {@code f} with each {@code import} replaced by the library's declarations. */
        ModelFile expand(ModelFile f) throws ModelException {
            if (f.decls().stream().noneMatch(d -> d instanceof AstDecl.Import)) return f;
            List<AstDecl> out = new ArrayList<>();
            for (AstDecl d : f.decls()) {
                if (d instanceof AstDecl.Import) {
                    AstDecl.Import i = (AstDecl.Import) d;
                    out.addAll(library(i.library(), i.libraryPos()));
                } else {
                    out.add(d);
                }
            }
            return new ModelFile(f.source(), f.header(), out);
        }

        /** The library's declarations, or none if this load already has them; {@code at} is the import (null: a tool). */
        List<AstDecl> library(String name, Pos at) throws ModelException {
            if (active.contains(name)) {
                List<String> cycle = new ArrayList<>(active.subList(active.indexOf(name), active.size()));
                cycle.add(name);
                throw diags.fail(at, "import cycle: " + String.join(" -> ", cycle));
            }
            if (!done.add(name)) return List.of();
            String file = LIBRARY_ROOT + name + ".entry";
            boolean plain = !name.isEmpty() && !name.startsWith("/") && !name.contains("..") && !name.contains("\\");
            String text = plain ? resource(file) : null;
            if (text == null) {
                String hint = Suggest.closest(name, libraries());
                String msg = "no library '" + name + "' on the class path (" + file + ")"
                        + (hint == null ? "" : " (did you mean '" + hint + "'?)");
                throw at == null ? new ModelException(new Diagnostic(name, 1, 1, msg, null)) : diags.fail(at, msg);
            }
            ModelFile lib = Parser.parse(new SourceText(file, text), diags);
            if (lib.header() != null) throw diags.fail(lib.header().pos(), "a library has no 'model' line (it is imported, not checked)");
            for (AstDecl d : lib.decls()) {
                if (!(d instanceof AstDecl.Property || d instanceof AstDecl.Import || d instanceof AstDecl.Const
                        || d instanceof AstDecl.TypeDef || (d instanceof AstDecl.Var && ((AstDecl.Var) d).ghost()))) {
                    throw diags.fail(d.pos(), "a library declares only properties, ghost variables, constants, types and imports");
                }
            }
            active.add(name);
            ModelFile expanded = expand(lib);
            active.remove(active.size() - 1);
            sources.add(lib.source());
            return expanded.decls();
        }
    }
}
