package entrycheck.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-typed models in the plain rule form (LANGUAGE.md section 10), as source text, so
 * that a differential test also exercises the frontend (lexer, parser, checker, rule compiler)
 * on the way to the IR. A model has a constant, int range variables (negative bounds too),
 * bools, an array indexed by the constant, an enum; 1 to 5 rules, some with a parameter, with
 * guards and bodies of assignments (to array elements too), if/else and asserts; sometimes an
 * invariant property and an end condition. Expressions use every operator, ?:, indexing by
 * run-time values, and quantifiers, so run-time domain errors (range, index, division by zero)
 * occur. Only constant expressions that the checker would reject at compile time are avoided:
 * an assigned value or a divisor always reads a variable.
 */
public final class RandomRuleModels {
    private final Random rnd;
    private final StringBuilder out = new StringBuilder();
    private final List<String> ints = new ArrayList<>();
    private final List<int[]> intRanges = new ArrayList<>();
    private final List<String> bools = new ArrayList<>();
    private int k;
    private int arrayHi;
    private boolean asserts;
    private String param; // the rule parameter in scope, or null

    private RandomRuleModels(long seed) { this.rnd = new Random(seed); }

    /** The text of model number {@code seed} (deterministic). */
    public static String model(long seed) { return new RandomRuleModels(seed).generate(seed); }

    private int between(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }

    private boolean chance(int percent) { return rnd.nextInt(100) < percent; }

    private String generate(long seed) {
        k = between(2, 3);
        arrayHi = between(1, 3);
        out.append("// random rule model, seed ").append(seed).append('\n');
        out.append("model random/m").append(seed).append(";\n");
        out.append("const K = ").append(k).append(";\n");
        out.append("type color = enum { RED, GREEN, BLUE };\n");
        int nInts = between(1, 3);
        for (int i = 0; i < nInts; i++) {
            int lo = between(-2, 1), hi = lo + between(1, 3);
            String name = "x" + i;
            ints.add(name);
            intRanges.add(new int[] {lo, hi});
            out.append("var ").append(name).append(": ").append(lo).append("..").append(hi).append(" = ").append(between(lo, hi)).append(";\n");
        }
        int nBools = between(0, 2);
        for (int i = 0; i < nBools; i++) {
            bools.add("b" + i);
            out.append("var b").append(i).append(": bool = ").append(between(0, 1)).append(";\n");
        }
        out.append("var a: array [K] of 0..").append(arrayHi).append(" = 0;\n");
        out.append("var c: color = RED;\n");
        int nRules = between(1, 5);
        StringBuilder rules = new StringBuilder();
        for (int r = 0; r < nRules; r++) {
            param = chance(40) ? "i" : null;
            rules.append("rule r").append(r);
            if (param != null) rules.append("(i: 0..K-1)");
            rules.append(' ').append(chance(30) ? "true" : bool(chance(50) ? 0 : 1)).append(" ==> {\n");
            int n = between(1, 3);
            for (int s = 0; s < n; s++) statement(rules, "  ", 1);
            rules.append("}\n");
            param = null;
        }
        out.append(rules);
        if (asserts) out.append("property ok \"the asserts\" = assertion;\n");
        if (chance(40)) out.append("property inv = invariant ").append(bool(2)).append(";\n");
        if (chance(40)) out.append("end when ").append(bool(1)).append(";\n");
        return out.toString();
    }

    private void statement(StringBuilder sb, String ind, int depth) {
        int kind = between(0, 19);
        int v = between(0, ints.size() - 1);
        String x = ints.get(v);
        int[] r = intRanges.get(v);
        if (kind <= 5) { // the benign majority: count up and wrap around
            sb.append(ind).append(x).append(" = ").append(x).append(" < ").append(r[1]).append(" ? ").append(x).append(" + 1 : ")
                    .append(r[0]).append(";\n");
        } else if (kind == 6) { // any value, kept in the range unless it fails to evaluate
            String e = assigned(v);
            sb.append(ind).append(x).append(" = ").append(e).append(" >= ").append(r[0]).append(" && ").append(e).append(" <= ")
                    .append(r[1]).append(" ? ").append(e).append(" : ").append(r[0]).append(";\n");
        } else if (kind == 7) { // anything: may leave the range
            sb.append(ind).append(x).append(" = ").append(assigned(v)).append(";\n");
        } else if (kind <= 9 && !bools.isEmpty()) {
            sb.append(ind).append(pick(bools)).append(" = ").append(bool(1)).append(";\n");
        } else if (kind <= 11) {
            String idx = param != null && chance(70) ? param : Integer.toString(between(0, k - 1));
            String el = "a[" + idx + "]";
            sb.append(ind).append(el).append(" = ").append(el).append(" < ").append(arrayHi).append(" ? ").append(el).append(" + 1 : 0;\n");
        } else if (kind == 12) {
            String idx = param != null && chance(50) ? param : intExpr(1, true);
            sb.append(ind).append("a[").append(idx).append("] = ").append(readsVar(intExpr(1, false))).append(";\n");
        } else if (kind == 13) {
            sb.append(ind).append("c = ").append(pick(List.of("RED", "GREEN", "BLUE"))).append(";\n");
        } else if (kind <= 16 && depth > 0) {
            sb.append(ind).append("if (").append(bool(1)).append(") {\n");
            statement(sb, ind + "  ", depth - 1);
            sb.append(ind).append('}');
            if (chance(50)) {
                sb.append(" else {\n");
                statement(sb, ind + "  ", depth - 1);
                sb.append(ind).append('}');
            }
            sb.append('\n');
        } else if (kind <= 18) {
            asserts = true;
            sb.append(ind).append("assert ").append(bool(1)).append(" as ok;\n");
        } else {
            sb.append(ind).append(x).append(" = ").append(x).append(" > ").append(r[0]).append(" ? ").append(x).append(" - 1 : ")
                    .append(r[1]).append(";\n");
        }
    }

    /** A value for int variable {@code v}: reads a variable, so it is never a constant the checker rejects. */
    private String assigned(int v) {
        return readsVar(intExpr(2, false));
    }

    private String readsVar(String e) {
        return e.contains("x") || e.contains("a[") ? e : "(" + pick(ints) + " + " + e + ")";
    }

    private <T> T pick(List<T> xs) { return xs.get(rnd.nextInt(xs.size())); }

    /** An int expression. @param index an array index (mostly in range) */
    private String intExpr(int depth, boolean index) {
        if (index) {
            int kind = between(0, 3);
            if (kind == 0) return Integer.toString(between(0, k - 1));
            if (kind == 1) return pick(ints);
            if (kind == 2 && param != null) return param;
            return "(" + pick(ints) + " + " + between(-1, 1) + ")";
        }
        if (depth == 0) {
            int kind = between(0, 3);
            if (kind == 0) return Integer.toString(between(-2, 3));
            if (kind == 1 && param != null) return param;
            return pick(ints);
        }
        switch (between(0, 9)) {
            case 0: return Integer.toString(between(-2, 3));
            case 1: return "a[" + intExpr(0, true) + "]";
            case 2: return "(" + intExpr(depth - 1, false) + " + " + intExpr(depth - 1, false) + ")";
            case 3: return "(" + intExpr(depth - 1, false) + " - " + intExpr(depth - 1, false) + ")";
            case 4: return "(" + intExpr(depth - 1, false) + " * " + intExpr(depth - 1, false) + ")";
            case 5: return "(" + intExpr(depth - 1, false) + (chance(50) ? " / " : " % ") + "(" + pick(ints) + " + " + between(-1, 2) + "))";
            case 6: return "(" + bool(depth - 1) + " ? " + intExpr(depth - 1, false) + " : " + intExpr(depth - 1, false) + ")";
            case 7: return "-" + pick(ints);
            default: return pick(ints);
        }
    }

    private String bool(int depth) {
        if (depth == 0) {
            int kind = between(0, 3);
            if (kind == 0 && !bools.isEmpty()) return pick(bools);
            if (kind == 1) return "c == " + pick(List.of("RED", "GREEN", "BLUE"));
            return pick(ints) + " " + pick(List.of("<", "<=", ">", ">=", "==", "!=")) + " " + between(-1, 2);
        }
        switch (between(0, 9)) {
            case 0: case 1: return intExpr(depth, false) + " " + pick(List.of("<", "<=", ">", ">=", "==", "!=")) + " " + intExpr(depth - 1, false);
            case 2: return "(" + bool(depth - 1) + " && " + bool(depth - 1) + ")";
            case 3: return "(" + bool(depth - 1) + " || " + bool(depth - 1) + ")";
            case 4: return "(" + bool(depth - 1) + " -> " + bool(depth - 1) + ")";
            case 5: return "!" + "(" + bool(depth - 1) + ")";
            case 6: return "(forall j: 0..K-1 : a[j] " + pick(List.of("<", "<=", "!=")) + " " + between(0, arrayHi) + ")";
            case 7: return "(exists j: 0..K-1 : a[j] == " + pick(ints) + ")";
            case 8: return bools.isEmpty() ? "true" : pick(bools);
            default: return bool(0);
        }
    }
}
