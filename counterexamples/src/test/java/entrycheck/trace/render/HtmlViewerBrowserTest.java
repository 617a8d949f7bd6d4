package entrycheck.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the viewer in headless Chromium and reads the DOM after the script ran. Key presses
 * are replayed from the URL hash ({@code #keys=...}) through the page's keyboard handler.
 * Skipped when /usr/bin/chromium is not installed (Debian package {@code chromium}).
 */
@Tag("browser")
class HtmlViewerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;
    private static Path page;

    @BeforeAll
    static void writePage() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        page = dir.resolve("viewer.html");
        Files.writeString(page, HtmlViewer.render(Fixtures.entryTrace()));
    }

    /** A headless Chromium dumping the DOM after loading the page with {@code hash}. */
    private record Run(Process process, Path out, Path err) {
        static Run start(String hash) throws IOException {
            Path out = Files.createTempFile(dir, "dom", ".html");
            Path err = Files.createTempFile(dir, "chromium", ".log");
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--run-all-compositor-stages-before-draw",
                    "--virtual-time-budget=1000", "--dump-dom", page.toUri() + hash));
            return new Run(new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        }

        /** The DOM as Chromium serialises it after the script ran. */
        String dom() throws IOException, InterruptedException {
            if (!process.waitFor(25, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("chromium did not finish in 25 s; log:\n" + readQuietly(err));
            }
            assertEquals(0, process.exitValue(), () -> "chromium failed:\n" + readQuietly(err));
            String dom = Files.readString(out);
            assertTrue(dom.contains("</html>"), () -> "no DOM dumped:\n" + readQuietly(err));
            return dom;
        }
    }

    private static String dumpDom(String hash) throws IOException, InterruptedException {
        return Run.start(hash).dom();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The indices of the rows that are selected (aria-selected="true"), with their classes. */
    private static List<String> selectedRows(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<li [^>]*aria-selected=\"true\"[^>]*>").matcher(dom);
        while (m.find()) {
            String tag = m.group();
            Matcher idx = Pattern.compile("data-index=\"(\\d+)\"").matcher(tag);
            Matcher cls = Pattern.compile("class=\"([^\"]*)\"").matcher(tag);
            assertTrue(idx.find() && cls.find(), tag);
            out.add(idx.group(1) + ":" + cls.group(1));
        }
        return out;
    }

    private static int bodyStep(String dom) {
        Matcher m = Pattern.compile("<body[^>]* data-step=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "body has data-step");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void twoArrowDownsSelectStepTwoAndHighlightTheFieldsItChanged() throws Exception {
        String dom = dumpDom("#keys=ArrowDown,ArrowDown");
        assertEquals(2, bodyStep(dom));
        List<String> sel = selectedRows(dom);
        assertEquals(1, sel.size(), "exactly one selected row: " + sel);
        assertTrue(sel.get(0).startsWith("2:") && sel.get(0).contains("selected"), sel.get(0));
        // step 2 delivers irq into task[0]: its hw field IF changed from false to true
        assertTrue(Pattern.compile("<span class=\"field changed\"[^>]*><span class=\"fname\">IF</span><span class=\"fval\">true</span>")
                .matcher(dom).find(), "the changed frame field is highlighted");
        assertTrue(dom.contains("<div class=\"slot current\">"), "the slot the delivered irq uses is highlighted");
        assertTrue(dom.contains("\u25c0 L1 irq: delivered here"));
        assertTrue(dom.contains("<tr class=\"changed\"><td class=\"name\">cpu.IF</td><td class=\"val\">false</td>"),
                "the changed state variable is highlighted in the table");
        for (String region : new String[] {"hw", "saved", "zeroed", "uninit", "arch"}) {
            assertTrue(dom.contains("<div class=\"region r-" + region + "\">"), "region " + region + " drawn");
        }
        assertTrue(dom.contains("<span class=\"stack-name\">nmi_ist</span><span class=\"badge\">IST</span>"));
        assertTrue(dom.contains("<span class=\"cname\">") || dom.contains("<span class=\"fname\">executing</span>"), "cells drawn");
        // model text is text, never markup, after the script ran
        assertFalse(dom.contains("data-pwned=\"1\""), "an onerror handler from model text ran");
        assertFalse(dom.contains("<img"));
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(3, HtmlViewerTest.count(dom, "<script"), "no script element came from model text");
    }

    @Test
    void theOtherKeysAndTheStepHashMoveTheSelection() throws Exception {
        // both at once: Chromium's start-up dominates the time
        Run first = Run.start("#step=4&keys=ArrowUp,End,ArrowDown,k,p,n"); // 4 -> 3, 10, 10 (clamped), 9, 8, 9
        Run second = Run.start("#step=7&keys=Home,j,ArrowUp,ArrowUp");     // 7 -> 0, 1, 0, 0 (clamped)
        String dom = first.dom();
        String dom1 = second.dom();
        assertEquals(9, bodyStep(dom));
        assertEquals(List.of("9:step kind-DELIVER selected"), selectedRows(dom));
        assertEquals(0, bodyStep(dom1));
        assertEquals(List.of("0:step kind-INITIAL selected"), selectedRows(dom1));
        assertFalse(dom.contains("class=\"vio-banner\""), "the violation banner is only on the violating step");
        assertTrue(dom.contains("<span class=\"prop-name\">frame-intact</span>"), "the header names the property");
    }
}
