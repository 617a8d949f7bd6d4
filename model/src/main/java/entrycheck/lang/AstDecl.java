package entrycheck.lang;

import entrycheck.lang.AstStmt.Block;
import entrycheck.lang.AstType.FieldDecl;
import java.util.List;

/** Top-level declarations of a model file (LANGUAGE.md sections 2 to 10). */
public sealed interface AstDecl {
    Pos pos();

    /** {@code model NAME [extends BASE];} (name and base may be null). */
    record ModelHeader(Pos pos, String name, String base, Pos basePos) implements AstDecl { }

    /**
     * {@code import LIBRARY;}: the loader replaces it by the library's declarations
     * ({@link ModelLoader}, classpath resource {@code entrycheck/library/LIBRARY.entry}).
     */
    record Import(Pos pos, String library, Pos libraryPos) implements AstDecl { }

    record Const(Pos pos, String name, AstExpr value) implements AstDecl { }

    /**
     * {@code config NAME [bool] ["prompt"] [default E] [depends on E] [select A, B] [@ "source"];}: a Kconfig-style
     * boolean model option (docs/LANGUAGE.md section 3a). Code reads it as the bool constant {@code CONFIG_NAME}.
     * {@code dflt} and {@code depends} may be null (default n, no dependency).
     */
    record Config(Pos pos, String name, String prompt, AstExpr dflt, AstExpr depends, List<String> selects,
                  List<Pos> selectPos, String source) implements AstDecl {
        public Config { selects = List.copyOf(selects); selectPos = List.copyOf(selectPos); }
    }

    /** {@code choice NAME ["prompt"] [default MEMBER] [@ "source"] { config ...; ... }}: exactly one member is y. */
    record Choice(Pos pos, String name, String prompt, String dflt, Pos dfltPos, String source, List<Config> members)
            implements AstDecl {
        public Choice { members = List.copyOf(members); }
    }

    record TypeDef(Pos pos, String name, AstType type) implements AstDecl { }

    record Var(Pos pos, String name, AstType type, AstExpr init, boolean ghost) implements AstDecl { }

    record State(Pos pos, String name, List<FieldDecl> fields) implements AstDecl {
        public State { fields = List.copyOf(fields); }
    }

    record Region(Pos pos, String kind, List<FieldDecl> fields) {
        public Region { fields = List.copyOf(fields); }
    }

    record Frame(Pos pos, String name, List<Region> regions) implements AstDecl {
        public Frame { regions = List.copyOf(regions); }
    }

    /** {@code stack NAME [ist] [slots N] [cells { ... }];} (slots may be null: one slot). */
    record Stack(Pos pos, String name, boolean ist, AstExpr slots, List<FieldDecl> cells) implements AstDecl {
        public Stack { cells = List.copyOf(cells); }
    }

    record Nesting(Pos pos, AstExpr bound) implements AstDecl { }

    /** The {@code hardware} block; every part may be null. */
    record Hardware(Pos pos, AstExpr userWhen, String taskStack, Pos taskStackPos, Block deliver, Block iret)
            implements AstDecl { }

    enum VectorKind { ASYNC, SYNC, SYNC_ANYWHERE }

    /**
     * {@code vector NAME kind [when E] lands on (current | ist S) [user_on_task] enters P [max N] [deliver {..}];}
     *
     * @param ist   the IST stack it lands on, or null for {@code lands on current}
     */
    record Vector(Pos pos, String name, VectorKind kind, AstExpr when, String ist, Pos istPos,
                  boolean userOnTask, String enters, Pos entersPos, AstExpr max, Block deliver) implements AstDecl { }

    record Start(Pos pos, String proc, Pos procPos) implements AstDecl { }

    record Param(Pos pos, String name, AstType type, boolean ref) { }

    record Proc(Pos pos, String name, List<Param> params, AstType result, String source, Block body)
            implements AstDecl {
        public Proc { params = List.copyOf(params); }
    }

    sealed interface PropBody {
        record Invariant(AstExpr holds) implements PropBody { }
        record Assertion() implements PropBody { }
        record Balanced(List<AstExpr> exprs, List<String> vectors, List<Pos> vectorPos) implements PropBody {
            public Balanced { exprs = List.copyOf(exprs); vectors = List.copyOf(vectors); vectorPos = List.copyOf(vectorPos); }
        }
        record FrameIntact() implements PropBody { }
        record ZeroedReads() implements PropBody { }
        record UninitReads() implements PropBody { }
        /**
         * {@code returns eventually [under storms] [unless E]}: every entry eventually returns
         * (liveness under weak fairness of instruction execution). Without {@code under storms}
         * asynchronous deliveries are assumed to stop eventually; states where E holds (the
         * machine has stopped, e.g. after a panic) are no part of a counterexample (LANGUAGE.md
         * section 9). {@code unless} is null when absent.
         */
        record ReturnsEventually(boolean storms, AstExpr unless) implements PropBody { }
    }

    /** {@code property NAME ["description"] [@ "source"] = body;} (description and source may be ""). */
    record Property(Pos pos, String name, String description, String source, PropBody body) implements AstDecl { }

    record End(Pos pos, AstExpr when) implements AstDecl { }

    enum ExpectKind { HOLDS, VIOLATED, MAYBE }

    /** {@code expect KIND PROPERTY [if COND];}: {@code when} (a constant condition, e.g. on options) may be null. */
    record Expect(Pos pos, ExpectKind kind, String property, AstExpr when) implements AstDecl {
        public Expect(Pos pos, ExpectKind kind, String property) { this(pos, kind, property, null); }
    }

    record RuleParam(Pos pos, String name, AstExpr lo, AstExpr hi) { }

    record Rule(Pos pos, String name, List<RuleParam> params, AstExpr guard, Block body) implements AstDecl {
        public Rule { params = List.copyOf(params); }
    }

    /** {@code replace <declaration>} in a delta. */
    record Replace(Pos pos, AstDecl decl) implements AstDecl { }

    /** {@code remove proc|vector|property|rule NAME;} in a delta. */
    record Remove(Pos pos, String kind, String name, Pos namePos) implements AstDecl { }

    enum StepOp { REPLACE, INSERT_BEFORE, INSERT_AFTER, REMOVE }

    /** {@code replace step P.L {..}}, {@code insert before|after P.L {..}}, {@code remove step P.L;} (stmts null for remove). */
    record StepEdit(Pos pos, StepOp op, String proc, String label, Pos targetPos, Block stmts) implements AstDecl { }
}
