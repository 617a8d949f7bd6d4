package entrycheck.ir;

/**
 * One finite-domain state variable, packed at a fixed bit position of the state vector.
 * A variable never straddles two 64-bit words: {@code word()} and {@code shift()} locate it.
 *
 * @param id      index in {@link StateLayout#vars()}
 * @param name    display name, e.g. {@code cpu.IF}, {@code nmi_ist[0].exit_rcu}, {@code level[2].pc}
 * @param type    the domain
 * @param role    what the variable stands for (model state, control, ghost)
 * @param init    initial value (a member of the domain)
 * @param word    index of the 64-bit word that holds it
 * @param shift   bit offset inside that word
 * @param width   number of bits (at least 1)
 */
public record Var(int id, String name, Type type, Role role, int init, int word, int shift, int width) {

    public enum Role {
        /** Model state: CPU registers, per-CPU and per-task variables, stack memory. */
        STATE,
        /** Control state the compiler adds: nesting depth, program counters, frame locations. */
        CONTROL,
        /** Ghost state for properties: captures at delivery, frame owners, written-bits, counters. */
        GHOST
    }

    public long mask() { return width == 64 ? -1L : (1L << width) - 1; }
}
