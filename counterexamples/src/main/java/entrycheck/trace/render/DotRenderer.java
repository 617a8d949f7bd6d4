package entrycheck.trace.render;

import entrycheck.ir.Program;
import entrycheck.trace.TraceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the nesting of entries over time as a Graphviz DOT graph ({@code dot -Tsvg}).
 *
 * <p>One node per activation (the task, then every delivered entry), listing the steps that ran
 * in it with their kernel source; nodes of the same nesting level share a rank, so the graph
 * reads top-down as "task -> irq -> nmi -> #PF inside nmi" and left to right in time (a second
 * nmi after the first returned sits next to it). A solid edge is a delivery, labelled with its
 * step; a dashed edge is the return that ended the entry. The violating (last) step is red and
 * bold in its node, and a red node "violation: PROPERTY" with the failure message hangs off it.
 * A gap in an activation's steps (it was interrupted) is shown as a row naming the steps in
 * between. All model text is escaped for DOT.
 */
public final class DotRenderer {

    private static final String[] LEVEL_COLOURS = {"#2f6fd6", "#8a3fc7", "#d9731a", "#138a7e", "#c23b7a", "#6a7d12"};

    private DotRenderer() { }

    /** The DOT text for {@code d}. */
    public static String render(TraceDocument d) {
        Activations acts = Activations.of(d);
        List<Activations.Activation> all = acts.all();
        int last = d.steps().size() - 1;
        List<List<Integer>> stepsOf = new ArrayList<>();
        for (int a = 0; a < all.size(); a++) stepsOf.add(new ArrayList<>());
        for (int i = 0; i < d.steps().size(); i++) stepsOf.get(acts.activationOf(i)).add(i);
        boolean entries = all.size() > 1 || d.memory() != null;

        StringBuilder g = new StringBuilder(16 * 1024);
        g.append("digraph entrycheck_trace {\n");
        g.append("  graph [rankdir=TB, ordering=out, nodesep=0.35, ranksep=0.55, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=")
                .append(quote(d.model() + ": " + d.property().name() + " violated")).append("];\n");
        g.append("  node [shape=plain, fontname=\"Helvetica\", fontsize=10];\n");
        g.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");

        // Lane headers: one per nesting level, chained invisibly so levels stack top-down.
        int maxLevel = 0;
        for (Activations.Activation a : all) maxLevel = Math.max(maxLevel, a.level());
        if (entries) {
            for (int l = 0; l <= maxLevel; l++) {
                g.append("  lane").append(l).append(" [shape=plaintext, fontsize=11, fontcolor=\"").append(colour(l))
                        .append("\", label=").append(quote(l == 0 ? "level 0 (task)" : "level " + l)).append("];\n");
            }
            for (int l = 0; l < maxLevel; l++) {
                g.append("  lane").append(l).append(" -> lane").append(l + 1).append(" [style=invis];\n");
            }
        }
        for (Activations.Activation a : all) node(g, d, a, stepsOf.get(a.id()), last, entries);

        // Same rank per level.
        Map<Integer, List<Integer>> byLevel = new TreeMap<>();
        for (Activations.Activation a : all) byLevel.computeIfAbsent(a.level(), k -> new ArrayList<>()).add(a.id());
        for (Map.Entry<Integer, List<Integer>> e : byLevel.entrySet()) {
            g.append("  { rank=same;");
            if (entries) g.append(" lane").append(e.getKey()).append(';');
            for (int id : e.getValue()) g.append(" a").append(id).append(';');
            g.append(" }\n");
        }

        // Deliveries (in time order) and returns.
        for (Activations.Activation a : all) {
            if (a.parent() < 0) continue;
            TraceDocument.StepInfo s = d.steps().get(a.deliveredAt());
            boolean delivered = s.kind().equals("DELIVER");
            String label = delivered ? "step " + s.index() + ": deliver " + a.vector() : "step " + s.index() + " (no delivery step)";
            g.append("  a").append(a.parent()).append(" -> a").append(a.id()).append(" [label=").append(quote(label))
                    .append(", color=\"").append(colour(a.level())).append("\", fontcolor=\"").append(colour(a.level())).append('"')
                    .append(delivered ? "" : ", style=dotted").append("];\n");
        }
        for (Activations.Activation a : all) {
            if (a.parent() < 0 || a.endedAt() < 0) continue;
            TraceDocument.StepInfo s = d.steps().get(a.endedAt());
            g.append("  a").append(a.id()).append(" -> a").append(a.parent()).append(" [label=")
                    .append(quote("step " + s.index() + ": " + s.action())).append(", style=dashed, constraint=false, arrowhead=empty];\n");
        }

        // The violation.
        TraceDocument.PropertyInfo p = d.property();
        StringBuilder vl = new StringBuilder();
        vl.append("<<TABLE BORDER=\"2\" COLOR=\"red\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\" BGCOLOR=\"#fdecea\">")
                .append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"red\" POINT-SIZE=\"12\"><B>violation: ").append(html(p.name()))
                .append("</B></FONT></TD></TR>");
        if (!p.description().isEmpty()) vl.append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">").append(html(p.description())).append("</TD></TR>");
        vl.append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"#b3261e\" FACE=\"Courier\">").append(html(d.message())).append("</FONT></TD></TR>");
        if (!p.source().isEmpty()) {
            vl.append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"#555555\" FACE=\"Courier\">").append(html(p.source())).append("</FONT></TD></TR>");
        }
        vl.append("</TABLE>>");
        g.append("  violation [label=").append(vl).append("];\n");
        g.append("  a").append(acts.activationOf(last)).append(" -> violation [color=red, penwidth=2, fontcolor=red, label=")
                .append(quote("step " + last)).append("];\n");
        if (d.loopStart() >= 0 && d.loopStart() <= last) {
            g.append("  a").append(acts.activationOf(last)).append(" -> a").append(acts.activationOf(d.loopStart()))
                    .append(" [label=").append(quote("loops back to step " + d.loopStart()))
                    .append(", style=bold, color=\"#1f5fbf\", fontcolor=\"#1f5fbf\", constraint=false];\n");
        }
        g.append("}\n");
        return g.toString();
    }

    private static void node(StringBuilder g, TraceDocument d, Activations.Activation a, List<Integer> steps, int last, boolean entries) {
        boolean violating = steps.contains(last);
        String c = colour(a.level());
        StringBuilder t = new StringBuilder();
        t.append("<<TABLE BORDER=\"").append(violating ? 3 : 1).append("\" COLOR=\"").append(violating ? "red" : c)
                .append("\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" BGCOLOR=\"white\">");
        String title = !entries ? "run" : a.level() == 0 ? "task" : "L" + a.level() + " " + (a.vector().isEmpty() ? "?" : a.vector());
        t.append("<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\" BGCOLOR=\"").append(c).append("\"><FONT COLOR=\"white\" POINT-SIZE=\"11\"><B>")
                .append(html(title)).append("</B>");
        String where = slotName(d.memory(), a);
        if (!where.isEmpty()) t.append("  frame ").append(html(where));
        if (a.level() > 0) {
            t.append(a.endedAt() >= 0 ? "  (steps " + a.deliveredAt() + "\u2013" + a.endedAt() + ")" : "  (from step " + a.deliveredAt() + ")");
        }
        t.append("</FONT></TD></TR>");
        int prev = -1;
        for (int i : steps) {
            if (prev >= 0 && i > prev + 1) {
                t.append("<TR><TD></TD><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"#888888\"><I>\u22ee interrupted: steps ")
                        .append(prev + 1).append(i - 1 > prev + 1 ? "\u2013" + (i - 1) : "").append("</I></FONT></TD></TR>");
            }
            TraceDocument.StepInfo s = d.steps().get(i);
            boolean bad = i == last;
            boolean loop = i == d.loopStart();
            String colour = bad ? "red" : "black";
            t.append("<TR><TD ALIGN=\"RIGHT\"><FONT COLOR=\"").append(bad ? "red" : "#888888").append("\" FACE=\"Courier\">")
                    .append(i).append("</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"").append(colour).append("\" FACE=\"Courier\">");
            String action = html(s.action());
            boolean strong = bad || s.kind().equals("DELIVER") || s.kind().equals("RETURN");
            t.append(strong ? "<B>" + action + "</B>" : action);
            if (bad) t.append("  <B>\u2190 violation: ").append(html(d.property().name())).append("</B>");
            if (loop) t.append("  (loop starts)");
            t.append("</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
            if (!s.source().isEmpty()) {
                t.append("<FONT COLOR=\"#777777\" POINT-SIZE=\"9\" FACE=\"Courier\">").append(html(s.source())).append("</FONT>");
            }
            t.append("</TD></TR>");
            prev = i;
        }
        if (steps.isEmpty()) t.append("<TR><TD COLSPAN=\"3\"><I>no steps</I></TD></TR>");
        t.append("</TABLE>>");
        g.append("  a").append(a.id()).append(" [label=").append(t).append("];\n");
    }

    private static String slotName(Program.Memory m, Activations.Activation a) {
        if (m == null || a.stack() < 0) return "";
        return m.stacks().get(a.stack()).name() + "[" + a.slot() + "]";
    }

    private static String colour(int level) {
        return level == 0 ? "#555555" : LEVEL_COLOURS[(level - 1) % LEVEL_COLOURS.length];
    }

    /** The most characters of one piece of model text in a label (Graphviz rejects HTML labels past 16384). */
    static final int MAX_TEXT = 200;

    /** {@code s} cut after {@link #MAX_TEXT} characters, with a note of how many more there are. */
    static String clip(String s) {
        if (s.length() <= MAX_TEXT) return s;
        int cut = Character.isHighSurrogate(s.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return s.substring(0, cut) + "...[" + (s.length() - cut) + " more characters]";
    }

    /**
     * A DOT double-quoted string: backslashes and quotes escaped, line breaks as {@code \n},
     * other control characters dropped.
     */
    static String quote(String s) {
        s = clip(s);
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c < 0x20 || c == 0x7f) b.append(' ');
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /**
     * Text for a DOT HTML-like label: markup characters as entities, line breaks as
     * {@code <BR/>}, other control characters dropped.
     */
    static String html(String s) {
        s = clip(s);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\n': b.append("<BR ALIGN=\"LEFT\"/>"); break;
                default:
                    if (c < 0x20 || c == 0x7f) b.append(' ');
                    else b.append(c);
            }
        }
        return b.toString();
    }
}
