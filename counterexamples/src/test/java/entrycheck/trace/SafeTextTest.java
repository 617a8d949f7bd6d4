package entrycheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void escapesControlCharacters() {
        assertEquals("a\\u0009b\\u000a\\u001b[31m", SafeText.of("a\tb\n\u001b[31m"));
        assertEquals("del\\u007f c1\\u009b\\u0080 bidi\\u202e\\u2066 sep\\u2028", SafeText.of(
                "del\u007f c1\u009b\u0080 bidi\u202e\u2066 sep\u2028"));
        assertEquals("", SafeText.of(null));
    }

    @Test
    void keepsOrdinaryText() {
        String s = "irqentry_enter.save [kernel/entry/common.c:irqentry_enter] pkrs: 1 -> 0 é ü ß";
        assertEquals(s, SafeText.of(s));
    }

    @Test
    void linesKeepsNewlinesOnly() {
        assertEquals("m.entry:1:2: error: x\n  a\\u001bb\n   ^", SafeText.lines("m.entry:1:2: error: x\n  a\u001bb\n   ^"));
        assertEquals("a\\u000d\n", SafeText.lines("a\r\n"));
    }

    @Test
    void outputNeverContainsAnUnsafeCharAndSafeInputIsUnchanged() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            String out = SafeText.of(s);
            for (char c : out.toCharArray()) assertFalse(SafeText.unsafe(c), () -> "unsafe " + (int) c);
            boolean safe = s.chars().noneMatch(c -> SafeText.unsafe((char) c));
            if (safe) assertEquals(s, out);
            else assertTrue(out.length() > s.length());
        });
    }
}
