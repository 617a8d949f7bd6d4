package entrycheck.trace.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a counterexample as ONE self-contained HTML file: inline CSS and JavaScript, no
 * network access, no external fonts, scripts or images, and no {@code http://} or
 * {@code https://} anywhere in the output (URLs in model text are written with an escaped
 * colon, which reads the same).
 *
 * <p>The page shows the model, its constants and the violated property; the steps indented by
 * nesting level; and for the selected step every stack with its frame slots split into
 * regions, owners, the slot of the running activation, the fields the step changed (CSS class
 * {@code changed}), the cells, and the other state variables. It opens at step 0; End jumps
 * to the violation. Keys: ArrowDown/j/n next, ArrowUp/k/p previous, Home, End; a click
 * selects a step. The URL hash {@code #step=N} opens at step N and {@code #keys=K1,K2,...}
 * replays key presses through the keyboard handler after loading (used by the browser test).
 *
 * <p>The trace is embedded verbatim in the trace file format (docs/TRACE-FORMAT.md) in
 * {@code <script type="application/json" id="trace">}, so the file also carries the trace;
 * the nesting the page draws is in {@code id="view"}. In both, {@code <}, {@code >} and
 * {@code &} are written as JSON escapes so model text cannot end the script element. The
 * script puts model text into the page only through {@code textContent}.
 */
public final class HtmlViewer {

    private static final JsonFactory FACTORY = new JsonFactory();

    private HtmlViewer() { }

    /** The complete HTML page for {@code d}. */
    public static String render(TraceDocument d) {
        Activations acts = Activations.of(d);
        StringBuilder h = new StringBuilder(64 * 1024);
        String prop = d.property().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"entrycheck\">\n")
                .append("<title>").append(esc(prop)).append(" violated \u2014 ").append(esc(d.model()))
                .append(" \u2014 entrycheck</title>\n<style>\n").append(resource("viewer.css")).append("</style>\n</head>\n");
        h.append("<body data-step=\"0\">\n");
        header(h, d);
        h.append("<main>\n<nav id=\"steps\" aria-label=\"Steps\">\n")
                .append("<div class=\"pane-title\">Steps <span class=\"hint\">\u2191/\u2193 j/k n/p Home End</span></div>\n")
                .append("<ol id=\"steplist\" role=\"listbox\" aria-label=\"Steps of the counterexample\" tabindex=\"0\">\n");
        int last = d.steps().size() - 1;
        for (TraceDocument.StepInfo s : d.steps()) stepRow(h, d, acts, s, s.index() == last);
        h.append("</ol>\n</nav>\n");
        h.append("<section id=\"detail\" aria-live=\"polite\">\n")
                .append("<noscript><p class=\"noscript\">The step details need JavaScript; the step list and the embedded ")
                .append("trace (script element <code>#trace</code>) are complete without it.</p></noscript>\n")
                .append("</section>\n</main>\n");
        h.append("<script type=\"application/json\" id=\"trace\">\n").append(scriptJson(TraceJson.toJson(d))).append("</script>\n");
        h.append("<script type=\"application/json\" id=\"view\">\n").append(scriptJson(viewJson(d, acts))).append("\n</script>\n");
        h.append("<script>\n").append(resource("viewer.js")).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, TraceDocument d) {
        TraceDocument.PropertyInfo p = d.property();
        h.append("<header>\n<div class=\"titlebar\"><span class=\"brand\">entrycheck counterexample</span>")
                .append("<h1 class=\"model\">").append(esc(d.model())).append("</h1></div>\n");
        h.append("<div class=\"verdict\" role=\"alert\">\n<div class=\"verdict-line\"><span class=\"violated\">violated</span> ")
                .append("<span class=\"prop-name\">").append(esc(p.name())).append("</span>")
                .append(" <span class=\"chip prop-kind\">").append(esc(p.kind().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</span>");
        if (!p.expect().isEmpty()) {
            h.append(" <span class=\"chip prop-expect\">expected: ").append(esc(p.expect().toLowerCase(Locale.ROOT))).append("</span>");
        }
        h.append("</div>\n");
        if (!p.description().isEmpty()) h.append("<p class=\"prop-desc\">").append(esc(p.description())).append("</p>\n");
        h.append("<p class=\"message\"><span class=\"label\">failed:</span> <code>").append(esc(d.message())).append("</code></p>\n");
        if (!p.source().isEmpty()) {
            h.append("<p class=\"prop-source\"><span class=\"label\">kernel source:</span> <code>").append(esc(p.source()))
                    .append("</code></p>\n");
        }
        h.append("</div>\n<div class=\"facts\">\n");
        if (!d.constants().isEmpty()) {
            h.append("<div class=\"constants\"><span class=\"label\">constants</span>");
            for (Map.Entry<String, Integer> c : new java.util.TreeMap<>(d.constants()).entrySet()) {
                h.append(" <code class=\"const\">").append(esc(c.getKey())).append(" = ").append(c.getValue()).append("</code>");
            }
            h.append("</div>\n");
        }
        int n = d.steps().size() - 1;
        h.append("<div class=\"meta\">").append(n).append(n == 1 ? " step" : " steps");
        if (d.loopStart() >= 0) h.append(" \u00b7 lasso: the run loops back to step ").append(d.loopStart());
        if (!d.sourceHash().isEmpty()) {
            String hash = d.sourceHash();
            h.append(" \u00b7 model source <code title=\"").append(esc(hash)).append("\">")
                    .append(esc(hash.length() > 12 ? hash.substring(0, 12) + "\u2026" : hash)).append("</code>");
        }
        h.append(" \u00b7 <button type=\"button\" id=\"goto-violation\" title=\"End\">go to the violation</button>");
        h.append("</div>\n</div>\n</header>\n");
    }

    private static void stepRow(StringBuilder h, TraceDocument d, Activations acts, TraceDocument.StepInfo s, boolean violation) {
        Activations.Activation a = acts.all().get(acts.activationOf(s.index()));
        int level = a.level();
        String kind = s.kind();
        h.append("<li role=\"option\" id=\"step-").append(s.index()).append("\" data-index=\"").append(s.index())
                .append("\" class=\"step kind-").append(cssIdent(kind)).append(violation ? " violation" : "")
                .append(d.loopStart() == s.index() ? " loop-start" : "")
                .append("\" aria-selected=\"false\" style=\"--level:").append(level).append("\">");
        h.append("<span class=\"idx\">").append(s.index()).append("</span><span class=\"gutter\" aria-hidden=\"true\">");
        for (int l = 1; l <= level; l++) h.append("<span class=\"bar lv").append(levelColour(l)).append("\"></span>");
        h.append("</span><span class=\"glyph\" aria-hidden=\"true\">").append(glyph(kind)).append("</span>");
        h.append("<span class=\"body\"><span class=\"line1\"><span class=\"action\">").append(esc(s.action())).append("</span>");
        String vec = kind.equals("INITIAL") ? "" : s.vector().isEmpty() && level > 0 ? a.vector() : s.vector();
        if (!vec.isEmpty()) {
            h.append(" <span class=\"vec lv").append(levelColour(level)).append("\">").append(esc(vec)).append("</span>");
        }
        if (violation) h.append(" <span class=\"vio-tag\">violation</span>");
        if (d.loopStart() == s.index()) h.append(" <span class=\"loop-tag\">loop starts</span>");
        h.append("</span>");
        if (!s.source().isEmpty()) h.append("<span class=\"src\">").append(esc(s.source())).append("</span>");
        h.append("</span></li>\n");
    }

    private static String glyph(String kind) {
        switch (kind) {
            case "DELIVER": return "\u21b3";
            case "RETURN": return "\u21b0";
            case "INITIAL": return "\u25cb";
            default: return "\u00b7";
        }
    }

    /** The colour class of a nesting level (1..6, cycling). */
    static int levelColour(int level) { return level == 0 ? 0 : (level - 1) % 6 + 1; }

    private static String cssIdent(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        return b.toString();
    }

    private static String viewJson(TraceDocument d, Activations acts) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("startStep", 0);
            g.writeArrayFieldStart("activations");
            for (Activations.Activation a : acts.all()) {
                g.writeStartObject();
                g.writeNumberField("id", a.id());
                g.writeNumberField("level", a.level());
                g.writeStringField("vector", a.vector());
                g.writeStringField("title", a.title());
                g.writeNumberField("parent", a.parent());
                g.writeNumberField("deliveredAt", a.deliveredAt());
                g.writeNumberField("endedAt", a.endedAt());
                g.writeNumberField("stack", a.stack());
                g.writeNumberField("slot", a.slot());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("stepActivation");
            for (int i = 0; i < d.steps().size(); i++) g.writeNumber(acts.activationOf(i));
            g.writeEndArray();
            g.writeArrayFieldStart("live");
            for (int i = 0; i < d.steps().size(); i++) {
                int[] live = acts.liveAfter(i);
                g.writeArray(live, 0, live.length);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return w.toString();
    }

    /**
     * JSON made safe inside a script element: {@code <}, {@code >} and {@code &} (which JSON only
     * allows inside strings) become the JSON escapes of their code points (backslash, u, 003c and
     * so on); the line separators U+2028/U+2029 are escaped too, and so is the colon of
     * {@code ://}, so no URL appears in the file. The result parses to the same value.
     */
    static String scriptJson(String json) {
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<': b.append("\\u003c"); break;
                case '>': b.append("\\u003e"); break;
                case '&': b.append("\\u0026"); break;
                case '\u2028': b.append("\\u2028"); break;
                case '\u2029': b.append("\\u2029"); break;
                case ':':
                    if (json.startsWith("//", i + 1)) b.append("\\u003a");
                    else b.append(c);
                    break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Text escaped for HTML element content and quoted attribute values. The colon of
     * {@code ://} is written as a character reference so that no URL appears in the file.
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                case ':':
                    if (s.startsWith("//", i + 1)) b.append("&#58;");
                    else b.append(c);
                    break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') b.append("\ufffd");
                    else b.append(c);
            }
        }
        return b.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlViewer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " of " + HtmlViewer.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }
}
