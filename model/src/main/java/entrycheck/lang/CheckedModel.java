package entrycheck.lang;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A model that passed resolution and type checking: its declarations and resolved symbols
 * (constants already carry their final values). The input of {@link entrycheck.compile.Compiler}.
 */
public record CheckedModel(String name, List<AstDecl> decls, Symbols symbols, List<SourceText> sources) {
    public CheckedModel {
        decls = List.copyOf(decls);
        sources = List.copyOf(sources);
    }

    /** Hex SHA-256 of the source texts of the file and its bases (in that order, NUL-separated). */
    public String sourceHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (SourceText s : sources) {
                md.update(s.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            StringBuilder sb = new StringBuilder();
            for (byte b : md.digest()) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
