package entrycheck.properties;

import entrycheck.lang.AstDecl;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.lang.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog of a property library: the properties a model gets with {@code import NAME;}.
 *
 * <p>The libraries are classpath resources {@code entrycheck/library/NAME.entry}
 * ({@link ModelLoader#LIBRARY_ROOT}); this module ships {@value #ENTRY_INVARIANTS}, the x86
 * entry invariants of ENTRY-REFERENCE section 9. The catalog parses the library (it is not
 * checked on its own: the properties name state of the importing model) and lists each
 * property with its description, kind and kernel source. {@link #builtins()} lists the
 * properties the checker adds to every model without a declaration.
 */
public final class PropertyLibrary {
    /** The x86 entry invariant library, imported by the bundled x86_64 models. */
    public static final String ENTRY_INVARIANTS = "entry-invariants";

    /**
     * One property of a library.
     *
     * @param name        e.g. {@code pkrs-restored}
     * @param description one line in words ("" if the library gives none)
     * @param kind        its property kind
     * @param source      the kernel source or mailing-list reference ({@code @ "..."}), or ""
     * @param pos         where it is declared (the library file:line:col), or null for a built-in
     */
    public record Entry(String name, String description, PropertyKinds.Kind kind, String source, Pos pos) { }

    private final String name;
    private final List<Entry> properties;

    private PropertyLibrary(String name, List<Entry> properties) {
        this.name = name;
        this.properties = List.copyOf(properties);
    }

    /**
     * Parses the library {@code name} from the class path.
     *
     * @throws ModelException a syntax error (with the library's file:line:col), or no such library
     */
    public static PropertyLibrary load(String name) throws ModelException {
        List<Entry> out = new ArrayList<>();
        for (AstDecl d : ModelLoader.library(name)) {
            if (d instanceof AstDecl.Property) {
                AstDecl.Property p = (AstDecl.Property) d;
                out.add(new Entry(p.name(), p.description(), PropertyKinds.of(p.body()), p.source(), p.pos()));
            }
        }
        return new PropertyLibrary(name, out);
    }

    /** The x86 entry invariants ({@value #ENTRY_INVARIANTS}). */
    public static PropertyLibrary entryInvariants() throws ModelException {
        return load(ENTRY_INVARIANTS);
    }

    /** The libraries on the class path (their {@code INDEX} files), sorted. */
    public static List<String> available() {
        return ModelLoader.libraries();
    }

    /**
     * The built-in properties the checker adds to models, in the order {@code list properties}
     * shows them: {@code domain} and {@code no-deadlock} (every model), and
     * {@code returns-eventually} (liveness under fairness).
     */
    public static List<Entry> builtins() {
        return List.of(
                new Entry("domain", "no assignment out of range, bad index, division by zero or stack overflow",
                        PropertyKinds.DOMAIN, "", null),
                new Entry("no-deadlock", "no reachable state without successors unless it is an allowed end state",
                        PropertyKinds.DEADLOCK, "", null));
    }

    public String name() { return name; }

    /** The library's properties in declaration order. */
    public List<Entry> properties() { return properties; }

    /** The property called {@code property}, or null. */
    public Entry property(String property) {
        for (Entry e : properties) if (e.name().equals(property)) return e;
        return null;
    }
}
