package entrycheck.lang;

import entrycheck.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved declarations of a checked model: constants with their final values, types,
 * state, frame, stacks, vectors, procedures, properties and rules. Built by {@link Checker};
 * read-only afterwards (the compiler reads it).
 */
public final class Symbols {

    /**
     * A variable-like declaration: a global, a group field, a stack cell.
     *
     * @param init its initial value for every scalar inside it, or null for the first value of each
     */
    public record VarInfo(String name, LType type, Integer init, boolean ghost, Pos pos) { }

    /**
     * A field of the frame type.
     *
     * @param size  {@code size N} in bytes, or null when not given
     * @param align {@code align N} in bytes, or null when not given
     */
    public record FrameField(String name, String region, LType type, Integer size, Integer align, Pos pos) { }

    public record FrameInfo(String name, List<FrameField> fields, Pos pos) {
        public FrameField field(String n) {
            for (FrameField f : fields) if (f.name().equals(n)) return f;
            return null;
        }
        public boolean hasRegion(String r) {
            for (FrameField f : fields) if (f.region().equals(r)) return true;
            return false;
        }
    }

    /** @param index position among the stacks (0-based, declaration order) */
    public record StackInfo(String name, boolean ist, int slots, Map<String, VarInfo> cells, int index, Pos pos) { }

    /** @param max the delivery bound, or -1; @param index 1-based position among the vectors */
    public record VectorInfo(AstDecl.Vector decl, int max, int index) {
        public String name() { return decl.name(); }
    }

    public record ParamInfo(String name, LType type, boolean ref, Pos pos) { }

    /** @param locals every local (by-value parameters and {@code var}s) with its type */
    public record ProcInfo(AstDecl.Proc decl, List<ParamInfo> params, LType result,
                           Map<String, LType> locals, List<String> labels) {
        public String name() { return decl.name(); }
    }

    public record RuleParamInfo(String name, int lo, int hi) { }

    public record RuleInfo(AstDecl.Rule decl, List<RuleParamInfo> params) { }

    public record EnumConst(Type.Enum type, int ordinal) { }

    final Map<String, Integer> constants = new LinkedHashMap<>();
    Options options = Options.NONE;
    Map<String, Boolean> configuration = Map.of();
    final Map<String, Boolean> constIsBool = new LinkedHashMap<>();
    final Map<String, LType> types = new LinkedHashMap<>();
    final Map<String, EnumConst> enumConsts = new LinkedHashMap<>();
    final Map<String, VarInfo> vars = new LinkedHashMap<>();
    final Map<String, Map<String, VarInfo>> groups = new LinkedHashMap<>();
    FrameInfo frame;
    final Map<String, StackInfo> stacks = new LinkedHashMap<>();
    int nesting = -1;
    AstDecl.Hardware hardware;
    final Map<String, VectorInfo> vectors = new LinkedHashMap<>();
    final Map<String, ProcInfo> procs = new LinkedHashMap<>();
    String start;
    final Map<String, AstDecl.Property> properties = new LinkedHashMap<>();
    final List<RuleInfo> rules = new ArrayList<>();
    AstExpr endWhen;
    final Map<String, AstDecl.ExpectKind> expects = new LinkedHashMap<>();
    final List<String> retLabels = new ArrayList<>();
    boolean usesPlainAssert;
    /** The order in which model state was declared: var, state group and stack names (for the layout). */
    final List<String> stateOrder = new ArrayList<>();

    /** The model's Kconfig-style options (LANGUAGE.md section 3a). */
    public Options options() { return options; }

    /** The configuration the model was checked under: every option's value. */
    public Map<String, Boolean> configuration() { return configuration; }

    public Map<String, Integer> constants() { return java.util.Collections.unmodifiableMap(constants); }
    public boolean constIsBool(String n) { return Boolean.TRUE.equals(constIsBool.get(n)); }
    public Map<String, LType> types() { return java.util.Collections.unmodifiableMap(types); }
    public Map<String, EnumConst> enumConsts() { return java.util.Collections.unmodifiableMap(enumConsts); }
    public Map<String, VarInfo> vars() { return java.util.Collections.unmodifiableMap(vars); }
    public Map<String, Map<String, VarInfo>> groups() { return java.util.Collections.unmodifiableMap(groups); }
    /** The frame type, or null when the model declares none. */
    public FrameInfo frame() { return frame; }
    public Map<String, StackInfo> stacks() { return java.util.Collections.unmodifiableMap(stacks); }
    /** The nesting bound, or -1 when not declared. */
    public int nesting() { return nesting; }
    /** The hardware block, or null. */
    public AstDecl.Hardware hardware() { return hardware; }
    public Map<String, VectorInfo> vectors() { return java.util.Collections.unmodifiableMap(vectors); }
    public Map<String, ProcInfo> procs() { return java.util.Collections.unmodifiableMap(procs); }
    /** The start procedure's name, or null. */
    public String start() { return start; }
    public Map<String, AstDecl.Property> properties() { return java.util.Collections.unmodifiableMap(properties); }
    public List<RuleInfo> rules() { return java.util.Collections.unmodifiableList(rules); }
    /** The {@code end when} condition, or null. */
    public AstExpr endWhen() { return endWhen; }
    public Map<String, AstDecl.ExpectKind> expects() { return java.util.Collections.unmodifiableMap(expects); }
    /** Labels used as {@code ret} values; label i has value i + 1 ({@code interrupted} is 0). */
    public List<String> retLabels() { return java.util.Collections.unmodifiableList(retLabels); }
    /** Whether some {@code assert} has no {@code as} (built-in property {@code assert}). */
    public boolean usesPlainAssert() { return usesPlainAssert; }
    /** Names of vars, state groups and stacks in declaration order. */
    public List<String> stateOrder() { return java.util.Collections.unmodifiableList(stateOrder); }

    /** An entry model has code or vectors; otherwise it is a plain rule model. */
    public boolean isEntryModel() { return start != null || !vectors.isEmpty(); }

    /** The task stack named by {@code hardware { task_stack S; }}, or null. */
    public String taskStack() { return hardware == null ? null : hardware.taskStack(); }

    /** The IR type of a scalar. */
    public Type irType(LType t) {
        if (t instanceof LType.BoolT) return Type.BOOL;
        if (t instanceof LType.IntT) return new Type.Range(((LType.IntT) t).lo(), ((LType.IntT) t).hi());
        if (t instanceof LType.EnumT) return ((LType.EnumT) t).type();
        if (t instanceof LType.RetT) {
            List<String> vs = new ArrayList<>();
            vs.add("interrupted");
            vs.addAll(retLabels);
            return new Type.Enum("ret", vs);
        }
        throw new IllegalArgumentException("not a scalar type: " + t);
    }

    /** The vectors that enter procedure {@code proc}, in declaration order. */
    public List<VectorInfo> vectorsEntering(String proc) {
        List<VectorInfo> out = new ArrayList<>();
        for (VectorInfo v : vectors.values()) if (v.decl().enters().equals(proc)) out.add(v);
        return out;
    }

    /** The distinct entry procedures of the vectors, in vector declaration order. */
    public List<String> entryProcs() {
        List<String> out = new ArrayList<>();
        for (VectorInfo v : vectors.values()) if (!out.contains(v.decl().enters())) out.add(v.decl().enters());
        return out;
    }
}
