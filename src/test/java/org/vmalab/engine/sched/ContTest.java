package org.vmalab.engine.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.mm.Regs;

/**
 * A continuation cell carries the hash of itself and its tail, made once; a thread's hash reads it instead of walking
 * the continuation, and must still tell apart what the walk told apart: the actions and their order.
 */
class ContTest {
    private static Cont stack(Action... actions) {
        Cont c = null;
        for (int i = actions.length - 1; i >= 0; i--) {
            c = new Cont(actions[i], c);
        }
        return c;
    }

    private static long threadHash(Action first, Cont rest) {
        return new ThreadState(first, rest, Regs.INITIAL, 0).hash();
    }

    @Test
    void equalStacksMadeApartAreEqualAndHashTheSame() {
        Cont a = stack(new Actions.DownRead(), new Actions.FreeVma(3, Actions.PutSite.READER), new Actions.UpRead());
        Cont b = stack(new Actions.DownRead(), new Actions.FreeVma(3, Actions.PutSite.READER), new Actions.UpRead());
        assertEquals(a, b);
        assertEquals(a.hash(), b.hash());
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(threadHash(new Actions.UpWrite(), a), threadHash(new Actions.UpWrite(), b));
    }

    @Test
    void anotherActionOrOrderOrLengthHashesOtherwise() {
        Action r = new Actions.DownRead();
        Action u = new Actions.UpRead();
        Action f3 = new Actions.FreeVma(3, Actions.PutSite.READER);
        Action f4 = new Actions.FreeVma(4, Actions.PutSite.READER);
        Cont base = stack(r, f3, u);
        for (Cont other : new Cont[] {stack(r, f4, u), stack(f3, r, u), stack(r, f3), stack(r, f3, u, u),
                stack(f3, u)}) {
            assertNotEquals(base, other, other.toString());
            assertNotEquals(base.hash(), other.hash(), other.toString());
            assertNotEquals(threadHash(r, base), threadHash(r, other), other.toString());
        }
    }

    @Test
    void theFirstActionIsToldApartFromTheRest() {
        Action r = new Actions.DownRead();
        Action u = new Actions.UpRead();
        assertNotEquals(threadHash(r, stack(u)), threadHash(u, stack(r)));
        assertNotEquals(threadHash(r, null), threadHash(r, stack(u)));
        assertNotEquals(threadHash(null, null), threadHash(r, null));
        assertNotEquals(new ThreadState(r, null, Regs.INITIAL, 0).hash(),
                new ThreadState(r, null, Regs.INITIAL, 1).hash());
        assertNotEquals(new ThreadState(r, null, Regs.INITIAL, 0).hash(),
                new ThreadState(r, null, new Regs(2, ""), 0).hash());
        assertNotEquals(new ThreadState(r, null, Regs.INITIAL, 0).hash(),
                new ThreadState(r, null, new Regs(Regs.INITIAL.vma(), "SIGSEGV"), 0).hash());
    }

    @Test
    void equalThreadStatesMadeApartAreEqualWithTheSameHash() {
        ThreadState a = new ThreadState(new Actions.UpRead(), stack(new Actions.DownRead()), new Regs(2, "x"), 3);
        ThreadState b = new ThreadState(new Actions.UpRead(), stack(new Actions.DownRead()), new Regs(2, "x"), 3);
        assertEquals(a, b);
        assertEquals(a.hash(), b.hash());
        assertNotEquals(a, new ThreadState(new Actions.UpRead(), stack(new Actions.UpRead()), new Regs(2, "x"), 3));
    }

    @Test
    void aCellsHashIsItsActionOnItsTailsHash() {
        Action r = new Actions.DownRead();
        Action u = new Actions.UpRead();
        Cont tail = stack(u);
        assertEquals(Machine.hashAction(Cont.EMPTY_HASH, u), tail.hash());
        assertEquals(Machine.hashAction(tail.hash(), r), new Cont(r, tail).hash());
    }
}
