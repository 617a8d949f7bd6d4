package entrycheck.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Kconfig-style option declarations (docs/LANGUAGE.md section 3a), for {@link Parser}:
 * <pre>
 * config NAME [bool] ["prompt"] [default EXPR] [depends on EXPR] [select A, B] [@ "source"];
 * choice NAME ["prompt"] [default MEMBER] [@ "source"] { config ...; config ...; }
 * </pre>
 * The words {@code config}, {@code choice}, {@code default}, {@code depends} and {@code select}
 * are read only here, so they stay usable as names elsewhere.
 */
final class OptionParser {
    private OptionParser() { }

    static AstDecl.Config config(Parser ps) throws ModelException {
        Pos pos = ps.next().pos();
        Token name = ps.ident("an option name (without CONFIG_)");
        if (name.text().startsWith("CONFIG_")) {
            throw ps.diags.fail(name.pos(), "write the option's Kconfig name without 'CONFIG_' ('config "
                    + name.text().substring("CONFIG_".length()) + "'); code reads it as " + name.text());
        }
        ps.accept("bool");
        String prompt = ps.peek().kind() == Token.Kind.STRING ? ps.next().text() : "";
        AstExpr dflt = null;
        AstExpr depends = null;
        List<String> selects = new ArrayList<>();
        List<Pos> selectPos = new ArrayList<>();
        String source = "";
        while (!ps.accept(";")) {
            Token t = ps.peek();
            if (t.is("default") && dflt == null) {
                ps.next();
                dflt = ps.expr();
            } else if (t.is("depends") && depends == null) {
                ps.next();
                ps.expect("on", "after 'depends'");
                depends = ps.expr();
            } else if (t.is("select")) {
                ps.next();
                do {
                    Token s = ps.ident("the name of a selected option");
                    selects.add(s.text());
                    selectPos.add(s.pos());
                } while (ps.accept(","));
            } else if (t.is("@") && source.isEmpty()) {
                ps.next();
                source = ps.string("after '@'");
            } else {
                throw ps.error("expected 'default', 'depends on', 'select', '@' or ';' in option '" + name.text() + "'");
            }
        }
        return new AstDecl.Config(pos, name.text(), prompt, dflt, depends, selects, selectPos, source);
    }

    static AstDecl.Choice choice(Parser ps) throws ModelException {
        Pos pos = ps.next().pos();
        Token name = ps.ident("a choice name");
        String prompt = ps.peek().kind() == Token.Kind.STRING ? ps.next().text() : "";
        String dflt = null;
        Pos dfltPos = null;
        String source = "";
        while (!ps.at("{")) {
            Token t = ps.peek();
            if (t.is("default") && dflt == null) {
                ps.next();
                Token d = ps.ident("the default member of the choice");
                dflt = d.text();
                dfltPos = d.pos();
            } else if (t.is("@") && source.isEmpty()) {
                ps.next();
                source = ps.string("after '@'");
            } else {
                throw ps.error("expected 'default', '@' or '{' in choice '" + name.text() + "'");
            }
        }
        ps.next();
        List<AstDecl.Config> members = new ArrayList<>();
        while (!ps.accept("}")) {
            if (!ps.at("config")) throw ps.error("expected 'config' or '}' in choice '" + name.text() + "'");
            AstDecl.Config c = config(ps);
            if (c.dflt() != null) {
                throw ps.diags.fail(c.pos(), "a member of a choice has no 'default' (the choice's 'default' names the member)");
            }
            members.add(c);
        }
        if (members.isEmpty()) throw ps.diags.fail(name.pos(), "choice '" + name.text() + "' has no member");
        return new AstDecl.Choice(pos, name.text(), prompt, dflt, dfltPos, source, members);
    }
}
