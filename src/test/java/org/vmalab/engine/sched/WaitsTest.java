package org.vmalab.engine.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmalab.engine.memory.Memory.NIL;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.StateView;

/** The words a waiting thread's line shows: why it waits, read off the lock words. */
class WaitsTest {
    private static final String[] NAMES = {"T1", "T2", "T3"};

    /** The lock words of mm_rb_lock and each thread's wait state, nothing else. */
    private static final class Words implements StateView {
        final Map<Field, Long> mm = new EnumMap<>(Field.class);
        final long[] wait = new long[NAMES.length];

        Words() {
            mm.put(Field.RB_WRITER, (long) NIL);
            mm.put(Field.RB_WAITING, (long) NIL);
            mm.put(Field.RB_READERS, 0L);
            mm.put(Field.RB_QUEUE, 0L);
            mm.put(Field.SEM_WRITER, (long) NIL);
            mm.put(Field.SEM_READERS, 0L);
        }

        @Override
        public long get(Field f, int obj) {
            return f == Field.T_WAIT ? wait[obj] : 0;
        }

        @Override
        public long mm(Field f) {
            return mm.getOrDefault(f, 0L);
        }

        @Override
        public int vmaCapacity() {
            return 0;
        }

        @Override
        public int threadCount() {
            return NAMES.length;
        }

        @Override
        public int pteSlots() {
            return 0;
        }

        @Override
        public String name(int vma) {
            return "vma" + vma;
        }
    }

    @Test
    void aWriterWhoseLockWasReleasedTakesItAtItsNextStep() {
        /* lesson 11's challenge: T1 released mm_rb_lock, T2 (first in line) has not run since */
        Words w = new Words();
        w.wait[1] = Status.WAIT_RB_WRITE;
        w.mm.put(Field.RB_QUEUE, WaitQueue.push(0L, 1, true));
        assertEquals("mm_rb_lock is free: T2 takes it at its next step", Waits.describe(w, 1, NAMES));
    }

    @Test
    void aSpinningWriterWithNoQueueTakesAFreeLockAtItsNextStep() {
        Words w = new Words();
        w.wait[1] = Status.WAIT_RB_WRITE;
        assertEquals("mm_rb_lock is free: T2 takes it at its next step", Waits.describe(w, 1, NAMES));
    }

    @Test
    void aReaderBehindOthersInTheQueueNamesThem() {
        Words w = new Words();
        w.wait[2] = Status.WAIT_RB_READ;
        w.mm.put(Field.RB_QUEUE, WaitQueue.push(WaitQueue.push(0L, 0, false), 2, false));
        assertEquals("queued for mm_rb_lock behind T1", Waits.describe(w, 2, NAMES));
        assertEquals("mm_rb_lock is free: T1 takes it at its next step", describeAs(w, 0, Status.WAIT_RB_READ));
    }

    @Test
    void aReaderFirstInLineIsNotHeldBackByTheWriterBehindIt() {
        /* a queued reader at the head takes the lock when no writer holds it, whoever waits behind */
        Words w = new Words();
        w.wait[0] = Status.WAIT_RB_READ;
        w.mm.put(Field.RB_QUEUE, WaitQueue.push(WaitQueue.push(0L, 0, false), 1, true));
        w.mm.put(Field.RB_WAITING, 1L);
        assertEquals("mm_rb_lock is free: T1 takes it at its next step", Waits.describe(w, 0, NAMES));
        /* a reader not yet queued queues behind the waiting writer */
        w.wait[2] = Status.WAIT_RB_READ;
        assertEquals("writer T2 is waiting for mm_rb_lock (queued rwlock: new readers queue behind it)",
                Waits.describe(w, 2, NAMES));
    }

    @Test
    void aHeldLockNamesItsHolder() {
        Words w = new Words();
        w.wait[1] = Status.WAIT_RB_WRITE;
        w.mm.put(Field.RB_QUEUE, WaitQueue.push(0L, 1, true));
        w.mm.put(Field.RB_WRITER, 2L);
        assertEquals("mm_rb_lock is write-held by T3", Waits.describe(w, 1, NAMES));
    }

    private static String describeAs(Words w, int t, long wait) {
        w.wait[t] = wait;
        return Waits.describe(w, t, NAMES);
    }
}
