package entrycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The default memory budget: three quarters of the heap, but never the last {@link MemoryBudget#RESERVE}. */
class MemoryBudgetTest {
    private static final long MB = 1L << 20;

    @Test
    void defaultBudgetLeavesRoomForTheRestOfTheProgram() {
        assertEquals(6L << 30, MemoryBudget.defaultBytes(8L << 30), "8 GB heap: 3/4");
        assertEquals(96 * MB, MemoryBudget.defaultBytes(128 * MB), "128 MB: 3/4 (a quarter is the reserve)");
        assertEquals(32 * MB, MemoryBudget.defaultBytes(64 * MB), "64 MB: all but 32 MB");
        assertEquals(16 * MB, MemoryBudget.defaultBytes(48 * MB));
        assertEquals(8 * MB, MemoryBudget.defaultBytes(32 * MB), "32 MB: a quarter at least");
        assertEquals(4 * MB, MemoryBudget.defaultBytes(16 * MB));
    }
}
