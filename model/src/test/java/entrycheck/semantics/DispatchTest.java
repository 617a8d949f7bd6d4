package entrycheck.semantics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import entrycheck.ir.StateLayout;
import entrycheck.ir.Type;
import entrycheck.ir.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchTest {

    /** An entry-model shape: every step has pres depth == L and level[L].pc == P; deliveries only depth == L. */
    @Test
    void entryShapeTestsDepthThenTheLevelsPc() {
        StateLayout.Builder b = new StateLayout.Builder();
        b.add("x", new Type.Range(0, 1), Var.Role.STATE, 0);
        Var[] pc = {b.add("level[0].pc", new Type.Range(0, 5), Var.Role.CONTROL, 0),
                    b.add("level[1].pc", new Type.Range(0, 5), Var.Role.CONTROL, 0)};
        Var depth = b.add("depth", new Type.Range(0, 1), Var.Role.CONTROL, 0);
        StateLayout layout = b.build();
        List<Dispatch.Item> items = new ArrayList<>();
        int id = 0;
        for (int level = 0; level <= 1; level++) {
            for (int p = 0; p < 6; p++) items.add(new Dispatch.Item(id++, Map.of(depth.id(), level, pc[level].id(), p), Conditions.TRUE));
            items.add(new Dispatch.Item(id++, Map.of(depth.id(), level), Conditions.TRUE)); // a delivery
        }
        Dispatch d = new Dispatch(layout, items);
        Dispatch.Node root = d.root();
        assertEquals(depth.shift(), root.shift);
        assertEquals(0, root.ids.length);
        assertNull(root.rest);
        Dispatch.Node level1 = root.children[1];
        assertArrayEquals(new int[] {13}, level1.ids);       // the delivery at depth 1
        assertEquals(pc[1].shift(), level1.shift);           // then level 1's pc
        assertArrayEquals(new int[] {9}, level1.children[2].ids);

        long[] s = layout.initialState();
        StateLayout.set(s, depth, 1);
        StateLayout.set(s, pc[1], 2);
        StateLayout.set(s, pc[0], 4);
        int[] buf = new int[id];
        int n = d.enabled(s, buf);
        assertArrayEquals(new int[] {9, 13}, Arrays.copyOf(buf, n));
    }
}
