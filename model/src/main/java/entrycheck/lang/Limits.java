package entrycheck.lang;

import java.util.Map;

/**
 * How large a model may be (LANGUAGE.md section 11, "Limits"). Beyond these a model is
 * rejected with a diagnostic instead of exhausting the memory or the patience of the
 * compiler: a typo such as {@code const N = 7000000;} must give an error, not a hang. Every
 * limit is far above what an explicit-state search can explore.
 */
public final class Limits {
    private Limits() { }

    /** Nesting of expressions, statements and types in the source (an operator chain counts per operator). */
    public static final int MAX_NESTING = 200;
    /** Elements of one array. */
    public static final int MAX_ARRAY = 4096;
    /** Frame slots of one stack. */
    public static final int MAX_SLOTS = 64;
    /**
     * Values a rule's parameters take together, and values a quantifier takes together with the
     * quantifiers and rule parameters around it: the number of copies of the body compiled.
     */
    public static final long MAX_EXPANSION = 65_536;
    /** Values of one integer range type: its values must count as an int. */
    public static final long MAX_RANGE = Integer.MAX_VALUE;
    /** Bits of the state vector (model state and, after compilation, everything). */
    public static final long MAX_STATE_BITS = 65_536;
    /** Transitions of the compiled model. */
    public static final long MAX_TRANSITIONS = 1_000_000;

    /** The number of values of {@code lo..hi}. */
    static long values(int lo, int hi) { return (long) hi - lo + 1; }

    /** The number of values a bound variable of type {@code t} takes, 1 when it is not a range or an enum. */
    static long values(LType t) {
        if (t instanceof LType.IntT) return values(((LType.IntT) t).lo(), ((LType.IntT) t).hi());
        if (t instanceof LType.EnumT) return ((LType.EnumT) t).type().values().size();
        return 1;
    }

    /** The product of the values of the bound variables of a scope (saturating). */
    static long expansion(Map<String, LType> bound) {
        long p = 1;
        for (LType t : bound.values()) p = saturatedTimes(p, values(t));
        return p;
    }

    static long saturatedTimes(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }

    /** An estimate (upper bound) of the state bits of a value of type {@code t}. */
    static long bits(LType t, Symbols syms) {
        if (t instanceof LType.IntT) return 64 - Long.numberOfLeadingZeros(Math.max(1, values((LType.IntT) t) - 1));
        if (t instanceof LType.EnumT) return 64 - Long.numberOfLeadingZeros(Math.max(1, ((LType.EnumT) t).type().values().size() - 1));
        if (t instanceof LType.RecordT) {
            long b = 0;
            for (LType.Member m : ((LType.RecordT) t).fields()) b = saturatedPlus(b, bits(m.type(), syms));
            return b;
        }
        if (t instanceof LType.ArrayT) return saturatedTimes(((LType.ArrayT) t).size(), bits(((LType.ArrayT) t).elem(), syms));
        if (t instanceof LType.FrameT && syms.frame() != null) {
            long b = 1;
            for (Symbols.FrameField f : syms.frame().fields()) b = saturatedPlus(b, bits(f.type(), syms) + 1);
            return b;
        }
        return 8; // bool, ret (a few labels), anything else: a byte is an upper bound in practice
    }

    static long saturatedPlus(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
