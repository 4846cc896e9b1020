package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmalab.engine.RwlockPolicy;
import org.vmalab.engine.Scenario;

/** The A/B table of lesson 9: what each protection setting lets happen. */
class AbTableTest {
    @Test
    void lesson9UnderEverySetting() {
        Scenario sc = Fixtures.lesson9(Fixtures.with());
        AbTable t = AbTable.run(sc, ExploreOptions.defaults().withThreads(2));
        assertEquals(7, t.rows().size());
        assertEquals("PATCH", t.patch().setting());
        assertEquals(ExploreResult.Verdict.PASS, t.patch().result().verdict());
        for (AbTable.Row row : t.rows()) {
            assertTrue(row.result().complete(), row.setting());
            switch (row.setting()) {
                case "NO_LOCK", "NO_REFCOUNT", "SPF_USES_VMACACHE", "CLEAR_BEFORE_ERASE" ->
                        assertTrue(row.result().breaks("I-UAF"), row.setting() + " " + row.kinds());
                case "NO_EMPTY_CHECK" -> assertTrue(row.result().breaks("SPF-PTE"), row.kinds().toString());
                case "PATCH", "PRE_PATCH" -> assertTrue(row.result().findings().isEmpty(), row.kinds().toString());
                default -> throw new AssertionError(row.setting());
            }
        }
        String text = Reports.abText(t);
        assertTrue(text.contains("NO_REFCOUNT") && text.contains("nothing: every schedule is safe"), text);
    }

    @Test
    void theRwlockPolicyIsKept() {
        Scenario sc = Fixtures.lesson9(Fixtures.with().withPolicy(RwlockPolicy.READER_PREF));
        assertEquals(RwlockPolicy.READER_PREF, AbTable.protection(sc, null).policy());
        assertEquals(RwlockPolicy.READER_PREF,
                AbTable.protection(sc, org.vmalab.engine.ProtectionToggle.NO_LOCK).policy());
    }
}
