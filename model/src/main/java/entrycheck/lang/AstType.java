package entrycheck.lang;

import java.util.List;

/** Type expressions (LANGUAGE.md section 3). */
public sealed interface AstType {
    Pos pos();

    record BoolType(Pos pos) implements AstType { }

    record RangeType(Pos pos, AstExpr lo, AstExpr hi) implements AstType { }

    /** A declared type name, or {@code ret}. */
    record NamedType(Pos pos, String name) implements AstType { }

    record EnumType(Pos pos, List<String> values, List<Pos> valuePos) implements AstType {
        public EnumType { values = List.copyOf(values); valuePos = List.copyOf(valuePos); }
    }

    record RecordType(Pos pos, List<FieldDecl> fields) implements AstType {
        public RecordType { fields = List.copyOf(fields); }
    }

    /** {@code array [size] of elem}; size is a constant expression or the name of an enum type. */
    record ArrayType(Pos pos, AstExpr size, AstType elem) implements AstType { }

    /**
     * A field of a record, state group, frame region or stack cells block.
     *
     * @param init  initial value or null
     * @param size  {@code size N} (frame fields) or null
     * @param align {@code align N} (frame fields) or null
     */
    record FieldDecl(Pos pos, String name, AstType type, AstExpr init, AstExpr size, AstExpr align) { }
}
