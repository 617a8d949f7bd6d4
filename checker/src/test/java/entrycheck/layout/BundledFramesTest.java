package entrycheck.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.layout.choco.ChocoLayoutSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled model that declares a frame can be laid out (the bundled designs are meant to
 * be buildable), and the layout meets the requirements. Skipped while no bundled model has a
 * frame (the loader does not fill {@link Program#memory()} yet).
 */
class BundledFramesTest {

    private static List<Program> withFrames() throws ModelException {
        List<Program> withFrames = new ArrayList<>();
        for (String name : ModelLoader.bundledModels()) {
            Program p = ModelLoader.load(name, Map.of());
            if (p.memory() != null && !p.memory().frame().isEmpty()) withFrames.add(p);
        }
        return withFrames;
    }

    /** Shows up as skipped, with the reason, while there is nothing to lay out. */
    @Test
    void someBundledModelHasAFrame() throws ModelException {
        Assumptions.assumeFalse(withFrames().isEmpty(), "no bundled model declares a frame yet");
    }

    @TestFactory
    Stream<DynamicTest> everyBundledFrameIsLaidOut() throws ModelException {
        List<Program> withFrames = withFrames();
        LayoutSolver solver = ChocoLayoutSolver.create();
        return withFrames.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            LayoutProblem problem = LayoutProblem.of(p);
            LayoutResult r = solver.solve(problem);
            FrameLayout layout = assertInstanceOf(LayoutResult.Laid.class, r, () -> p.name() + ": " + r).layout();
            assertEquals(0, layout.size() % LayoutProblem.FRAME_ALIGN, p.name());
            for (FrameLayout.Placed f : layout.fields()) {
                assertEquals(0, f.offset() % f.field().align(), p.name() + ": " + f.field().label());
            }
            String text = AsmOffsets.render(p.name(), problem, layout, "EXTREGS", solver.name());
            assertTrue(text.contains("#define EXTREGS_SIZE "), text);
        }));
    }
}
