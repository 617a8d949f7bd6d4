package entrycheck.compile;

import java.util.HashMap;
import java.util.Map;

/**
 * What an expression is compiled for.
 *
 * @param level  the nesting level the code runs at, or -1 when it is not fixed (invariants,
 *               rules, the end condition): level-dependent built-ins become chains over depth
 * @param inst   the procedure instance for code, else null
 * @param bound  bound variables (rule parameters, quantifiers) with their values
 * @param frame  what {@code frame} names, or null
 * @param curLoc the code location of the step being compiled, or -1
 * @param checks whether reads of {@code frame}'s zeroed/uninit fields get read checks (handler code)
 */
record Ctx(int level, Instance inst, Map<String, Integer> bound, Place.Frame frame, int curLoc, boolean checks) {

    static Ctx dynamic() { return new Ctx(-1, null, Map.of(), null, -1, false); }

    Ctx bind(String name, int value) {
        Map<String, Integer> b = new HashMap<>(bound);
        b.put(name, value);
        return new Ctx(level, inst, b, frame, curLoc, checks);
    }

    Ctx withInst(Instance i) { return new Ctx(level, i, bound, frame, curLoc, checks); }
}
