package entrycheck.layout;

import java.util.List;

/**
 * A computed layout: offsets from the lowest address of the extended frame.
 *
 * @param fields  every field with its offset, region by region
 * @param regions every region with its start and size (its fields and any padding inside it)
 * @param size    the total size of the frame
 * @param padding bytes that belong to no field ({@code size} minus the fields' sizes); minimal
 */
public record FrameLayout(List<Placed> fields, List<PlacedRegion> regions, int size, int padding) {

    public FrameLayout {
        fields = List.copyOf(fields);
        regions = List.copyOf(regions);
    }

    public record Placed(FrameField field, int offset) { }

    public record PlacedRegion(String name, int start, int size) { }

    /** The offset of field {@code name}; -1 when there is none. */
    public int offset(String name) {
        for (Placed p : fields) if (p.field().name().equals(name)) return p.offset();
        return -1;
    }

    /** The region named {@code name}, or null. */
    public PlacedRegion region(String name) {
        for (PlacedRegion r : regions) if (r.name().equals(name)) return r;
        return null;
    }
}
