package org.vmalab.engine.trace;

import java.util.List;
import java.util.Set;
import org.vmalab.engine.Face;

/**
 * One simulated thread ({@code struct task_struct} and the model's scheduler state) at a cursor's index,
 * read-only.
 *
 * @param index          the thread's index in the scenario (0-based)
 * @param waitsFor       the lock a spinning or sleeping thread waits for, or null
 * @param waitReason     why it waits, in words ("mm_rb_lock is write-held by T2"), or ""
 * @param holds          the locks it holds
 * @param opIndex        the operation of its program it is in (0-based)
 * @param loc            where its last step was, or null before its first step
 * @param node           the node a walker stands on ({@link VmaView#NIL} when it stands on none)
 * @param spins          consecutive spin steps
 * @param vmacache       the four {@code vmacache.vmas[]} slots, in scan order ({@link VmaView#NIL} for empty)
 * @param vmacacheSeqnum {@code vmacache.seqnum}
 * @param vmacacheValid  its seqnum equals the mm's: a lookup may use the slots
 * @param refs           the VMA references it holds (taken by get_vma, not yet put), in slot order
 * @param pendingStores  RELAXED_STORES: the stores waiting in its store buffer, oldest first, in words
 *                       ("libc.rb_left := NULL"); empty when none wait or the memory model is off
 */
@Face
public record TaskView(int index, String name, Status status, LockMode waitsFor, String waitReason,
                       Set<LockMode> holds, int opIndex, Loc loc, int node, long spins, List<Integer> vmacache,
                       long vmacacheSeqnum, boolean vmacacheValid, List<Integer> refs, List<String> pendingStores) {
    /** The scheduler's state of a thread. */
    public enum Status {
        RUNNABLE("running"),
        /** Burns a step each time it is scheduled (a spinning lock). */
        SPINNING("spinning"),
        /** Sleeping in a wait queue: not runnable until woken. */
        BLOCKED("blocked"),
        DONE("done");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** In words: running, spinning, blocked, done. */
        public String label() {
            return label;
        }

        /** The scheduler may pick it (a spinning thread burns its step). */
        public boolean runnable() {
            return this == RUNNABLE || this == SPINNING;
        }
    }

    /** A lock in one mode: what a thread holds or waits for. */
    public enum LockMode {
        MMAP_SEM_READ("mmap_sem (read)"),
        MMAP_SEM_WRITE("mmap_sem (write)"),
        MM_RB_LOCK_READ("mm_rb_lock (read)"),
        MM_RB_LOCK_WRITE("mm_rb_lock (write)"),
        /** The PTE lock of the page table the lessons fault on. */
        PTE_LOCK("PTE lock");

        private final String label;

        LockMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean holds(LockMode m) {
        return holds.contains(m);
    }

    /** It has taken its first step. */
    public boolean started() {
        return loc != null;
    }
}
