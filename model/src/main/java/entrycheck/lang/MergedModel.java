package entrycheck.lang;

import java.util.List;

/**
 * A model after its {@code extends} chain has been applied: one list of declarations.
 *
 * @param name     the model's name (the bundled name, or the path as given)
 * @param decls    the merged declarations
 * @param sources  the texts of the file and its bases, the file first
 * @param modelPos a position for errors that belong to the model as a whole (line 1 of the file)
 */
public record MergedModel(String name, List<AstDecl> decls, List<SourceText> sources, Pos modelPos) {
    public MergedModel {
        decls = List.copyOf(decls);
        sources = List.copyOf(sources);
    }
}
