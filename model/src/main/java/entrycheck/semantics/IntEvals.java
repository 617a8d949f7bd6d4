package entrycheck.semantics;

/**
 * The closures {@link ExprCompiler} builds for integer expressions. Each is a small final class
 * with final primitive fields, so the JIT can inline a monomorphic call site and a read of a
 * packed field is one load, a shift and a mask. The {@code Checked} variants exist for
 * arithmetic that {@link Bounds} cannot prove free of overflow.
 */
final class IntEvals {
    private IntEvals() { }

    record ConstI(int value) implements IntEval {
        public int eval(long[] s) { return value; }
    }

    /** A variable whose domain starts at 0: the encoded field is the value. */
    record ReadI(int word, int shift, long mask) implements IntEval {
        public int eval(long[] s) { return (int) ((s[word] >>> shift) & mask); }
    }

    /** A variable whose domain starts at {@code lo}. */
    record ReadOffI(int word, int shift, long mask, int lo) implements IntEval {
        public int eval(long[] s) { return (int) ((s[word] >>> shift) & mask) + lo; }
    }

    /**
     * {@code vars[index - base]}: the element locations are parallel primitive arrays.
     * An index outside the array throws.
     */
    record ReadIndexedI(IntEval index, int base, int[] words, int[] shifts, long[] masks, int[] los, String[] names)
            implements IntEval {
        public int eval(long[] s) {
            int i = index.eval(s);
            long k = (long) i - base;
            if (k < 0 || k >= words.length) throw DomainError.badIndex(i, base, names);
            int j = (int) k;
            return (int) ((s[words[j]] >>> shifts[j]) & masks[j]) + los[j];
        }
    }

    record NegI(IntEval a) implements IntEval {
        public int eval(long[] s) { return -a.eval(s); }
    }

    record NegCheckedI(IntEval a) implements IntEval {
        public int eval(long[] s) {
            int x = a.eval(s);
            if (x == Integer.MIN_VALUE) throw DomainError.overflow("negation");
            return -x;
        }
    }

    record AddI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) { return a.eval(s) + b.eval(s); }
    }

    record AddConstI(IntEval a, int k) implements IntEval {
        public int eval(long[] s) { return a.eval(s) + k; }
    }

    record AddCheckedI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) {
            long r = (long) a.eval(s) + b.eval(s);
            if (r != (int) r) throw DomainError.overflow("addition");
            return (int) r;
        }
    }

    record SubI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) { return a.eval(s) - b.eval(s); }
    }

    record SubCheckedI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) {
            long r = (long) a.eval(s) - b.eval(s);
            if (r != (int) r) throw DomainError.overflow("subtraction");
            return (int) r;
        }
    }

    record MulI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) { return a.eval(s) * b.eval(s); }
    }

    record MulCheckedI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) {
            long r = (long) a.eval(s) * b.eval(s);
            if (r != (int) r) throw DomainError.overflow("multiplication");
            return (int) r;
        }
    }

    /** C division: truncates toward zero, as Java's. */
    record DivI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) {
            int x = a.eval(s);
            int y = b.eval(s);
            if (y == 0) throw DomainError.divisionByZero();
            if (y == -1 && x == Integer.MIN_VALUE) throw DomainError.overflow("division");
            return x / y;
        }
    }

    /** C remainder: the sign of the dividend, as Java's. */
    record ModI(IntEval a, IntEval b) implements IntEval {
        public int eval(long[] s) {
            int x = a.eval(s);
            int y = b.eval(s);
            if (y == 0) throw DomainError.divisionByZero();
            return x % y;
        }
    }

    record CondI(Condition cond, IntEval then, IntEval otherwise) implements IntEval {
        public int eval(long[] s) { return cond.test(s) ? then.eval(s) : otherwise.eval(s); }
    }

    /** A boolean used as an integer: 1 or 0. */
    record FromCond(Condition c) implements IntEval {
        public int eval(long[] s) { return c.test(s) ? 1 : 0; }
    }
}
