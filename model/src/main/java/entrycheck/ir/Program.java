package entrycheck.ir;

import java.util.List;
import java.util.Map;

/**
 * The IR: a finite-domain transition system. This is the narrow waist every backend reads
 * (explicit-state engine, bounded engine, exporters). Nothing in it is specific to x86.
 *
 * @param name        model name, e.g. {@code x86_64/mainline} or a file path
 * @param sourceHash  hash (hex SHA-256) of the model's source text, including files it extends
 * @param constants   the named constants with their final values (after -D overrides)
 * @param layout      the state variables and their packing
 * @param transitions all transitions, in the deterministic order successors are generated
 * @param invariants  state invariants
 * @param endState    states without successors that satisfy this are allowed (not deadlocks)
 * @param properties  every property of the model, including the built-in ones
 * @param nesting     how nesting is represented, for traces; null for plain rule models
 * @param memory      where frames live (stacks, slots, regions), for traces and the layout engine;
 *                    null for models without frames
 * @param unless      per liveness property with an {@code unless E} clause, E (as an
 *                    {@link Invariant} of that property): states where it holds are no part of a
 *                    counterexample loop
 */
public record Program(String name, String sourceHash, Map<String, Integer> constants,
                      StateLayout layout, List<Transition> transitions, List<Invariant> invariants,
                      Expr endState, List<Property> properties, Nesting nesting, Memory memory,
                      List<Invariant> unless) {

    /** A program without {@code unless} clauses. */
    public Program(String name, String sourceHash, Map<String, Integer> constants,
                   StateLayout layout, List<Transition> transitions, List<Invariant> invariants,
                   Expr endState, List<Property> properties, Nesting nesting, Memory memory) {
        this(name, sourceHash, constants, layout, transitions, invariants, endState, properties, nesting, memory, List.of());
    }

    /** A program without frame memory metadata. */
    public Program(String name, String sourceHash, Map<String, Integer> constants,
                   StateLayout layout, List<Transition> transitions, List<Invariant> invariants,
                   Expr endState, List<Property> properties, Nesting nesting) {
        this(name, sourceHash, constants, layout, transitions, invariants, endState, properties, nesting, null);
    }

    public Program {
        constants = Map.copyOf(constants);
        transitions = List.copyOf(transitions);
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
        unless = List.copyOf(unless);
    }

    public Property property(String name) {
        for (Property p : properties) if (p.name().equals(name)) return p;
        return null;
    }

    /**
     * Where the nesting of entries lives in the state: {@code depth} is the variable holding the
     * current nesting level (0 = task), {@code vectorOfLevel[i]} the variable holding the vector
     * whose handler runs at level i (enum over {@code vectors}, index 0 = none).
     */
    public record Nesting(int depth, int[] vectorOfLevel, List<String> vectors) {
        public Nesting { vectors = List.copyOf(vectors); }
    }

    /**
     * Stack memory as the model declares it: the frame type, and for every stack its slots (each
     * a frame: one variable per field) and its named cells. Var ids index {@link StateLayout#vars()};
     * -1 where a piece has no variable (e.g. no owner tag when no property needs one).
     */
    public record Memory(List<Field> frame, List<Stack> stacks) {
        public Memory { frame = List.copyOf(frame); stacks = List.copyOf(stacks); }
    }

    /**
     * A field of a frame (or of a cell).
     *
     * @param region {@code hw}, {@code saved}, {@code zeroed}, {@code uninit}, {@code arch}, or "" for a plain cell
     * @param var    its variable in this slot or cell, -1 in {@link Memory#frame()} (the declaration)
     * @param size   declared size in bytes, 0 when not declared
     * @param align  declared alignment in bytes, 0 when not declared
     */
    public record Field(String name, String region, int var, int size, int align) { }

    /** One named stack. */
    public record Stack(String name, boolean ist, List<Slot> slots, List<Cell> cells) {
        public Stack { slots = List.copyOf(slots); cells = List.copyOf(cells); }
    }

    /** A frame slot: its fields and the ghost variable holding the nesting level that owns it (-1 if none). */
    public record Slot(int owner, List<Field> fields) {
        public Slot { fields = List.copyOf(fields); }
    }

    /** A named cell of a stack: a whole frame (isFrame) with its owner tag, or a single value. */
    public record Cell(String name, boolean isFrame, int owner, List<Field> fields) {
        public Cell { fields = List.copyOf(fields); }
    }
}
