package entrycheck.lang;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import entrycheck.testutil.Models;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Damaged models (a token deleted, duplicated, swapped or replaced) either load or fail with
 * a {@link ModelException}: never another exception (the CLI must never print a stack trace).
 */
class MutationRobustnessTest {

    private static List<String> sources() throws Exception {
        List<String> out = new ArrayList<>();
        for (String m : new String[] {"small-entry.entry", "nmi-protocol.entry", "features.entry"}) {
            out.add(Files.readString(Models.path(m)));
        }
        out.add(ModelLoader.source("bench/big"));
        return out;
    }

    private static String mutate(String text, int seed, int kind) throws ModelException {
        List<Token> toks = Lexer.tokens(new SourceText("m", text), new Diags());
        int n = toks.size() - 1;
        int i = Math.floorMod(seed, n);
        int j = Math.floorMod(seed / 7 + 1, n);
        Token a = toks.get(i);
        Token b = toks.get(j);
        String before = text.substring(0, a.start());
        String after = text.substring(a.end());
        switch (kind) {
            case 0: return before + after;
            case 1: return before + a.text() + " " + text.substring(a.start());
            case 2: return before + raw(text, b) + after;
            default: return before + (a.kind() == Token.Kind.INT ? "0" : "x") + after;
        }
    }

    private static String raw(String text, Token t) { return text.substring(t.start(), t.end()); }

    @Test
    void damagedModelsFailCleanly() throws Exception {
        List<String> srcs = sources();
        qt().withExamples(400).forAll(integers().between(0, srcs.size() - 1), integers().between(0, 1_000_000),
                integers().between(0, 3)).checkAssert((m, seed, kind) -> {
                    String text;
                    try {
                        text = mutate(srcs.get(m), seed, kind);
                    } catch (ModelException e) {
                        throw new AssertionError(e);
                    }
                    try {
                        ModelLoader.loadText("m.entry", text, Map.of());
                    } catch (ModelException expected) {
                        for (Diagnostic d : expected.diagnostics()) {
                            if (d.line() < 1 || d.col() < 1) throw new AssertionError("no position: " + d.format());
                        }
                    } catch (RuntimeException e) {
                        throw new AssertionError("crash on:\n" + text, e);
                    }
                });
    }
}
