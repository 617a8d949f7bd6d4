package entrycheck.lang;

import java.util.List;
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
        List<AstDecl> decls = model.decls();
        List<AstDecl> folded = ConfigFold.fold(decls, sb.constEval(), syms.options());
        if (folded != null) {
            decls = folded;
            sb = new SymbolBuilder(decls, overrides, diags, model.modelPos());
            syms = sb.build();
            new BodyChecker(syms, sb.constEval(), diags, decls).check();
            diags.throwIfAny();
        }
        long bits = stateBits(syms);
        if (bits > Limits.MAX_STATE_BITS) {
            throw diags.fail(model.modelPos(), "the model state needs about " + (bits == Long.MAX_VALUE ? "too many" : bits)
                    + " bits, more than the " + Limits.MAX_STATE_BITS + " entrycheck accepts (arrays, stacks and slots too large?)");
        }
        return new CheckedModel(model.name(), decls, syms, model.sources());
    }

    /** An upper estimate of the bits of the declared state: variables, state groups, stack slots and cells. */
    static long stateBits(Symbols syms) {
        long b = 0;
        for (Symbols.VarInfo v : syms.vars().values()) b = Limits.saturatedPlus(b, Limits.bits(v.type(), syms));
        for (Map<String, Symbols.VarInfo> g : syms.groups().values()) {
            for (Symbols.VarInfo v : g.values()) b = Limits.saturatedPlus(b, Limits.bits(v.type(), syms));
        }
        for (Symbols.StackInfo st : syms.stacks().values()) {
            long frame = syms.frame() == null ? 1 : Limits.bits(new LType.FrameT(syms.frame().name()), syms);
            b = Limits.saturatedPlus(b, Limits.saturatedTimes(st.slots(), frame));
            for (Symbols.VarInfo c : st.cells().values()) b = Limits.saturatedPlus(b, Limits.bits(c.type(), syms));
        }
        return b;
    }
}
