package entrycheck.compile;

import entrycheck.ir.Expr;
import entrycheck.ir.Update;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a value of the language lives in the flattened state: one variable, an element of a
 * run-time indexed run of variables, or a composite of places (record, array, frame).
 */
sealed interface Place {

    record Scalar(int var) implements Place { }

    /** {@code vars[index - base]}. */
    record Indexed(int[] vars, Expr index, int base) implements Place { }

    record Rec(Map<String, Place> fields) implements Place {
        public Rec { fields = new LinkedHashMap<>(fields); }
    }

    record Arr(List<Place> elems) implements Place {
        public Arr { elems = List.copyOf(elems); }
    }

    /**
     * A frame: its fields, its ghost owner (null when ownership is not tracked) and the ghost
     * written-bits of its zeroed/uninit fields (empty for cells and when not tracked).
     */
    record Frame(Map<String, Place> fields, Place owner, Map<String, Place> written) implements Place {
        public Frame {
            fields = new LinkedHashMap<>(fields);
            written = new LinkedHashMap<>(written);
        }
    }

    static boolean isScalar(Place p) { return p instanceof Scalar || p instanceof Indexed; }

    static Expr read(Place p) {
        if (p instanceof Scalar) return new Expr.Read(((Scalar) p).var());
        if (p instanceof Indexed) {
            Indexed i = (Indexed) p;
            return new Expr.ReadIndexed(i.vars(), i.index(), i.base());
        }
        throw new IllegalArgumentException("not a scalar place: " + p);
    }

    static Update assign(Place p, Expr value) {
        if (p instanceof Scalar) return new Update.Assign(((Scalar) p).var(), value);
        if (p instanceof Indexed) {
            Indexed i = (Indexed) p;
            return new Update.AssignIndexed(i.vars(), i.index(), i.base(), value);
        }
        throw new IllegalArgumentException("not a scalar place: " + p);
    }

    /** Element {@code index} of an array place (constant indices select directly). */
    static Place element(Arr a, Expr index) {
        if (index instanceof Expr.Const) {
            int v = ((Expr.Const) index).value();
            if (v >= 0 && v < a.elems().size()) return a.elems().get(v);
        }
        return zip(a.elems(), index);
    }

    /** The place whose leaves are {@code elems[index]} leaf by leaf. */
    static Place zip(List<Place> elems, Expr index) {
        Place first = elems.get(0);
        if (first instanceof Scalar) {
            int[] vars = new int[elems.size()];
            for (int i = 0; i < vars.length; i++) vars[i] = ((Scalar) elems.get(i)).var();
            return new Indexed(vars, index, 0);
        }
        if (first instanceof Indexed) {
            Indexed f = (Indexed) first;
            int n = f.vars().length;
            int[] vars = new int[n * elems.size()];
            for (int i = 0; i < elems.size(); i++) System.arraycopy(((Indexed) elems.get(i)).vars(), 0, vars, i * n, n);
            Expr inner = f.base() == 0 ? f.index() : new Expr.Binary(Expr.BinOp.SUB, f.index(), new Expr.Const(f.base()));
            Expr idx = new Expr.Binary(Expr.BinOp.ADD, new Expr.Binary(Expr.BinOp.MUL, index, new Expr.Const(n)), inner);
            return new Indexed(vars, idx, 0);
        }
        if (first instanceof Rec) {
            Map<String, Place> fs = new LinkedHashMap<>();
            for (String k : ((Rec) first).fields().keySet()) {
                List<Place> col = new ArrayList<>();
                for (Place e : elems) col.add(((Rec) e).fields().get(k));
                fs.put(k, zip(col, index));
            }
            return new Rec(fs);
        }
        if (first instanceof Arr) {
            List<Place> out = new ArrayList<>();
            for (int j = 0; j < ((Arr) first).elems().size(); j++) {
                List<Place> col = new ArrayList<>();
                for (Place e : elems) col.add(((Arr) e).elems().get(j));
                out.add(zip(col, index));
            }
            return new Arr(out);
        }
        Frame ff = (Frame) first;
        Map<String, Place> fs = new LinkedHashMap<>();
        for (String k : ff.fields().keySet()) {
            List<Place> col = new ArrayList<>();
            for (Place e : elems) col.add(((Frame) e).fields().get(k));
            fs.put(k, zip(col, index));
        }
        Place owner = null;
        if (ff.owner() != null) {
            List<Place> col = new ArrayList<>();
            for (Place e : elems) col.add(((Frame) e).owner());
            owner = zip(col, index);
        }
        Map<String, Place> ws = new LinkedHashMap<>();
        for (String k : ff.written().keySet()) {
            List<Place> col = new ArrayList<>();
            for (Place e : elems) col.add(((Frame) e).written().get(k));
            ws.put(k, zip(col, index));
        }
        return new Frame(fs, owner, ws);
    }

    /** Every scalar leaf of a place, in order. */
    static void leaves(Place p, List<Place> out) {
        if (isScalar(p)) out.add(p);
        else if (p instanceof Rec) for (Place x : ((Rec) p).fields().values()) leaves(x, out);
        else if (p instanceof Arr) for (Place x : ((Arr) p).elems()) leaves(x, out);
        else for (Place x : ((Frame) p).fields().values()) leaves(x, out);
    }
}
