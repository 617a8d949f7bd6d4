package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.lang.AstDecl;
import entrycheck.lang.LType;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flattened variables of a model and the places of its names. Model state comes first
 * (globals, groups, stacks with their slots and cells, in declaration order), then the
 * control and ghost variables the compiler adds (depth, per-level pc/vec/fstack/fslot,
 * locals, captures, pushed values, delivery counters).
 */
final class Layout {
    final Symbols syms;
    final StateLayout.Builder b = new StateLayout.Builder();
    final List<Var> vars = new ArrayList<>();
    /** Frame ownership and written-bits are tracked only when a property needs them. */
    final boolean owners;
    final boolean zeroedBits;
    final boolean uninitBits;
    private final Map<String, Place> globals = new LinkedHashMap<>();
    /** stack name -> its slot frames, slot 0 first. */
    private final Map<String, List<Place.Frame>> slots = new LinkedHashMap<>();

    Layout(Symbols syms) {
        this.syms = syms;
        boolean o = false;
        boolean z = false;
        boolean u = false;
        for (AstDecl.Property p : syms.properties().values()) {
            if (p.body() instanceof AstDecl.PropBody.FrameIntact) o = true;
            if (p.body() instanceof AstDecl.PropBody.ZeroedReads) { o = true; z = true; }
            if (p.body() instanceof AstDecl.PropBody.UninitReads) { o = true; u = true; }
        }
        owners = o && syms.frame() != null;
        zeroedBits = z && syms.frame() != null;
        uninitBits = u && syms.frame() != null;
    }

    int maxLevel() { return Math.max(0, syms.nesting()); }

    Var add(String name, Type type, Var.Role role, int init) {
        Var v = b.add(name, type, role, init);
        vars.add(v);
        return v;
    }

    /** Lays out the model state: globals, groups and stacks in declaration order. */
    void state() {
        for (String n : syms.stateOrder()) {
            if (syms.vars().containsKey(n)) {
                Symbols.VarInfo v = syms.vars().get(n);
                globals.put(n, flatten(n, v.type(), v.ghost() ? Var.Role.GHOST : Var.Role.STATE, v.init()));
            } else if (syms.groups().containsKey(n)) {
                Map<String, Place> fs = new LinkedHashMap<>();
                for (Symbols.VarInfo f : syms.groups().get(n).values()) {
                    fs.put(f.name(), flatten(n + "." + f.name(), f.type(), Var.Role.STATE, f.init()));
                }
                globals.put(n, new Place.Rec(fs));
            } else {
                Symbols.StackInfo s = syms.stacks().get(n);
                List<Place.Frame> frames = new ArrayList<>();
                for (int k = 0; k < s.slots(); k++) frames.add(slotFrame(n + "[" + k + "]"));
                slots.put(n, frames);
                Map<String, Place> cells = new LinkedHashMap<>();
                for (Symbols.VarInfo c : s.cells().values()) {
                    cells.put(c.name(), flatten(n + "." + c.name(), c.type(), Var.Role.STATE, c.init()));
                }
                globals.put(n, new Place.Rec(cells));
            }
        }
    }

    private Place.Frame slotFrame(String prefix) {
        Map<String, Place> fs = new LinkedHashMap<>();
        for (Symbols.FrameField f : syms.frame().fields()) {
            fs.put(f.name(), scalar(prefix + "." + f.name(), f.type(), Var.Role.STATE, null));
        }
        Place owner = owners ? new Place.Scalar(add(prefix + ".owner", new Type.Range(0, maxLevel()), Var.Role.GHOST, 0).id()) : null;
        Map<String, Place> ws = new LinkedHashMap<>();
        for (Symbols.FrameField f : syms.frame().fields()) {
            boolean tracked = (zeroedBits && f.region().equals("zeroed")) || (uninitBits && f.region().equals("uninit"));
            if (tracked) ws.put(f.name(), new Place.Scalar(add(prefix + "." + f.name() + ".w", Type.BOOL, Var.Role.GHOST, 0).id()));
        }
        return new Place.Frame(fs, owner, ws);
    }

    private Place scalar(String name, LType t, Var.Role role, Integer init) {
        Type ty = syms.irType(t);
        return new Place.Scalar(add(name, ty, role, init == null ? ty.lo() : init).id());
    }

    /** Adds the variables of a value of type {@code t} named {@code name}; {@code init} applies to every scalar. */
    Place flatten(String name, LType t, Var.Role role, Integer init) {
        if (LType.isScalar(t)) return scalar(name, t, role, init);
        if (t instanceof LType.RecordT) {
            Map<String, Place> fs = new LinkedHashMap<>();
            for (LType.Member m : ((LType.RecordT) t).fields()) fs.put(m.name(), flatten(name + "." + m.name(), m.type(), role, init));
            return new Place.Rec(fs);
        }
        if (t instanceof LType.ArrayT) {
            LType.ArrayT a = (LType.ArrayT) t;
            List<Place> es = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                String idx = a.index() != null ? a.index().values().get(i) : Integer.toString(i);
                es.add(flatten(name + "[" + idx + "]", a.elem(), role, init));
            }
            return new Place.Arr(es);
        }
        if (t instanceof LType.FrameT) {
            Map<String, Place> fs = new LinkedHashMap<>();
            for (Symbols.FrameField f : syms.frame().fields()) fs.put(f.name(), scalar(name + "." + f.name(), f.type(), role, null));
            Place owner = owners ? new Place.Scalar(add(name + ".owner", new Type.Range(0, maxLevel()), Var.Role.GHOST, 0).id()) : null;
            return new Place.Frame(fs, owner, Map.of());
        }
        throw new IllegalArgumentException("cannot lay out " + t);
    }

    /** The place of a global variable, state group or stack (its cells), or null. */
    Place global(String name) { return globals.get(name); }

    /** The frames in the slots of stack {@code name}. */
    List<Place.Frame> slots(String name) { return slots.get(name); }

    /**
     * The frame of the activation at {@code level} when it can only be on one of the stacks
     * {@code cands} (in stack order): selected at run time by the level's fstack/fslot.
     */
    Place.Frame frameAt(Control c, int level, List<Symbols.StackInfo> cands) {
        if (cands.size() == 1 && cands.get(0).slots() == 1) return slots.get(cands.get(0).name()).get(0);
        List<Place> all = new ArrayList<>();
        for (Symbols.StackInfo s : cands) all.addAll(slots.get(s.name()));
        Expr slot = new Expr.Read(c.fslot(level));
        Expr index = slot;
        if (cands.size() > 1) {
            Expr offset = null;
            int off = 0;
            Map<Symbols.StackInfo, Integer> offs = new HashMap<>();
            for (Symbols.StackInfo s : cands) {
                offs.put(s, off);
                off += s.slots();
            }
            for (int i = cands.size() - 1; i >= 0; i--) {
                Symbols.StackInfo s = cands.get(i);
                Expr o = new Expr.Const(offs.get(s));
                offset = offset == null ? o : new Expr.Cond(
                        new Expr.Binary(Expr.BinOp.EQ, new Expr.Read(c.fstack(level)), new Expr.Const(s.index())), o, offset);
            }
            index = new Expr.Binary(Expr.BinOp.ADD, slot, offset);
        }
        return (Place.Frame) Place.zip(all, index);
    }

    StateLayout build() { return b.build(); }

    /**
     * Where frames live, for traces, the HTML viewer and the layout engine: the frame
     * declaration, then every stack with its slots (field variables and owner tag) and cells.
     * Null when the model declares no frame.
     */
    Program.Memory memory() {
        if (syms.frame() == null) return null;
        Map<String, String> region = new HashMap<>();
        List<Program.Field> decl = new ArrayList<>();
        for (Symbols.FrameField f : syms.frame().fields()) {
            region.put(f.name(), f.region());
            decl.add(new Program.Field(f.name(), f.region(), -1, f.size() == null ? 0 : f.size(), f.align() == null ? 0 : f.align()));
        }
        List<Program.Stack> stacks = new ArrayList<>();
        for (Symbols.StackInfo s : syms.stacks().values()) {
            List<Program.Slot> ss = new ArrayList<>();
            for (Place.Frame f : slots.get(s.name())) ss.add(new Program.Slot(varOf(f.owner()), frameFields(f, region)));
            List<Program.Cell> cells = new ArrayList<>();
            Place.Rec rec = (Place.Rec) globals.get(s.name());
            for (Map.Entry<String, Place> c : rec.fields().entrySet()) {
                if (c.getValue() instanceof Place.Frame f) {
                    cells.add(new Program.Cell(c.getKey(), true, varOf(f.owner()), frameFields(f, region)));
                } else {
                    List<Program.Field> fs = new ArrayList<>();
                    scalars(c.getKey(), c.getValue(), fs);
                    cells.add(new Program.Cell(c.getKey(), false, -1, fs));
                }
            }
            stacks.add(new Program.Stack(s.name(), s.ist(), ss, cells));
        }
        return new Program.Memory(decl, stacks);
    }

    private static List<Program.Field> frameFields(Place.Frame f, Map<String, String> region) {
        List<Program.Field> out = new ArrayList<>();
        for (Map.Entry<String, Place> e : f.fields().entrySet()) {
            out.add(new Program.Field(e.getKey(), region.get(e.getKey()), varOf(e.getValue()), 0, 0));
        }
        return out;
    }

    private static void scalars(String name, Place p, List<Program.Field> out) {
        if (p instanceof Place.Scalar sc) {
            out.add(new Program.Field(name, "", sc.var(), 0, 0));
        } else if (p instanceof Place.Rec r) {
            for (Map.Entry<String, Place> e : r.fields().entrySet()) scalars(name + "." + e.getKey(), e.getValue(), out);
        } else if (p instanceof Place.Arr a) {
            for (int i = 0; i < a.elems().size(); i++) scalars(name + "[" + i + "]", a.elems().get(i), out);
        }
    }

    private static int varOf(Place p) {
        return p instanceof Place.Scalar sc ? sc.var() : -1;
    }
}
