package entrycheck.trace.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import entrycheck.trace.TraceDocument;
import entrycheck.trace.TraceJson;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlViewerTest {

    private static final String HTML = HtmlViewer.render(Fixtures.entryTrace());

    static String island(String html, String id) {
        String open = "<script type=\"application/json\" id=\"" + id + "\">";
        int start = html.indexOf(open);
        assertTrue(start >= 0, "no island " + id);
        start += open.length();
        int end = html.indexOf("</script>", start);
        return html.substring(start, end);
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    @Test
    void theFileIsSelfContained() {
        String lower = HTML.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http://"), "no http:// anywhere");
        assertFalse(lower.contains("https://"), "no https:// anywhere, not even from model text");
        assertTrue(HTML.contains("example.org/entry"), "the URL in the description is still there, with an escaped colon");
        for (String external : new String[] {"<link", "@import", "url(", "<iframe", "<img", "<object", "<embed", "src="}) {
            assertFalse(lower.replace("&lt;img src=x", "").replace("\\u003cimg src=x", "").contains(external), "no external resource: " + external);
        }
        assertEquals(3, count(lower, "<script"), "exactly the two data islands and the viewer script");
        assertTrue(HTML.startsWith("<!DOCTYPE html>"));
        assertTrue(HTML.contains("<style>") && HTML.contains("function onKey"), "CSS and JS are inline");
    }

    /** The page without its two JSON islands (where a quote is a JSON escape {@code \"}). */
    static String markup(String html) {
        return html.replace(island(html, "trace"), "").replace(island(html, "view"), "");
    }

    @Test
    void modelTextAppearsOnlyEscaped() {
        assertFalse(HTML.contains(Fixtures.HOSTILE_SCRIPT));
        assertFalse(HTML.contains("<img"));
        assertFalse(markup(HTML).contains("\"quoted"), "a quote from model text never reaches the markup raw");
        assertTrue(island(HTML, "trace").contains("\\\"quoted\\nnewline"));
        assertFalse(HTML.contains("<!--"));
        assertFalse(HTML.contains("<b>") || HTML.contains("<i>"), "tags in kernel source references are text");
        assertTrue(HTML.contains("<h1 class=\"model\">x86_64/test &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), HTML);
        assertTrue(HTML.contains("&quot;quoted\nnewline"));
        assertTrue(HTML.contains("&lt;/script&gt;&lt;!-- &lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-pwned&#39;"));
        assertTrue(HTML.contains("arch/x86/entry/entry_64.S:asm_exc_nmi &lt;b&gt;"));
        assertTrue(HTML.contains("https&#58;//example.org/entry"));
    }

    @Test
    void theTraceIslandIsTheTraceFileAndCannotBreakOut() throws Exception {
        String json = island(HTML, "trace");
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), "markup characters are JSON escapes");
        assertTrue(json.contains("\\u003c/script\\u003e\\u003c!--"));
        TraceDocument d = Fixtures.entryTrace();
        TraceDocument back = TraceJson.read(json);
        assertEquals(d.model(), back.model());
        assertEquals(d.message(), back.message());
        assertEquals(d.property(), back.property());
        assertEquals(d.memory(), back.memory());
        assertEquals(d.vars(), back.vars());
        assertEquals(d.steps().size(), back.steps().size());
        for (int i = 0; i < d.steps().size(); i++) {
            assertEquals(d.steps().get(i).action(), back.steps().get(i).action());
            assertArrayEquals(d.steps().get(i).values(), back.steps().get(i).values());
        }
        assertEquals(TraceJson.toJson(d), TraceJson.toJson(back), "the embedded trace is the trace file, byte for byte");
    }

    @Test
    void theViewIslandCarriesTheNesting() throws Exception {
        JsonNode view = new ObjectMapper().readTree(island(HTML, "view"));
        assertEquals(0, view.get("startStep").asInt(), "the viewer opens at step 0");
        JsonNode acts = view.get("activations");
        assertEquals(5, acts.size());
        assertEquals("L2 pf", acts.get(2).get("title").asText());
        assertEquals(1, acts.get(3).get("stack").asInt());
        assertEquals("[0,0,1,1,2,3,3,3,2,4,4]", view.get("stepActivation").toString());
        assertEquals("[0,1,2,3]", view.get("live").get(6).toString());
    }

    @Test
    void theStepListIsStaticWithIndentationAndTheViolationMarked() {
        Matcher m = Pattern.compile("<li role=\"option\" id=\"step-(\\d+)\" data-index=\"\\d+\" class=\"([^\"]*)\" aria-selected=\"false\" "
                + "style=\"--level:(\\d+)\">").matcher(HTML);
        StringBuilder levels = new StringBuilder();
        int rows = 0;
        String lastClass = "";
        while (m.find()) {
            assertEquals(rows, Integer.parseInt(m.group(1)));
            levels.append(m.group(3));
            lastClass = m.group(2);
            rows++;
        }
        assertEquals(11, rows);
        assertEquals("00112333233", levels.toString(), "rows are indented by the level of the entry they ran in");
        assertEquals("step kind-RETURN violation", lastClass);
        assertEquals(1, count(HTML, "<span class=\"vio-tag\">violation</span>"));
        assertTrue(HTML.contains("<span class=\"prop-name\">frame-intact</span>"));
        assertTrue(HTML.contains("<code class=\"const\">DEPTH = 3</code> <code class=\"const\">NMI_MAX = 2</code>"));
        assertTrue(HTML.contains("<body data-step=\"0\">"));
    }

    @Test
    void ruleModelsWithoutMemoryRenderTheStateOnly() throws Exception {
        String html = HtmlViewer.render(Fixtures.ruleTrace());
        assertFalse(html.toLowerCase(Locale.ROOT).contains("http"));
        TraceDocument back = TraceJson.read(island(html, "trace"));
        assertEquals(null, back.memory());
        assertEquals(2, back.loopStart());
        assertTrue(html.contains("lasso: the run loops back to step 2"));
        assertTrue(html.contains("inc(x) &quot;quoted\nnewline"));
        assertEquals(5, count(html, "<li role=\"option\""));
    }

    @Test
    void escapingHelpersHandleEveryMarkupCharacter() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlViewer.esc("<a href=\"x\">&'"));
        assertEquals("ftp&#58;//h and a:b", HtmlViewer.esc("ftp://h and a:b"));
        assertEquals("\"\\u003c/script\\u003e \\u0026 \\u2028 a\\u003a//b c: d\"",
                HtmlViewer.scriptJson("\"</script> & \u2028 a://b c: d\""));
    }
}
