package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.memory.Field;
import org.vmalab.engine.memory.Memory;
import org.vmalab.engine.memory.StateView;
import org.vmalab.engine.memory.StoreBuffer;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Machine;

/**
 * A state's identity is the engine's: the same scenario gives the same words on every engine instance, whatever
 * order the names were met in, and the memory hash depends on the words alone (a word at its default value adds
 * nothing, so growing the VMA columns changes nothing).
 */
class StateIdentityTest {
    /** Two writers map new names, a third splits heap (heap' is born), a reader looks around. */
    static Scenario newNames() {
        return Scenario.of("new names", Scenarios.layoutW(), List.of(
                new ThreadSpec("T1", ThreadSpec.Role.WRITER, List.of(new Op.Map("x", 0x10000000L, 0x10001000L,
                        Scenarios.RW, false, 0))),
                new ThreadSpec("T2", ThreadSpec.Role.WRITER, List.of(new Op.Map("y", 0x20000000L, 0x20001000L,
                        Scenarios.RW, false, 0))),
                new ThreadSpec("T3", ThreadSpec.Role.WRITER, List.of(new Op.Munmap(0x555555760000L,
                        0x555555761000L))),
                new ThreadSpec("T4", ThreadSpec.Role.SPF_READER, List.of(new Op.GetVma(0x10000000L),
                        new Op.PutVma()))), Protection.PATCH);
    }

    static void runAlone(Machine m, int t) {
        while (!m.done(t)) {
            m.step(t);
        }
    }

    /** The XOR of every word's hash, from scratch. */
    static long hashOfWords(StateView m) {
        long h = 0;
        for (Field f : Field.values()) {
            int n = switch (f.kind()) {
                case VMA -> m.vmaCapacity();
                case MM -> 1;
                case THREAD -> m.threadCount();
                case PTE -> m.pteSlots();
                case SB -> m.threadCount() * StoreBuffer.CAPACITY;
            };
            for (int i = 0; i < n; i++) {
                h ^= Memory.zobrist(f, i, m.get(f, i));
            }
        }
        return h;
    }

    @Test
    void aWordAtItsDefaultValueAddsNothingToTheHash() {
        for (Field f : Field.values()) {
            for (int obj = 0; obj < 40; obj++) {
                assertEquals(0, Memory.zobrist(f, obj, f.defaultValue()), f + "[" + obj + "]");
                assertNotEquals(0, Memory.zobrist(f, obj, f.defaultValue() + 1), f + "[" + obj + "]");
            }
        }
        assertEquals(Memory.NIL, Field.RB_LEFT.defaultValue());
        assertEquals(0, Field.VM_START.defaultValue());
    }

    @Test
    void growingTheVmaColumnsChangesNothing() {
        Machine m = new Machine(newNames(), CheckLevel.FULL);
        m.memory().enableHashing();
        runAlone(m, 0);
        long h = m.memory().hash();
        int cap = m.memory().vmaCapacity();
        m.memory().ensureVma(cap * 4);
        assertTrue(m.memory().vmaCapacity() > cap);
        assertEquals(h, m.memory().hash());
        assertEquals(h, hashOfWords(m.memory()));
    }

    @Test
    void theIncrementalHashIsTheHashOfTheWordsAfterEveryStep() {
        for (long seed = 1; seed <= 5; seed++) {
            Machine m = new Machine(newNames(), CheckLevel.FULL);
            m.memory().enableHashing();
            SplittableRandom rnd = new SplittableRandom(seed);
            while (!m.allDone()) {
                int t = rnd.nextInt(m.threadCount());
                if (m.enabled(t)) {
                    m.step(t);
                    assertEquals(hashOfWords(m.memory()), m.memory().hash(), "seed " + seed);
                }
            }
        }
    }

    @Test
    void namesAreCanonicalWhateverOrderTheyWereMetIn() {
        Machine a = new Machine(newNames(), CheckLevel.FULL);
        a.memory().intern("heap'"); /* as if an earlier run had met these first */
        a.memory().intern("y");
        runAlone(a, 2);
        runAlone(a, 0);
        runAlone(a, 1);
        Machine b = new Machine(newNames(), CheckLevel.FULL);
        runAlone(b, 2);
        runAlone(b, 0);
        runAlone(b, 1);
        int n = (int) b.memory().mm(Field.NR_ALLOC);
        assertEquals(n, (int) a.memory().mm(Field.NR_ALLOC));
        for (int v = 0; v < n; v++) {
            assertEquals(b.memory().get(Field.NAME, v), a.memory().get(Field.NAME, v), b.memory().name(v));
            assertEquals(b.memory().name(v), a.memory().name(v));
        }
        assertEquals(hashOfWords(b.memory()), hashOfWords(a.memory()));
        assertTrue(List.of(names(b)).containsAll(List.of("x", "y", "heap", "heap'")), List.of(names(b)).toString());
    }

    @Test
    void theFingerprintIsTheSameWhateverOrderTheNamesWereMetIn() {
        Machine a = new Machine(newNames(), CheckLevel.FULL);
        a.memory().intern("y"); /* as if an earlier schedule had met y first */
        Explorable.Mark start = a.save();
        long initial = a.fingerprint();
        runAlone(a, 0);
        runAlone(a, 1);
        Explorable b = Engine.explorable(newNames(), CheckLevel.FULL);
        assertEquals(initial, b.fingerprint());
        runAlone((Machine) b, 0);
        runAlone((Machine) b, 1);
        assertEquals(b.fingerprint(), a.fingerprint());
        a.restore(start);
        assertEquals(initial, a.fingerprint(), "restoring gives the state, and its fingerprint, back");
    }

    @Test
    void aNameWordDependsOnTheNameAlone() {
        assertEquals(Memory.nameWord("heap'"), new Memory(4, 1, 1).intern("heap'"));
        assertNotEquals(Memory.nameWord("heap"), Memory.nameWord("heap'"));
        assertNotEquals(0, Memory.nameWord(""));
        Memory m = new Memory(4, 1, 1);
        m.set(Field.NAME, 2, m.intern("ld"));
        assertEquals("ld", m.name(2));
        assertEquals("vma3", m.name(3), "a slot with no name");
    }

    static String[] names(Machine m) {
        int n = (int) m.memory().mm(Field.NR_ALLOC);
        String[] out = new String[n];
        for (int v = 0; v < n; v++) {
            out[v] = m.memory().name(v);
        }
        return out;
    }
}
