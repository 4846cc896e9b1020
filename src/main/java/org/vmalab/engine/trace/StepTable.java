package org.vmalab.engine.trace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.tree.Tag;

/**
 * The steps of a run in columns of primitives, about 30 bytes a step (a {@link StepRecord} object is about 80): a
 * munmap over 65,530 VMAs records 1.3 million steps. Notes, violations and results, which few steps have, are kept
 * aside. {@link #get} gives a step back as the record it was added as.
 */
public final class StepTable {
    private static final Loc[] LOCS = Loc.values();
    private static final Tag[] TAGS = Tag.values();
    private static final int WAITING = 1 << 7;

    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private int n;
    /** Columns in chunks of {@value #CHUNK} steps: a long run grows without copying what it holds. */
    private short[][] thread = new short[4][];
    private short[][] loc = new short[4][];
    private byte[][] tag = new byte[4][];
    private int[][] a = new int[4][];
    private int[][] b = new int[4][];
    private long[][] v = new long[4][];
    /** Where a step's stores start in the delta log; they end where the next step's start ({@link #end}). */
    private int[][] deltaFrom = new int[4][];
    private int end;
    private int[][] micro = new int[4][];
    /** {@link #WAITING} and the check bits. */
    private byte[][] flags = new byte[4][];
    /** Steps with a note, a violation or a result, by index (ascending), and what they have. */
    private int nExtra;
    private int[] extraAt = new int[8];
    private Extra[] extra = new Extra[8];

    private record Extra(String note, List<Violation> violations, String result) {
    }

    public int size() {
        return n;
    }

    /** Appends step {@code r} (its index must be {@code size() + 1}). */
    public void add(StepRecord r) {
        if (r.index() != n + 1) {
            throw new IllegalArgumentException("step " + r.index() + " added as step " + (n + 1));
        }
        if (n > 0 && r.deltaFrom() != end) {
            throw new IllegalArgumentException("step " + r.index() + " does not start where step " + n + " ended");
        }
        int c = n >>> SHIFT;
        if ((n & MASK) == 0) {
            if (c == thread.length) {
                int len = c * 2;
                thread = Arrays.copyOf(thread, len);
                loc = Arrays.copyOf(loc, len);
                tag = Arrays.copyOf(tag, len);
                a = Arrays.copyOf(a, len);
                b = Arrays.copyOf(b, len);
                v = Arrays.copyOf(v, len);
                deltaFrom = Arrays.copyOf(deltaFrom, len);
                micro = Arrays.copyOf(micro, len);
                flags = Arrays.copyOf(flags, len);
            }
            thread[c] = new short[CHUNK];
            loc[c] = new short[CHUNK];
            tag[c] = new byte[CHUNK];
            a[c] = new int[CHUNK];
            b[c] = new int[CHUNK];
            v[c] = new long[CHUNK];
            deltaFrom[c] = new int[CHUNK];
            micro[c] = new int[CHUNK];
            flags[c] = new byte[CHUNK];
        }
        n++;
        put(n - 1, r);
    }

    /** Replaces the last step (the final check of a run adds to it). */
    public void replaceLast(StepRecord r) {
        if (n == 0 || r.index() != n) {
            throw new IllegalArgumentException("step " + r.index() + " is not the last step");
        }
        if (nExtra > 0 && extraAt[nExtra - 1] == n - 1) {
            nExtra--;
        }
        if (r.deltaFrom() != deltaFrom(n)) {
            throw new IllegalArgumentException("step " + n + " replaced by one with other stores");
        }
        put(n - 1, r);
    }

    private void put(int i, StepRecord r) {
        int c = i >>> SHIFT;
        int k = i & MASK;
        thread[c][k] = (short) r.thread();
        loc[c][k] = (short) r.loc().ordinal();
        tag[c][k] = (byte) r.tag().ordinal();
        a[c][k] = r.a();
        b[c][k] = r.b();
        v[c][k] = r.v();
        deltaFrom[c][k] = r.deltaFrom();
        end = r.deltaTo();
        micro[c][k] = r.micro();
        flags[c][k] = (byte) ((r.waiting() ? WAITING : 0) | (r.checks() & 0x7f));
        if (r.note() != null || !r.violations().isEmpty() || r.result() != null) {
            if (nExtra == extraAt.length) {
                extraAt = Arrays.copyOf(extraAt, nExtra * 2);
                extra = Arrays.copyOf(extra, nExtra * 2);
            }
            extraAt[nExtra] = i;
            extra[nExtra++] = new Extra(r.note(), List.copyOf(r.violations()), r.result());
        }
    }

    /** Step {@code index} (1-based). */
    public StepRecord get(int index) {
        int i = index - 1;
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("step " + index + " of " + n);
        }
        int e = Arrays.binarySearch(extraAt, 0, nExtra, i);
        Extra x = e >= 0 ? extra[e] : null;
        int c = i >>> SHIFT;
        int k = i & MASK;
        byte fl = flags[c][k];
        return new StepRecord(index, thread[c][k], LOCS[loc[c][k]], TAGS[tag[c][k]], a[c][k], b[c][k], v[c][k],
                x == null ? null : x.note(), deltaFrom[c][k], deltaTo(index), x == null ? List.of() : x.violations(),
                micro[c][k], (fl & WAITING) != 0, fl & 0x7f, x == null ? null : x.result());
    }

    /** The thread of step {@code index} (1-based). */
    int thread(int index) {
        return thread[(index - 1) >>> SHIFT][(index - 1) & MASK];
    }

    /** The first delta of step {@code index} (1-based). */
    int deltaFrom(int index) {
        return deltaFrom[(index - 1) >>> SHIFT][(index - 1) & MASK];
    }

    /** One past the last delta of step {@code index} (1-based). */
    int deltaTo(int index) {
        return index == n ? end : deltaFrom(index + 1);
    }

    /** Indices (1-based, ascending) of the steps with violations. */
    int[] violationSteps() {
        int[] out = new int[nExtra];
        int k = 0;
        for (int j = 0; j < nExtra; j++) {
            if (!extra[j].violations().isEmpty()) {
                out[k++] = extraAt[j] + 1;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Bytes held (approximately). */
    long bytes() {
        long bytes = 16L + (long) ((n + MASK) >>> SHIFT) * CHUNK * (2 + 2 + 1 + 4 + 4 + 8 + 4 + 4 + 1);
        for (int j = 0; j < nExtra; j++) {
            Extra x = extra[j];
            bytes += 40 + (x.note() == null ? 0 : 40 + 2L * x.note().length()) + 16L * x.violations().size();
        }
        return bytes;
    }

    /** The steps as an unmodifiable list of records (each made when it is read). */
    List<StepRecord> asList() {
        return new AbstractList<>() {
            @Override
            public StepRecord get(int i) {
                return StepTable.this.get(i + 1);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** The thread of every step, as a list. */
    List<Integer> threads() {
        return new AbstractList<>() {
            @Override
            public Integer get(int i) {
                if (i < 0 || i >= n) {
                    throw new IndexOutOfBoundsException(i);
                }
                return thread(i + 1);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
