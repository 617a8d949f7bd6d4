package entrycheck.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kconfig-style options of a model (docs/LANGUAGE.md section 3a): boolean {@code config}s and
 * {@code choice}s, their defaults, {@code depends on} and {@code select} constraints. Immutable.
 *
 * <p>A configuration gives every option y or n. It is <em>valid</em> when every {@link #constraints()
 * constraint} holds: an option that is y has its dependency met, what it selects is y, and exactly
 * one member of each choice is y. {@link #resolve} completes a partial assignment the way Kconfig
 * does (an unassigned option takes its default when its dependency is met, and y when something
 * selects it; a choice takes its default member) and reports the constraints it violates.
 */
public final class Options {

    /** The bool constant code reads for option {@code name}: {@code CONFIG_name}. */
    public static String constantName(String name) { return "CONFIG_" + name; }

    /** A Boolean formula over option names. */
    public sealed interface Formula {
        boolean eval(Map<String, Boolean> v);

        record Var(String name) implements Formula {
            public boolean eval(Map<String, Boolean> v) { return Boolean.TRUE.equals(v.get(name)); }
        }
        record Lit(boolean value) implements Formula {
            public boolean eval(Map<String, Boolean> v) { return value; }
        }
        record Not(Formula f) implements Formula {
            public boolean eval(Map<String, Boolean> v) { return !f.eval(v); }
        }
        record And(Formula a, Formula b) implements Formula {
            public boolean eval(Map<String, Boolean> v) { return a.eval(v) && b.eval(v); }
        }
        record Or(Formula a, Formula b) implements Formula {
            public boolean eval(Map<String, Boolean> v) { return a.eval(v) || b.eval(v); }
        }
        record Implies(Formula a, Formula b) implements Formula {
            public boolean eval(Map<String, Boolean> v) { return !a.eval(v) || b.eval(v); }
        }
        record Iff(Formula a, Formula b) implements Formula {
            public boolean eval(Map<String, Boolean> v) { return a.eval(v) == b.eval(v); }
        }
        /** Exactly one of the named options is y. */
        record ExactlyOne(List<String> names) implements Formula {
            public ExactlyOne { names = List.copyOf(names); }
            public boolean eval(Map<String, Boolean> v) {
                return names.stream().filter(n -> Boolean.TRUE.equals(v.get(n))).count() == 1;
            }
        }
    }

    /** One boolean option; {@code choice} is the name of its choice or null. */
    public record Option(String name, String prompt, String source, Formula depends, String dependsText, Formula dflt,
                         List<String> selects, String choice, Pos pos) {
        public Option { selects = List.copyOf(selects); }
    }

    public record Choice(String name, String prompt, String source, List<String> members, String dflt, Pos pos) {
        public Choice { members = List.copyOf(members); }
    }

    /** A rule every valid configuration satisfies, with its words ("PROVE_LOCKING depends on LOCKDEP (lib/Kconfig.debug)"). */
    public record Constraint(String text, Formula formula, Pos pos) { }

    /**
     * A factor of the covering problem: a bool option outside any choice (levels n, y) or a choice
     * (one level per member). {@code levels.get(i)} names level i; {@link #assignment} gives its option values.
     */
    public record Factor(String name, List<String> levels, boolean choice) {
        public Factor { levels = List.copyOf(levels); }

        /** The option values that level {@code i} stands for. */
        public Map<String, Boolean> assignment(int i) {
            Map<String, Boolean> m = new LinkedHashMap<>();
            if (!choice) m.put(name, i == 1);
            else for (int j = 0; j < levels.size(); j++) m.put(levels.get(j), i == j);
            return m;
        }

        /** The level of this factor in a full configuration. */
        public int levelOf(Map<String, Boolean> config) {
            if (!choice) return Boolean.TRUE.equals(config.get(name)) ? 1 : 0;
            for (int j = 0; j < levels.size(); j++) if (Boolean.TRUE.equals(config.get(levels.get(j)))) return j;
            return -1;
        }
    }

    public static final Options NONE = new Options(List.of(), List.of());

    private final List<Option> options;
    private final List<Choice> choices;
    private final Map<String, Option> byName = new LinkedHashMap<>();

    private Options(List<Option> options, List<Choice> choices) {
        this.options = List.copyOf(options);
        this.choices = List.copyOf(choices);
        for (Option o : this.options) byName.put(o.name(), o);
    }

    public List<Option> options() { return options; }

    public List<Choice> choices() { return choices; }

    public boolean isEmpty() { return options.isEmpty(); }

    public Option option(String name) { return byName.get(name); }

    /** The constraints of a valid configuration, in declaration order. */
    public List<Constraint> constraints() {
        List<Constraint> out = new ArrayList<>();
        for (Option o : options) {
            if (!(o.depends() instanceof Formula.Lit l && l.value())) {
                out.add(new Constraint(o.name() + " depends on " + o.dependsText() + where(o.source()),
                        new Formula.Implies(new Formula.Var(o.name()), o.depends()), o.pos()));
            }
            for (String s : o.selects()) {
                out.add(new Constraint(o.name() + " selects " + s + where(o.source()),
                        new Formula.Implies(new Formula.Var(o.name()), new Formula.Var(s)), o.pos()));
            }
        }
        for (Choice c : choices) {
            out.add(new Constraint("choice " + c.name() + ": exactly one of " + String.join(", ", c.members()) + " is y"
                    + where(c.source()), new Formula.ExactlyOne(c.members()), c.pos()));
        }
        return out;
    }

    private static String where(String source) { return source.isEmpty() ? "" : " (" + source + ")"; }

    /** The factors of the covering problem: choices where their first member is declared, other options in order. */
    public List<Factor> factors() {
        List<Factor> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Option o : options) {
            if (o.choice() == null) {
                out.add(new Factor(o.name(), List.of("n", "y"), false));
            } else if (done.add(o.choice())) {
                Choice c = choices.stream().filter(x -> x.name().equals(o.choice())).findFirst().orElseThrow();
                out.add(new Factor(c.name(), c.members(), true));
            }
        }
        return out;
    }

    /** The constraints that {@code config} (a full configuration) violates. */
    public List<Constraint> violated(Map<String, Boolean> config) {
        List<Constraint> out = new ArrayList<>();
        for (Constraint c : constraints()) if (!c.formula().eval(config)) out.add(c);
        return out;
    }

    /**
     * Parses {@code NAME=VALUE,NAME=VALUE...} (the {@code --config} syntax): NAME with or without
     * {@code CONFIG_}, VALUE {@code y}/{@code n} (also 1/0, true/false). Which names exist is
     * checked when the model loads.
     *
     * @throws IllegalArgumentException with a message naming the bad item
     */
    public static Map<String, Boolean> parseAssignment(String text) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (text.isBlank()) return out;
        for (String item : text.split(",", -1)) {
            String it = item.trim();
            int eq = it.indexOf('=');
            String name = eq < 0 ? it : it.substring(0, eq).trim();
            String value = eq < 0 ? "" : it.substring(eq + 1).trim();
            if (name.startsWith("CONFIG_")) name = name.substring(7);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("expected NAME=y or NAME=n, but was '" + it + "'");
            }
            Boolean v = switch (value) {
                case "y", "1", "true" -> true;
                case "n", "0", "false" -> false;
                default -> null;
            };
            if (v == null) throw new IllegalArgumentException("the value of " + name + " must be y or n, but was '" + value + "'");
            out.put(name, v);
        }
        return out;
    }

    /** The {@code -D} overrides ({@code CONFIG_NAME} = 1 or 0) that select {@code assignment}. */
    public static Map<String, Integer> overrides(Map<String, Boolean> assignment) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> e : assignment.entrySet()) out.put(constantName(e.getKey()), e.getValue() ? 1 : 0);
        return out;
    }

    /** {@code NAME=y,NAME=n,...} in declaration order. */
    public String describe(Map<String, Boolean> config) {
        StringBuilder sb = new StringBuilder();
        for (Option o : options) {
            if (!config.containsKey(o.name())) continue;
            if (sb.length() > 0) sb.append(',');
            sb.append(o.name()).append('=').append(config.get(o.name()) ? 'y' : 'n');
        }
        return sb.toString();
    }

    /** The default configuration (every option resolved from its default). */
    public Map<String, Boolean> defaults() {
        Diags d = new Diags();
        return resolve(Map.of(), d, null);
    }

    /**
     * Completes {@code assigned} (option name to value) to a full configuration and reports, as
     * errors at {@code pos} (or at the option when pos is null), each assignment to an unknown name
     * and each violated constraint.
     */
    public Map<String, Boolean> resolve(Map<String, Boolean> assigned, Diags diags, Pos pos) {
        Resolver r = new Resolver(assigned, diags, pos);
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Option o : options) out.put(o.name(), r.value(o.name()));
        for (Constraint c : violated(out)) {
            diags.error(pos != null ? pos : c.pos(), "the configuration " + describeAssigned(assigned)
                    + " violates: " + c.text());
        }
        return out;
    }

    /** {@code NAME=y,NAME=n} in the map's order (the {@code --config} syntax). */
    public static String describeAssignment(Map<String, Boolean> assigned) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Boolean> e : assigned.entrySet()) {
            if (sb.length() > 0) sb.append(',');
            sb.append(e.getKey()).append('=').append(e.getValue() ? 'y' : 'n');
        }
        return sb.toString();
    }

    private String describeAssigned(Map<String, Boolean> assigned) {
        if (assigned.isEmpty()) return "(the defaults)";
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Boolean> e : assigned.entrySet()) {
            if (sb.length() > 0) sb.append(',');
            sb.append(e.getKey()).append('=').append(e.getValue() ? 'y' : 'n');
        }
        return sb.toString();
    }

    private final class Resolver {
        private final Map<String, Boolean> assigned;
        private final Diags diags;
        private final Pos pos;
        private final Map<String, Boolean> done = new HashMap<>();
        private final Map<String, String> chosen = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();
        private final Map<String, List<String>> selectors = new HashMap<>();

        Resolver(Map<String, Boolean> assigned, Diags diags, Pos pos) {
            this.assigned = assigned;
            this.diags = diags;
            this.pos = pos;
            for (Option o : options) for (String s : o.selects()) selectors.computeIfAbsent(s, k -> new ArrayList<>()).add(o.name());
        }

        private final Map<String, Boolean> view = new java.util.AbstractMap<>() {
            @Override public Boolean get(Object k) { return value((String) k); }
            @Override public Set<Map.Entry<String, Boolean>> entrySet() { throw new UnsupportedOperationException(); }
        };

        boolean value(String name) {
            if (done.containsKey(name)) return done.get(name);
            Option o = byName.get(name);
            if (o == null) return false;
            if (!inProgress.add(name)) {
                diags.error(o.pos(), "option " + name + " depends on itself (through depends on, default or select)");
                done.put(name, false);
                return false;
            }
            boolean v;
            if (assigned.containsKey(name) && (o.choice() == null || assigned.get(name))) {
                v = assigned.get(name);
            } else if (o.choice() != null) {
                v = name.equals(choose(o.choice()));
            } else {
                boolean selected = false;
                for (String s : selectors.getOrDefault(name, List.of())) selected |= value(s);
                v = selected || (o.depends().eval(view) && o.dflt().eval(view));
            }
            inProgress.remove(name);
            done.put(name, v);
            return v;
        }

        private String choose(String choiceName) {
            if (chosen.containsKey(choiceName)) return chosen.get(choiceName);
            Choice c = choices.stream().filter(x -> x.name().equals(choiceName)).findFirst().orElseThrow();
            String pick = null;
            for (String m : c.members()) if (Boolean.TRUE.equals(assigned.get(m))) { pick = m; break; }
            if (pick == null) {
                List<String> order = new ArrayList<>();
                if (c.dflt() != null) order.add(c.dflt());
                order.addAll(c.members());
                for (String m : order) {
                    if (Boolean.FALSE.equals(assigned.get(m)) || !byName.containsKey(m)) continue;
                    chosen.put(choiceName, m);
                    if (byName.get(m).depends().eval(view)) { pick = m; break; }
                }
                if (pick == null) {
                    diags.error(pos != null ? pos : c.pos(), "choice " + c.name() + ": no member can be y in this configuration");
                }
            }
            chosen.put(choiceName, pick);
            return pick;
        }
    }

    // ---- building from declarations ----

    /** The options declared in {@code decls}; errors (duplicates, unknown names in expressions) go to {@code diags}. */
    static Options build(List<AstDecl> decls, Diags diags) {
        List<AstDecl.Config> configs = new ArrayList<>();
        Map<String, String> choiceOf = new HashMap<>();
        List<Choice> choices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (AstDecl d : decls) {
            if (d instanceof AstDecl.Config c) {
                if (!names.add(c.name())) diags.error(c.pos(), "option " + c.name() + " is declared twice");
                configs.add(c);
            } else if (d instanceof AstDecl.Choice ch) {
                if (!names.add(ch.name())) diags.error(ch.pos(), "'" + ch.name() + "' is declared twice");
                List<String> members = new ArrayList<>();
                for (AstDecl.Config c : ch.members()) {
                    if (!names.add(c.name())) diags.error(c.pos(), "option " + c.name() + " is declared twice");
                    configs.add(c);
                    members.add(c.name());
                    choiceOf.put(c.name(), ch.name());
                }
                if (ch.dflt() != null && !members.contains(ch.dflt())) {
                    diags.error(ch.dfltPos(), "the default of choice " + ch.name() + " must be one of its members ("
                            + String.join(", ", members) + ")");
                }
                choices.add(new Choice(ch.name(), ch.prompt(), ch.source(), members, ch.dflt(), ch.pos()));
            }
        }
        Set<String> optionNames = new HashSet<>();
        for (AstDecl.Config c : configs) optionNames.add(c.name());
        List<Option> out = new ArrayList<>();
        for (AstDecl.Config c : configs) {
            Formula dep = c.depends() == null ? new Formula.Lit(true) : formula(c.depends(), optionNames, diags);
            Formula dflt = c.dflt() == null ? new Formula.Lit(false) : formula(c.dflt(), optionNames, diags);
            for (int i = 0; i < c.selects().size(); i++) {
                String s = c.selects().get(i);
                if (!optionNames.contains(s)) diags.error(c.selectPos().get(i), "select of unknown option " + s + suggest(s, optionNames));
                else if (choiceOf.containsKey(s)) diags.error(c.selectPos().get(i), "an option cannot select " + s + ", a member of choice " + choiceOf.get(s));
            }
            String src = c.source();
            if (src.isEmpty() && choiceOf.containsKey(c.name())) {
                src = choices.stream().filter(x -> x.name().equals(choiceOf.get(c.name()))).findFirst().orElseThrow().source();
            }
            out.add(new Option(c.name(), c.prompt(), src, dep, c.depends() == null ? "" : AstPrinter.expr(c.depends()), dflt,
                    c.selects(), choiceOf.get(c.name()), c.pos()));
        }
        return new Options(out, choices);
    }

    private static String suggest(String n, Set<String> names) {
        String s = Suggest.closest(n, names);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** An option expression: option names (with or without CONFIG_), y, n, true, false, !, &&, ||, ->, ==, !=. */
    private static Formula formula(AstExpr e, Set<String> names, Diags diags) {
        if (e instanceof AstExpr.BoolLit b) return new Formula.Lit(b.value());
        if (e instanceof AstExpr.Name n) {
            String s = n.name();
            if (s.equals("y")) return new Formula.Lit(true);
            if (s.equals("n")) return new Formula.Lit(false);
            if (s.startsWith("CONFIG_") && names.contains(s.substring(7))) s = s.substring(7);
            if (!names.contains(s)) {
                diags.error(e.pos(), "unknown option " + s + suggest(s, names));
                return new Formula.Lit(false);
            }
            return new Formula.Var(s);
        }
        if (e instanceof AstExpr.Unary u && u.op() == AstExpr.UnOp.NOT) return new Formula.Not(formula(u.operand(), names, diags));
        if (e instanceof AstExpr.Binary b) {
            Formula l;
            Formula r;
            switch (b.op()) {
                case AND: l = formula(b.left(), names, diags); r = formula(b.right(), names, diags); return new Formula.And(l, r);
                case OR: l = formula(b.left(), names, diags); r = formula(b.right(), names, diags); return new Formula.Or(l, r);
                case IMPLIES: l = formula(b.left(), names, diags); r = formula(b.right(), names, diags); return new Formula.Implies(l, r);
                case EQ: l = formula(b.left(), names, diags); r = formula(b.right(), names, diags); return new Formula.Iff(l, r);
                case NE: l = formula(b.left(), names, diags); r = formula(b.right(), names, diags); return new Formula.Not(new Formula.Iff(l, r));
                default: break;
            }
        }
        diags.error(e.pos(), "an option expression is made of option names, y, n, !, &&, ||, ->, == and != (found '"
                + AstPrinter.expr(e) + "')");
        return new Formula.Lit(false);
    }
}
