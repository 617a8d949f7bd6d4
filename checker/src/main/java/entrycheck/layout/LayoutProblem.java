package entrycheck.layout;

import entrycheck.ir.Program;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended frame to lay out, read from a program's frame declaration
 * ({@link Program.Memory#frame()}): its regions in layout order with their fields, sizes and
 * alignments resolved, and the requirements that may conflict. A pure function of the
 * program; the solving is a {@link LayoutSolver}'s.
 *
 * <p>Order of the regions: the extended part first ({@code zeroed}, {@code uninit} and
 * {@code arch}, in the order the model declares them), then pt_regs, which the architecture
 * fixes: the registers saved by the entry code ({@code saved}) below the hardware frame
 * ({@code hw}), at the top of the frame.
 *
 * @param regions the non-empty regions, in layout order
 */
public record LayoutProblem(List<Region> regions) {

    /** The stack alignment the hardware guarantees for the top of the frame (x86-64: 16). */
    public static final int FRAME_ALIGN = 16;
    /** Width of the stores that clear the zeroed region. */
    public static final int ZEROED_STORE = 8;
    /** pt_regs alignment: PUSH_AND_CLEAR_REGS pushes 8-byte registers. */
    public static final int PT_REGS_ALIGN = 8;

    private static final List<String> EXTENDED = List.of("zeroed", "uninit", "arch");
    private static final List<String> PT_REGS = List.of("saved", "hw");

    public LayoutProblem { regions = List.copyOf(regions); }

    /** A region and its fields in declaration order. */
    public record Region(String name, List<FrameField> fields) {
        public Region { fields = List.copyOf(fields); }

        public boolean isPtRegs() { return PT_REGS.contains(name); }
    }

    /** Every field, region by region. */
    public List<FrameField> fields() {
        List<FrameField> all = new ArrayList<>();
        for (Region r : regions) all.addAll(r.fields());
        return all;
    }

    /**
     * The requirements that can conflict, in the order they are explained: per field its
     * alignment and size, then the frame-wide ones.
     */
    public List<Requirement> requirements() {
        List<Requirement> rs = new ArrayList<>();
        for (FrameField f : fields()) {
            rs.add(new Requirement.FieldAlign(f));
            if (f.sizeDeclared()) {
                rs.add(new Requirement.DeclaredSize(f));
                rs.add(new Requirement.FitsType(f));
            }
        }
        rs.add(new Requirement.FrameAlignment(FRAME_ALIGN));
        if (region("zeroed") != null) {
            rs.add(new Requirement.ZeroedStart(ZEROED_STORE));
            rs.add(new Requirement.ZeroedSize(ZEROED_STORE));
        }
        if (regions.stream().anyMatch(Region::isPtRegs)) {
            rs.add(new Requirement.PtRegsAligned(PT_REGS_ALIGN));
            rs.add(new Requirement.PtRegsAtEnd());
        }
        rs.add(new Requirement.TotalSize(FRAME_ALIGN));
        return rs;
    }

    /** The region named {@code name}, or null. */
    public Region region(String name) {
        for (Region r : regions) if (r.name().equals(name)) return r;
        return null;
    }

    /**
     * The frame of {@code program}.
     *
     * @throws IllegalArgumentException when the program declares no frame (no field in a known region)
     */
    public static LayoutProblem of(Program program) {
        Program.Memory memory = program.memory();
        if (memory == null || memory.frame().isEmpty()) {
            throw new IllegalArgumentException("model " + program.name() + " declares no frame");
        }
        Map<String, List<FrameField>> byRegion = new LinkedHashMap<>();
        for (Program.Field f : memory.frame()) {
            if (!EXTENDED.contains(f.region()) && !PT_REGS.contains(f.region())) continue; // a plain cell
            byRegion.computeIfAbsent(f.region(), k -> new ArrayList<>()).add(resolve(f, typeOf(program, f.name())));
        }
        if (byRegion.isEmpty()) throw new IllegalArgumentException("model " + program.name() + " declares no frame");
        List<Region> regions = new ArrayList<>();
        for (Map.Entry<String, List<FrameField>> e : byRegion.entrySet()) {
            if (EXTENDED.contains(e.getKey())) regions.add(new Region(e.getKey(), e.getValue()));
        }
        for (String r : PT_REGS) if (byRegion.containsKey(r)) regions.add(new Region(r, byRegion.get(r)));
        return new LayoutProblem(regions);
    }

    /** The type of frame field {@code name}, from the first frame in stack memory that has it; null if none. */
    private static Type typeOf(Program program, String name) {
        StateLayout layout = program.layout();
        for (Program.Stack s : program.memory().stacks()) {
            for (Program.Slot slot : s.slots()) {
                for (Program.Field f : slot.fields()) if (f.name().equals(name) && f.var() >= 0) return layout.var(f.var()).type();
            }
            for (Program.Cell c : s.cells()) {
                if (!c.isFrame()) continue;
                for (Program.Field f : c.fields()) if (f.name().equals(name) && f.var() >= 0) return layout.var(f.var()).type();
            }
        }
        return null;
    }

    static FrameField resolve(Program.Field f, Type type) {
        int natural = naturalSize(type);
        int size = f.size() > 0 ? f.size() : natural;
        int align = f.align() > 0 ? f.align() : naturalAlign(size);
        return new FrameField(f.name(), f.region(), size, natural, align, type == null ? "?" : type.toString(),
                f.size() > 0, f.align() > 0);
    }

    /**
     * The bytes a C type for {@code type} takes: bool 1; a range the smallest of 1, 2 or 4 bytes
     * (signed when it has negative values); a return address ({@code ret}) 8; another enum 4 (a C
     * enum is an int); 8 when the type is unknown.
     */
    public static int naturalSize(Type type) {
        if (type == null) return 8;
        if (type instanceof Type.Bool) return 1;
        if (type instanceof Type.Enum e) return e.name().equals("ret") ? 8 : 4;
        long lo = type.lo(), hi = type.hi();
        if (lo >= 0) return hi <= 0xff ? 1 : hi <= 0xffff ? 2 : 4;
        return lo >= Byte.MIN_VALUE && hi <= Byte.MAX_VALUE ? 1 : lo >= Short.MIN_VALUE && hi <= Short.MAX_VALUE ? 2 : 4;
    }

    /** The natural alignment of a field of {@code size} bytes: its largest power-of-two divisor, at most 8. */
    public static int naturalAlign(int size) {
        return Math.min(8, Integer.lowestOneBit(Math.max(1, size)));
    }
}
