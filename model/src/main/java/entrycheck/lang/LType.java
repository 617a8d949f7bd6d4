package entrycheck.lang;

import entrycheck.ir.Type;
import java.util.List;

/**
 * The types of the checked language. Scalars ({@link BoolT}, {@link IntT}, {@link EnumT},
 * {@link RetT}) become IR variables; records, arrays and frames are flattened into scalars.
 * {@link GroupT}, {@link StackT} and {@link RegionT} are the types of names that are not
 * values themselves ({@code cpu}, {@code nmi_ist}, {@code frame.zeroed}).
 */
public sealed interface LType {

    record BoolT() implements LType {
        @Override public String toString() { return "bool"; }
    }

    /** An integer range; arithmetic results have the full int range. */
    record IntT(int lo, int hi) implements LType {
        @Override public String toString() { return lo == Integer.MIN_VALUE ? "int" : lo + ".." + hi; }
    }

    record EnumT(Type.Enum type) implements LType {
        @Override public String toString() { return type.name(); }
    }

    /** The type of return addresses: {@code interrupted} (0) or a label (1, 2, ...). */
    record RetT() implements LType {
        @Override public String toString() { return "ret"; }
    }

    record Member(String name, LType type) { }

    record RecordT(String name, List<Member> fields) implements LType {
        public RecordT { fields = List.copyOf(fields); }
        public LType field(String f) {
            for (Member m : fields) if (m.name().equals(f)) return m.type();
            return null;
        }
        @Override public String toString() { return name; }
    }

    /** {@code array [size] of elem}, indexed 0..size-1, or by the values of {@code index} when not null. */
    record ArrayT(int size, LType elem, Type.Enum index) implements LType {
        @Override public String toString() { return "array [" + (index != null ? index.name() : size) + "] of " + elem; }
    }

    record FrameT(String name) implements LType {
        @Override public String toString() { return "frame " + name; }
    }

    record RegionT(String kind) implements LType {
        @Override public String toString() { return "region " + kind; }
    }

    record GroupT(String name) implements LType {
        @Override public String toString() { return "state " + name; }
    }

    record StackT(String name) implements LType {
        @Override public String toString() { return "stack " + name; }
    }

    BoolT BOOL = new BoolT();
    IntT INT = new IntT(Integer.MIN_VALUE, Integer.MAX_VALUE);
    RetT RET = new RetT();

    static boolean isScalar(LType t) {
        return t instanceof BoolT || t instanceof IntT || t instanceof EnumT || t instanceof RetT;
    }

    /** The first value of a scalar type (its default). */
    static int first(LType t) {
        return t instanceof IntT ? ((IntT) t).lo() : 0;
    }
}
