package org.vmalab.engine.sched;

import static org.vmalab.engine.memory.Memory.NIL;

import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.StateView;

/** Plain words for why a thread waits, read off the lock words ("mm_rb_lock is write-held by T2"). */
public final class Waits {
    private Waits() {
    }

    /** Why thread {@code t} waits, or "" if it does not. */
    public static String describe(StateView m, int t, String[] names) {
        long w = m.get(Field.T_WAIT, t);
        if (w == Status.WAIT_NONE) {
            return "";
        }
        if (w == Status.WAIT_SEM_READ || w == Status.WAIT_SEM_WRITE) {
            long writer = m.mm(Field.SEM_WRITER);
            if (writer != NIL) {
                return "mmap_sem is write-held by " + name(names, (int) writer);
            }
            long readers = m.mm(Field.SEM_READERS);
            if (readers > 0) {
                return "mmap_sem is read-held by " + holders(m, Status.HOLD_SEM_READ, names);
            }
            return "queued behind earlier waiters of mmap_sem";
        }
        if (w == Status.WAIT_RB_READ) {
            long writer = m.mm(Field.RB_WRITER);
            if (writer != NIL) {
                return "mm_rb_lock is write-held by " + name(names, (int) writer);
            }
            long waiting = m.mm(Field.RB_WAITING);
            if (waiting != NIL && WaitQueue.indexOf(m.mm(Field.RB_QUEUE), t) != 0) {
                return "writer " + name(names, (int) waiting) + " is waiting for mm_rb_lock (queued rwlock: new "
                        + "readers queue behind it)";
            }
            return queuedOrFree(m, t, names);
        }
        if (w == Status.WAIT_RB_WRITE) {
            long writer = m.mm(Field.RB_WRITER);
            if (writer != NIL) {
                return "mm_rb_lock is write-held by " + name(names, (int) writer);
            }
            if (m.mm(Field.RB_READERS) > 0) {
                return "mm_rb_lock is read-held by " + holders(m, Status.HOLD_RB_READ, names);
            }
            return queuedOrFree(m, t, names);
        }
        if (w == Status.WAIT_ANON) {
            long o = m.mm(Field.ANON_LOCK);
            return "the anon_vma lock is held by " + (o == NIL ? "nobody" : name(names, (int) o));
        }
        if (w == Status.WAIT_PTL) {
            long o = m.mm(Field.PTL_OWNER);
            return "the PTE lock is held by " + (o == NIL ? "nobody" : name(names, (int) o));
        }
        return "";
    }

    /**
     * Nobody holds mm_rb_lock (nor waits for it ahead of {@code t} as a writer): {@code t} waits behind the threads
     * queued before it ({@code queued_read_lock_slowpath}/{@code queued_write_lock_slowpath}, kernel/locking/
     * qrwlock.c), or, first in line or not queued at all, it takes the lock at its next step.
     */
    private static String queuedOrFree(StateView m, int t, String[] names) {
        long q = m.mm(Field.RB_QUEUE);
        int pos = WaitQueue.indexOf(q, t);
        if (pos > 0) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < pos; i++) {
                b.append(i > 0 ? ", " : "").append(name(names, WaitQueue.tid(q, i)));
            }
            return "queued for mm_rb_lock behind " + b;
        }
        return "mm_rb_lock is free: " + name(names, t) + " takes it at its next step";
    }

    static String holders(StateView m, long bit, String[] names) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < m.threadCount(); t++) {
            if ((m.get(Field.T_HOLDS, t) & bit) != 0) {
                b.append(b.length() > 0 ? ", " : "").append(name(names, t));
            }
        }
        return b.length() == 0 ? "nobody" : b.toString();
    }

    private static String name(String[] names, int t) {
        return t >= 0 && t < names.length ? names[t] : "T" + (t + 1);
    }
}
