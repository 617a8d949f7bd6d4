package entrycheck.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.layout.choco.ChocoLayoutSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The layout engine on hand-built frame declarations (Program.Memory), as the frontend will fill it. */
class FrameLayoutTest {

    private static final LayoutSolver CHOCO = ChocoLayoutSolver.create();
    private static final Type RET = new Type.Enum("ret", List.of("interrupted", "repeat_nmi"));

    /** A field declaration: name, region, type, declared size and align (0 = none). */
    private record Decl(String name, String region, Type type, int size, int align) { }

    /** The frame of LANGUAGE.md section 5. */
    private static List<Decl> languageExample() {
        return List.of(
                new Decl("rip", "hw", RET, 0, 0), new Decl("IF", "hw", Type.BOOL, 0, 0),
                new Decl("DF", "hw", Type.BOOL, 0, 0), new Decl("cpl", "hw", new Type.Range(0, 3), 0, 0),
                new Decl("orig_ax", "saved", Type.BOOL, 0, 0),
                new Decl("exit_rcu", "zeroed", Type.BOOL, 1, 0), new Decl("lockdep", "zeroed", Type.BOOL, 1, 0),
                new Decl("scratch", "uninit", new Type.Range(0, 1), 8, 0),
                new Decl("pkrs", "arch", new Type.Range(0, 3), 4, 4));
    }

    /** A program whose task stack has one slot holding the frame. */
    private static Program program(List<Decl> decls) {
        StateLayout.Builder layout = new StateLayout.Builder();
        List<Program.Field> frame = new ArrayList<>();
        List<Program.Field> slot = new ArrayList<>();
        for (Decl d : decls) {
            Var v = layout.add("task[0]." + d.name(), d.type(), Var.Role.STATE, d.type().lo());
            frame.add(new Program.Field(d.name(), d.region(), -1, d.size(), d.align()));
            slot.add(new Program.Field(d.name(), d.region(), v.id(), d.size(), d.align()));
        }
        Program.Memory memory = new Program.Memory(frame,
                List.of(new Program.Stack("task", false, List.of(new Program.Slot(-1, slot)), List.of())));
        List<Property> props = List.of(new Property(0, "domain", Property.Kind.DOMAIN, "", "", Property.Expect.HOLDS));
        return new Program("frames", "", Map.of(), layout.build(), List.of(), List.of(), Expr.TRUE, props, null, memory);
    }

    private static List<Decl> with(List<Decl> decls, Decl replacement) {
        return decls.stream().map(d -> d.name().equals(replacement.name()) ? replacement : d).collect(Collectors.toList());
    }

    private static FrameLayout laid(LayoutProblem problem) {
        LayoutResult r = CHOCO.solve(problem);
        return assertInstanceOf(LayoutResult.Laid.class, r, () -> r.toString()).layout();
    }

    /** Every structural rule and requirement, checked on the result (independently of the solver). */
    private static void assertValid(LayoutProblem problem, FrameLayout layout) {
        int sum = 0;
        for (FrameLayout.Placed p : layout.fields()) {
            FrameField f = p.field();
            sum += f.size();
            assertEquals(0, p.offset() % f.align(), f.label() + " aligned");
            assertTrue(16 % f.align() == 0, "alignment divides the frame's");
            FrameLayout.PlacedRegion r = layout.region(f.region());
            assertTrue(p.offset() >= r.start() && p.offset() + f.size() <= r.start() + r.size(), f.label() + " inside its region");
            for (FrameLayout.Placed q : layout.fields()) {
                if (q != p) {
                    assertTrue(p.offset() + f.size() <= q.offset() || q.offset() + q.field().size() <= p.offset(),
                            f.label() + " overlaps " + q.field().label());
                }
            }
        }
        int at = 0;
        for (FrameLayout.PlacedRegion r : layout.regions()) {
            assertTrue(r.start() >= at, "regions in order: " + r);
            at = r.start() + r.size();
        }
        assertEquals(0, layout.regions().get(0).start());
        assertEquals(layout.size(), at, "pt_regs ends the frame");
        assertEquals(0, layout.size() % 16);
        assertEquals(layout.size() - sum, layout.padding());
        FrameLayout.PlacedRegion zeroed = layout.region("zeroed");
        if (zeroed != null) {
            assertEquals(0, zeroed.start() % 8);
            assertEquals(0, zeroed.size() % 8);
        }
        FrameLayout.PlacedRegion ptRegs = layout.region("saved") != null ? layout.region("saved") : layout.region("hw");
        if (ptRegs != null) assertEquals(0, ptRegs.start() % 8);
        assertEquals(problem.regions().stream().map(LayoutProblem.Region::name).toList(),
                layout.regions().stream().map(FrameLayout.PlacedRegion::name).toList());
    }

    @Test
    void languageExampleIsLaidOutWithMinimalPadding() {
        LayoutProblem problem = LayoutProblem.of(program(languageExample()));
        assertEquals(List.of("zeroed", "uninit", "arch", "saved", "hw"),
                problem.regions().stream().map(LayoutProblem.Region::name).toList());
        FrameLayout layout = laid(problem);
        assertValid(problem, layout);
        // zeroed [0,8): two bytes and six of padding; uninit [8,16); arch [16,20); pt_regs from 24;
        // pt_regs holds 12 bytes (orig_ax 1; rip 8 aligned to 8; IF, DF, cpl 1 each), ends the
        // frame, and the frame is a multiple of 16: 48. Fields take 26 bytes, so 22 of padding.
        assertEquals(0, layout.offset("exit_rcu"));
        assertEquals(1, layout.offset("lockdep"));
        assertEquals(8, layout.region("zeroed").size());
        assertEquals(8, layout.offset("scratch"));
        assertEquals(16, layout.offset("pkrs"));
        assertEquals(24, layout.region("saved").start());
        assertEquals(48, layout.size());
        assertEquals(22, layout.padding());
    }

    @Test
    void undeclaredSizesAreTheTypesNaturalSizes() {
        assertEquals(1, LayoutProblem.naturalSize(Type.BOOL));
        assertEquals(1, LayoutProblem.naturalSize(new Type.Range(0, 255)));
        assertEquals(2, LayoutProblem.naturalSize(new Type.Range(0, 256)));
        assertEquals(1, LayoutProblem.naturalSize(new Type.Range(-128, 127)));
        assertEquals(2, LayoutProblem.naturalSize(new Type.Range(-129, 0)));
        assertEquals(4, LayoutProblem.naturalSize(new Type.Range(0, 70_000)));
        assertEquals(8, LayoutProblem.naturalSize(RET));
        assertEquals(4, LayoutProblem.naturalSize(new Type.Enum("ctx_state", List.of("KERNEL", "IDLE", "USER"))));
        assertEquals(8, LayoutProblem.naturalAlign(24));
        assertEquals(4, LayoutProblem.naturalAlign(4));
        assertEquals(1, LayoutProblem.naturalAlign(3));
        FrameField rip = LayoutProblem.of(program(languageExample())).region("hw").fields().get(0);
        assertEquals(8, rip.size());
        assertEquals(8, rip.align());
        assertFalse(rip.sizeDeclared());
    }

    @Test
    void aFieldAlignedBeyondTheStackConflictsWithTheFramesAlignment() {
        LayoutProblem problem = LayoutProblem.of(program(with(languageExample(),
                new Decl("pkrs", "arch", new Type.Range(0, 3), 4, 32))));
        LayoutResult.Conflict c = assertInstanceOf(LayoutResult.Conflict.class, CHOCO.solve(problem));
        assertEquals(2, c.requirements().size(), c.toString());
        assertInstanceOf(Requirement.FieldAlign.class, c.requirements().get(0));
        assertEquals("pkrs", ((Requirement.FieldAlign) c.requirements().get(0)).field().name());
        assertInstanceOf(Requirement.FrameAlignment.class, c.requirements().get(1));
        assertTrue(c.requirements().get(0).words().contains("pkrs (arch) is 32-byte aligned (declared align 32)"),
                c.requirements().get(0).words());
        assertTrue(c.requirements().get(1).words().startsWith("the frame is only 16-byte aligned"));
    }

    @Test
    void aDeclaredSizeTooSmallForTheTypeConflictsWithIt() {
        LayoutProblem problem = LayoutProblem.of(program(with(languageExample(),
                new Decl("scratch", "uninit", new Type.Range(0, 1000), 1, 0))));
        LayoutResult.Conflict c = assertInstanceOf(LayoutResult.Conflict.class, CHOCO.solve(problem));
        assertEquals(Set.of(Requirement.DeclaredSize.class, Requirement.FitsType.class),
                c.requirements().stream().map(Object::getClass).collect(Collectors.toSet()));
        assertTrue(c.requirements().stream().anyMatch(r -> r.words().equals(
                "scratch (uninit) holds every value of its type 0..1000, which needs 2 bytes")), c.toString());
    }

    @Test
    void anAlignmentThatIsNotAPowerOfTwoConflictsAlone() {
        LayoutProblem problem = LayoutProblem.of(program(with(languageExample(),
                new Decl("lockdep", "zeroed", Type.BOOL, 1, 3))));
        LayoutResult.Conflict c = assertInstanceOf(LayoutResult.Conflict.class, CHOCO.solve(problem));
        assertEquals(1, c.requirements().size(), c.toString());
        assertEquals("lockdep", ((Requirement.FieldAlign) c.requirements().get(0)).field().name());
    }

    @Test
    void fieldsAreReorderedInsideARegionToSavePadding() {
        // 1-byte, 8-byte, 1-byte in declaration order: a C struct would take 24 bytes, sorted 16.
        List<Decl> decls = List.of(new Decl("a", "arch", Type.BOOL, 0, 0), new Decl("b", "arch", RET, 0, 0),
                new Decl("c", "arch", Type.BOOL, 0, 0));
        LayoutProblem problem = LayoutProblem.of(program(decls));
        FrameLayout layout = laid(problem);
        assertValid(problem, layout);
        assertEquals(16, layout.size());
        assertEquals(6, layout.padding());
    }

    @Test
    void asmOffsetsNameEveryFieldRegionAndTheTotal() {
        LayoutProblem problem = LayoutProblem.of(program(languageExample()));
        String text = AsmOffsets.render("x86_64/example", problem, laid(problem), "EXTREGS", CHOCO.name());
        assertTrue(text.contains("\n#define EXTREGS_ZEROED_OFFSET 0\n"), text);
        assertTrue(text.contains("\n#define EXTREGS_ZEROED_SIZE   8\n"), text);
        assertTrue(text.contains("\n#define EXTREGS_EXIT_RCU      0 /* 1 byte */\n"), text);
        assertTrue(text.contains("\n#define EXTREGS_PKRS          16 /* 4 bytes */\n"), text);
        assertTrue(text.contains("\n#define EXTREGS_PT_REGS       24 /* pt_regs: saved registers, then the hardware frame */\n"), text);
        assertTrue(text.contains("\n#define EXTREGS_SIZE          48 /* a multiple of 16 */\n"), text);
        assertTrue(text.contains("\n#define EXTREGS_PADDING       22 /* bytes of no field (minimal) */\n"), text);
        // fields in offset order inside a region: hw's three bytes before the aligned rip
        assertTrue(text.indexOf("#define EXTREGS_CPL ") < text.indexOf("#define EXTREGS_RIP "), text);
        assertTrue(text.contains(" * rip (hw): no size declared; 8 bytes, the natural size of ret\n"), text);
        assertFalse(text.contains("scratch (uninit): no size declared"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("#define EXTREGS_RIP ")).count(), text);
    }

    @Test
    void aProgramWithoutAFrameIsRejected() {
        Program p = program(languageExample());
        Program noFrame = new Program(p.name(), "", Map.of(), p.layout(), List.of(), List.of(), Expr.TRUE, p.properties(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayoutProblem.of(noFrame));
        assertEquals("model frames declares no frame", e.getMessage());
    }
}
