package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.trace.Trace;
import org.vmalab.engine.tree.Tag;

/** Every case of lib/rbtree.c and its mirror, reached by a named test (the tree stays valid after each). */
class CaseCoverageTest {
    /** VMA number i covers [i * 0x10000, i * 0x10000 + 0x1000). */
    static Op map(int i) {
        return new Op.Map("k" + i, i * 0x10000L, i * 0x10000L + 0x1000, Scenarios.RW, false, 0);
    }

    static Op unmap(int i) {
        return new Op.Munmap(i * 0x10000L, i * 0x10000L + 0x1000);
    }

    /** Runs the ops; returns the tags and locations of the last operation's steps. */
    static Trace run(Op... ops) {
        Trace t = GoldenVectorsTest.runOne(List.of(), Protection.PATCH, ops);
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        return t;
    }

    static Set<Tag> lastOpTags(Trace t) {
        List<Integer> starts = t.operationStarts();
        Set<Tag> s = EnumSet.noneOf(Tag.class);
        for (int i = starts.get(starts.size() - 1); i <= t.size(); i++) {
            s.add(t.step(i).tag());
        }
        s.remove(Tag.NONE);
        return s;
    }

    static Set<Loc> lastOpLocs(Trace t) {
        List<Integer> starts = t.operationStarts();
        Set<Loc> s = EnumSet.noneOf(Loc.class);
        for (int i = starts.get(starts.size() - 1); i <= t.size(); i++) {
            s.add(t.step(i).loc());
        }
        return s;
    }

    static Op[] seq(Object... parts) {
        List<Op> ops = new ArrayList<>();
        for (Object p : parts) {
            ops.add((Op) p);
        }
        return ops.toArray(new Op[0]);
    }

    @Test
    void insertTheFirstNodeIsTheRoot() {
        assertEquals(Set.of(Tag.ROOT), lastOpTags(run(map(1))));
    }

    @Test
    void insertCase1UncleRed() {
        assertEquals(Set.of(Tag.I1, Tag.ROOT), lastOpTags(run(map(2), map(1), map(3), map(0))));
    }

    @Test
    void insertCase1Mirror() {
        assertEquals(Set.of(Tag.I1M, Tag.ROOT), lastOpTags(run(map(2), map(1), map(3), map(4))));
    }

    @Test
    void insertCase2LeftRotateAtParentThenCase3() {
        assertEquals(Set.of(Tag.I2, Tag.I3), lastOpTags(run(map(3), map(1), map(2))));
    }

    @Test
    void insertCase3RightRotateAtGparent() {
        assertEquals(Set.of(Tag.I3), lastOpTags(run(map(3), map(2), map(1))));
    }

    @Test
    void insertCase2MirrorThenCase3Mirror() {
        assertEquals(Set.of(Tag.I2M, Tag.I3M), lastOpTags(run(map(1), map(3), map(2))));
    }

    @Test
    void insertCase3MirrorLeftRotateAtGparent() {
        assertEquals(Set.of(Tag.I3M), lastOpTags(run(map(1), map(2), map(3))));
    }

    @Test
    void eraseCase1LeafWithoutChildren() {
        Trace t = run(map(1), map(2), map(3), unmap(3));
        assertEquals(Set.of(Tag.E1), lastOpTags(t));
        assertTrue(lastOpLocs(t).contains(Loc.RB_CHANGE_CHILD_RIGHT));
    }

    @Test
    void eraseCase1OnlyARightChild() {
        Trace t = run(map(2), map(1), map(3), map(4), unmap(3));
        assertEquals(Set.of(Tag.E1), lastOpTags(t));
        assertTrue(lastOpLocs(t).contains(Loc.ERASE_C1_CHILD_PC));
    }

    @Test
    void eraseCase1OnlyALeftChild() {
        Trace t = run(map(2), map(1), map(3), map(0), unmap(1));
        assertEquals(Set.of(Tag.E1), lastOpTags(t));
        assertTrue(lastOpLocs(t).contains(Loc.ERASE_C1_LEFT_PC));
    }

    @Test
    void eraseCase2SuccessorIsTheRightChild() {
        assertTrue(lastOpTags(run(map(2), map(1), map(3), unmap(2))).contains(Tag.E2));
    }

    @Test
    void eraseCase3SuccessorIsTheLeftmostOfTheRightSubtree() {
        Trace t = run(map(2), map(1), map(4), map(3), unmap(2));
        assertTrue(lastOpTags(t).contains(Tag.E3), lastOpTags(t)::toString);
        assertTrue(lastOpLocs(t).contains(Loc.AUG_COPY));
    }

    /** Layout W unmaps that SEMANTICS 8.7 lists for the fix-up cases. */
    static Set<Tag> w(List<VmaSpec> layout, String... victims) {
        List<Op> ops = new ArrayList<>();
        for (String v : victims) {
            VmaSpec s = Layouts.byName(v);
            ops.add(new Op.Munmap(s.start(), s.end()));
        }
        Trace t = GoldenVectorsTest.runOne(layout, Protection.PATCH, ops.toArray(new Op[0]));
        assertTrue(t.violations().isEmpty(), t.violations()::toString);
        return lastOpTags(t);
    }

    static final List<VmaSpec> EXEC = Layouts.w("stack", "text", "data", "heap", "ld", "libc", "libc_rw");

    @Test
    void fixupCase1RedSibling() {
        assertTrue(w(Scenarios.layoutW(), "text").containsAll(Set.of(Tag.E1, Tag.C1, Tag.C2)));
    }

    @Test
    void fixupCase2SiblingColourFlip() {
        assertTrue(w(Scenarios.layoutW(), "text").contains(Tag.C2));
    }

    @Test
    void fixupCase3RightRotateAtSibling() {
        assertTrue(w(Scenarios.layoutW(), "ld", "data").containsAll(Set.of(Tag.E3, Tag.C3, Tag.C4)));
    }

    @Test
    void fixupCase4LeftRotateAtParent() {
        assertEquals(Set.of(Tag.E1, Tag.C4), w(Scenarios.layoutW(), "heap"));
    }

    @Test
    void fixupCase1MirrorAndCase2Mirror() {
        assertTrue(w(EXEC, "text", "ld").containsAll(Set.of(Tag.E2, Tag.C1M, Tag.C2M)));
    }

    @Test
    void fixupCase3MirrorAndCase4Mirror() {
        assertTrue(w(Scenarios.layoutW(), "data", "ld").containsAll(Set.of(Tag.E2, Tag.C3M, Tag.C4M)));
    }
}
