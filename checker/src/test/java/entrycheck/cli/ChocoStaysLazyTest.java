package entrycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Choco is loaded only by the commands that use it: the command line of every other command
 * runs in a class loader of its own here, and afterwards no Choco class has been loaded by it.
 * The control case shows that the loader does see Choco once a solver is used.
 */
class ChocoStaysLazyTest {

    /** A class loader over the test class path that tells which classes it has loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated() {
            super(urls(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) { return findLoadedClass(name) != null; }

        /** The test class path (Surefire passes it in a property when the JVM's own is a manifest jar). */
        private static URL[] urls() {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<URL> urls = new ArrayList<>();
            for (String entry : cp.split(File.pathSeparator)) {
                if (entry.isEmpty()) continue;
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(entry, e);
                }
            }
            return urls.toArray(new URL[0]);
        }
    }

    private static int run(Isolated loader, String... args) throws ReflectiveOperationException {
        Class<?> env = loader.loadClass("entrycheck.cli.CliEnvironment");
        Object plain = env.getMethod("plain").invoke(null);
        Object cmd = loader.loadClass("entrycheck.cli.Main").getMethod("commandLine", env).invoke(null, plain);
        Class<?> cl = cmd.getClass();
        cl.getMethod("setOut", PrintWriter.class).invoke(cmd, new PrintWriter(new StringWriter()));
        cl.getMethod("setErr", PrintWriter.class).invoke(cmd, new PrintWriter(new StringWriter()));
        return (Integer) cl.getMethod("execute", String[].class).invoke(cmd, (Object) args);
    }

    @Test
    void otherCommandsDoNotLoadChoco() throws Exception {
        try (Isolated loader = new Isolated()) {
            assertEquals(0, run(loader, "--help"));
            assertEquals(0, run(loader, "check", "--help"));
            assertEquals(0, run(loader, "bmc", "--help"));
            assertEquals(0, run(loader, "layout", "--help"));
            assertEquals(2, run(loader, "show", "no-such-trace.json"));
            assertTrue(loader.loaded("entrycheck.cli.BmcCommand"), "the control: the isolated loader ran the command line");
            assertFalse(loader.loaded("org.chocosolver.solver.Model"), "Choco loaded without being used");
            assertFalse(loader.loaded("entrycheck.symbolic.choco.ChocoBackend"));
            assertFalse(loader.loaded("entrycheck.layout.choco.ChocoLayoutSolver"));

            // A solve does load Choco through the same loader.
            Class<?> query = loader.loadClass("entrycheck.symbolic.Query");
            Object empty = query.getConstructor(List.class, List.class, int[].class).newInstance(List.of(), List.of(), new int[0]);
            Object backend = loader.loadClass("entrycheck.symbolic.choco.ChocoBackend").getMethod("create").invoke(null);
            Method solve = loader.loadClass("entrycheck.symbolic.SolverBackend").getMethod("solve", query, java.time.Duration.class);
            Object answer = solve.invoke(backend, empty, null);
            assertEquals("Satisfiable", answer.getClass().getSimpleName());
            assertTrue(loader.loaded("org.chocosolver.solver.Model"));
        }
    }
}
