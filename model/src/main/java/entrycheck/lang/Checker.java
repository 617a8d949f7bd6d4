package entrycheck.lang;

import java.util.Map;

/** Resolution and type checking of a merged model (LANGUAGE.md; errors as in section 11). */
public final class Checker {
    private Checker() { }

    /**
     * @param model     the merged model
     * @param overrides {@code -D} constant overrides; each must name a declared constant
     * @param diags     diagnostics of this load (knows the source texts)
     * @throws ModelException with every error found, in file/line order
     */
    public static CheckedModel check(MergedModel model, Map<String, Integer> overrides, Diags diags) throws ModelException {
        SymbolBuilder sb = new SymbolBuilder(model.decls(), overrides, diags, model.modelPos());
        Symbols syms = sb.build();
        new BodyChecker(syms, sb.constEval(), diags, model.decls()).check();
        diags.throwIfAny();
        return new CheckedModel(model.name(), model.decls(), syms, model.sources());
    }
}
