package entrycheck.semantics;

import entrycheck.ir.StateLayout;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the transitions whose {@code pre} conjuncts ({@code var == value}) hold in a state
 * without looking at the others: a decision tree over (variable, value) tests, built the way
 * pattern-matching compilers build decision trees (Maranget, "Compiling pattern matching to
 * good decision trees", ML Workshop 2008) and close to a Rete alpha network's discrimination
 * on constant tests (Forgy, Artificial Intelligence 19, 1982).
 *
 * <p>Each node reads one variable once (its field, encoded) and jumps through a table indexed
 * by the encoded value to the subtree of the transitions that require that value; the
 * transitions that do not mention the variable continue in {@code rest}. Transitions whose
 * remaining pres are all decided sit in {@code ids} of a node, with their residual guard. The
 * variable tested at a node is the one most transitions of the node mention (ties: lowest var
 * id), so for an entry model the root tests the nesting depth and the next level the program
 * counter of that depth; for a rule model with one pc per process the {@code rest} chain tests
 * each process's pc once.
 *
 * <p>Variables wider than {@link #MAX_TABLE_BITS} bits are not used for dispatch (their table
 * would be too large); their pres stay in the residual guard. The tree is immutable.
 */
final class Dispatch {
    static final int MAX_TABLE_BITS = 12;

    /** One node; {@code children == null} when the node tests nothing. */
    static final class Node {
        final int[] ids;
        final Condition[] guards;   // null entry: no residual guard
        final int word;
        final int shift;
        final long mask;
        final Node[] children;      // indexed by the encoded value; null entries: no transition
        final Node rest;

        Node(int[] ids, Condition[] guards, int word, int shift, long mask, Node[] children, Node rest) {
            this.ids = ids; this.guards = guards; this.word = word; this.shift = shift; this.mask = mask;
            this.children = children; this.rest = rest;
        }
    }

    /** A transition to place: its remaining dispatchable pres (var -> value) and its residual guard. */
    record Item(int id, Map<Integer, Integer> pres, Condition guard) { }

    private final Node root;
    /** True when every transition id is below 64. */
    private final boolean small;

    Dispatch(StateLayout layout, List<Item> items) {
        this.root = build(layout, items);
        int max = -1;
        for (Item it : items) max = Math.max(max, it.id());
        this.small = max < 64;
    }

    /** The root of the tree (null when no transition can ever be enabled); for tests. */
    Node root() { return root; }

    static boolean dispatchable(Var v) { return v.width() <= MAX_TABLE_BITS; }

    private static Node build(StateLayout layout, List<Item> items) {
        if (items.isEmpty()) return null;
        List<Item> here = new ArrayList<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Item it : items) {
            if (it.pres().isEmpty()) here.add(it);
            for (int v : it.pres().keySet()) counts.merge(v, 1, Integer::sum);
        }
        int[] ids = new int[here.size()];
        Condition[] guards = new Condition[here.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = here.get(i).id();
            Condition g = here.get(i).guard();
            guards[i] = g == Conditions.TRUE ? null : g;
        }
        if (counts.isEmpty()) return new Node(ids, guards, 0, 0, 0, null, null);
        int best = -1, bestCount = 0;
        for (Map.Entry<Integer, Integer> en : counts.entrySet()) {
            if (en.getValue() > bestCount) { best = en.getKey(); bestCount = en.getValue(); }
        }
        Var v = layout.var(best);
        int lo = v.type().lo();
        List<List<Item>> byValue = new ArrayList<>();
        for (int i = 0; i <= v.mask(); i++) byValue.add(new ArrayList<>());
        List<Item> rest = new ArrayList<>();
        for (Item it : items) {
            if (it.pres().isEmpty()) continue;
            Integer value = it.pres().get(best);
            if (value == null) { rest.add(it); continue; }
            Map<Integer, Integer> remaining = new TreeMap<>(it.pres());
            remaining.remove(best);
            byValue.get(value - lo).add(new Item(it.id(), remaining, it.guard()));
        }
        Node[] children = new Node[(int) v.mask() + 1];
        for (int i = 0; i < children.length; i++) children[i] = build(layout, byValue.get(i));
        return new Node(ids, guards, v.word(), v.shift(), v.mask(), children, build(layout, rest));
    }

    /** Fills {@code buf} with the enabled transitions in increasing id order; returns the count. */
    int enabled(long[] s, int[] buf) {
        int n = visit(root, s, buf, 0);
        // The tree yields ids grouped by node; restore id order. With at most 64 transitions the
        // ids are distinct bits of one long, read back in order with numberOfTrailingZeros: no
        // comparisons, no data-dependent branches (a rule model's processes interleave their ids,
        // which made the insertion sort below a fifth of the step's cost on bench/big).
        if (small) {
            long bits = 0;
            for (int i = 0; i < n; i++) bits |= 1L << buf[i];
            for (int i = 0; bits != 0; i++, bits &= bits - 1) buf[i] = Long.numberOfTrailingZeros(bits);
            return n;
        }
        // Otherwise insertion sort: n is small and the groups are usually already in order,
        // where it is linear.
        for (int i = 1; i < n; i++) {
            int x = buf[i];
            int j = i - 1;
            if (buf[j] <= x) continue;
            while (j >= 0 && buf[j] > x) { buf[j + 1] = buf[j]; j--; }
            buf[j + 1] = x;
        }
        return n;
    }

    private static int visit(Node node, long[] s, int[] buf, int n) {
        while (node != null) {
            n = collect(node, s, buf, n);
            Node[] children = node.children;
            if (children == null) return n;
            Node child = children[(int) ((s[node.word] >>> node.shift) & node.mask)];
            if (child != null) {
                // a leaf (the usual child: the transitions of one pc value) is handled here,
                // without the recursive call
                if (child.children == null) n = collect(child, s, buf, n);
                else n = visit(child, s, buf, n);
            }
            node = node.rest;
        }
        return n;
    }

    /** The transitions of {@code node} itself whose residual guards hold (or fail to evaluate). */
    private static int collect(Node node, long[] s, int[] buf, int n) {
        int[] ids = node.ids;
        Condition[] guards = node.guards;
        for (int i = 0; i < ids.length; i++) {
            Condition g = guards[i];
            if (g == null) { buf[n++] = ids[i]; continue; }
            try {
                if (g.test(s)) buf[n++] = ids[i];
            } catch (DomainError e) {
                buf[n++] = ids[i]; // enabled; firing it reports the error
            }
        }
        return n;
    }
}
