package entrycheck.trust;

import entrycheck.lang.Lexer;
import entrycheck.lang.ModelException;
import entrycheck.lang.ModelLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzz inputs for the parser and checker: mutations of real model sources and random token
 * streams over the language's token set. Every input is bytes (so that invalid UTF-8 can be
 * written) and is a pure function of the seed source and the random draws.
 *
 * <p>Mutation operators (1 to 3 per input): delete, duplicate, swap, replace or insert tokens;
 * random bytes (controls, ESC, NUL, bytes above 0x7f); truncation; invalid UTF-8 sequences;
 * huge numbers in place of a number; deep nesting (parentheses, unary operators, blocks) in
 * place of a token; delete or duplicate a line; splice a piece of another source; and two
 * milder ones that often keep the model valid, so that the checker runs too: a small number
 * in place of a number, a name of the source in place of a name. The
 * tokenizer here is a plain regex, independent of the real lexer.
 */
public final class FuzzInputs {
    private static final Pattern TOKEN = Pattern.compile(
            "//[^\n]*|/\\*(?s:.*?)\\*/|\"(?:[^\"\\\\\n]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*|0x[0-9a-fA-F]+|[0-9]+"
                    + "|==>|==|!=|<=|>=|&&|\\|\\||->|\\.\\.|[{}()\\[\\];:,.=<>+\\-*/%!?@]|\\s+|.");
    private static final String[] PUNCT = {
        "==>", "==", "!=", "<=", ">=", "&&", "||", "->", "..", "{", "}", "(", ")", "[", "]", ";", ":", ",", ".",
        "=", "<", ">", "+", "-", "*", "/", "%", "!", "?", "@"};
    private static final String[] HUGE = {
        "2147483647", "2147483648", "-2147483648", "4294967296", "99999999999999999999999", "0xffffffff", "0x7fffffff",
        "0x100000000", "65536", "1000000", "100000", "4096", "1000000000", "0", "-1"};
    private static final String[] WORDS = {"x", "y", "cpu", "frame", "IF", "main", "N", "i", "a", "lock", "pc_t", "TOP", "ret", "task"};
    private static final String[] STRINGS = {"\"\"", "\"a\\\"b\"", "\"kernel/entry/common.c:f\"", "\"<script>\"", "\"\\\\\""};
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0x80}};

    private static final Pattern NUMBER = Pattern.compile("[0-9].*");
    private static final Pattern WORD_OR_NUMBER = Pattern.compile("[A-Za-z0-9_].*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> sources;
    private final List<List<String>> tokenized = new ArrayList<>();
    private final List<String> vocabulary = new ArrayList<>();

    public FuzzInputs(List<String> sources) {
        this.sources = List.copyOf(sources);
        for (String s : sources) tokenized.add(List.copyOf(tokens(s)));
        vocabulary.addAll(Lexer.KEYWORDS);
        vocabulary.addAll(List.of(PUNCT));
        vocabulary.addAll(List.of(WORDS));
        vocabulary.addAll(List.of(STRINGS));
        for (int i = 0; i < 8; i++) vocabulary.add(Integer.toString(i));
        vocabulary.add("0x2a");
    }

    /** The bundled models, the frontend's test models (when the source tree is there) and a few random rule models. */
    public static List<String> defaultSources() throws IOException, ModelException {
        List<String> out = new ArrayList<>();
        for (String name : ModelLoader.bundledModels()) out.add(ModelLoader.source(name));
        for (Path p : SpinModelsTest.testModels()) out.add(Files.readString(p, StandardCharsets.UTF_8));
        for (long seed = 0; seed < 4; seed++) out.add(RandomRuleModels.model(seed));
        return out;
    }

    public int sourceCount() { return sources.size(); }

    /** Input number {@code n} of a run: about one in eight is a random token stream, the rest mutations. */
    public byte[] input(Random rnd) {
        if (rnd.nextInt(8) == 0) return tokenStream(rnd);
        List<String> toks = new ArrayList<>(tokenized.get(rnd.nextInt(sources.size())));
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            if (toks.isEmpty()) toks.add("x");
            int i = rnd.nextInt(toks.size());
            switch (rnd.nextInt(15)) {
                case 0: toks.remove(i); break;
                case 1: toks.add(i, toks.get(i)); break;
                case 2: {
                    int j = rnd.nextInt(toks.size());
                    String t = toks.get(i);
                    toks.set(i, toks.get(j));
                    toks.set(j, t);
                    break;
                }
                case 3: toks.set(i, word(rnd)); break;
                case 4: toks.add(i, (rnd.nextBoolean() ? " " : "") + word(rnd) + (rnd.nextBoolean() ? " " : "")); break;
                case 5: toks.add(i, randomChars(rnd)); break;
                case 6: { // truncate
                    String all = String.join("", toks);
                    toks = new ArrayList<>(List.of(all.substring(0, rnd.nextInt(all.length() + 1))));
                    break;
                }
                case 7: toks.add(i, "\u0000BADUTF8\u0000"); break; // replaced by invalid bytes below
                case 8: {
                    int at = find(toks, rnd, NUMBER);
                    toks.set(at < 0 ? i : at, HUGE[rnd.nextInt(HUGE.length)]);
                    break;
                }
                case 9: {
                    int at = find(toks, rnd, WORD_OR_NUMBER);
                    toks.set(at < 0 ? i : at, nest(rnd, at < 0 ? "x" : toks.get(at)));
                    break;
                }
                case 10: { // delete or duplicate a line
                    String all = String.join("", toks);
                    String[] lines = all.split("\n", -1);
                    int l = rnd.nextInt(lines.length);
                    List<String> ls = new ArrayList<>(List.of(lines));
                    if (rnd.nextBoolean()) ls.remove(l); else ls.add(l, lines[l]);
                    toks = new ArrayList<>(List.of(String.join("\n", ls)));
                    break;
                }
                case 11: { // splice a piece of another source
                    List<String> other = tokenized.get(rnd.nextInt(sources.size()));
                    int a = rnd.nextInt(other.size()), b = Math.min(other.size(), a + 1 + rnd.nextInt(40));
                    toks.addAll(i, other.subList(a, b));
                    break;
                }
                case 13: { // a small number in place of a number: often still a valid model
                    int at = find(toks, rnd, NUMBER);
                    if (at >= 0) toks.set(at, Integer.toString(rnd.nextInt(10)));
                    break;
                }
                case 14: { // a name of the same source in place of a name: often still well-formed
                    int at = find(toks, rnd, NAME);
                    int other = find(toks, rnd, NAME);
                    if (at >= 0 && other >= 0) toks.set(at, toks.get(other));
                    break;
                }
                default: { // a token's text with one character changed
                    String t = toks.get(i);
                    if (t.isEmpty()) break;
                    int c = rnd.nextInt(t.length());
                    toks.set(i, t.substring(0, c) + (char) (32 + rnd.nextInt(95)) + t.substring(c + 1));
                }
            }
        }
        return encode(String.join("", toks), rnd);
    }

    /** A random stream of the language's tokens. */
    private byte[] tokenStream(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 300);
        for (int i = 0; i < n; i++) {
            sb.append(word(rnd));
            int sep = rnd.nextInt(10);
            sb.append(sep < 6 ? " " : sep < 8 ? "\n" : "");
        }
        return encode(sb.toString(), rnd);
    }

    private String word(Random rnd) {
        int k = rnd.nextInt(10);
        if (k == 0) return HUGE[rnd.nextInt(HUGE.length)];
        return vocabulary.get(rnd.nextInt(vocabulary.size()));
    }

    private static String randomChars(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(4);
            if (kind == 0) sb.append((char) rnd.nextInt(0x20));          // C0 controls, ESC, NUL
            else if (kind == 1) sb.append((char) (0x80 + rnd.nextInt(0x780))); // C1, Latin, ...
            else if (kind == 2) sb.append("\u001b[31m\u202e\u2028\ufeff".charAt(rnd.nextInt(6)));
            else sb.append((char) (32 + rnd.nextInt(95)));
        }
        return sb.toString();
    }

    private static String nest(Random rnd, String t) {
        int[] depths = {20, 200, 2000, 20000, 100000};
        int d = depths[rnd.nextInt(depths.length)];
        switch (rnd.nextInt(5)) {
            case 0: return "(".repeat(d) + t + ")".repeat(d);
            case 1: return "!".repeat(d) + t;
            case 2: return "- ".repeat(d) + t;
            case 3: return "{".repeat(d) + t + "}".repeat(d);
            default: return "(".repeat(d) + t; // unbalanced
        }
    }

    private static int find(List<String> toks, Random rnd, Pattern p) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) if (p.matcher(toks.get(i)).matches()) at.add(i);
        return at.isEmpty() ? -1 : at.get(rnd.nextInt(at.size()));
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** UTF-8, with every marker replaced by an invalid UTF-8 sequence. */
    private static byte[] encode(String s, Random rnd) {
        String marker = "\u0000BADUTF8\u0000";
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        int from = 0;
        for (int at = s.indexOf(marker); at >= 0; at = s.indexOf(marker, from)) {
            out.writeBytes(s.substring(from, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(BAD_UTF8[rnd.nextInt(BAD_UTF8.length)]);
            from = at + marker.length();
        }
        out.writeBytes(s.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
