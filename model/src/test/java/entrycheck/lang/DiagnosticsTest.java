package entrycheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed models: each error names the exact line and column and says what is wrong in one line. */
class DiagnosticsTest {

    private static final String BASE = String.join("\n",
            "const N = 2;",
            "type pc_t = enum { TOP, CHK };",
            "var a: array [N] of 0..3 = 0;",
            "var lock: 0..N = 0;",
            "state cpu { IF: bool = 1; pkrs: 0..3 = 1; }",
            "");

    private static Diagnostic error(String text) {
        return error(text, Map.of());
    }

    private static Diagnostic error(String text, Map<String, Integer> overrides) {
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.loadText("m.entry", text, overrides));
        return e.diagnostics().get(0);
    }

    private static void expect(String text, int line, int col, String message) {
        Diagnostic d = error(text);
        assertEquals(message, d.message(), d.format());
        assertEquals("m.entry:" + line + ":" + col, d.file() + ":" + d.line() + ":" + d.col(), d.format());
    }

    @Test
    void missingSemicolonAfterAssignment() {
        expect(BASE + "rule r lock == 0 ==> {\n  lock = 1\n  if (lock == 1) lock = 2;\n}\n",
                8, 3, "expected ';' after assignment, found 'if'");
    }

    @Test
    void returnsEventuallyNeedsItsWordsNestingAndABoolUnless() {
        expect(BASE + "property r = returns soon;\n", 6, 22, "expected 'eventually' after 'returns', found 'soon'");
        expect(BASE + "property r = returns eventually under fire;\n", 6, 39, "expected 'storms' after 'under', found 'fire'");
        expect(BASE + "property r = returns eventually;\n", 6, 1,
                "property 'r' is about entries returning, but the model declares no nesting (no entries)");
        ModelException e = assertThrows(ModelException.class,
                () -> ModelLoader.loadText("m.entry", BASE + "property r = returns eventually unless lock;\n", Map.of()));
        Diagnostic d = e.diagnostics().stream().filter(x -> x.col() == 40).findFirst().orElseThrow();
        assertEquals("m.entry:6:40", d.file() + ":" + d.line() + ":" + d.col(), d.format());
        org.junit.jupiter.api.Assertions.assertTrue(d.message().contains("'unless' condition"), d.message());
    }

    @Test
    void unknownType() {
        expect(BASE + "var x: pct;\n", 6, 8, "unknown type 'pct' (did you mean 'pc_t'?)");
    }

    @Test
    void unterminatedComment() {
        expect(BASE + "var x: bool;\n  /* never closed\n", 7, 3, "unterminated comment");
    }

    @Test
    void unterminatedString() {
        expect(BASE + "property p \"one\n= assertion;\n", 6, 12, "unterminated string");
    }

    @Test
    void badCharacter() {
        expect(BASE + "var x: bool = $;\n", 6, 15, "unexpected character '$'");
    }

    @Test
    void unknownVariableWithSuggestion() {
        Diagnostic d = error(BASE + "rule r cpu.IFF ==> { lock = 1; }\n");
        assertEquals("unknown variable 'cpu.IFF' (did you mean 'cpu.IF'?)", d.message());
        assertEquals(6, d.line());
        assertEquals(8, d.col());
        assertEquals(String.join("\n",
                "m.entry:6:8: error: unknown variable 'cpu.IFF' (did you mean 'cpu.IF'?)",
                "  rule r cpu.IFF ==> { lock = 1; }",
                "         ^"), d.format());
    }

    @Test
    void typeMismatchBoolInt() {
        expect(BASE + "rule r cpu.IF ==> { cpu.IF = lock + 1; }\n", 6, 30, "type mismatch: 'cpu.IF' is bool, found int");
    }

    @Test
    void typeMismatchEnum() {
        expect(BASE + "var p: pc_t = TOP;\nrule r p == 1 ==> { skip; }\n", 7, 13, "type mismatch: cannot compare pc_t with int");
    }

    @Test
    void conditionMustBeBool() {
        expect(BASE + "rule r lock ==> { skip; }\n", 6, 8, "type mismatch: the guard of rule 'r' must be bool, found int");
    }

    @Test
    void duplicateDeclaration() {
        expect(BASE + "var lock: bool;\n", 6, 1,
                "duplicate declaration of var 'lock' (first declared at m.entry:4:1)");
    }

    @Test
    void wrongArity() {
        expect(BASE + "proc f(x: 0..3) { lock = x; }\nstart g;\nproc g() { f(1, 2); }\n", 8, 12,
                "procedure 'f' takes 1 argument, found 2");
    }

    @Test
    void assignmentToNonLvalue() {
        expect(BASE + "rule r true ==> { N = 3; }\n", 6, 19, "cannot assign to 'N' (a constant)");
    }

    @Test
    void recursion() {
        expect(BASE + "start f;\nproc f() { g(); }\nproc g() { lock = 1; f(); }\n", 8, 22,
                "recursive call: f -> g -> f (calls are inlined; recursion is not allowed)");
    }

    @Test
    void frameInTaskCode() {
        expect(BASE + "frame regs { region hw { rip: ret; } } stack s;\nstart t;\nproc t() { lock = 1; h(); }\n"
                        + "proc h() { frame.rip = interrupted; }\n",
                9, 12, "'frame' used in task-level code: procedure 'h' runs in the task (start procedure 't'), which has no frame");
    }

    @Test
    void unknownOverride() {
        Diagnostic d = error(BASE + "rule r true ==> { skip; }\n", Map.of("M", 3));
        assertEquals("-D M=3: unknown constant 'M' (did you mean 'N'?)", d.message());
        assertEquals("m.entry", d.file());
    }

    @Test
    void nonConstantWhereConstantRequired() {
        expect(BASE + "var b: array [lock] of bool;\n", 6, 15,
                "'lock' is not a constant (a constant expression is required here)");
    }

    @Test
    void replaceWithoutBase() {
        expect(BASE + "replace var lock: bool;\n", 6, 1, "'replace' needs a base model (model NAME extends BASE;)");
    }

    @Test
    void unknownProcedureInCall() {
        expect(BASE + "start t;\nproc t() { tick(); }\nproc tock() { skip; }\n", 7, 12,
                "unknown procedure 'tick' (did you mean 'tock'?)");
    }

    @Test
    void gotoUnknownLabel() {
        expect(BASE + "start t;\nproc t() { top: lock = 1; goto tpo; }\n", 7, 27,
                "unknown label 'tpo' in procedure 't' (did you mean 'top'?)");
    }

    @Test
    void initialValueOutOfRange() {
        expect(BASE + "var x: 0..3 = 4;\n", 6, 15, "initial value 4 of 'x' is not in 0..3");
    }

    @Test
    void keywordAsGlobalName() {
        expect(BASE + "var state: bool;\n", 6, 5, "expected a variable name, found keyword 'state'");
    }

    @Test
    void unknownAssertionProperty() {
        expect(BASE + "property mutex = assertion;\nrule r true ==> { assert lock == 0 as mutx; }\n", 7, 39,
                "unknown property 'mutx' (did you mean 'mutex'?)");
    }

    @Test
    void everyErrorIsReportedInOrder() {
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.loadText("m.entry",
                BASE + "rule r cpu.IFF ==> { lok = 1; }\n", Map.of()));
        assertEquals(2, e.diagnostics().size());
        assertEquals(8, e.diagnostics().get(0).col());
        assertEquals("unknown variable 'lok' (did you mean 'lock'?)", e.diagnostics().get(1).message());
    }

    private static final String ENTRY = String.join("\n",
            "const N = 1;",
            "nesting N;",
            "state cpu { IF: bool = 1; x: 0..3 = 0; }",
            "frame regs { region hw { rip: ret; } }",
            "stack task slots 2;",
            "hardware { task_stack task; }",
            "vector irq async when cpu.IF lands on current enters h;",
            "vector pf sync lands on current enters h;",
            "start t;",
            "proc t() { cpu.x = 1; }",
            "proc h() { iret; }",
            "");

    @Test
    void entryModelErrors() {
        String[][] cases = {
            {"proc u() { raise irq; }", "12:18", "vector 'irq' is async; only sync vectors are raised by code"},
            {"vector mc sync when cpu.IF lands on current enters h;", "12:21",
                "'when' needs 'async' or 'sync anywhere' (a plain sync vector is raised by code)"},
            {"proc u() { atomic { while (cpu.IF) skip; } }", "12:21", "'while' is not allowed in an atomic block"},
            {"rule r true ==> { h(); }", "12:19", "procedure calls are not allowed in a rule"},
            {"property p = invariant frame.rip == interrupted;", "12:24",
                "'frame' is not available in an invariant (only in handler code and deliver/iret blocks)"},
            {"proc u() { return 1; }", "12:19", "procedure 'u' returns no value (declare 'proc u(...): TYPE')"},
            {"property b = balanced cpu.x + 1 across entry;", "12:23",
                "'balanced' takes plain references to scalar state variables (such as cpu.pkrs), found 'cpu.x + 1'"},
            {"proc u() { iret via cpu.x; }", "12:21", "'iret via' needs a frame cell of a stack (STACK.cell), found 'cpu.x'"},
            {"proc u() { atomic { v(); } }\nproc v() { while (cpu.IF) skip; }", "12:21",
                "procedure 'v' is called in an atomic block but contains 'while' (in 'v')"},
            {"proc u() { cpu.x = t(); }", "12:20", "procedure 't' returns no value"},
            {"vector nmi async lands on ist task enters h;", "12:31",
                "stack 'task' is not an IST stack (declare it 'stack task ist ...')"},
            {"vector nmi async lands on current enters h2;", "12:42", "unknown procedure 'h2' (did you mean 'h'?)"},
            {"proc u() { cpu.x = cpu.IF ? 1 : 2; if (handling(ipi)) skip; }", "12:49", "unknown vector 'ipi' (did you mean 'irq'?)"},
        };
        for (String[] c : cases) {
            Diagnostic d = error(ENTRY + c[0] + "\n");
            assertEquals(c[1] + " " + c[2], d.line() + ":" + d.col() + " " + d.message(), c[0]);
        }
    }

    @Test
    void frameWithoutStacks() {
        Diagnostic d = error("nesting 1;\nframe regs { region hw { rip: ret; } }\nvector v async lands on current enters h;\n"
                + "proc h() { frame.rip = interrupted; iret; }\n");
        assertEquals("4:12 'frame' used but the model declares no stack for frames to live in", d.line() + ":" + d.col() + " " + d.message());
    }

    @Test
    void boolConstantOverrideMustBe0Or1() {
        Diagnostic d = error(BASE + "const DBG = true;\nrule r DBG ==> { skip; }\n", Map.of("DBG", 2));
        assertEquals("-D DBG=2: constant 'DBG' is a bool (0 or 1)", d.message());
    }
}
