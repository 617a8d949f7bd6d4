package entrycheck.compile;

import entrycheck.ir.Update;
import java.util.ArrayList;
import java.util.List;

/**
 * A continuation: the updates that run when control passes to a code location (initialising
 * locals and by-value parameters, which are not steps themselves), then the location.
 */
record Cont(List<Update> pre, int loc) {
    Cont { pre = List.copyOf(pre); }

    static Cont at(int loc) { return new Cont(List.of(), loc); }

    Cont prepend(List<Update> ups) {
        if (ups.isEmpty()) return this;
        List<Update> all = new ArrayList<>(ups);
        all.addAll(pre);
        return new Cont(all, loc);
    }
}
