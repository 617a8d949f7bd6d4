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
 */
public record Program(String name, String sourceHash, Map<String, Integer> constants,
                      StateLayout layout, List<Transition> transitions, List<Invariant> invariants,
                      Expr endState, List<Property> properties, Nesting nesting) {

    public Program {
        constants = Map.copyOf(constants);
        transitions = List.copyOf(transitions);
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
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
}
