package entrycheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Program;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kconfig-style options (LANGUAGE.md section 3a): declarations, resolution, validation and compile-time if. */
class OptionsTest {

    static final String MODEL = String.join("\n",
            "config TRACE_IRQFLAGS bool \"irq-flags tracing\" default y;",
            "config LOCKDEP default y;",
            "config PROVE_LOCKING bool default y depends on TRACE_IRQFLAGS && LOCKDEP @ \"lib/Kconfig.debug\";",
            "choice PREEMPT_MODEL \"Preemption Model\" default PREEMPT @ \"kernel/Kconfig.preempt\" {",
            "  config PREEMPT_NONE;",
            "  config PREEMPT_VOLUNTARY;",
            "  config PREEMPT select PREEMPTION;",
            "}",
            "config PREEMPTION;",
            "var x: 0..3 = 0;",
            "var y: 0..3 = 0;",
            "rule inc x < 3 ==> {",
            "  if (CONFIG_PROVE_LOCKING) { x = x + 1; } else { x = 3; }",
            "}",
            "rule pre CONFIG_PREEMPTION && y < 1 ==> { y = y + 1; }",
            "");

    private static Map<String, Integer> cfg(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put("CONFIG_" + kv[i], (Integer) kv[i + 1]);
        return m;
    }

    @Test
    void defaultsResolveLikeKconfig() throws ModelException {
        CheckedModel m = ModelLoader.checkText("m.entry", MODEL, Map.of());
        Map<String, Boolean> c = m.symbols().configuration();
        assertEquals(Map.of("TRACE_IRQFLAGS", true, "LOCKDEP", true, "PROVE_LOCKING", true, "PREEMPT_NONE", false,
                "PREEMPT_VOLUNTARY", false, "PREEMPT", true, "PREEMPTION", true), c);
        assertEquals(1, m.symbols().constants().get("CONFIG_PREEMPTION"));
        assertTrue(m.symbols().constIsBool("CONFIG_PROVE_LOCKING"));
        assertEquals(List.of("TRACE_IRQFLAGS", "LOCKDEP", "PROVE_LOCKING", "PREEMPT_MODEL", "PREEMPTION"),
                m.symbols().options().factors().stream().map(Options.Factor::name).toList());
    }

    @Test
    void anUnmetDependencyTurnsADefaultOff() throws ModelException {
        CheckedModel m = ModelLoader.checkText("m.entry", MODEL, cfg("LOCKDEP", 0, "PREEMPT_NONE", 1));
        Map<String, Boolean> c = m.symbols().configuration();
        assertEquals(false, c.get("PROVE_LOCKING"));
        assertEquals(false, c.get("PREEMPT"));
        assertEquals(false, c.get("PREEMPTION"));
        assertEquals(true, c.get("PREEMPT_NONE"));
    }

    @Test
    void aViolatedDependencyIsAnErrorThatNamesIt() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelLoader.checkText("m.entry", MODEL, cfg("LOCKDEP", 0, "PROVE_LOCKING", 1)));
        assertTrue(e.getMessage().contains("PROVE_LOCKING depends on TRACE_IRQFLAGS && LOCKDEP (lib/Kconfig.debug)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("m.entry:1:1"), e.getMessage());
        ModelException s = assertThrows(ModelException.class,
                () -> ModelLoader.checkText("m.entry", MODEL, cfg("PREEMPT", 1, "PREEMPTION", 0)));
        assertTrue(s.getMessage().contains("PREEMPT selects PREEMPTION"), s.getMessage());
        ModelException v = assertThrows(ModelException.class, () -> ModelLoader.checkText("m.entry", MODEL, cfg("LOCKDEP", 2)));
        assertTrue(v.getMessage().contains("y or n"), v.getMessage());
    }

    @Test
    void optionIfIsResolvedAtCompileTimeAndBehaviourDiffers() throws ModelException {
        Program on = ModelLoader.loadText("m.entry", MODEL, Map.of());
        Program off = ModelLoader.loadText("m.entry", MODEL, cfg("PROVE_LOCKING", 0, "PREEMPT_VOLUNTARY", 1));
        // the if on CONFIG_PROVE_LOCKING is no test: the rule's update is the kept branch alone
        String onUpdates = on.transitions().get(0).updates().toString();
        String offUpdates = off.transitions().get(0).updates().toString();
        assertTrue(onUpdates.startsWith("[Assign[") && onUpdates.contains("op=ADD") && !onUpdates.contains("If"), onUpdates);
        assertTrue(offUpdates.startsWith("[Assign[") && offUpdates.contains("value=3") && !offUpdates.contains("If"), offUpdates);
        // the guard on CONFIG_PREEMPTION: rule pre exists with it on, is never enabled with it off
        assertEquals(2, on.transitions().size());
        assertEquals(1, off.transitions().size());
    }

    @Test
    void declarationErrorsAreReported() {
        assertError("config A depends on B;", "unknown option B");
        assertError("config CONFIG_A;", "without 'CONFIG_'");
        assertError("config A; config A;", "duplicate declaration of config 'A'");
        assertError("choice C { config A; } config A;", "declared twice");
        assertError("config A select C;", "select of unknown option C");
        assertError("choice C default Z { config X; }", "must be one of its members");
        assertError("config A depends on x + 1;", "option expression");
        assertError("choice C { config X default y; }", "no 'default'");
    }

    private static void assertError(String text, String words) {
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.checkText("m.entry", text, Map.of()));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
