package entrycheck.layout;

/**
 * A requirement on the frame layout that can conflict with others; when the layout cannot be
 * computed, a minimal set of conflicting requirements is reported in these words. (Structural
 * facts, such as "a field lies inside its region" and "fields do not overlap", always hold and
 * are not listed.)
 */
public sealed interface Requirement {

    /** The requirement in words, for the user. */
    String words();

    /** A field at a multiple of its alignment, which must divide the frame's alignment. */
    record FieldAlign(FrameField field) implements Requirement {
        public String words() {
            return field.label() + " is " + field.align() + "-byte aligned ("
                    + (field.alignDeclared() ? "declared align " + field.align() : "its natural alignment") + ")";
        }
    }

    /** A field's declared size. */
    record DeclaredSize(FrameField field) implements Requirement {
        public String words() { return field.label() + " is declared " + bytes(field.size()); }
    }

    /** A field holds every value of its type. */
    record FitsType(FrameField field) implements Requirement {
        public String words() {
            return field.label() + " holds every value of its type " + field.type() + ", which needs " + bytes(field.naturalSize());
        }
    }

    /** The frame's base alignment. */
    record FrameAlignment(int bytes) implements Requirement {
        public String words() {
            return "the frame is only " + bytes + "-byte aligned (the CPU aligns the stack to " + bytes
                    + " bytes before it pushes the hardware frame, and the frame's size is a multiple of " + bytes + ")";
        }
    }

    /** The zeroed region starts at a multiple of the store width. */
    record ZeroedStart(int bytes) implements Requirement {
        public String words() { return "the zeroed region starts at a multiple of " + bytes + " (it is cleared with " + bytes + "-byte stores)"; }
    }

    /** The zeroed region's size is a multiple of the store width. */
    record ZeroedSize(int bytes) implements Requirement {
        public String words() { return "the zeroed region's size is a multiple of " + bytes + " (it is cleared with " + bytes + "-byte stores)"; }
    }

    /** pt_regs starts at a multiple of 8. */
    record PtRegsAligned(int bytes) implements Requirement {
        public String words() {
            return "pt_regs starts at a multiple of " + bytes + " (where PUSH_AND_CLEAR_REGS leaves it after 'subq $SIZE, %rsp')";
        }
    }

    /** pt_regs (saved + hw) is the top of the frame. */
    record PtRegsAtEnd() implements Requirement {
        public String words() { return "pt_regs ends the frame (the hardware frame is pushed at the top of the stack)"; }
    }

    /** The total size is a multiple of the stack alignment. */
    record TotalSize(int bytes) implements Requirement {
        public String words() { return "the frame's total size is a multiple of " + bytes + " (it keeps the stack " + bytes + "-byte aligned)"; }
    }

    private static String bytes(int n) { return n + (n == 1 ? " byte" : " bytes"); }
}
