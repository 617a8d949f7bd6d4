package entrycheck.layout;

/**
 * A field of the frame as the layout engine sees it: its size and alignment resolved.
 *
 * @param name          the field's name in the model
 * @param region        {@code zeroed}, {@code uninit}, {@code arch}, {@code saved} or {@code hw}
 * @param size          the declared size in bytes, or the natural size of its type when none is declared
 * @param naturalSize   the bytes its type needs (bool 1; ranges 1, 2 or 4; enums 4; a return address 8)
 * @param align         the declared alignment, or the natural one (the size, if a power of two up to 8)
 * @param type          its type as the model writes it ({@code bool}, {@code 0..3}, {@code ret}), or "?" when unknown
 * @param sizeDeclared  the model declares {@code size N}
 * @param alignDeclared the model declares {@code align N}
 */
public record FrameField(String name, String region, int size, int naturalSize, int align, String type,
                         boolean sizeDeclared, boolean alignDeclared) {

    /** "pkrs (arch)". */
    public String label() { return name + " (" + region + ")"; }
}
