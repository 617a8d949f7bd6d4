package entrycheck.lang;

import java.util.List;

/**
 * One parsed file.
 *
 * @param source the file's text
 * @param header its {@code model ...;} line, or null
 * @param decls  every other declaration, in file order
 */
public record ModelFile(SourceText source, AstDecl.ModelHeader header, List<AstDecl> decls) {
    public ModelFile { decls = List.copyOf(decls); }
}
