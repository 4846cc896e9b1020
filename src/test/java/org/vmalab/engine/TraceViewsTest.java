package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vmalab.engine.memory.Memory.NIL;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.check.Violation;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Life;
import org.vmalab.engine.sched.Machine;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.sched.Status;
import org.vmalab.engine.sched.WaitQueue;
import org.vmalab.engine.trace.Change;
import org.vmalab.engine.trace.Change.MmChange;
import org.vmalab.engine.trace.Change.TaskChange;
import org.vmalab.engine.trace.Change.VmaChange;
import org.vmalab.engine.trace.Change.VmaField;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.LockView;
import org.vmalab.engine.trace.Recording;
import org.vmalab.engine.trace.TaskView;
import org.vmalab.engine.trace.TaskView.LockMode;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.trace.TraceCursor;
import org.vmalab.engine.trace.VmaView;
import org.vmalab.engine.tree.Vm;

/** The cursor's typed views say what the words say, at every index of races and random runs. */
class TraceViewsTest {
    static Schedule race() {
        return new Schedule(List.of(new Schedule.Slot(0, 8), new Schedule.Slot(1, Schedule.Slot.UNTIL_BLOCKED)),
                Schedule.Policy.ROUND_ROBIN, 0, Schedule.DEFAULT_BOUND);
    }

    static List<Trace> traces() {
        Scenario sc = Scenarios.defaultScenario();
        List<Trace> out = new ArrayList<>();
        out.add(Engine.run(sc, race()));
        out.add(Engine.run(sc.withProtection(Protection.of(RwlockPolicy.QUEUED, ProtectionToggle.NO_REFCOUNT)),
                race()));
        out.add(Engine.run(sc.withProtection(Protection.of(RwlockPolicy.READER_PREF)), Schedule.random(7)));
        for (long seed = 1; seed <= 3; seed++) {
            out.add(Engine.run(sc, Schedule.random(seed)));
        }
        return out;
    }

    @Test
    void everyViewMatchesTheWordsAtEveryIndex() {
        int checked = 0;
        for (Trace t : traces()) {
            TraceCursor c = t.cursor();
            for (int i = 0; i <= t.size(); i++) {
                c.seek(i);
                List<VmaView> all = c.vmas();
                for (int v = 0; v < c.vmaSlots(); v++) {
                    VmaView x = c.vma(v);
                    assertEquals(v, x.id());
                    assertEquals(t.vmaName(v), x.name());
                    assertEquals(Vm.start(Recording.words(c), v), x.start());
                    assertEquals(Vm.end(Recording.words(c), v), x.end());
                    assertEquals(Vm.parent(Recording.words(c), v), x.parent());
                    assertEquals(Vm.left(Recording.words(c), v), x.left());
                    assertEquals(Vm.right(Recording.words(c), v), x.right());
                    assertEquals(Vm.prev(Recording.words(c), v), x.prev());
                    assertEquals(Vm.next(Recording.words(c), v), x.next());
                    assertEquals(Vm.color(Recording.words(c), v) == Const.BLACK, x.black());
                    assertEquals(Vm.gap(Recording.words(c), v), x.subtreeGap());
                    assertEquals(Recording.words(c).get(Field.REF_COUNT, v), x.refCount());
                    assertEquals(Recording.words(c).get(Field.SEQUENCE, v), x.sequence());
                    assertEquals(Vm.isFreed(Recording.words(c), v), x.freed());
                    assertEquals(Vm.has(Recording.words(c), v, Life.IN_TREE), x.inTree());
                    assertEquals(Vm.has(Recording.words(c), v, Life.ALLOCATED), x.allocated());
                    assertEquals(Vm.rbEmptyNode(Recording.words(c), v), x.cleared());
                    assertEquals(x.allocated(), all.contains(x), "vmas() lists the allocated ones");
                    if (x.allocated() && !x.freed() && x.inTree()) {
                        assertEquals(Vm.ownGap(Recording.words(c), v), x.ownGap());
                        assertEquals(Vm.subtreeGapCompute(Recording.words(c), v), x.computedGap());
                        assertEquals(Vm.vmStartGap(Recording.words(c), v), x.startGap());
                        assertEquals(Vm.vmEndGap(Recording.words(c), v), x.endGap());
                    }
                    checked++;
                }
                for (TaskView k : c.tasks()) {
                    int th = k.index();
                    assertEquals(Recording.words(c).get(Field.T_STATUS, th), (long) k.status().ordinal(),
                            "status order of the enum");
                    assertEquals(Recording.words(c).get(Field.T_NODE, th), (long) k.node());
                    assertEquals(Recording.words(c).get(Field.T_OP, th), (long) k.opIndex());
                    assertEquals(Recording.words(c).get(Field.T_LOC, th) >= 0, k.started());
                    assertEquals(Recording.words(c).get(Field.T_WAIT, th) == Status.WAIT_NONE, k.waitsFor() == null);
                    assertEquals(k.waitsFor() == null, k.waitReason().isEmpty(), "a reason exactly when it waits");
                    assertEquals((Recording.words(c).get(Field.T_HOLDS, th) & Status.HOLD_SEM_WRITE) != 0,
                            k.holds(LockMode.MMAP_SEM_WRITE));
                    assertEquals((Recording.words(c).get(Field.T_HOLDS, th) & Status.HOLD_RB_READ) != 0,
                            k.holds(LockMode.MM_RB_LOCK_READ));
                    for (int s = 0; s < 4; s++) {
                        assertEquals(Recording.words(c).get(Field.VC_SLOTS[s], th), (long) k.vmacache().get(s));
                    }
                    assertEquals(Recording.words(c).get(Field.T_VC_SEQ, th)
                            == Recording.words(c).mm(Field.VMACACHE_SEQNUM), k.vmacacheValid());
                    List<Integer> refs = new ArrayList<>();
                    for (Field f : Field.REF_SLOTS) {
                        if (Recording.words(c).get(f, th) != NIL) {
                            refs.add((int) Recording.words(c).get(f, th));
                        }
                    }
                    assertEquals(refs, k.refs());
                }
                LockView sem = c.mmapSem();
                assertEquals(Recording.words(c).mm(Field.SEM_WRITER), (long) sem.writer());
                assertEquals(Recording.words(c).mm(Field.SEM_READERS), sem.readerCount());
                assertEquals(WaitQueue.size(Recording.words(c).mm(Field.SEM_QUEUE)), sem.queue().size());
                assertEquals(sem.readerCount(), sem.readers().size(), "every reader of mmap_sem is known");
                LockView rb = c.mmRbLock();
                assertEquals(Recording.words(c).mm(Field.RB_WRITER), (long) rb.writer());
                assertEquals(Recording.words(c).mm(Field.RB_WAITING), (long) rb.waitingWriter());
                assertEquals(t.scenario().protection().policy(), rb.policy());
                assertEquals(Vm.root(Recording.words(c)), c.mm().root());
                assertEquals(Recording.words(c).mm(Field.MAP_COUNT), c.mm().mapCount());
                if (i > 0) {
                    assertEquals(t.storeCount(i), c.changes().size());
                    int k = t.step(i).deltaFrom();
                    for (Change ch : c.changes()) {
                        Recording.Store st = Recording.store(t, k++);
                        assertEquals(st.oldValue(), ch.oldValue());
                        assertEquals(st.newValue(), ch.newValue());
                        if (ch instanceof VmaChange vc) {
                            assertEquals(st.object(), vc.vma());
                            assertEquals(st.field().cName(), vc.field().cName());
                        } else if (ch instanceof MmChange mc) {
                            assertEquals(st.field().cName(), mc.field().cName());
                        } else if (ch instanceof TaskChange tc) {
                            assertEquals(st.object(), tc.thread());
                            assertTrue(st.field().cName().startsWith(tc.field().cName()), st.field() + " " + tc);
                        }
                    }
                } else {
                    assertTrue(c.changes().isEmpty());
                    assertNull(c.step());
                }
            }
        }
        assertTrue(checked > 2_000, "enough was compared: " + checked);
    }

    @Test
    void changesSayWhatTheyMeanInWords() {
        Trace t = Engine.run(Scenarios.defaultScenario().withProtection(Protection.of(RwlockPolicy.QUEUED,
                ProtectionToggle.NO_REFCOUNT)), race());
        boolean freed = false;
        boolean tookSem = false;
        boolean childMoved = false;
        for (int i = 1; i <= t.size(); i++) {
            for (Change ch : t.changes(i)) {
                String m = ch.meaning();
                if (ch instanceof VmaChange v && v.field() == VmaField.LIFE) {
                    assertTrue(m.matches("\\w+\\.life: [a-z_, ]+ → [a-z_, ]+"), m);
                    freed |= t.step(i).loc() == Loc.FREE_VMA && m.startsWith("heap.life: ") && m.endsWith(", freed");
                }
                if (ch instanceof TaskChange k && k.field() == Change.TaskField.HOLDS) {
                    assertTrue(m.matches("T\\d\\.holds: .+ → .+"), m);
                    tookSem |= m.equals("T2.holds: nothing → mmap_sem (write)");
                }
                if (ch instanceof VmaChange v && (v.field() == VmaField.LEFT || v.field() == VmaField.RIGHT)) {
                    assertTrue(m.matches("\\w+\\.rb_(left|right): \\w+ → \\w+"), m);
                    childMoved = true;
                }
                if (ch instanceof VmaChange v && v.parentMoved()) {
                    assertTrue(m.contains("parent " + t.vmaName(v.oldParent()) + " → " + t.vmaName(v.newParent())),
                            m);
                }
            }
        }
        assertTrue(freed && tookSem && childMoved, "the race frees heap, T2 takes mmap_sem, the tree changes");
    }

    /**
     * The VMAs in columns ({@link TraceCursor#vmaColumns()}, what the scene of a large tree reads) are the views, value
     * for value, at every index of races and random runs (freed, erased and cleared nodes, stale gaps, a fork's
     * copies left out) and of a run without threads.
     */
    @Test
    void theColumnsReadWhatTheViewsRead() {
        List<Trace> all = new ArrayList<>(traces());
        all.add(Engine.run(Scenarios.defaultScenario().withThreads(List.of()), Schedule.roundRobin()));
        int checked = 0;
        for (Trace t : all) {
            TraceCursor c = t.cursor();
            for (int i = 0; i <= t.size(); i++) {
                c.seek(i);
                org.vmalab.engine.trace.VmaColumns cols = c.vmaColumns();
                int[] ids = c.vmaIds();
                assertEquals(java.util.Arrays.toString(ids), java.util.Arrays.toString(cols.ids()));
                assertEquals(c.vmaSlots(), cols.slots());
                assertEquals(ids.length, cols.count());
                for (int k = 0; k < ids.length; k++) {
                    assertEquals(ids[k], cols.id(k));
                }
                for (int v = -1; v <= c.vmaSlots(); v++) {
                    boolean listed = java.util.Arrays.binarySearch(ids, v) >= 0;
                    assertEquals(listed, cols.listed(v), "index " + i + ", id " + v);
                    if (!listed) {
                        continue;
                    }
                    VmaView x = c.vma(v);
                    String at = "index " + i + ", " + x.name();
                    assertEquals(x.name(), cols.name(v), at);
                    assertEquals(x.start(), cols.start(v), at);
                    assertEquals(x.end(), cols.end(v), at);
                    assertEquals(x.ownGap(), cols.ownGap(v), at);
                    assertEquals(x.subtreeGap(), cols.subtreeGap(v), at);
                    assertEquals(x.computedGap(), cols.computedGap(v), at);
                    assertEquals(x.refCount(), cols.refCount(v), at);
                    assertEquals(x.sequence(), cols.sequence(v), at);
                    assertEquals(x.parent(), cols.parent(v), at);
                    assertEquals(x.left(), cols.left(v), at);
                    assertEquals(x.right(), cols.right(v), at);
                    assertEquals(x.next(), cols.next(v), at);
                    assertEquals(x.freed(), cols.freed(v), at);
                    assertEquals(x.inTree(), cols.inTree(v), at);
                    assertEquals(x.cleared(), cols.cleared(v), at);
                    assertEquals(x.black(), cols.black(v), at);
                    assertEquals(x.growsDown(), cols.growsDown(v), at);
                    assertEquals(x.fileBacked(), cols.fileBacked(v), at);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    /**
     * A run without threads checks its initial state when the trace is first asked (the window asks on another thread
     * while it builds the first scene of a large import): the same findings as the machine's checks made at once,
     * whichever thread asks first, the others waiting for the same list; a run with threads checks at once.
     */
    @Test
    void aRunWithoutThreadsChecksItsInitialStateWhenAsked() throws Exception {
        Scenario sc = Scenarios.defaultScenario().withThreads(List.of());
        List<Violation> now = new Machine(sc, CheckLevel.FULL).initialViolations();
        for (int k = 0; k < 20; k++) {
            Trace t = Engine.run(sc, Schedule.roundRobin());
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<List<Violation>> a = two.submit(t::initialViolations);
                java.util.concurrent.Future<List<Violation>> b = two.submit(t::violations);
                assertEquals(now, a.get());
                assertEquals(now, b.get());
                assertTrue(a.get() == t.initialViolations(), "made once");
            } finally {
                two.shutdown();
            }
        }
        Trace u = Engine.run(Scenarios.defaultScenario(), Schedule.roundRobin());
        assertEquals(new Machine(Scenarios.defaultScenario(), CheckLevel.FULL).initialViolations(),
                u.initialViolations());
    }

    /**
     * A run without threads (an import) takes no step and its trace reads its initial state in place, not in a copy:
     * what every cursor reads is what a run of the same layout with a thread reads before its first step.
     */
    @Test
    void aRunWithoutThreadsReadsTheSameInitialStateAsOneWithThreads() {
        Scenario withThreads = Scenarios.defaultScenario();
        Trace t = Engine.run(withThreads.withThreads(List.of()), Schedule.roundRobin());
        Trace u = Engine.run(withThreads, Schedule.roundRobin());
        assertEquals(0, t.size());
        assertTrue(u.size() > 0);
        TraceCursor a = t.cursor();
        TraceCursor b = t.cursor().seek(3);
        TraceCursor c = u.cursor();
        assertEquals(0, b.index(), "nothing to seek to");
        assertEquals(c.vmas(), a.vmas());
        assertEquals(c.vmas(), b.vmas());
        assertEquals(c.mm().root(), a.mm().root());
        assertEquals(c.mm().highestVmEnd(), a.mm().highestVmEnd());
        assertEquals(u.initialViolations(), t.initialViolations());
        c.seek(u.size());
        assertEquals(a.vmas(), t.cursor().vmas(), "another trace's steps leave this one's state alone");
    }

    @Test
    void theFaceExampleOfTheArchitecturePageRuns() {
        Scenario sc = Scenarios.defaultScenario();
        Trace t = Engine.run(sc, Schedule.roundRobin());
        TraceCursor c = t.cursor().seek(40);
        VmaView heap = c.vma(2);
        TaskView t2 = c.task(1);
        assertEquals("heap", heap.name());
        assertEquals("T2", t2.name());
        assertEquals(t.storeCount(40), c.changes().size());
        for (Change ch : c.changes()) {
            assertTrue(ch.meaning().contains(": ") && ch.meaning().contains(" → "), ch.meaning());
        }
    }
}
