package entrycheck.semantics;

/**
 * The closures {@link ExprCompiler} builds for boolean expressions. Comparisons of a variable
 * with a constant work on the encoded field (value minus the domain's {@code lo}), so
 * {@code x == c} is a single mask-and-compare on the word that holds {@code x}; a conjunction
 * of such equalities on one word merges into a single mask-and-compare ({@link WordEq}).
 */
final class Conditions {
    private Conditions() { }

    static final Condition TRUE = new Const(true);
    static final Condition FALSE = new Const(false);

    record Const(boolean value) implements Condition {
        public boolean test(long[] s) { return value; }
    }

    /** {@code (s[word] & mask) == bits}: one or more fields of one word equal to constants. */
    record WordEq(int word, long mask, long bits) implements Condition {
        public boolean test(long[] s) { return (s[word] & mask) == bits; }
    }

    /** {@code (s[word] & mask) != bits}. */
    record WordNe(int word, long mask, long bits) implements Condition {
        public boolean test(long[] s) { return (s[word] & mask) != bits; }
    }

    /** Encoded field below a bound: {@code x < c} is {@code enc(x) < c - lo}. */
    record FieldLt(int word, int shift, long mask, long bound) implements Condition {
        public boolean test(long[] s) { return ((s[word] >>> shift) & mask) < bound; }
    }

    /** Encoded field above a bound. */
    record FieldGt(int word, int shift, long mask, long bound) implements Condition {
        public boolean test(long[] s) { return ((s[word] >>> shift) & mask) > bound; }
    }

    /** Encoded field in a set of at most 64 encoded values, as a bitmap. */
    record FieldIn(int word, int shift, long mask, long set) implements Condition {
        public boolean test(long[] s) { return ((set >>> ((s[word] >>> shift) & mask)) & 1L) != 0; }
    }

    /**
     * Two variables compared on their encoded fields: {@code a == b} is
     * {@code enc(a) + delta == enc(b)} with {@code delta = lo(a) - lo(b)}.
     */
    record FieldsEq(int wa, int sa, long ma, int wb, int sb, long mb, long delta) implements Condition {
        public boolean test(long[] s) { return ((s[wa] >>> sa) & ma) + delta == ((s[wb] >>> sb) & mb); }
    }

    record FieldsNe(int wa, int sa, long ma, int wb, int sb, long mb, long delta) implements Condition {
        public boolean test(long[] s) { return ((s[wa] >>> sa) & ma) + delta != ((s[wb] >>> sb) & mb); }
    }

    /** {@code enc(a) + delta < enc(b)}: every ordering of two variables is one of these. */
    record FieldsLt(int wa, int sa, long ma, int wb, int sb, long mb, long delta) implements Condition {
        public boolean test(long[] s) { return ((s[wa] >>> sa) & ma) + delta < ((s[wb] >>> sb) & mb); }
    }

    record Eq(IntEval a, IntEval b) implements Condition {
        public boolean test(long[] s) { return a.eval(s) == b.eval(s); }
    }

    record Ne(IntEval a, IntEval b) implements Condition {
        public boolean test(long[] s) { return a.eval(s) != b.eval(s); }
    }

    record Lt(IntEval a, IntEval b) implements Condition {
        public boolean test(long[] s) { return a.eval(s) < b.eval(s); }
    }

    record Le(IntEval a, IntEval b) implements Condition {
        public boolean test(long[] s) { return a.eval(s) <= b.eval(s); }
    }

    record Gt(IntEval a, IntEval b) implements Condition {
        public boolean test(long[] s) { return a.eval(s) > b.eval(s); }
    }

    record Ge(IntEval a, IntEval b) implements Condition {
        public boolean test(long[] s) { return a.eval(s) >= b.eval(s); }
    }

    /** Value in a sorted set (general case of {@code InSet}). */
    record In(IntEval a, int[] sorted) implements Condition {
        public boolean test(long[] s) { return java.util.Arrays.binarySearch(sorted, a.eval(s)) >= 0; }
    }

    record NonZero(IntEval a) implements Condition {
        public boolean test(long[] s) { return a.eval(s) != 0; }
    }

    record Not(Condition a) implements Condition {
        public boolean test(long[] s) { return !a.test(s); }
    }

    /** Short-circuit conjunction, as C's {@code &&}. */
    record And(Condition a, Condition b) implements Condition {
        public boolean test(long[] s) { return a.test(s) && b.test(s); }
    }

    record AndN(Condition[] cs) implements Condition {
        public boolean test(long[] s) {
            for (Condition c : cs) if (!c.test(s)) return false;
            return true;
        }
    }

    /** Short-circuit disjunction, as C's {@code ||}; {@code a -> b} compiles to {@code !a || b}. */
    record Or(Condition a, Condition b) implements Condition {
        public boolean test(long[] s) { return a.test(s) || b.test(s); }
    }

    record OrN(Condition[] cs) implements Condition {
        public boolean test(long[] s) {
            for (Condition c : cs) if (c.test(s)) return true;
            return false;
        }
    }

    record Choose(Condition cond, Condition then, Condition otherwise) implements Condition {
        public boolean test(long[] s) { return cond.test(s) ? then.test(s) : otherwise.test(s); }
    }
}
