package entrycheck.symbolic;

import static org.quicktheories.QuickTheory.qt;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property-based differential test: on random small programs ({@link RandomPrograms}) the
 * bounded engine and the explicit BFS engine agree, for every K in 0..6, on whether a violation
 * exists within K steps (BFS: its shortest trace has at most K steps), and the bounded engine's
 * trace has the BFS shortest length. Asked for every property on its own and for all together:
 * with all of them, one property's violation can hide another's mistake at the same depth. A
 * failure is shrunk by QuickTheories and printed as the program's text. CI runs 40 programs; a
 * longer run by hand: {@code mvn -B test -pl checker -Dtest=EngineAgreementTheoryTest
 * -Dagreement.examples=3000}.
 */
class EngineAgreementTheoryTest {

    @Test
    void enginesAgreeOnRandomPrograms() {
        qt().withFixedSeed(0x5eed_c0c0L)
                .withExamples(Integer.getInteger("agreement.examples", 40))
                .withShrinkCycles(200)
                .forAll(RandomPrograms.programs())
                .checkAssert(p -> {
                    try {
                        Engines.assertAgree(p, Set.of(), 6);
                        for (String property : RandomPrograms.PROPERTIES) Engines.assertAgree(p, Set.of(property), 6);
                    } catch (IllegalStateException e) { // Replay: a solution that is not a violation
                        throw new AssertionError(e.getMessage(), e);
                    }
                });
    }
}
