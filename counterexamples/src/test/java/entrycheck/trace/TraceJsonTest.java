package entrycheck.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import entrycheck.ir.Expr;
import entrycheck.ir.Program;
import entrycheck.ir.Property;
import entrycheck.ir.StateLayout;
import entrycheck.ir.Transition;
import entrycheck.ir.Type;
import entrycheck.ir.Update;
import entrycheck.ir.Var;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceJsonTest {

    /** cpu.IF (bool), n (0..3), st (enum A/B); one transition flips IF and bumps n. */
    static Trace sampleTrace() {
        StateLayout.Builder b = new StateLayout.Builder();
        Var iflag = b.add("cpu.IF", Type.BOOL, Var.Role.STATE, 1);
        Var n = b.add("n", new Type.Range(0, 3), Var.Role.STATE, 0);
        Var st = b.add("st \"<x>\"", new Type.Enum("st_t", List.of("A", "B")), Var.Role.GHOST, 0);
        StateLayout layout = b.build();
        Transition t = new Transition(0, "flip", "kernel/entry/common.c:irqentry_enter", Transition.Kind.STEP, 0, "",
                List.of(), Expr.TRUE,
                List.of(new Update.Assign(iflag.id(), new Expr.Unary(Expr.UnOp.NOT, new Expr.Read(iflag.id()))),
                        new Update.Assign(n.id(), new Expr.Binary(Expr.BinOp.ADD, new Expr.Read(n.id()), new Expr.Const(1))),
                        new Update.Assign(st.id(), new Expr.Const(1))));
        Property p = new Property(0, "n-small", Property.Kind.INVARIANT, "n stays below 2", "", Property.Expect.HOLDS);
        Program.Memory memory = new Program.Memory(
                List.of(new Program.Field("exit_rcu", "zeroed", -1, 1, 1)),
                List.of(new Program.Stack("nmi_ist", true,
                        List.of(new Program.Slot(-1, List.of(new Program.Field("exit_rcu", "zeroed", iflag.id(), 1, 1)))),
                        List.of(new Program.Cell("executing", false, -1, List.of(new Program.Field("executing", "", n.id(), 0, 0)))))));
        Program prog = new Program("test/sample", "abc123", Map.of("K", 3), layout, List.of(t), List.of(),
                Expr.FALSE, List.of(p), null, memory);
        long[] s0 = layout.initialState();
        long[] s1 = s0.clone();
        StateLayout.set(s1, iflag, 0);
        StateLayout.set(s1, n, 1);
        StateLayout.set(s1, st, 1);
        long[] s2 = s1.clone();
        StateLayout.set(s2, iflag, 1);
        StateLayout.set(s2, n, 2);
        return new Trace(prog, 0, s0, List.of(new Trace.Step(0, s1), new Trace.Step(0, s2)), "n == 2", -1);
    }

    @Test
    void documentHasInitialStateThenOneStepPerTransitionWithChangedVariables() {
        TraceDocument d = TraceDocument.of(sampleTrace());
        assertEquals(3, d.steps().size());
        assertEquals("initial", d.steps().get(0).action());
        assertArrayEquals(new int[] {1, 0, 0}, d.steps().get(0).values());
        assertArrayEquals(new int[] {0, 1, 2}, d.steps().get(1).changed());
        assertArrayEquals(new int[] {0, 1}, d.steps().get(2).changed());
        assertEquals("kernel/entry/common.c:irqentry_enter", d.steps().get(2).source());
    }

    @Test
    void jsonRoundTripGivesTheSameDocumentAndTheSameBytes() throws Exception {
        TraceDocument d = TraceDocument.of(sampleTrace());
        String json = TraceJson.toJson(d);
        TraceDocument back = TraceJson.read(json);
        assertEquals(d.model(), back.model());
        assertEquals(d.sourceHash(), back.sourceHash());
        assertEquals(d.constants(), back.constants());
        assertEquals(d.property(), back.property());
        assertEquals(d.message(), back.message());
        assertEquals(d.vars(), back.vars());
        assertEquals(d.memory(), back.memory());
        assertEquals(d.steps().size(), back.steps().size());
        for (int i = 0; i < d.steps().size(); i++) {
            assertArrayEquals(d.steps().get(i).values(), back.steps().get(i).values());
            assertArrayEquals(d.steps().get(i).changed(), back.steps().get(i).changed());
            assertEquals(d.steps().get(i).action(), back.steps().get(i).action());
        }
        assertEquals(json, TraceJson.toJson(back));
        assertTrue(json.contains("\"cpu.IF\" : false"), json);
        assertTrue(json.contains("\"st \\\"<x>\\\"\" : \"B\""), "names are JSON-escaped: " + json);
    }

    @Test
    void thePrintedTraceAndTheTraceReadBackFromJsonAreTheSameText() throws Exception {
        Trace trace = sampleTrace();
        String printed = TraceText.render(trace, TraceText.Options.plain());
        String fromFile = TraceText.render(TraceJson.read(TraceJson.toJson(TraceDocument.of(trace))), TraceText.Options.plain());
        assertEquals(printed, fromFile);
        assertTrue(printed.contains("n: 1 -> 2"), printed);
    }

    @Test
    void malformedFilesAreRejectedWithTheReason() {
        String json = TraceJson.toJson(TraceDocument.of(sampleTrace()));
        TraceFormatException e1 = assertThrows(TraceFormatException.class, () -> TraceJson.read("{\"format\": "));
        assertTrue(e1.getMessage().contains("not valid JSON"), e1.getMessage());
        TraceFormatException e2 = assertThrows(TraceFormatException.class,
                () -> TraceJson.read(json.replace("\"version\" : 1", "\"version\" : 99")));
        assertTrue(e2.getMessage().contains("version 99"), e2.getMessage());
        TraceFormatException e3 = assertThrows(TraceFormatException.class,
                () -> TraceJson.read(json.replace("\"n\" : 2", "\"n\" : 7")));
        assertTrue(e3.getMessage().contains("steps[2].state.n: 7 is outside 0..3"), e3.getMessage());
        TraceFormatException e4 = assertThrows(TraceFormatException.class,
                () -> TraceJson.read(json.replace("\"index\" : 1", "\"index\" : 5")));
        assertTrue(e4.getMessage().contains("steps[1]: index is 5"), e4.getMessage());
    }

    @Test
    void atomicWriteLeavesNoTemporaryFileAndReplacesTheTarget(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.json");
        AtomicFile.write(f, "old");
        AtomicFile.write(f, "new");
        assertEquals("new", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
        assertThrows(java.io.IOException.class, () -> AtomicFile.write(f, w -> {
            w.write("partial");
            throw new java.io.IOException("disk full");
        }));
        assertEquals("new", Files.readString(f), "a failed write keeps the old file");
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
