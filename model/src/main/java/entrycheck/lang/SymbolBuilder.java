package entrycheck.lang;

import entrycheck.ir.Type;
import entrycheck.lang.AstType.FieldDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Symbols} of a merged model: namespaces, constants (with -D overrides),
 * types, state, frame, stacks, vectors and procedure signatures. Bodies are checked later by
 * {@link BodyChecker}.
 */
final class SymbolBuilder {
    private static final Set<String> REGIONS = Set.of("hw", "saved", "zeroed", "uninit", "arch");

    private final List<AstDecl> decls;
    private final Map<String, Integer> overrides;
    private final Diags diags;
    private final Pos modelPos;
    private final Symbols syms = new Symbols();
    private final Map<String, Pos> values = new HashMap<>();
    private final Map<String, AstDecl.TypeDef> typeDefs = new LinkedHashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private ConstEval consts;

    SymbolBuilder(List<AstDecl> decls, Map<String, Integer> overrides, Diags diags, Pos modelPos) {
        this.decls = decls;
        this.overrides = overrides;
        this.diags = diags;
        this.modelPos = modelPos;
    }

    ConstEval constEval() { return consts; }

    /**
     * Resolves the options under the {@code CONFIG_*} overrides and declares each option's
     * constant {@code CONFIG_NAME} with its value; returns the other overrides.
     */
    private Map<String, Integer> options(Map<String, AstDecl.Const> constDecls) {
        Options opts = Options.build(decls, diags);
        Map<String, Integer> rest = new LinkedHashMap<>();
        Map<String, Boolean> assigned = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> o : overrides.entrySet()) {
            String k = o.getKey();
            if (k.startsWith("CONFIG_") && opts.option(k.substring(7)) != null) {
                if (o.getValue() != 0 && o.getValue() != 1) {
                    diags.error(modelPos, "option " + k.substring(7) + "=" + o.getValue() + ": an option is y or n (1 or 0)");
                }
                assigned.put(k.substring(7), o.getValue() != 0);
            } else {
                rest.put(k, o.getValue());
            }
        }
        syms.options = opts;
        if (opts.isEmpty()) return rest;
        Map<String, Boolean> values = opts.resolve(assigned, diags, assigned.isEmpty() ? null : modelPos);
        syms.configuration = java.util.Collections.unmodifiableMap(values);
        for (Options.Option o : opts.options()) {
            String c = Options.constantName(o.name());
            value(c, o.pos(), "option");
            constDecls.put(c, new AstDecl.Const(o.pos(), c, new AstExpr.BoolLit(o.pos(), values.get(o.name()))));
        }
        return rest;
    }

    Symbols build() {
        Map<String, AstDecl.Const> constDecls = new LinkedHashMap<>();
        for (AstDecl d : decls) {
            if (d instanceof AstDecl.TypeDef) {
                AstDecl.TypeDef t = (AstDecl.TypeDef) d;
                typeDefs.put(t.name(), t);
                if (t.type() instanceof AstType.EnumType) enumType(t.name(), (AstType.EnumType) t.type());
            } else if (d instanceof AstDecl.Const) {
                AstDecl.Const c = (AstDecl.Const) d;
                value(c.name(), c.pos(), "constant");
                constDecls.put(c.name(), c);
            } else if (d instanceof AstDecl.Var) {
                value(((AstDecl.Var) d).name(), d.pos(), "variable");
            } else if (d instanceof AstDecl.State) {
                value(((AstDecl.State) d).name(), d.pos(), "state group");
            } else if (d instanceof AstDecl.Stack) {
                value(((AstDecl.Stack) d).name(), d.pos(), "stack");
            }
        }
        Map<String, Integer> rest = options(constDecls);
        consts = new ConstEval(constDecls, rest, syms, diags);
        for (Map.Entry<String, Integer> o : rest.entrySet()) {
            if (!constDecls.containsKey(o.getKey()) && o.getKey().startsWith("CONFIG_")) {
                String n = o.getKey().substring(7);
                Set<String> names = new HashSet<>();
                for (Options.Option opt : syms.options.options()) names.add(opt.name());
                String s = Suggest.closest(n, names);
                diags.error(modelPos, "option " + n + "=" + (o.getValue() != 0 ? "y" : "n") + ": the model has no option " + n
                        + (names.isEmpty() ? " (it declares none)" : s == null ? " (it has: " + String.join(", ", new java.util.TreeSet<>(names)) + ")"
                        : " (did you mean '" + s + "'?)"));
            } else if (!constDecls.containsKey(o.getKey())) {
                String s = Suggest.closest(o.getKey(), constDecls.keySet());
                diags.error(modelPos, "-D " + o.getKey() + "=" + o.getValue() + ": unknown constant '" + o.getKey() + "'"
                        + (s == null ? "" : " (did you mean '" + s + "'?)"));
            } else if (isBoolExpr(constDecls.get(o.getKey()).value()) && o.getValue() != 0 && o.getValue() != 1) {
                diags.error(modelPos, "-D " + o.getKey() + "=" + o.getValue() + ": constant '" + o.getKey() + "' is a bool (0 or 1)");
            }
        }
        for (AstDecl.Const c : constDecls.values()) {
            Integer v = consts.constant(c.name());
            syms.constants.put(c.name(), v == null ? 0 : v);
            syms.constIsBool.put(c.name(), isBoolExpr(c.value()));
        }
        for (AstDecl d : decls) if (d instanceof AstDecl.Frame) frame((AstDecl.Frame) d);
        for (AstDecl.TypeDef t : typeDefs.values()) typeDef(t.name());
        for (AstDecl d : decls) if (!(d instanceof AstDecl.Frame)) declare(d);
        if (syms.start != null && !syms.procs.containsKey(syms.start)) {
            AstDecl.Start st = (AstDecl.Start) decls.stream().filter(x -> x instanceof AstDecl.Start).findFirst().get();
            diags.error(st.procPos(), "unknown procedure '" + syms.start + "'" + suggest(syms.start, syms.procs.keySet()));
        }
        checkHardwareAndVectors();
        return syms;
    }

    private static String suggest(String n, Set<String> cands) {
        String s = Suggest.closest(n, cands);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    private static boolean isBoolExpr(AstExpr e) {
        if (e instanceof AstExpr.BoolLit) return true;
        if (e instanceof AstExpr.Unary) return ((AstExpr.Unary) e).op() == AstExpr.UnOp.NOT;
        if (e instanceof AstExpr.Binary) {
            AstExpr.BinOp op = ((AstExpr.Binary) e).op();
            return op.precedence <= 7;
        }
        return false;
    }

    private void value(String name, Pos pos, String what) {
        Pos old = values.putIfAbsent(name, pos);
        if (old != null) diags.error(pos, "'" + name + "' is already declared at " + old + " (constants, variables, "
                + "state groups, stacks and enum constants share one namespace)");
    }

    private void enumType(String name, AstType.EnumType e) {
        Type.Enum t = new Type.Enum(name, e.values());
        for (int i = 0; i < e.values().size(); i++) {
            String v = e.values().get(i);
            if (syms.enumConsts.containsKey(v)) {
                diags.error(e.valuePos().get(i), "duplicate enum constant '" + v + "' (enum constants are global names)");
                continue;
            }
            value(v, e.valuePos().get(i), "enum constant");
            syms.enumConsts.put(v, new Symbols.EnumConst(t, i));
        }
        syms.types.put(name, new LType.EnumT(t));
    }

    private LType typeDef(String name) {
        if (syms.types.containsKey(name)) return syms.types.get(name);
        AstDecl.TypeDef t = typeDefs.get(name);
        if (!resolving.add(name)) {
            diags.error(t.pos(), "type '" + name + "' is defined in terms of itself");
            return null;
        }
        LType r = type(t.type(), name, false);
        resolving.remove(name);
        if (r != null) syms.types.put(name, r);
        return r;
    }

    /** Resolves a type expression; {@code recordName} names a record declared by a type definition. */
    LType type(AstType t, String recordName, boolean frameAllowed) {
        if (t instanceof AstType.BoolType) return LType.BOOL;
        if (t instanceof AstType.RangeType) {
            AstType.RangeType r = (AstType.RangeType) t;
            Integer lo = consts.eval(r.lo(), Map.of());
            Integer hi = consts.eval(r.hi(), Map.of());
            if (lo == null || hi == null) return null;
            if (hi < lo) {
                diags.error(t.pos(), "empty range " + lo + ".." + hi);
                return null;
            }
            if (Limits.values(lo, hi) > Limits.MAX_RANGE) {
                diags.error(t.pos(), "range " + lo + ".." + hi + " has more than " + Limits.MAX_RANGE + " values");
                return null;
            }
            return new LType.IntT(lo, hi);
        }
        if (t instanceof AstType.NamedType) {
            String n = ((AstType.NamedType) t).name();
            if (typeDefs.containsKey(n)) return typeDef(n);
            if (n.equals("ret")) return LType.RET;
            if (syms.frame != null && syms.frame.name().equals(n)) {
                if (frameAllowed) return new LType.FrameT(n);
                diags.error(t.pos(), "the frame type '" + n + "' can only be the type of a stack cell");
                return null;
            }
            Set<String> cands = new HashSet<>(typeDefs.keySet());
            cands.add("bool");
            cands.add("ret");
            diags.error(t.pos(), "unknown type '" + n + "'" + suggest(n, cands));
            return null;
        }
        if (t instanceof AstType.EnumType) {
            diags.error(t.pos(), "declare enums with 'type NAME = enum { ... };' and use the name");
            return null;
        }
        if (t instanceof AstType.RecordType) {
            List<LType.Member> ms = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (FieldDecl f : ((AstType.RecordType) t).fields()) {
                if (!seen.add(f.name())) diags.error(f.pos(), "duplicate field '" + f.name() + "'");
                LType ft = type(f.type(), null, false);
                if (ft == null) return null;
                ms.add(new LType.Member(f.name(), ft));
            }
            return new LType.RecordT(recordName == null ? "record" : recordName, ms);
        }
        AstType.ArrayType a = (AstType.ArrayType) t;
        LType elem = type(a.elem(), null, false);
        if (a.size() instanceof AstExpr.Name && typeDefs.containsKey(((AstExpr.Name) a.size()).name())) {
            LType it = typeDef(((AstExpr.Name) a.size()).name());
            if (it instanceof LType.EnumT) {
                Type.Enum en = ((LType.EnumT) it).type();
                return elem == null ? null : new LType.ArrayT(en.values().size(), elem, en);
            }
            if (it instanceof LType.IntT && ((LType.IntT) it).lo() == 0) {
                long size = Limits.values(0, ((LType.IntT) it).hi());
                if (size > Limits.MAX_ARRAY) {
                    diags.error(a.size().pos(), "an array has at most " + Limits.MAX_ARRAY + " elements, found " + size);
                    return null;
                }
                return elem == null ? null : new LType.ArrayT((int) size, elem, null);
            }
            diags.error(a.size().pos(), "an array is indexed by 0..N-1 (size N) or by an enum type");
            return null;
        }
        Integer n = consts.eval(a.size(), Map.of());
        if (n == null || elem == null) return null;
        if (n < 1) {
            diags.error(a.size().pos(), "array size must be at least 1, found " + n);
            return null;
        }
        if (n > Limits.MAX_ARRAY) {
            diags.error(a.size().pos(), "an array has at most " + Limits.MAX_ARRAY + " elements, found " + n);
            return null;
        }
        return new LType.ArrayT(n, elem, null);
    }

    /** Checks an initial value against a type: the value for every scalar inside it, or null. */
    Integer init(LType t, AstExpr init, String what) {
        if (init == null || t == null) return null;
        LType leaf = t;
        while (leaf instanceof LType.ArrayT) leaf = ((LType.ArrayT) leaf).elem();
        if (!LType.isScalar(leaf)) {
            diags.error(init.pos(), "an initial value is only allowed for scalars and arrays of scalars ('" + what + "' is " + t + ")");
            return null;
        }
        if (leaf instanceof LType.EnumT) {
            Type.Enum en = ((LType.EnumT) leaf).type();
            if (init instanceof AstExpr.Name && syms.enumConsts.containsKey(((AstExpr.Name) init).name())) {
                Symbols.EnumConst c = syms.enumConsts.get(((AstExpr.Name) init).name());
                if (c.type().equals(en)) return c.ordinal();
                diags.error(init.pos(), "type mismatch: '" + what + "' is " + en.name() + ", found " + c.type().name()
                        + " constant '" + ((AstExpr.Name) init).name() + "'");
                return null;
            }
            diags.error(init.pos(), "initial value of '" + what + "' must be a constant of " + en.name() + " ("
                    + String.join(", ", en.values()) + ")");
            return null;
        }
        if (leaf instanceof LType.RetT) {
            if (init instanceof AstExpr.Keyword && ((AstExpr.Keyword) init).kw() == AstExpr.Kw.INTERRUPTED) return 0;
            diags.error(init.pos(), "a 'ret' variable can only start at 'interrupted'");
            return null;
        }
        Integer v = consts.eval(init, Map.of());
        if (v == null) return null;
        if (leaf instanceof LType.BoolT) {
            if (v != 0 && v != 1) {
                diags.error(init.pos(), "type mismatch: '" + what + "' is bool, found " + v);
                return null;
            }
            return v;
        }
        LType.IntT r = (LType.IntT) leaf;
        if (isBoolExpr(init)) {
            diags.error(init.pos(), "type mismatch: '" + what + "' is " + r + ", found bool");
            return null;
        }
        if (v < r.lo() || v > r.hi()) {
            diags.error(init.pos(), "initial value " + v + " of '" + what + "' is not in " + r);
            return null;
        }
        return v;
    }

    private Symbols.VarInfo field(FieldDecl f, String qualified, boolean ghost, boolean frameAllowed) {
        LType t = type(f.type(), null, frameAllowed);
        if (t instanceof LType.FrameT && f.init() != null) {
            diags.error(f.init().pos(), "a frame cell has no initial value");
        }
        Integer v = t instanceof LType.FrameT ? null : init(t, f.init(), qualified);
        return new Symbols.VarInfo(f.name(), t == null ? LType.BOOL : t, v, ghost, f.pos());
    }

    private void declare(AstDecl d) {
        if (d instanceof AstDecl.Var) {
            AstDecl.Var v = (AstDecl.Var) d;
            LType t = type(v.type(), null, false);
            syms.vars.put(v.name(), new Symbols.VarInfo(v.name(), t == null ? LType.BOOL : t, init(t, v.init(), v.name()),
                    v.ghost(), v.pos()));
            syms.stateOrder.add(v.name());
        } else if (d instanceof AstDecl.State) {
            AstDecl.State s = (AstDecl.State) d;
            Map<String, Symbols.VarInfo> fields = new LinkedHashMap<>();
            for (FieldDecl f : s.fields()) {
                if (fields.containsKey(f.name())) {
                    diags.error(f.pos(), "duplicate field '" + s.name() + "." + f.name() + "'");
                    continue;
                }
                fields.put(f.name(), field(f, s.name() + "." + f.name(), false, false));
            }
            syms.groups.put(s.name(), fields);
            syms.stateOrder.add(s.name());
        } else if (d instanceof AstDecl.Stack) {
            stack((AstDecl.Stack) d);
        } else if (d instanceof AstDecl.Nesting) {
            Integer n = consts.eval(((AstDecl.Nesting) d).bound(), Map.of());
            if (n != null && n < 0) diags.error(d.pos(), "the nesting bound must be at least 0, found " + n);
            else if (n != null && n > 16) diags.error(d.pos(), "the nesting bound must be at most 16, found " + n);
            else if (n != null) syms.nesting = n;
        } else if (d instanceof AstDecl.Hardware) {
            syms.hardware = (AstDecl.Hardware) d;
        } else if (d instanceof AstDecl.Vector) {
            AstDecl.Vector v = (AstDecl.Vector) d;
            int max = -1;
            if (v.max() != null) {
                Integer m = consts.eval(v.max(), Map.of());
                if (m != null && m < 1) diags.error(v.max().pos(), "'max' must be at least 1, found " + m);
                else if (m != null) max = m;
            }
            syms.vectors.put(v.name(), new Symbols.VectorInfo(v, max, syms.vectors.size() + 1));
        } else if (d instanceof AstDecl.Proc) {
            proc((AstDecl.Proc) d);
        } else if (d instanceof AstDecl.Start) {
            syms.start = ((AstDecl.Start) d).proc();
        } else if (d instanceof AstDecl.Property) {
            AstDecl.Property p = (AstDecl.Property) d;
            if (Set.of("domain", "no-deadlock", "assert").contains(p.name())) {
                diags.error(p.pos(), "'" + p.name() + "' is a built-in property");
            }
            syms.properties.put(p.name(), p);
        } else if (d instanceof AstDecl.Rule) {
            rule((AstDecl.Rule) d);
        } else if (d instanceof AstDecl.End) {
            syms.endWhen = ((AstDecl.End) d).when();
        } else if (d instanceof AstDecl.Expect) {
            AstDecl.Expect e = (AstDecl.Expect) d;
            // expect ... if COND: under a configuration where COND is false the property has no
            // expectation line (it is expected to hold)
            Integer on = e.when() == null ? Integer.valueOf(1) : consts.eval(e.when(), Map.of());
            if (on != null && on != 0) syms.expects.put(e.property(), e.kind());
        }
    }

    private void frame(AstDecl.Frame f) {
        List<Symbols.FrameField> fields = new ArrayList<>();
        Set<String> regions = new HashSet<>();
        syms.frame = new Symbols.FrameInfo(f.name(), fields, f.pos());
        for (AstDecl.Region r : f.regions()) {
            if (!REGIONS.contains(r.kind())) {
                diags.error(r.pos(), "unknown region '" + r.kind() + "' (regions are hw, saved, zeroed, uninit, arch)"
                        + suggest(r.kind(), REGIONS));
                continue;
            }
            if (!regions.add(r.kind())) diags.error(r.pos(), "duplicate region '" + r.kind() + "'");
            for (FieldDecl fd : r.fields()) {
                if (syms.frame.field(fd.name()) != null) {
                    diags.error(fd.pos(), "duplicate frame field '" + fd.name() + "'");
                    continue;
                }
                if (REGIONS.contains(fd.name()) || fd.name().equals("owner")) {
                    diags.error(fd.pos(), "'" + fd.name() + "' cannot be the name of a frame field");
                    continue;
                }
                LType t = type(fd.type(), null, false);
                if (t != null && !LType.isScalar(t)) {
                    diags.error(fd.type().pos(), "frame fields are scalars (bool, ranges, enums, ret), found " + t);
                    t = null;
                }
                Integer size = fd.size() == null ? null : positive(fd.size(), "size");
                Integer align = fd.align() == null ? null : positive(fd.align(), "align");
                fields.add(new Symbols.FrameField(fd.name(), r.kind(), t == null ? LType.BOOL : t, size, align, fd.pos()));
            }
        }
        Symbols.FrameField rip = syms.frame.field("rip");
        if (rip != null && !(rip.type() instanceof LType.RetT)) {
            diags.error(rip.pos(), "frame field 'rip' must have type 'ret'");
        }
    }

    private Integer positive(AstExpr e, String what) {
        Integer v = consts.eval(e, Map.of());
        if (v != null && v < 1) {
            diags.error(e.pos(), "'" + what + "' must be at least 1 byte, found " + v);
            return null;
        }
        return v;
    }

    private void stack(AstDecl.Stack s) {
        int slots = 1;
        if (s.slots() != null) {
            Integer n = consts.eval(s.slots(), Map.of());
            if (n != null && n < 1) diags.error(s.slots().pos(), "a stack has at least 1 slot, found " + n);
            else if (n != null && n > Limits.MAX_SLOTS) {
                diags.error(s.slots().pos(), "a stack has at most " + Limits.MAX_SLOTS + " slots, found " + n);
            } else if (n != null) slots = n;
        }
        if (syms.frame == null) diags.error(s.pos(), "stack '" + s.name() + "' needs a frame type (frame NAME { ... })");
        Map<String, Symbols.VarInfo> cells = new LinkedHashMap<>();
        for (FieldDecl f : s.cells()) {
            if (cells.containsKey(f.name())) {
                diags.error(f.pos(), "duplicate cell '" + s.name() + "." + f.name() + "'");
                continue;
            }
            cells.put(f.name(), field(f, s.name() + "." + f.name(), false, true));
        }
        syms.stacks.put(s.name(), new Symbols.StackInfo(s.name(), s.ist(), slots, cells, syms.stacks.size(), s.pos()));
        syms.stateOrder.add(s.name());
    }

    private void proc(AstDecl.Proc p) {
        List<Symbols.ParamInfo> params = new ArrayList<>();
        Map<String, LType> locals = new LinkedHashMap<>();
        Map<String, Pos> names = new HashMap<>();
        for (AstDecl.Param pa : p.params()) {
            LType t = type(pa.type(), null, false);
            if (names.putIfAbsent(pa.name(), pa.pos()) != null) diags.error(pa.pos(), "duplicate parameter '" + pa.name() + "'");
            params.add(new Symbols.ParamInfo(pa.name(), t == null ? LType.BOOL : t, pa.ref(), pa.pos()));
            if (!pa.ref()) locals.put(pa.name(), t == null ? LType.BOOL : t);
        }
        LType result = p.result() == null ? null : type(p.result(), null, false);
        List<String> labels = new ArrayList<>();
        collectLocals(p.body(), locals, names, labels, new HashMap<>());
        syms.procs.put(p.name(), new Symbols.ProcInfo(p, params, result, locals, labels));
    }

    private void collectLocals(AstStmt s, Map<String, LType> locals, Map<String, Pos> names, List<String> labels,
                               Map<String, Pos> labelPos) {
        if (s instanceof AstStmt.LocalVar) {
            AstStmt.LocalVar v = (AstStmt.LocalVar) s;
            Pos old = names.putIfAbsent(v.name(), v.pos());
            if (old != null) {
                diags.error(v.pos(), "duplicate local '" + v.name() + "' (first declared at " + old
                        + "; locals and parameters of a procedure have distinct names)");
                return;
            }
            LType t = type(v.type(), null, false);
            locals.put(v.name(), t == null ? LType.BOOL : t);
            return;
        }
        if (s instanceof AstStmt.Labeled) {
            AstStmt.Labeled l = (AstStmt.Labeled) s;
            Pos old = labelPos.putIfAbsent(l.label(), l.pos());
            if (old != null) diags.error(l.pos(), "duplicate label '" + l.label() + "' (first at " + old + ")");
            else labels.add(l.label());
            collectLocals(l.body(), locals, names, labels, labelPos);
        } else if (s instanceof AstStmt.Sourced) {
            collectLocals(((AstStmt.Sourced) s).body(), locals, names, labels, labelPos);
        } else if (s instanceof AstStmt.Block) {
            for (AstStmt x : ((AstStmt.Block) s).stmts()) collectLocals(x, locals, names, labels, labelPos);
        } else if (s instanceof AstStmt.If) {
            collectLocals(((AstStmt.If) s).then(), locals, names, labels, labelPos);
            if (((AstStmt.If) s).otherwise() != null) collectLocals(((AstStmt.If) s).otherwise(), locals, names, labels, labelPos);
        } else if (s instanceof AstStmt.While) {
            collectLocals(((AstStmt.While) s).body(), locals, names, labels, labelPos);
        } else if (s instanceof AstStmt.Choose) {
            for (AstStmt x : ((AstStmt.Choose) s).branches()) collectLocals(x, locals, names, labels, labelPos);
        } else if (s instanceof AstStmt.Atomic) {
            collectLocals(((AstStmt.Atomic) s).body(), locals, names, labels, labelPos);
        } else if (s instanceof AstStmt.Instrumentable) {
            collectLocals(((AstStmt.Instrumentable) s).body(), locals, names, labels, labelPos);
        }
    }

    private void rule(AstDecl.Rule r) {
        List<Symbols.RuleParamInfo> ps = new ArrayList<>();
        long expansion = 1;
        for (AstDecl.RuleParam p : r.params()) {
            int lo;
            int hi;
            if (p.hi() == null) {
                LType t = p.lo() instanceof AstExpr.Name && typeDefs.containsKey(((AstExpr.Name) p.lo()).name())
                        ? typeDef(((AstExpr.Name) p.lo()).name()) : null;
                if (t instanceof LType.IntT) {
                    lo = ((LType.IntT) t).lo();
                    hi = ((LType.IntT) t).hi();
                } else if (t instanceof LType.EnumT) {
                    lo = 0;
                    hi = ((LType.EnumT) t).type().values().size() - 1;
                } else {
                    diags.error(p.lo().pos(), "a rule parameter ranges over lo..hi or a range or enum type");
                    continue;
                }
            } else {
                Integer l = consts.eval(p.lo(), Map.of());
                Integer h = consts.eval(p.hi(), Map.of());
                if (l == null || h == null) continue;
                if (h < l) {
                    diags.error(p.pos(), "empty range " + l + ".." + h);
                    continue;
                }
                lo = l;
                hi = h;
            }
            ps.add(new Symbols.RuleParamInfo(p.name(), lo, hi));
            expansion = Limits.saturatedTimes(expansion, Limits.values(lo, hi));
        }
        if (expansion > Limits.MAX_EXPANSION) {
            diags.error(r.pos(), "rule '" + r.name() + "' has more than " + Limits.MAX_EXPANSION
                    + " instances (the values of its parameters together)");
        }
        syms.rules.add(new Symbols.RuleInfo(r, ps));
    }

    private void checkHardwareAndVectors() {
        AstDecl.Hardware hw = syms.hardware;
        if (hw != null && hw.taskStack() != null) {
            Symbols.StackInfo s = syms.stacks.get(hw.taskStack());
            if (s == null) diags.error(hw.taskStackPos(), "unknown stack '" + hw.taskStack() + "'" + suggest(hw.taskStack(), syms.stacks.keySet()));
            else if (s.ist()) diags.error(hw.taskStackPos(), "the task stack cannot be an IST stack");
        }
        for (Symbols.VectorInfo vi : syms.vectors.values()) {
            AstDecl.Vector v = vi.decl();
            if (v.when() != null && v.kind() == AstDecl.VectorKind.SYNC) {
                diags.error(v.when().pos(), "'when' needs 'async' or 'sync anywhere' (a plain sync vector is raised by code)");
            }
            if (v.ist() != null) {
                Symbols.StackInfo s = syms.stacks.get(v.ist());
                if (s == null) diags.error(v.istPos(), "unknown stack '" + v.ist() + "'" + suggest(v.ist(), syms.stacks.keySet()));
                else if (!s.ist()) diags.error(v.istPos(), "stack '" + v.ist() + "' is not an IST stack (declare it 'stack " + v.ist() + " ist ...')");
            }
            boolean needsTask = !syms.stacks.isEmpty() && (v.ist() == null || v.userOnTask());
            if (needsTask && (hw == null || hw.taskStack() == null)) {
                diags.error(v.pos(), "vector '" + v.name() + "' lands on the task stack: declare it in hardware { task_stack STACK; }");
            }
            if (v.ist() == null && v.userOnTask()) diags.error(v.pos(), "'user_on_task' only applies to 'lands on ist'");
            Symbols.ProcInfo p = syms.procs.get(v.enters());
            if (p == null) {
                diags.error(v.entersPos(), "unknown procedure '" + v.enters() + "'" + suggest(v.enters(), syms.procs.keySet()));
            } else if (!p.params().isEmpty()) {
                diags.error(v.entersPos(), "entry procedure '" + v.enters() + "' cannot take parameters");
            }
        }
        if (!syms.vectors.isEmpty() && syms.nesting < 0 && decls.stream().noneMatch(d -> d instanceof AstDecl.Nesting)) {
            AstDecl.Vector v = syms.vectors.values().iterator().next().decl();
            diags.error(v.pos(), "a model with vectors needs a nesting bound ('nesting N;')");
        }
        if (syms.start != null && syms.procs.containsKey(syms.start) && !syms.procs.get(syms.start).params().isEmpty()) {
            diags.error(syms.procs.get(syms.start).decl().pos(), "the start procedure cannot take parameters");
        }
    }
}
