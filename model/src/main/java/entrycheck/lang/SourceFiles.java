package entrycheck.lang;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes model files: UTF-8, strictly; a byte that is not UTF-8 is a diagnostic at its line and column. */
final class SourceFiles {
    private SourceFiles() { }

    /**
     * The text of {@code bytes}.
     *
     * @param file the file name for the diagnostic
     * @throws ModelException at the first malformed or unmappable byte sequence
     */
    static String decode(byte[] bytes, String file) throws ModelException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) r = dec.flush(out);
        if (!r.isError()) {
            out.flip();
            return out.toString();
        }
        out.flip();
        String good = out.toString();
        int lineStart = good.lastIndexOf('\n') + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) if (good.charAt(i) == '\n') line++;
        int col = good.length() - lineStart + 1;
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            if (i > 0) hex.append(' ');
            hex.append(String.format("0x%02X", bytes[in.position() + i] & 0xff));
        }
        String shownLine = good.substring(lineStart);
        throw new ModelException(new Diagnostic(file, line, col, "invalid UTF-8 (byte " + hex
                + "): model files are UTF-8 text", shownLine));
    }
}
