package org.vmalab.engine.mm;

import java.util.Arrays;
import java.util.List;
import org.vmalab.engine.sched.Dyn;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/**
 * The steps a writer's operation will make, computed when it got {@code mmap_sem} (see {@link Kx}):
 * planned stores, and dynamic steps that run at their own time. Immutable; hashed by content.
 */
public final class Plan {
    /** One item of a plan. */
    public sealed interface Item permits Planned, DynItem {
    }

    /**
     * A step of precomputed stores: {@code stores} holds (field ordinal, object, value) triples.
     *
     * @param more          the next item belongs to the same macro step
     * @param validateAfter NIL, or the {@code ignore} of a validate_mm_rb checkpoint right after this step
     *                      ({@link #NO_VALIDATE} for none)
     */
    public record Planned(Loc loc, Tag tag, int a, int b, long v, long[] stores, boolean more, int validateAfter,
                          Loc group, int groupA) implements Item {
        @Override
        public boolean equals(Object o) {
            return o instanceof Planned p && p.loc == loc && p.tag == tag && p.a == a && p.b == b && p.v == v
                    && Arrays.equals(p.stores, stores) && p.more == more && p.validateAfter == validateAfter;
        }

        @Override
        public int hashCode() {
            return ((loc.ordinal() * 31 + a) * 31 + b) * 31 + Long.hashCode(v) * 17 + Arrays.hashCode(stores);
        }
    }

    /** A dynamic step. */
    public record DynItem(Dyn dyn) implements Item {
    }

    public static final int NO_VALIDATE = -2;

    private final Item[] items;
    private final int hash;
    private final String label;
    private final long result;

    Plan(List<Item> items, String label, long result) {
        this.items = items.toArray(new Item[0]);
        this.hash = Arrays.hashCode(this.items) * 31 + label.hashCode();
        this.label = label;
        this.result = result;
    }

    public int size() {
        return items.length;
    }

    public Item item(int i) {
        return items[i];
    }

    /** What the operation returned when it was planned (an address, 0, or an error). */
    public long result() {
        return result;
    }

    public String label() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plan p && p.hash == hash && Arrays.equals(p.items, items);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
