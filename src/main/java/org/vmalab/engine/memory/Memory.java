package org.vmalab.engine.memory;

import java.util.Arrays;

/**
 * The simulated machine's memory: one word per (field, object). Mutable; every store goes through
 * {@link #set}, which tells the current {@link Recorder} (if any) the old and new value, so that a step's
 * delta can be recorded, undone and replayed. Reads are plain array loads; a test can have them reported
 * ({@link #trackReads}) to check what the steps declare they read.
 *
 * <p>An incremental Zobrist-style hash of the whole memory is kept when {@link #enableHashing()} was called
 * (the explorer's visited-state table uses it).
 */
public final class Memory implements WritableState {
    public static final int NIL = -1;
    /** Objects of the mm kind: 0 is the process's mm, 1 the child's mm that a fork creates. */
    public static final int MM_OBJECTS = 2;
    /** The mm object of the child a fork creates. */
    public static final int CHILD_MM = 1;

    /** One column per field, except the hot fields of a VMA (null here): those are in {@link #hot}. */
    private final long[][] cols = new long[Field.count()][];
    /**
     * The words a tree walk and a gap update read, eight per VMA side by side (one 64-byte block: a walk touches
     * one or two cache lines per node instead of one per field): vm_start, vm_end, rb_left, rb_right,
     * __rb_parent_color, rb_subtree_gap, vm_prev, vm_flags. VMA {@code v}'s word of field {@code f} is at
     * {@code (v << 3) + HOT_SLOT[f]}.
     */
    private long[] hot;
    private static final int[] HOT_SLOT = new int[Field.count()];
    private static final Field[] HOT_FIELDS = {Field.VM_START, Field.VM_END, Field.RB_LEFT, Field.RB_RIGHT, Field.RB_PC,
        Field.RB_GAP, Field.VM_PREV, Field.VM_FLAGS};

    static {
        Arrays.fill(HOT_SLOT, -1);
        for (int i = 0; i < HOT_FIELDS.length; i++) {
            HOT_SLOT[HOT_FIELDS[i].ordinal()] = i;
        }
    }
    private int vmaCapacity;
    private final int threads;
    private final int ptes;
    private final NameTable names;
    private Recorder recorder;
    private boolean hashing;
    /** hashing or a recorder: stores must be reported. */
    private boolean observed;
    private long hash;

    /** Receives every store, in order. */
    public interface Recorder {
        void stored(Field f, int obj, long old, long value);
    }

    /** Receives every read of {@link #get} and {@link #mm} (tests only: see {@link #trackReads}). */
    public interface ReadLog {
        void read(Field f, int obj);
    }

    private ReadLog reads;

    public Memory(int vmaCapacity, int threads, int ptes) {
        this.vmaCapacity = Math.max(4, vmaCapacity);
        this.threads = threads;
        this.ptes = ptes;
        this.names = new NameTable();
        this.hot = newHot(this.vmaCapacity);
        for (Field f : Field.values()) {
            if (HOT_SLOT[f.ordinal()] >= 0) {
                continue;
            }
            int n = switch (f.kind()) {
                case VMA -> this.vmaCapacity;
                case MM -> MM_OBJECTS;
                case THREAD -> threads;
                case PTE -> ptes;
                case SB -> threads * StoreBuffer.CAPACITY;
            };
            long[] c = new long[n];
            if (f.defaultValue() != 0) {
                Arrays.fill(c, f.defaultValue());
            }
            cols[f.ordinal()] = c;
        }
    }

    private Memory(Memory o) {
        this.vmaCapacity = o.vmaCapacity;
        this.threads = o.threads;
        this.ptes = o.ptes;
        this.names = o.names;
        for (int i = 0; i < cols.length; i++) {
            cols[i] = o.cols[i] == null ? null : o.cols[i].clone();
        }
        this.hot = o.hot.clone();
        this.hashing = o.hashing;
        this.observed = o.hashing;
        this.hash = o.hash;
        this.threadParts = o.threadParts == null ? null : o.threadParts.clone();
    }

    /**
     * Puts every word back to what {@code copy} (a {@link #copy} of this memory) holds, without telling the
     * recorder; slots allocated since the copy go back to their zeroed state. The hash follows.
     */
    public void restoreFrom(Memory copy) {
        if (copy.names != names || copy.threads != threads || copy.ptes != ptes || copy.vmaCapacity > vmaCapacity) {
            throw new IllegalArgumentException("not a copy of this memory");
        }
        for (int i = 0; i < cols.length; i++) {
            long[] from = copy.cols[i];
            long[] to = cols[i];
            if (from == null) {
                continue;
            }
            System.arraycopy(from, 0, to, 0, from.length);
            if (to.length > from.length) {
                Arrays.fill(to, from.length, to.length, Field.of(i).defaultValue());
            }
        }
        System.arraycopy(copy.hot, 0, hot, 0, copy.hot.length);
        fillHotDefaults(hot, copy.vmaCapacity, vmaCapacity);
        namingStores++;
        if (hashing) {
            if (!copy.hashing) {
                throw new IllegalArgumentException("the copy was taken before hashing was on");
            }
            hash = copy.hash;
            System.arraycopy(copy.threadParts, 0, threadParts, 0, threads);
        }
    }

    /** Number of words held (every column). */
    public long words() {
        long w = hot.length;
        for (long[] c : cols) {
            w += c == null ? 0 : c.length;
        }
        return w;
    }

    /** A deep copy of the words (the name table is shared: it only grows). */
    public Memory copy() {
        return new Memory(this);
    }

    @Override
    public long get(Field f, int obj) {
        if (reads != null) {
            reads.read(f, obj);
        }
        return word(f.ordinal(), obj);
    }

    /**
     * {@inheritDoc} Read from the PTE column itself: {@link #word} tests for a VMA's hot words, and C2, from a profile
     * that {@code word} shares with every field, hoists that branch's index check out of a loop over the slots,
     * where it fails (the slot's hot index is negative) and throws the compiled loop away.
     */
    @Override
    public long pteAddr(int slot) {
        if (reads != null) {
            reads.read(Field.PTE_ADDR, slot);
        }
        return cols[PTE_ADDR_ORD][slot];
    }

    private static final int PTE_ADDR_ORD = Field.PTE_ADDR.ordinal();

    private long word(int ord, int obj) {
        long[] c = cols[ord];
        return c != null ? c[obj] : hot[(obj << 3) + HOT_SLOT[ord]];
    }

    private static long[] newHot(int capacity) {
        long[] h = new long[capacity << 3];
        fillHotDefaults(h, 0, capacity);
        return h;
    }

    private static void fillHotDefaults(long[] h, int from, int to) {
        for (int v = from; v < to; v++) {
            for (int i = 0; i < HOT_FIELDS.length; i++) {
                h[(v << 3) + i] = HOT_FIELDS[i].defaultValue();
            }
        }
    }

    /** Reads an MM field. */
    @Override
    public long mm(Field f) {
        if (reads != null) {
            reads.read(f, 0);
        }
        return cols[f.ordinal()][0];
    }

    // the hot words, read without looking a field up (the tree walks and gap updates of Vm)

    @Override
    public long vmStart(int v) {
        return hotWord(v, 0, Field.VM_START);
    }

    @Override
    public long vmEnd(int v) {
        return hotWord(v, 1, Field.VM_END);
    }

    @Override
    public int rbLeft(int v) {
        return (int) hotWord(v, 2, Field.RB_LEFT);
    }

    @Override
    public int rbRight(int v) {
        return (int) hotWord(v, 3, Field.RB_RIGHT);
    }

    @Override
    public long rbParentColor(int v) {
        return hotWord(v, 4, Field.RB_PC);
    }

    @Override
    public long rbSubtreeGap(int v) {
        return hotWord(v, 5, Field.RB_GAP);
    }

    @Override
    public int vmPrev(int v) {
        return (int) hotWord(v, 6, Field.VM_PREV);
    }

    @Override
    public long vmFlags(int v) {
        return hotWord(v, 7, Field.VM_FLAGS);
    }

    @Override
    public void setVmStart(int v, long value) {
        setHot(v, 0, Field.VM_START, value);
    }

    @Override
    public void setVmEnd(int v, long value) {
        setHot(v, 1, Field.VM_END, value);
    }

    @Override
    public void setRbLeft(int v, int child) {
        setHot(v, 2, Field.RB_LEFT, child);
    }

    @Override
    public void setRbRight(int v, int child) {
        setHot(v, 3, Field.RB_RIGHT, child);
    }

    @Override
    public void setRbParentColor(int v, long pc) {
        setHot(v, 4, Field.RB_PC, pc);
    }

    @Override
    public void setRbSubtreeGap(int v, long gap) {
        setHot(v, 5, Field.RB_GAP, gap);
    }

    @Override
    public void setVmPrev(int v, int prev) {
        setHot(v, 6, Field.VM_PREV, prev);
    }

    @Override
    public void setVmFlags(int v, long flags) {
        setHot(v, 7, Field.VM_FLAGS, flags);
    }

    /** Stores hot word {@code slot} of VMA {@code v}: {@link #set} of {@code f}, without its lookup when unobserved. */
    private void setHot(int v, int slot, Field f, long value) {
        if (observed) {
            set(f, v, value);
        } else {
            hot[(v << 3) + slot] = value; /* a negative v is out of bounds */
        }
    }

    /** Hot word {@code slot} of VMA {@code v} (a read of field {@code f}, for the read tracking). */
    private long hotWord(int v, int slot, Field f) {
        if (reads != null) {
            reads.read(f, v);
        }
        return hot[(v << 3) + slot];
    }

    /**
     * A test-only mode: every read through {@link #get} and {@link #mm} is reported to {@code log} (null: off).
     * Names ({@link #name}) and the {@link #untracked} view are not reads: they only make text.
     */
    public void trackReads(ReadLog log) {
        this.reads = log;
    }

    /**
     * This memory, read without {@link #trackReads tracking}: for text only (a note on why a thread waits), which
     * neither the state nor a violation's kind depends on.
     */
    public StateView untracked() {
        if (untracked == null) {
            untracked = new Untracked();
        }
        return untracked;
    }

    private StateView untracked;

    private final class Untracked implements StateView {
        @Override
        public long get(Field f, int obj) {
            return word(f.ordinal(), obj);
        }

        @Override
        public long mm(Field f) {
            return cols[f.ordinal()][0];
        }

        @Override
        public int vmaCapacity() {
            return vmaCapacity;
        }

        @Override
        public int threadCount() {
            return threads;
        }

        @Override
        public int pteSlots() {
            return ptes;
        }

        @Override
        public String name(int vma) {
            return Memory.this.name(vma);
        }
    }

    /** One store. */
    @Override
    public void set(Field f, int obj, long value) {
        int ord = f.ordinal();
        long[] c = cols[ord];
        int i = obj;
        if (c == null) {
            c = hot;
            i = (obj << 3) + HOT_SLOT[ord];
            if (obj < 0) {
                throw new ArrayIndexOutOfBoundsException(obj);
            }
        }
        if (NAMES_THREAD[ord]) {
            namingStores++;
        }
        if (!observed) {
            c[i] = value;
            return;
        }
        long old = c[i];
        c[i] = value;
        if (hashing && old != value) {
            rehash(f, obj, old, value);
        }
        if (recorder != null) {
            recorder.stored(f, obj, old, value);
        }
    }

    @Override
    public void setMm(Field f, long value) {
        set(f, 0, value);
    }

    /** Writes without telling the recorder (used to apply or undo recorded deltas). */
    public void poke(Field f, int obj, long value) {
        int ord = f.ordinal();
        long[] c = cols[ord];
        int i = obj;
        if (c == null) {
            c = hot;
            i = (obj << 3) + HOT_SLOT[ord];
            if (obj < 0) {
                throw new ArrayIndexOutOfBoundsException(obj);
            }
        }
        if (NAMES_THREAD[ord]) {
            namingStores++;
        }
        long old = c[i];
        c[i] = value;
        if (hashing && old != value) {
            rehash(f, obj, old, value);
        }
    }

    /**
     * The stores so far to the words whose value names a thread (the lock owners, the packed wait queues): while it
     * stays the same, so do they (the symmetry reduction reads them again only when it changed).
     */
    public long threadNamingStores() {
        return namingStores;
    }

    private long namingStores;
    /** By field ordinal: does the word's value name a thread ({@link #threadNamingStores})? */
    private static final boolean[] NAMES_THREAD = new boolean[Field.count()];

    static {
        for (Field f : Field.values()) {
            NAMES_THREAD[f.ordinal()] = f.isThreadPointer() || f == Field.SEM_QUEUE || f == Field.RB_QUEUE;
        }
    }

    public Recorder recorder() {
        return recorder;
    }

    public void recorder(Recorder r) {
        this.recorder = r;
        this.observed = hashing || r != null;
    }

    /** Puts a VMA slot back to its zeroed state (a recycled slot in fast mode; not recorded). */
    public void resetVma(int id) {
        if (hashing) {
            for (Field f : Field.VMA_FIELDS) {
                poke(f, id, f.defaultValue());
            }
            return;
        }
        System.arraycopy(HOT_DEFAULTS, 0, hot, id << 3, HOT_DEFAULTS.length);
        for (int i = 0; i < COLD_VMA.length; i++) {
            cols[COLD_VMA[i]][id] = COLD_VMA_DEFAULTS[i];
        }
    }

    /** A VMA's hot block at its fields' default values. */
    private static final long[] HOT_DEFAULTS = new long[HOT_FIELDS.length];
    /** The VMA fields kept in columns (ordinals), and their default values. */
    private static final int[] COLD_VMA = Arrays.stream(Field.VMA_FIELDS).filter(f -> HOT_SLOT[f.ordinal()] < 0)
            .mapToInt(Field::ordinal).toArray();
    private static final long[] COLD_VMA_DEFAULTS = Arrays.stream(COLD_VMA).mapToLong(o -> Field.of(o)
            .defaultValue()).toArray();

    static {
        for (int i = 0; i < HOT_FIELDS.length; i++) {
            HOT_DEFAULTS[i] = HOT_FIELDS[i].defaultValue();
        }
    }

    @Override
    public int vmaCapacity() {
        return vmaCapacity;
    }

    @Override
    public int threadCount() {
        return threads;
    }

    @Override
    public int pteSlots() {
        return ptes;
    }

    /** Makes room for VMA id {@code id}. */
    public void ensureVma(int id) {
        if (id < vmaCapacity) {
            return;
        }
        int n = Math.max(id + 1, vmaCapacity * 2);
        hot = Arrays.copyOf(hot, n << 3);
        fillHotDefaults(hot, vmaCapacity, n);
        for (Field f : Field.VMA_FIELDS) {
            if (cols[f.ordinal()] == null) {
                continue;
            }
            long[] c = Arrays.copyOf(cols[f.ordinal()], n);
            if (f.defaultValue() != 0) {
                Arrays.fill(c, vmaCapacity, n, f.defaultValue());
            }
            cols[f.ordinal()] = c;
        }
        vmaCapacity = n; /* the new slots are at their default values: the hash does not change */
    }

    // ---------------------------------------------------------------- names

    @Override
    public String name(int vma) {
        if (vma == NIL) {
            return "NULL";
        }
        String n = names.get(vma, cols[Field.NAME.ordinal()][vma]);
        return n != null ? n : "vma" + vma;
    }

    /**
     * {@link #intern} for the name of VMA slot {@code vma}: the slot remembers it, so that {@link #name} of a slot
     * whose word is still that one needs no table; the table takes the name later, when a lookup first needs it
     * (linking a million imported VMAs, each of its own name, then costs no random access per name).
     *
     * @throws IllegalStateException as {@link #intern}, here or at a later {@link #name}
     */
    public long internAt(int vma, String name) {
        if (name == lastName && vma == lastSlot) {
            /* a slot recycled for the same name (the shell, benchmarks): known already, in the slot or the table */
            return lastWord;
        }
        long w = name == lastName ? lastWord : nameWord(name);
        names.putAt(vma, w, name);
        lastName = name;
        lastWord = w;
        lastSlot = vma;
        return w;
    }

    private int lastSlot = NIL;

    /**
     * The {@link Field#NAME} word of a name: a 64-bit hash of its characters, never 0 (the word of a slot with no
     * name). It depends on the name alone, so the same scenario gives the same words on every memory, whatever
     * order its names were met in; the name is kept in this memory's table so that {@link #name} can give it back.
     *
     * @throws IllegalStateException when two different names of this memory have the same word (for a hundred
     *                               thousand names, about one chance in three billion)
     */
    public long intern(String name) {
        /* allocations in a row mostly reuse one name (the shell, benchmarks): skip the table then */
        if (name == lastName) {
            return lastWord;
        }
        long w = nameWord(name);
        names.put(w, name);
        lastName = name;
        lastWord = w;
        lastSlot = NIL;
        return w;
    }

    private String lastName;
    private long lastWord;

    /** The {@link Field#NAME} word of {@code name} (see {@link #intern}), without keeping the name. */
    public static long nameWord(String name) {
        long h = 0xcbf29ce484222325L; /* FNV-1a over the UTF-16 characters, then the SplitMix64 finaliser */
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }

    /**
     * Names by word: a table shared by copies of a memory (they only ever add to it), and by slot: the word and name
     * each slot was last given by {@link #internAt} (in any copy; a lookup compares the word), whose names join the
     * table only when a lookup misses the slot's (a copied name word, a slot two copies named differently).
     */
    static final class NameTable {
        /* open addressing on the words (already mixed, never 0): a million imported names without a boxed key */
        private long[] words = new long[64];
        private String[] names = new String[64];
        private int count;
        private long[] slotWords = new long[0];
        private String[] slotNames = new String[0];
        /* given to slots, not yet in the table */
        private long[] pendingWords = new long[16];
        private String[] pendingNames = new String[16];
        private int pending;

        synchronized void putAt(int slot, long word, String name) {
            if (slot < slotWords.length && slotWords[slot] == word) {
                if (!slotNames[slot].equals(name)) {
                    throw collision(slotNames[slot], name);
                }
                return;
            }
            if (slot >= slotWords.length) {
                int n = Math.max(slot + 1, slotWords.length * 2);
                slotWords = Arrays.copyOf(slotWords, n);
                slotNames = Arrays.copyOf(slotNames, n);
            }
            slotWords[slot] = word;
            slotNames[slot] = name;
            if (pending == pendingWords.length) {
                pendingWords = Arrays.copyOf(pendingWords, pending * 2);
                pendingNames = Arrays.copyOf(pendingNames, pending * 2);
            }
            pendingWords[pending] = word;
            pendingNames[pending++] = name;
            if (pending > 2 * slotWords.length + 65536) {
                /* slots renamed over and over (the explorer's restored branches): the table keeps one of each */
                flush();
            }
        }

        private void flush() {
            for (int i = 0; i < pending; i++) {
                put(pendingWords[i], pendingNames[i]);
                pendingNames[i] = null;
            }
            pending = 0;
        }

        synchronized String get(int slot, long word) {
            if (word != 0 && slot < slotWords.length && slotWords[slot] == word) {
                return slotNames[slot];
            }
            return get(word);
        }

        private static IllegalStateException collision(String a, String b) {
            return new IllegalStateException("the VMA names \"" + a + "\" and \"" + b + "\" have the same word");
        }

        private int slot(long word) {
            int mask = words.length - 1;
            int i = (int) word & mask;
            while (words[i] != 0 && words[i] != word) {
                i = (i + 1) & mask;
            }
            return i;
        }

        synchronized void put(long word, String name) {
            int i = slot(word);
            if (words[i] != 0) {
                if (!names[i].equals(name)) {
                    throw collision(names[i], name);
                }
                return;
            }
            words[i] = word;
            names[i] = name;
            if (++count * 2 > words.length) {
                long[] ow = words;
                String[] on = names;
                words = new long[ow.length * 2];
                names = new String[ow.length * 2];
                for (int j = 0; j < ow.length; j++) {
                    if (ow[j] != 0) {
                        int k = slot(ow[j]);
                        words[k] = ow[j];
                        names[k] = on[j];
                    }
                }
            }
        }

        synchronized String get(long word) {
            if (word == 0) {
                return null;
            }
            if (pending > 0) {
                flush();
            }
            int i = slot(word);
            return words[i] == 0 ? null : names[i];
        }
    }

    // ---------------------------------------------------------------- hashing

    /**
     * Turns on the incremental hash of every word. A word at its field's default value (0, or NIL for pointers)
     * adds nothing to it, so growing the VMA columns or resetting a slot leaves it as it was: the hash depends on
     * the words of the state alone.
     */
    public void enableHashing() {
        if (hashing) {
            return;
        }
        hashing = true;
        observed = true;
        long h = 0;
        threadParts = new long[threads];
        for (Field f : Field.values()) {
            long[] c = cols[f.ordinal()];
            int n = c != null ? c.length : vmaCapacity;
            for (int i = 0; i < n; i++) {
                long z = zobrist(f, i, c != null ? c[i] : hot[(i << 3) + HOT_SLOT[f.ordinal()]]);
                h ^= z;
                int t = threadOf(f, i);
                if (t >= 0) {
                    threadParts[t] ^= z;
                }
            }
        }
        hash = h;
    }

    /**
     * The hash and every thread's part of it into {@code into} ({@code threads + 1} longs), for
     * {@link #resumeHashing}; false (nothing written) when hashing is off.
     */
    public boolean hashState(long[] into) {
        if (!hashing) {
            return false;
        }
        into[0] = hash;
        System.arraycopy(threadParts, 0, into, 1, threads);
        return true;
    }

    /**
     * Stops keeping the hash up to date while the words are put back to a state whose hash is known (a restore, a
     * planner undoing its stores); {@link #resumeHashing} gives it back. False (nothing paused) when hashing is off.
     */
    public boolean pauseHashing() {
        if (!hashing) {
            return false;
        }
        hashing = false;
        return true;
    }

    /** Hashing again after {@link #pauseHashing}: the words are those of the state {@code saved} was taken of. */
    public void resumeHashing(long[] saved) {
        hashing = true;
        hash = saved[0];
        System.arraycopy(saved, 1, threadParts, 0, threads);
    }

    /** Hash of every word (only meaningful after {@link #enableHashing()}). */
    public long hash() {
        return hash;
    }

    /**
     * The part of {@link #hash()} that thread {@code t}'s own words make (its {@link Field.Kind#THREAD} words and its
     * store buffer's entries): the XOR of their {@link #zobrist} hashes, kept with the hash. The explorer's symmetry
     * reduction takes the words of interchangeable threads out of the hash with it, and puts them back in their
     * canonical order.
     */
    public long threadPart(int t) {
        return threadParts[t];
    }

    /** Per thread: its part of the hash (see {@link #threadPart}); null until hashing is on. */
    private long[] threadParts;

    /** A store changed a word while hashing: the hash, and its thread's part if the word is a thread's. */
    private void rehash(Field f, int obj, long old, long value) {
        Field.Kind k = f.kind();
        if (k == Field.Kind.THREAD || k == Field.Kind.SB) {
            int t = k == Field.Kind.THREAD ? obj : obj / StoreBuffer.CAPACITY;
            int at = obj - (k == Field.Kind.THREAD ? t : t * StoreBuffer.CAPACITY);
            long d = Long.rotateLeft(wordHash(f, at, old) ^ wordHash(f, at, value), rotation(t));
            hash ^= d;
            threadParts[t] ^= d;
        } else {
            hash ^= wordHash(f, obj, old) ^ wordHash(f, obj, value);
        }
    }

    /** The thread whose own word {@code f} of {@code obj} is, or -1 (a VMA's, the mm's or a PTE). */
    private static int threadOf(Field f, int obj) {
        Field.Kind k = f.kind();
        return k == Field.Kind.THREAD ? obj : k == Field.Kind.SB ? obj / StoreBuffer.CAPACITY : -1;
    }

    /**
     * The hash of one word: 0 when the word is at its field's default value; {@link #hash()} is the XOR of it over
     * every word. A thread's own word (its {@link Field.Kind#THREAD} words, its store buffer's entries) is hashed as
     * the same word of thread 0 would be, rotated by the thread's {@link #rotation}: so its thread's part of the hash,
     * rotated back, is the same for two threads whose words are the same ({@link #threadContent}).
     */
    public static long zobrist(Field f, int obj, long value) {
        Field.Kind k = f.kind();
        if (k == Field.Kind.THREAD) {
            return Long.rotateLeft(wordHash(f, 0, value), rotation(obj));
        }
        if (k == Field.Kind.SB) {
            return Long.rotateLeft(wordHash(f, obj % StoreBuffer.CAPACITY, value), rotation(obj
                    / StoreBuffer.CAPACITY));
        }
        return wordHash(f, obj, value);
    }

    /** The bits a thread's words are rotated by in the hash: a different rotation for each of the first 64 threads. */
    private static int rotation(int t) {
        return t * 13 & 63;
    }

    /**
     * Thread {@code t}'s words as a hash that does not depend on its id: its {@link #threadPart} {@code part} rotated
     * back. Two threads whose own words are the same (field by field, store buffer entry by entry) have the same; the
     * symmetry reduction orders interchangeable threads by it without reading their words.
     */
    public static long threadContent(long part, int t) {
        return Long.rotateRight(part, rotation(t));
    }

    /** {@link #zobrist} of word {@code obj} of {@code f} before any rotation. */
    private static long wordHash(Field f, int obj, long value) {
        if (value == f.defaultValue()) {
            return 0;
        }
        long x = value * 0x9E3779B97F4A7C15L + ((long) f.ordinal() << 40) + obj * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
