package org.vmalab.engine.memory;

/**
 * A set of fields, as one 64-bit mask (there are fewer than 64 fields): what a step declares it reads of one
 * object, or of every object. Immutable; the declaring code keeps its sets as constants.
 */
public record FieldSet(long bits) {
    static {
        if (Field.count() > 64) {
            throw new IllegalStateException("a FieldSet packs fields into a 64-bit mask: " + Field.count() + " fields");
        }
    }

    public static FieldSet of(Field... fs) {
        long b = 0;
        for (Field f : fs) {
            b |= 1L << f.ordinal();
        }
        return new FieldSet(b);
    }

    public boolean contains(Field f) {
        return (bits & (1L << f.ordinal())) != 0;
    }

    public FieldSet with(FieldSet o) {
        return new FieldSet(bits | o.bits);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (Field f : Field.values()) {
            if (contains(f)) {
                b.append(b.length() > 1 ? " " : "").append(f.name());
            }
        }
        return b.append('}').toString();
    }
}
