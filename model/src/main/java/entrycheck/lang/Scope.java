package entrycheck.lang;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What names an expression may use: the locals and parameters of the procedure it is in
 * (with the ref parameters), bound variables of rules and quantifiers, and whether
 * {@code frame} is available.
 *
 * @param proc         the procedure whose code this is, or null
 * @param locals       locals and parameters (ref ones included) with their types
 * @param refs         the ref parameters
 * @param bound        bound variables (rule parameters, quantifiers) with their types
 * @param frameAllowed whether {@code frame} may be used (handler code, deliver/iret blocks)
 * @param where        what the expression is, for messages ("an invariant", "a rule")
 */
record Scope(String proc, Map<String, LType> locals, Set<String> refs, Map<String, LType> bound,
             boolean frameAllowed, String where) {

    static Scope global(String where) {
        return new Scope(null, Map.of(), Set.of(), Map.of(), false, where);
    }

    Scope bind(String name, LType t) {
        Map<String, LType> b = new HashMap<>(bound);
        b.put(name, t);
        return new Scope(proc, locals, refs, b, frameAllowed, where);
    }
}
