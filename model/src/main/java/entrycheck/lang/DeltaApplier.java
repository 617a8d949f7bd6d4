package entrycheck.lang;

import entrycheck.lang.AstStmt.Block;
import entrycheck.lang.AstType.FieldDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a file's declarations to the declarations of its base (LANGUAGE.md section 2).
 * The root file of an {@code extends} chain is applied to an empty base, with the same
 * duplicate checks. The result keeps the base's order; new declarations are appended and
 * replaced ones keep their place. Pure: neither input is modified.
 */
public final class DeltaApplier {
    private final Diags diags;
    private final LinkedHashMap<String, AstDecl> decls = new LinkedHashMap<>();

    private DeltaApplier(List<AstDecl> base, Diags diags) {
        this.diags = diags;
        for (AstDecl d : base) decls.put(key(d), d);
    }

    /**
     * @param base  the merged declarations of the base model (empty for a root file)
     * @param file  the file to apply
     * @param delta whether the file extends a base (replace/remove/step edits allowed)
     * @return the merged declarations; errors are added to {@code diags}
     */
    public static List<AstDecl> apply(List<AstDecl> base, ModelFile file, boolean delta, Diags diags) {
        DeltaApplier a = new DeltaApplier(base, diags);
        for (AstDecl d : file.decls()) a.applyOne(d, delta, file.source().file());
        return new ArrayList<>(a.decls.values());
    }

    /** The identity of a declaration: its kind and name (singletons by kind only). */
    static String key(AstDecl d) {
        if (d instanceof AstDecl.Const) return "const " + ((AstDecl.Const) d).name();
        if (d instanceof AstDecl.TypeDef) return "type " + ((AstDecl.TypeDef) d).name();
        if (d instanceof AstDecl.Var) return "var " + ((AstDecl.Var) d).name();
        if (d instanceof AstDecl.State) return "state " + ((AstDecl.State) d).name();
        if (d instanceof AstDecl.Frame) return "frame";
        if (d instanceof AstDecl.Stack) return "stack " + ((AstDecl.Stack) d).name();
        if (d instanceof AstDecl.Nesting) return "nesting";
        if (d instanceof AstDecl.Hardware) return "hardware";
        if (d instanceof AstDecl.Vector) return "vector " + ((AstDecl.Vector) d).name();
        if (d instanceof AstDecl.Start) return "start";
        if (d instanceof AstDecl.Proc) return "proc " + ((AstDecl.Proc) d).name();
        if (d instanceof AstDecl.Property) return "property " + ((AstDecl.Property) d).name();
        if (d instanceof AstDecl.End) return "end";
        if (d instanceof AstDecl.Expect) return "expect " + ((AstDecl.Expect) d).property();
        if (d instanceof AstDecl.Rule) return "rule " + ((AstDecl.Rule) d).name();
        if (d instanceof AstDecl.Config) return "config " + ((AstDecl.Config) d).name();
        if (d instanceof AstDecl.Choice) return "choice " + ((AstDecl.Choice) d).name();
        throw new IllegalArgumentException("no key for " + d);
    }

    private static String describe(String key) {
        int sp = key.indexOf(' ');
        return sp < 0 ? "'" + key + "'" : key.substring(0, sp) + " '" + key.substring(sp + 1) + "'";
    }

    private void applyOne(AstDecl d, boolean delta, String file) {
        if (d instanceof AstDecl.Import) {
            diags.error(d.pos(), "'import' is resolved by the model loader (ModelLoader), not by the delta");
            return;
        }
        if (d instanceof AstDecl.Replace) {
            AstDecl inner = ((AstDecl.Replace) d).decl();
            String k = key(inner);
            if (!delta) diags.error(d.pos(), "'replace' needs a base model (model NAME extends BASE;)");
            else if (!decls.containsKey(k)) diags.error(inner.pos(), "replace of unknown " + describe(k) + suggestion(k));
            else if (inner instanceof AstDecl.Frame && !((AstDecl.Frame) inner).name().equals(((AstDecl.Frame) decls.get(k)).name())) {
                diags.error(inner.pos(), "replace of unknown frame '" + ((AstDecl.Frame) inner).name() + "' (the frame is '"
                        + ((AstDecl.Frame) decls.get(k)).name() + "')");
            } else decls.put(k, inner);
            return;
        }
        if (d instanceof AstDecl.Remove) {
            AstDecl.Remove r = (AstDecl.Remove) d;
            String k = r.kind() + " " + r.name();
            if (!delta) diags.error(d.pos(), "'remove' needs a base model (model NAME extends BASE;)");
            else if (decls.remove(k) == null) diags.error(r.namePos(), "remove of unknown " + describe(k) + suggestion(k));
            else if (r.kind().equals("property")) decls.remove("expect " + r.name());
            return;
        }
        if (d instanceof AstDecl.StepEdit) {
            if (!delta) diags.error(d.pos(), "step edits need a base model (model NAME extends BASE;)");
            else stepEdit((AstDecl.StepEdit) d);
            return;
        }
        String k = key(d);
        AstDecl old = decls.get(k);
        if (old == null || d instanceof AstDecl.Expect) {
            decls.put(k, d);
        } else if (d instanceof AstDecl.State) {
            decls.put(k, mergeState((AstDecl.State) old, (AstDecl.State) d));
        } else if (d instanceof AstDecl.Frame) {
            decls.put(k, mergeFrame((AstDecl.Frame) old, (AstDecl.Frame) d));
        } else {
            boolean library = old.pos().file().startsWith(ModelLoader.LIBRARY_ROOT);
            String where = old.pos().file().equals(file) ? "" : library ? " in an imported library" : " in the base model";
            diags.error(d.pos(), "duplicate declaration of " + describe(k) + " (first declared" + where + " at "
                    + old.pos() + ")" + (where.isEmpty() || !delta ? "" : "; use 'replace' to redefine it"));
        }
    }

    private String suggestion(String key) {
        int sp = key.indexOf(' ');
        String kind = sp < 0 ? key : key.substring(0, sp + 1);
        List<String> names = new ArrayList<>();
        for (String k : decls.keySet()) if (k.startsWith(kind)) names.add(k.substring(kind.length()));
        String s = Suggest.closest(sp < 0 ? key : key.substring(sp + 1), names);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    private AstDecl.State mergeState(AstDecl.State base, AstDecl.State add) {
        List<FieldDecl> fields = new ArrayList<>(base.fields());
        for (FieldDecl f : add.fields()) {
            FieldDecl dup = fields.stream().filter(x -> x.name().equals(f.name())).findFirst().orElse(null);
            if (dup != null) diags.error(f.pos(), "duplicate field '" + base.name() + "." + f.name() + "' (first declared at " + dup.pos() + ")");
            else fields.add(f);
        }
        return new AstDecl.State(base.pos(), base.name(), fields);
    }

    private AstDecl.Frame mergeFrame(AstDecl.Frame base, AstDecl.Frame add) {
        if (!base.name().equals(add.name())) {
            diags.error(add.pos(), "a model has at most one frame type (frame '" + base.name() + "' declared at " + base.pos() + ")");
            return base;
        }
        Map<String, AstDecl.Region> regions = new LinkedHashMap<>();
        for (AstDecl.Region r : base.regions()) regions.put(r.kind(), r);
        for (AstDecl.Region r : add.regions()) {
            AstDecl.Region old = regions.get(r.kind());
            if (old == null) {
                regions.put(r.kind(), r);
                continue;
            }
            List<FieldDecl> fields = new ArrayList<>(old.fields());
            fields.addAll(r.fields());
            regions.put(r.kind(), new AstDecl.Region(old.pos(), old.kind(), fields));
        }
        return new AstDecl.Frame(base.pos(), base.name(), new ArrayList<>(regions.values()));
    }

    private void stepEdit(AstDecl.StepEdit e) {
        String k = "proc " + e.proc();
        AstDecl d = decls.get(k);
        if (d == null) {
            diags.error(e.targetPos(), "unknown procedure '" + e.proc() + "'" + suggestion(k));
            return;
        }
        AstDecl.Proc p = (AstDecl.Proc) d;
        int[] count = {0};
        AstStmt body = edit(p.body(), e, count);
        if (count[0] == 0) {
            List<String> labels = new ArrayList<>();
            Labels.collect(p.body(), labels);
            String s = Suggest.closest(e.label(), labels);
            diags.error(e.targetPos(), "no step labelled '" + e.label() + "' in procedure '" + e.proc() + "'"
                    + (s == null ? "" : " (did you mean '" + e.proc() + "." + s + "'?)"));
            return;
        }
        decls.put(k, new AstDecl.Proc(p.pos(), p.name(), p.params(), p.result(), p.source(), (Block) body));
    }

    private static AstStmt edit(AstStmt s, AstDecl.StepEdit e, int[] count) {
        if (s instanceof AstStmt.Labeled && ((AstStmt.Labeled) s).label().equals(e.label())) {
            count[0]++;
            AstStmt.Labeled l = (AstStmt.Labeled) s;
            List<AstStmt> stmts = new ArrayList<>();
            switch (e.op()) {
                case REPLACE:
                    return new AstStmt.Labeled(l.pos(), l.label(), e.stmts());
                case REMOVE:
                    return new AstStmt.Labeled(l.pos(), l.label(), new Block(l.pos(), List.of()));
                case INSERT_BEFORE:
                    stmts.addAll(e.stmts().stmts());
                    stmts.add(s);
                    return new Block(e.stmts().pos(), stmts);
                default:
                    stmts.add(s);
                    stmts.addAll(e.stmts().stmts());
                    return new Block(l.pos(), stmts);
            }
        }
        if (s instanceof AstStmt.Labeled) {
            AstStmt.Labeled l = (AstStmt.Labeled) s;
            return new AstStmt.Labeled(l.pos(), l.label(), edit(l.body(), e, count));
        }
        if (s instanceof AstStmt.Sourced) {
            AstStmt.Sourced x = (AstStmt.Sourced) s;
            return new AstStmt.Sourced(x.pos(), x.source(), edit(x.body(), e, count));
        }
        if (s instanceof Block) return editBlock((Block) s, e, count);
        if (s instanceof AstStmt.If) {
            AstStmt.If i = (AstStmt.If) s;
            return new AstStmt.If(i.pos(), i.cond(), edit(i.then(), e, count),
                    i.otherwise() == null ? null : edit(i.otherwise(), e, count));
        }
        if (s instanceof AstStmt.While) {
            AstStmt.While w = (AstStmt.While) s;
            return new AstStmt.While(w.pos(), w.cond(), edit(w.body(), e, count));
        }
        if (s instanceof AstStmt.Choose) {
            AstStmt.Choose c = (AstStmt.Choose) s;
            List<Block> bs = new ArrayList<>();
            for (Block b : c.branches()) bs.add(editBlock(b, e, count));
            return new AstStmt.Choose(c.pos(), bs);
        }
        if (s instanceof AstStmt.Atomic) {
            AstStmt.Atomic a = (AstStmt.Atomic) s;
            return new AstStmt.Atomic(a.pos(), editBlock(a.body(), e, count));
        }
        if (s instanceof AstStmt.Instrumentable) {
            AstStmt.Instrumentable a = (AstStmt.Instrumentable) s;
            return new AstStmt.Instrumentable(a.pos(), editBlock(a.body(), e, count));
        }
        return s;
    }

    private static Block editBlock(Block b, AstDecl.StepEdit e, int[] count) {
        List<AstStmt> out = new ArrayList<>();
        for (AstStmt s : b.stmts()) out.add(edit(s, e, count));
        return new Block(b.pos(), out);
    }
}
