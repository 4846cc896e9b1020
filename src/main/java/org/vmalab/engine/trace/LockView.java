package org.vmalab.engine.trace;

import java.util.List;
import org.vmalab.engine.Face;
import org.vmalab.engine.RwlockPolicy;

/**
 * One of the mm's two locks at a cursor's index, read-only: {@code mmap_sem} (a fair rw-semaphore: FIFO wait
 * list, hand-off at wake-up) or the patch's {@code mm_rb_lock} (an rwlock with the scenario's policy).
 *
 * @param inUse         the lock is taken at all (the patch's {@code mm_rb_lock} is not taken under NO_LOCK or
 *                      before the patch; {@code mmap_sem} always is)
 * @param policy        the rwlock's policy ({@code mm_rb_lock}), or null ({@code mmap_sem})
 * @param writer        the thread holding it for write, or -1
 * @param readerCount   the readers inside
 * @param readers       the threads holding it for read
 * @param queue         the waiters in order (sleepers of {@code mmap_sem}, spinners queued on the rwlock)
 * @param waitingWriter the writer that announced itself ({@code _QW_WAITING} of a queued rwlock), or -1
 */
@Face
public record LockView(Lock lock, boolean inUse, RwlockPolicy policy, int writer, long readerCount,
                       List<Integer> readers, List<Waiter> queue, int waitingWriter) {
    /** Which lock. */
    public enum Lock {
        MMAP_SEM("mmap_sem"),
        MM_RB_LOCK("mm_rb_lock");

        private final String cName;

        Lock(String cName) {
            this.cName = cName;
        }

        /** The kernel's name. */
        public String cName() {
            return cName;
        }
    }

    /** A thread in the wait queue, for read or for write. */
    public record Waiter(int thread, boolean write) {
    }

    public boolean writeHeld() {
        return writer >= 0;
    }
}
