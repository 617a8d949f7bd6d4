package entrycheck.compile;

import entrycheck.ir.Property;
import entrycheck.lang.AstDecl;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.List;

/**
 * The properties of a program: the model's own in declaration order, then the built-in
 * {@code domain}, {@code no-deadlock} and (when some assert has no {@code as}) {@code assert}.
 */
final class Props {
    final List<Property> list = new ArrayList<>();

    Props(Symbols syms) {
        for (AstDecl.Property p : syms.properties().values()) {
            Property.Kind kind = p.body() instanceof AstDecl.PropBody.Invariant ? Property.Kind.INVARIANT
                    : p.body() instanceof AstDecl.PropBody.ReturnsEventually r
                        ? (r.storms() ? Property.Kind.RETURNS_UNDER_STORMS : Property.Kind.RETURNS)
                    : Property.Kind.STEP_CHECK;
            add(p.name(), kind, p.description(), p.source(), syms);
        }
        add("domain", Property.Kind.DOMAIN,
                "values stay in their domains: no out-of-range assignment or index, no division by zero, no stack overflow", "", syms);
        add("no-deadlock", Property.Kind.DEADLOCK, "every reachable state has a successor or is an allowed end state", "", syms);
        if (syms.usesPlainAssert()) add("assert", Property.Kind.STEP_CHECK, "every assert without 'as' holds", "", syms);
    }

    private void add(String name, Property.Kind kind, String desc, String source, Symbols syms) {
        AstDecl.ExpectKind e = syms.expects().get(name);
        Property.Expect ex = e == null ? Property.Expect.HOLDS : Property.Expect.valueOf(e.name());
        list.add(new Property(list.size(), name, kind, desc, source, ex));
    }

    int id(String name) {
        for (Property p : list) if (p.name().equals(name)) return p.id();
        throw new IllegalArgumentException("no property " + name);
    }

    int domain() { return id("domain"); }

    /** The id of the (single) property with this body kind, or -1. */
    int ofKind(Symbols syms, Class<? extends AstDecl.PropBody> kind) {
        for (AstDecl.Property p : syms.properties().values()) if (kind.isInstance(p.body())) return id(p.name());
        return -1;
    }
}
