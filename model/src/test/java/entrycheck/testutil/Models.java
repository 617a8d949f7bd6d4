package entrycheck.testutil;

import entrycheck.ir.Program;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** Loads the test models under src/test/resources/entrycheck/test. */
public final class Models {
    private Models() { }

    public static Path path(String name) {
        try {
            return Path.of(Models.class.getClassLoader().getResource("entrycheck/test/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Program load(String name) throws ModelException {
        return ModelLoader.load(path(name).toString(), Map.of());
    }

    public static Program load(String name, Map<String, Integer> overrides) throws ModelException {
        return ModelLoader.load(path(name).toString(), overrides);
    }
}
