package entrycheck.trace.render;

import entrycheck.ir.Program;
import entrycheck.trace.TraceDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries (activations) of a trace and how they nest over time, reconstructed from the
 * steps alone: a {@code DELIVER} step starts an activation one level deeper, a step whose
 * depth drops ends the activations above it. Activation 0 is the task (level 0). Both
 * renderers draw from this, so the HTML viewer and the DOT graph tell the same story.
 *
 * <p>Where the trace carries {@code memory}, each delivered activation is given the frame slot
 * its delivery wrote: the slot whose owner tag holds the new level (preferring a tag that this
 * step changed, then the slot with the most fields this step changed); without owner tags, the
 * slot with the most fields changed by the delivery. A slot can be unknown (-1).
 */
public final class Activations {

    /**
     * One activation.
     *
     * @param id          index in {@link #all()}, in order of delivery
     * @param level       nesting level (0 = the task)
     * @param vector      the vector delivered ("" for the task, "?" when the trace does not say)
     * @param parent      the activation it interrupted, -1 for the task
     * @param deliveredAt the step that delivered it (0 for the task)
     * @param endedAt     the step whose return ended it, -1 if it is still live at the end
     * @param stack       index into {@code memory.stacks()} of its frame, -1 if none or unknown
     * @param slot        index into that stack's slots, -1 if none or unknown
     */
    public record Activation(int id, int level, String vector, int parent, int deliveredAt, int endedAt,
                             int stack, int slot) {
        /** "task" for level 0, otherwise "L{level} {vector}". */
        public String title() {
            if (level == 0) return "task";
            return "L" + level + " " + (vector.isEmpty() ? "?" : vector);
        }
    }

    private final List<Activation> all;
    private final int[] stepActivation;
    private final int[][] liveAfter;

    private Activations(List<Activation> all, int[] stepActivation, int[][] liveAfter) {
        this.all = List.copyOf(all);
        this.stepActivation = stepActivation;
        this.liveAfter = liveAfter;
    }

    /** Every activation, in order of delivery; index 0 is the task. */
    public List<Activation> all() { return all; }

    /**
     * The activation step {@code i} belongs to: the one it delivered, the one it ended (for a
     * return), otherwise the innermost live one.
     */
    public int activationOf(int step) { return stepActivation[step]; }

    /** The live activations after step {@code i}, outermost (the task) first. */
    public int[] liveAfter(int step) { return liveAfter[step].clone(); }

    /** Reconstructs the activations of {@code d}. */
    public static Activations of(TraceDocument d) {
        List<Mutable> acts = new ArrayList<>();
        List<Mutable> chain = new ArrayList<>();
        Mutable task = new Mutable(0, 0, "", -1, 0);
        acts.add(task);
        chain.add(task);
        int n = d.steps().size();
        int[] stepAct = new int[n];
        int[][] live = new int[n][];
        for (int i = 0; i < n; i++) {
            TraceDocument.StepInfo s = d.steps().get(i);
            int depth = Math.max(0, s.depth());
            String kind = s.kind();
            if (kind.equals("DELIVER")) {
                while (chain.size() > 1 && top(chain).level >= depth) end(chain, i);
                fill(acts, chain, depth - 1, i, "?");
                Mutable a = new Mutable(acts.size(), depth, s.vector(), top(chain).id, i);
                int[] where = slotOf(d, i, depth);
                a.stack = where[0];
                a.slot = where[1];
                acts.add(a);
                chain.add(a);
                stepAct[i] = a.id;
            } else if (kind.equals("RETURN")) {
                stepAct[i] = top(chain).id;
                while (chain.size() > 1 && top(chain).level > depth) end(chain, i);
                fill(acts, chain, depth, i, s.vector().isEmpty() ? "?" : s.vector());
            } else {
                while (chain.size() > 1 && top(chain).level > depth) end(chain, i);
                fill(acts, chain, depth, i, s.vector().isEmpty() ? "?" : s.vector());
                stepAct[i] = top(chain).id;
            }
            live[i] = chain.stream().mapToInt(m -> m.id).toArray();
        }
        List<Activation> out = new ArrayList<>();
        for (Mutable m : acts) out.add(new Activation(m.id, m.level, m.vector, m.parent, m.deliveredAt, m.endedAt, m.stack, m.slot));
        return new Activations(out, stepAct, live);
    }

    private static Mutable top(List<Mutable> chain) { return chain.get(chain.size() - 1); }

    private static void end(List<Mutable> chain, int step) {
        chain.remove(chain.size() - 1).endedAt = step;
    }

    /** Adds placeholder activations up to {@code level} when the depths jump without a delivery. */
    private static void fill(List<Mutable> acts, List<Mutable> chain, int level, int step, String vector) {
        while (top(chain).level < level) {
            Mutable a = new Mutable(acts.size(), top(chain).level + 1, vector, top(chain).id, step);
            acts.add(a);
            chain.add(a);
        }
    }

    /** {stack, slot} of the frame the delivery at step {@code i} wrote for {@code level}, or {-1, -1}. */
    static int[] slotOf(TraceDocument d, int i, int level) {
        Program.Memory m = d.memory();
        int[] best = {-1, -1};
        if (m == null) return best;
        TraceDocument.StepInfo s = d.steps().get(i);
        boolean[] changed = new boolean[d.vars().size()];
        for (int c : s.changed()) changed[c] = true;
        int bestScore = 0;
        for (int si = 0; si < m.stacks().size(); si++) {
            List<Program.Slot> slots = m.stacks().get(si).slots();
            for (int k = 0; k < slots.size(); k++) {
                Program.Slot slot = slots.get(k);
                int nChanged = 0;
                for (Program.Field f : slot.fields()) if (f.var() >= 0 && changed[f.var()]) nChanged++;
                int score;
                if (slot.owner() >= 0) {
                    if (s.values()[slot.owner()] != level) continue;
                    score = 1000 + (changed[slot.owner()] ? 500 : 0) + nChanged;
                } else {
                    if (nChanged == 0) continue;
                    score = nChanged;
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = new int[] {si, k};
                }
            }
        }
        return best;
    }

    private static final class Mutable {
        final int id;
        final int level;
        final String vector;
        final int parent;
        final int deliveredAt;
        int endedAt = -1;
        int stack = -1;
        int slot = -1;

        Mutable(int id, int level, String vector, int parent, int deliveredAt) {
            this.id = id;
            this.level = level;
            this.vector = vector;
            this.parent = parent;
            this.deliveredAt = deliveredAt;
        }
    }
}
