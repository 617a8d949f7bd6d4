package entrycheck.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link FrameLayout} the way the kernel's generated asm-offsets.h does: one
 * {@code #define PREFIX_NAME value} per field offset, region start and size, the pt_regs
 * offset, the total size and the padding, with a comment block that says where sizes were not
 * declared.
 */
public final class AsmOffsets {
    private AsmOffsets() { }

    /**
     * @param model  the model's name, for the header comment
     * @param prefix the macro prefix, e.g. {@code EXTREGS}
     * @param solver the solver's name, for the header comment
     */
    public static String render(String model, LayoutProblem problem, FrameLayout layout, String prefix, String solver) {
        List<String[]> defines = new ArrayList<>();
        Map<String, String> fieldMacros = fieldMacros(layout, prefix);
        boolean ptRegsDone = false;
        for (FrameLayout.PlacedRegion r : layout.regions()) {
            if (!ptRegsDone && isPtRegs(r.name())) {
                defines.add(new String[] {prefix + "_PT_REGS", Integer.toString(r.start()), "pt_regs: saved registers, then the hardware frame"});
                ptRegsDone = true;
            }
            String region = macro(prefix, r.name());
            defines.add(new String[] {region + "_OFFSET", Integer.toString(r.start()), null});
            defines.add(new String[] {region + "_SIZE", Integer.toString(r.size()), null});
            List<FrameLayout.Placed> inRegion = new ArrayList<>();
            for (FrameLayout.Placed p : layout.fields()) if (p.field().region().equals(r.name())) inRegion.add(p);
            inRegion.sort(java.util.Comparator.comparingInt(FrameLayout.Placed::offset));
            for (FrameLayout.Placed p : inRegion) {
                defines.add(new String[] {fieldMacros.get(p.field().region() + "." + p.field().name()),
                    Integer.toString(p.offset()), p.field().size() + (p.field().size() == 1 ? " byte" : " bytes")});
            }
        }
        defines.add(new String[] {prefix + "_SIZE", Integer.toString(layout.size()), "a multiple of " + LayoutProblem.FRAME_ALIGN});
        defines.add(new String[] {prefix + "_PADDING", Integer.toString(layout.padding()), "bytes of no field (minimal)"});

        StringBuilder sb = new StringBuilder();
        sb.append("/*\n * Extended entry frame of ").append(comment(model)).append(", laid out by 'entrycheck layout' (")
                .append(comment(solver)).append(").\n")
                .append(" * Offsets are bytes from the lowest address of the frame; pt_regs is at its top.\n");
        for (FrameField f : problem.fields()) {
            if (!f.sizeDeclared()) {
                sb.append(" * ").append(comment(f.label())).append(": no size declared; ").append(f.size())
                        .append(f.size() == 1 ? " byte" : " bytes").append(", the natural size of ").append(comment(f.type())).append('\n');
            }
        }
        sb.append(" */\n");
        int width = 0;
        for (String[] d : defines) width = Math.max(width, d[0].length());
        for (String[] d : defines) {
            String line = String.format(Locale.ROOT, "#define %-" + width + "s %s", d[0], d[1]);
            if (d[2] != null) line += " /* " + comment(d[2]) + " */";
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static boolean isPtRegs(String region) { return region.equals("saved") || region.equals("hw"); }

    /** PREFIX_FIELD, or PREFIX_REGION_FIELD for names that would otherwise collide. */
    private static Map<String, String> fieldMacros(FrameLayout layout, String prefix) {
        Map<String, Integer> uses = new HashMap<>();
        for (FrameLayout.Placed p : layout.fields()) uses.merge(macro(prefix, p.field().name()), 1, Integer::sum);
        for (FrameLayout.PlacedRegion r : layout.regions()) {
            uses.merge(macro(prefix, r.name()) + "_OFFSET", 1, Integer::sum);
            uses.merge(macro(prefix, r.name()) + "_SIZE", 1, Integer::sum);
        }
        uses.merge(prefix + "_SIZE", 1, Integer::sum);
        uses.merge(prefix + "_PADDING", 1, Integer::sum);
        uses.merge(prefix + "_PT_REGS", 1, Integer::sum);
        Map<String, String> names = new HashMap<>();
        for (FrameLayout.Placed p : layout.fields()) {
            String plain = macro(prefix, p.field().name());
            String name = uses.get(plain) > 1 ? macro(prefix, p.field().region() + "_" + p.field().name()) : plain;
            names.put(p.field().region() + "." + p.field().name(), name);
        }
        return names;
    }

    static String macro(String prefix, String name) {
        return prefix + "_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /** Text safe inside a C comment. */
    private static String comment(String s) {
        return s.replace("*/", "* /").replaceAll("[\\p{Cntrl}]", "?");
    }
}
