package entrycheck.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.configs.choco.ChocoCovering;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import entrycheck.lang.Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The covering sets against brute force: the valid product is enumerated without the solver,
 * every T-wise combination that occurs in a valid configuration must be in some row, and no
 * row may violate a dependency.
 */
class ChocoCoveringTest {

    static final String SMALL = String.join("\n",
            "config A default y;",
            "config B depends on A;",
            "config C select D;",
            "config D;",
            "choice M default M2 { config M1; config M2; config M3 depends on !A; }",
            "config E depends on B || M3;",
            "var x: bool = 0;",
            "");

    @Test
    void mainlineOptionsPairwise() throws ModelException {
        Options o = ModelLoader.check("x86_64/mainline", Map.of()).symbols().options();
        verify(o, 2);
        verify(o, 1);
    }

    @Test
    void pksOptionsPairwise() throws ModelException {
        verify(ModelLoader.check("x86_64/pks-aux", Map.of()).symbols().options(), 2);
    }

    @Test
    void smallOptionsAtEveryStrength() throws ModelException {
        Options o = ModelLoader.checkText("m.entry", SMALL, Map.of()).symbols().options();
        for (int t = 1; t <= 6; t++) verify(o, t);
        // strength beyond the factors: every valid configuration
        Covering all = ChocoCovering.create().cover(o, 9);
        assertEquals(all.validProduct(), all.rows().size());
    }

    /**
     * The covering from the enumerated configurations (the default for products of up to
     * 200,000) equals the solver's greedy maximisation row for row.
     */
    @Test
    void enumerationAndMaximisationGiveTheSameRows() throws ModelException {
        Options small = ModelLoader.checkText("m.entry", SMALL, Map.of()).symbols().options();
        Options mainline = ModelLoader.check("x86_64/mainline", Map.of()).symbols().options();
        for (int t = 1; t <= 4; t++) same(small, t);
        same(mainline, 2);
        same(mainline, 3);
    }

    private static void same(Options o, int t) {
        Covering enumerated = ChocoCovering.create().cover(o, t);
        Covering maximised = ChocoCovering.create(0).cover(o, t);
        assertEquals(maximised, enumerated, "strength " + t);
    }

    /** A strength near the number of factors is answered from the enumeration, not combination by combination. */
    @Test
    void highStrengthsOnABundledModel() throws ModelException {
        Options mainline = ModelLoader.check("x86_64/mainline", Map.of()).symbols().options();
        verify(mainline, 9);
        Covering all = ChocoCovering.create().cover(mainline, mainline.factors().size());
        assertEquals(all.validProduct(), all.rows().size(), "at full strength every valid configuration is a row");
    }

    private static void verify(Options o, int t) {
        Covering c = ChocoCovering.create().cover(o, t);
        List<Options.Factor> fs = o.factors();
        List<Map<String, Boolean>> valid = new ArrayList<>();
        for (Map<String, Boolean> cfg : product(fs)) if (o.violated(cfg).isEmpty()) valid.add(cfg);
        assertEquals(valid.size(), c.validProduct(), "valid product");
        int tt = Math.min(t, fs.size());
        assertEquals(tt, c.strength());
        Set<String> validTuples = new HashSet<>();
        List<Tuples> all = Tuples.all(fs, tt);
        for (Tuples tu : all) {
            for (Map<String, Boolean> cfg : valid) {
                if (tu.coveredBy(fs, cfg)) {
                    validTuples.add(tu.describe(fs));
                    break;
                }
            }
        }
        assertEquals(validTuples.size(), c.validTuples(), "valid combinations");
        assertEquals(all.size(), c.allTuples());
        for (Map<String, Boolean> row : c.rows()) {
            assertEquals(List.of(), o.violated(row), "row " + o.describe(row));
            assertEquals(o.options().size(), row.size());
        }
        for (Tuples tu : all) {
            if (!validTuples.contains(tu.describe(fs))) continue;
            assertTrue(c.rows().stream().anyMatch(r -> tu.coveredBy(fs, r)), "not covered: " + tu.describe(fs));
        }
        assertEquals(o.defaults(), c.rows().get(0), "the defaults come first");
        assertTrue(c.rows().size() <= valid.size());
    }

    /** Every assignment of levels to the factors. */
    private static List<Map<String, Boolean>> product(List<Options.Factor> fs) {
        List<Map<String, Boolean>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Options.Factor f : fs) {
            List<Map<String, Boolean>> next = new ArrayList<>();
            for (Map<String, Boolean> partial : out) {
                for (int l = 0; l < f.levels().size(); l++) {
                    Map<String, Boolean> m = new LinkedHashMap<>(partial);
                    m.putAll(f.assignment(l));
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }
}
