package entrycheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static List<Token> lex(String text) throws ModelException {
        return Lexer.tokens(new SourceText("t.entry", text), new Diags());
    }

    private static ModelFile parse(String text) throws ModelException {
        return Parser.parse(new SourceText("t.entry", text), new Diags());
    }

    private static String expr(String text) throws ModelException {
        return AstPrinter.expr(Parser.parseExpr(new SourceText("e", text), new Diags()));
    }

    @Test
    void lexerPositionsLiteralsAndLongestMatch() throws ModelException {
        List<Token> t = lex("// c\n  x ==> 0x2a /* a\nb */ \"q\\\"\\\\\" == ->");
        assertEquals("x", t.get(0).text());
        assertEquals(new Pos("t.entry", 2, 3), t.get(0).pos());
        assertEquals("==>", t.get(1).text());
        assertEquals(42, t.get(2).value());
        assertEquals(Token.Kind.STRING, t.get(3).kind());
        assertEquals("q\"\\", t.get(3).text());
        assertEquals(new Pos("t.entry", 3, 6), t.get(3).pos());
        assertEquals("==", t.get(4).text());
        assertEquals("->", t.get(5).text());
        assertEquals(Token.Kind.EOF, t.get(6).kind());
    }

    @Test
    void dashedNamesOnlyWhereNamesAreExpected() throws ModelException {
        ModelFile f = parse("model x86_64/bugs/b1-nmi-iret extends x86_64/mainline;\n"
                + "property pkrs-restored \"at every return\" @ \"arch/x86/mm/pkeys.c\" = balanced cpu.pkrs across entry;\n"
                + "expect violated frame-intact;\nexpect maybe no-deadlock;\n"
                + "rule r a-b > 0 ==> { assert a - 1 >= 0 as in-nmi \"msg\"; }\n");
        assertEquals("x86_64/bugs/b1-nmi-iret", f.header().name());
        assertEquals("x86_64/mainline", f.header().base());
        AstDecl.Property p = (AstDecl.Property) f.decls().get(0);
        assertEquals("pkrs-restored", p.name());
        assertEquals("at every return", p.description());
        assertEquals("arch/x86/mm/pkeys.c", p.source());
        assertEquals("frame-intact", ((AstDecl.Expect) f.decls().get(1)).property());
        assertEquals(AstDecl.ExpectKind.MAYBE, ((AstDecl.Expect) f.decls().get(2)).kind());
        AstDecl.Rule r = (AstDecl.Rule) f.decls().get(3);
        assertEquals("a - b > 0", AstPrinter.expr(r.guard()));
        AstStmt.Assert a = (AstStmt.Assert) r.body().stmts().get(0);
        assertEquals("in-nmi", a.property());
        assertEquals("msg", a.message());
        assertEquals("a - 1 >= 0", AstPrinter.expr(a.cond()));
    }

    @Test
    void relativeBasePaths() throws ModelException {
        assertEquals("../base.entry", parse("model m extends ../base.entry;").header().base());
        assertEquals("my base.entry", parse("model extends \"my base.entry\";").header().base());
        assertNull(parse("model extends b;").header().name());
    }

    @Test
    void precedenceFollowsC() throws ModelException {
        assertEquals("a || b && c", expr("a || b && c"));
        assertEquals("(a || b) && c", expr("(a || b) && c"));
        assertEquals("a + b * c == d", expr("a+b*c==d"));
        assertEquals("!a == b", expr("!a == b"));
        assertInstanceOf(AstExpr.Binary.class, Parser.parseExpr(new SourceText("e", "!a == b"), new Diags()));
        AstExpr imp = Parser.parseExpr(new SourceText("e", "a -> b -> c"), new Diags());
        assertEquals("b -> c", AstPrinter.expr(((AstExpr.Binary) imp).right()));
        AstExpr cond = Parser.parseExpr(new SourceText("e", "a -> b ? c : d"), new Diags());
        assertInstanceOf(AstExpr.Cond.class, ((AstExpr.Binary) cond).right());
        assertEquals("forall i: 0..N - 1 : a[i] < 7 && b", expr("forall i: 0..N-1 : a[i] < 7 && b"));
        assertEquals("interrupted_at(repeat_nmi, end_repeat_nmi) || handling(nmi)",
                expr("interrupted_at(repeat_nmi, end_repeat_nmi) || handling(nmi)"));
        assertEquals("instrumentable && depth > 0 -> cpu.pkrs == PKS_INIT",
                expr("(instrumentable && depth > 0) -> cpu.pkrs == PKS_INIT"));
    }

    @Test
    void keywordsAsFieldParameterAndLocalNames() throws ModelException {
        ModelFile f = parse("proc idt_save_pkrs(ref state: irqentry_state) @ \"arch/x86/mm/pkeys.c:idt_save_pkrs\" {\n"
                + "  save: state.pkrs = cpu.pkrs;\n  percpu.nesting = 1;\n  var ret: irqentry_state;\n  iret via nmi_ist.iret;\n}\n");
        AstDecl.Proc p = (AstDecl.Proc) f.decls().get(0);
        assertEquals("state", p.params().get(0).name());
        assertTrue(p.params().get(0).ref());
        AstStmt.Labeled save = (AstStmt.Labeled) p.body().stmts().get(0);
        assertEquals("save", save.label());
        assertEquals("state.pkrs = cpu.pkrs", AstPrinter.head(save));
        assertEquals("percpu.nesting = 1", AstPrinter.head(p.body().stmts().get(1)));
        assertEquals("ret", ((AstStmt.LocalVar) p.body().stmts().get(2)).name());
        assertEquals("iret via nmi_ist.iret", AstPrinter.head(p.body().stmts().get(3)));
    }

    @Test
    void theExamplesOfTheLanguageReferenceParse() throws ModelException {
        ModelFile f = parse(String.join("\n",
                "const DEPTH = 3;",
                "const NMI_MAX = NMI_BITS * 2;",
                "type ctx_state = enum { CT_KERNEL, CT_IDLE, CT_USER };",
                "type pkrs_t = 0..3;",
                "type irqentry_state = record { exit_rcu: bool; lockdep: bool; pkrs: pkrs_t; };",
                "var a: array [N] of 0..7 = 0;",
                "state cpu    { IF: bool = 1; DF: bool = 0; nmi_blocked: bool = 0; cpl: 0..3 = 0; pkrs: pkrs_t = 1; }",
                "ghost var in_nmi_handler: bool = 0;",
                "frame pt_regs {",
                "  region hw     { rip: ret; IF: bool; DF: bool; cpl: 0..3; }",
                "  region saved  { orig_ax: bool; }",
                "  region zeroed { exit_rcu: bool size 1; lockdep: bool size 1; }",
                "  region uninit { scratch: 0..1 size 8; }",
                "  region arch   { pkrs: 0..3 size 4 align 4; }",
                "}",
                "stack task    slots DEPTH;",
                "stack nmi_ist ist slots 2 cells { executing: bool = 0; iret: pt_regs; outermost: pt_regs; }",
                "nesting DEPTH;",
                "hardware {",
                "  user when cpu.cpl == 3;",
                "  task_stack task;",
                "  deliver { frame.IF = cpu.IF; frame.DF = cpu.DF; frame.cpl = cpu.cpl; cpu.IF = 0; cpu.cpl = 0; }",
                "  iret    { cpu.IF = frame.IF; cpu.DF = frame.DF; cpu.cpl = frame.cpl; cpu.nmi_blocked = 0; }",
                "}",
                "vector irq async when cpu.IF lands on current enters asm_common_interrupt;",
                "vector nmi async when !cpu.nmi_blocked lands on ist nmi_ist user_on_task enters asm_exc_nmi",
                "       deliver { cpu.nmi_blocked = 1; };",
                "vector pf  sync lands on current enters asm_exc_page_fault max 2;",
                "vector mc  sync anywhere lands on ist mce_ist user_on_task enters asm_exc_machine_check max 1;",
                "start task_loop;",
                "proc t() {",
                "  L: x = 1;",
                "  if (e) x = 1; else { x = 2; }",
                "  while (e) skip;",
                "  goto L;",
                "  choose { x = 1; } or { x = 2; } or { x = 3; }",
                "  atomic { x = 1; y = 2; }",
                "  assert e as in-nmi \"msg\";",
                "  raise pf;  may_raise pf;",
                "  clear frame.zeroed;",
                "  instrumentable { x = 1; }",
                "  iret;  iret via nmi_ist.iret;",
                "  skip;  return 1;  { x = 1; }",
                "  @ \"kernel/entry/common.c:irqentry_exit\" x = 3;",
                "}",
                "property rcu-balanced = balanced percpu.watching, percpu.nesting, percpu.nmi_nesting across entry;",
                "property pks-default  = invariant (instrumentable && depth > 0) -> cpu.pkrs == PKS_INIT;",
                "property in-nmi       = assertion;",
                "property frame-intact = frame intact;",
                "property zeroed-init-intact = zeroed reads;",
                "property uninit-not-read    = uninit reads;",
                "property b = balanced cpu.pkrs across entry of irq, nmi;",
                "end when depth == 0 && task.done;",
                "rule inc(i: 0..N-1)  pc[i] == TOP && a[i] < 7 ==> { a[i] = a[i] + 1; }",
                "rule tick x > 0 ==> { x = x - 1; }",
                "replace step P.L { x = 1; }",
                "insert before P.L { x = 1; }",
                "insert after P.L { x = 1; }",
                "remove step P.L;",
                "remove proc P;",
                "remove property frame-intact;",
                "replace const DEPTH = 2;",
                "replace start p;"));
        assertEquals(37, f.decls().size());
        AstDecl.Proc t = (AstDecl.Proc) f.decls().stream().filter(d -> d instanceof AstDecl.Proc).findFirst().get();
        assertEquals(17, t.body().stmts().size());
        AstDecl.Vector nmi = (AstDecl.Vector) f.decls().get(14);
        assertEquals("nmi_ist", nmi.ist());
        assertTrue(nmi.userOnTask());
        assertEquals(1, nmi.deliver().stmts().size());
        AstDecl.Rule tick = (AstDecl.Rule) f.decls().get(28);
        assertTrue(tick.params().isEmpty());
    }

    @Test
    void syntaxErrorsNameTheirPosition() {
        String[][] cases = {
            {"var x: bool", "1:12", "expected ';' after the variable declaration, found end of file"},
            {"proc p() { x = 1; ", "1:10", "block opened here is not closed ('}' missing)"},
            {"proc p() { if x { } }", "1:15", "expected '(' after 'if', found 'x'"},
            {"vector v async enters p;", "1:8", "vector 'v' needs 'lands on current' or 'lands on ist STACK'"},
            {"property p = sometimes x;", "1:14", "expected a property kind (invariant, assertion, balanced, frame intact, "
                    + "zeroed reads, uninit reads, returns eventually), found 'sometimes'"},
            {"rule r x ==> { choose { x = 1; } }", "1:34", "expected 'or { ... }' after the first branch of 'choose', found '}'"},
            {"proc p() { x == 1; }", "1:14", "expected '=' (assignment), found '=='"},
            {"proc p() { x + 1; }", "1:17", "expected '=' after 'x + 1', found ';'"},
            {"state cpu { IF bool; }", "1:16", "expected ':' after the field name 'IF', found 'bool'"},
            {"proc p() { else x = 1; }", "1:12", "'else' without 'if'"},
            {"var x: 0..3 = 0x;", "1:15", "hex literal without digits"},
        };
        for (String[] c : cases) {
            ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class, () -> parse(c[0]), c[0]);
            Diagnostic d = e.diagnostics().get(0);
            assertEquals(c[1] + " " + c[2], d.line() + ":" + d.col() + " " + d.message(), c[0]);
        }
    }
}
