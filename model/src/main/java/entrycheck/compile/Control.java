package entrycheck.compile;

import entrycheck.ir.Type;
import entrycheck.ir.Var;
import entrycheck.lang.LType;
import entrycheck.lang.Symbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The control and ghost variables of an entry model: depth, and per level L its program
 * counter, vector, frame location (stack and slot), locals, captures and pushed values;
 * and the delivery counters. Everything at level L except the counters is reset to its
 * initial value when the activation at L ends.
 */
final class Control {
    final int maxLevel;
    int depth = -1;
    final int[] pc;
    final int[] vec;
    final int[] fstack;
    final int[] fslot;
    private final Map<String, Place> locals = new HashMap<>();
    private final Map<String, Integer> caps = new HashMap<>();
    private final Map<String, Integer> pushed = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    /** Per level: the variables reset when its activation ends. */
    final List<List<Var>> levelVars = new ArrayList<>();

    Control(int maxLevel) {
        this.maxLevel = maxLevel;
        pc = new int[maxLevel + 1];
        vec = new int[maxLevel + 1];
        fstack = new int[maxLevel + 1];
        fslot = new int[maxLevel + 1];
        java.util.Arrays.fill(vec, -1);
        java.util.Arrays.fill(fstack, -1);
        java.util.Arrays.fill(fslot, -1);
        for (int l = 0; l <= maxLevel; l++) levelVars.add(new ArrayList<>());
    }

    int pc(int level) { return pc[level]; }
    int vec(int level) { return vec[level]; }
    int fstack(int level) { return fstack[level]; }
    int fslot(int level) { return fslot[level]; }

    Place local(int level, String proc, String name) { return locals.get(level + "/" + proc + "/" + name); }
    Integer cap(int level, String prop, int i) { return caps.get(level + "/" + prop + "/" + i); }
    Integer pushed(int level, String field) { return pushed.get(level + "/" + field); }
    Integer count(String vector) { return counts.get(vector); }

    /** Adds a variable that belongs to level {@code level} (reset when its activation ends). */
    private Var levelVar(Layout lay, int level, String name, Type t, Var.Role role, int init) {
        Var v = lay.add(name, t, role, init);
        levelVars.get(level).add(v);
        return v;
    }

    void addLevel(Layout lay, int level, List<String> pcNames, int pcInit, List<String> vectors, List<String> stacks, int maxSlots) {
        pc[level] = levelVar(lay, level, "level[" + level + "].pc", new Type.Enum("pc" + level, pcNames), Var.Role.CONTROL, pcInit).id();
        if (level > 0) {
            vec[level] = levelVar(lay, level, "level[" + level + "].vec", new Type.Enum("vector", vectors), Var.Role.CONTROL, 0).id();
            if (!stacks.isEmpty()) {
                fstack[level] = levelVar(lay, level, "level[" + level + "].fstack", new Type.Enum("stack", stacks), Var.Role.CONTROL, 0).id();
                fslot[level] = levelVar(lay, level, "level[" + level + "].fslot", new Type.Range(0, maxSlots - 1), Var.Role.CONTROL, 0).id();
            }
        }
    }

    void addLocal(Layout lay, int level, String proc, String name, LType type) {
        int before = lay.vars.size();
        Place p = lay.flatten("level[" + level + "]." + proc + "." + name, type, Var.Role.CONTROL, null);
        for (int i = before; i < lay.vars.size(); i++) levelVars.get(level).add(lay.vars.get(i));
        locals.put(level + "/" + proc + "/" + name, p);
    }

    void addCapture(Layout lay, int level, String prop, int i, Type t) {
        caps.put(level + "/" + prop + "/" + i,
                levelVar(lay, level, "level[" + level + "].cap." + prop + "." + i, t, Var.Role.GHOST, t.lo()).id());
    }

    void addPushed(Layout lay, int level, String field, Type t) {
        pushed.put(level + "/" + field, levelVar(lay, level, "level[" + level + "].pushed." + field, t, Var.Role.GHOST, t.lo()).id());
    }

    void addCount(Layout lay, Symbols.VectorInfo v) {
        counts.put(v.name(), lay.add("count." + v.name(), new Type.Range(0, v.max()), Var.Role.GHOST, 0).id());
    }
}
