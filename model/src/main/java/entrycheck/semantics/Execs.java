package entrycheck.semantics;

/**
 * The closures {@link UpdateCompiler} builds for updates. A store clears the variable's field
 * with a precomputed {@code keep} mask and ors in the encoded value; a store whose value
 * {@link Bounds} proves to be in the domain has no range check.
 */
final class Execs {
    private Execs() { }

    static final Exec NOP = (s, sink) -> { };

    /** {@code x = c} with c in the domain: one and-or on the word. */
    record SetConst(int word, long keep, long bits) implements Exec {
        public void run(long[] s, ViolationSink sink) { s[word] = (s[word] & keep) | bits; }
    }

    /** {@code x = x + k} where the result is provably in the domain: add to the packed word. */
    record AddConstUnchecked(int word, long delta) implements Exec {
        public void run(long[] s, ViolationSink sink) { s[word] += delta; }
    }

    /**
     * {@code x = x + k}, range-checked on the encoded field, then added to the packed word
     * (a field in range never carries or borrows into its neighbours).
     */
    record AddConst(int word, int shift, long mask, int k, int maxEnc, String name, int lo, int hi) implements Exec {
        public void run(long[] s, ViolationSink sink) {
            long enc = ((s[word] >>> shift) & mask) + k;
            if (enc < 0 || enc > maxEnc) throw DomainError.outOfDomain(name, enc + lo, lo, hi);
            s[word] += (long) k << shift;
        }
    }

    /** {@code x = e} with e provably in the domain. */
    record Store(int word, int shift, long keep, int lo, IntEval value) implements Exec {
        public void run(long[] s, ViolationSink sink) {
            long enc = (long) value.eval(s) - lo;
            s[word] = (s[word] & keep) | (enc << shift);
        }
    }

    record StoreChecked(int word, int shift, long keep, int lo, int hi, IntEval value, String name) implements Exec {
        public void run(long[] s, ViolationSink sink) {
            int v = value.eval(s);
            if (v < lo || v > hi) throw DomainError.outOfDomain(name, v, lo, hi);
            s[word] = (s[word] & keep) | ((long) (v - lo) << shift);
        }
    }

    /** {@code vars[index - base] = value}: the index is evaluated first, then the value. */
    record StoreIndexed(IntEval index, int base, IntEval value, int[] words, int[] shifts, long[] masks,
                        int[] los, int[] his, String[] names) implements Exec {
        public void run(long[] s, ViolationSink sink) {
            int i = index.eval(s);
            long k = (long) i - base;
            if (k < 0 || k >= words.length) throw DomainError.badIndex(i, base, names);
            int j = (int) k;
            int v = value.eval(s);
            if (v < los[j] || v > his[j]) throw DomainError.outOfDomain(names[j], v, los[j], his[j]);
            int w = words[j];
            s[w] = (s[w] & ~(masks[j] << shifts[j])) | ((long) (v - los[j]) << shifts[j]);
        }
    }

    record If(Condition cond, Exec then, Exec otherwise) implements Exec {
        public void run(long[] s, ViolationSink sink) {
            if (cond.test(s)) then.run(s, sink); else otherwise.run(s, sink);
        }
    }

    record Seq(Exec[] steps) implements Exec {
        public void run(long[] s, ViolationSink sink) {
            for (Exec e : steps) e.run(s, sink);
        }
    }

    record Seq2(Exec a, Exec b) implements Exec {
        public void run(long[] s, ViolationSink sink) { a.run(s, sink); b.run(s, sink); }
    }

    record Seq3(Exec a, Exec b, Exec c) implements Exec {
        public void run(long[] s, ViolationSink sink) { a.run(s, sink); b.run(s, sink); c.run(s, sink); }
    }

    /** A check of a selected property: a failure goes to the sink and the updates go on. */
    record Check(int property, Condition holds, String message) implements Exec {
        public void run(long[] s, ViolationSink sink) {
            if (!holds.test(s)) sink.violation(property, message);
        }
    }

    /** A check of a property that is not being checked, kept only because evaluating it can fail. */
    record EvaluateOnly(Condition holds) implements Exec {
        public void run(long[] s, ViolationSink sink) { holds.test(s); }
    }

    /** An update that always fails, e.g. assigning a constant outside the domain. */
    record Fail(String message) implements Exec {
        public void run(long[] s, ViolationSink sink) { throw new DomainError(message); }
    }
}
