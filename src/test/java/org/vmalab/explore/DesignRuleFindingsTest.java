package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Invariant;

/**
 * Issue 11 item 3: under SPF_USES_VMACACHE every schedule breaks two design rules at once (find_vma without
 * mmap_sem, a reference taken outside mm_rb_lock); they are kept, marked as rules, and listed after the
 * use-after-free, which keeps its own shortest schedule.
 */
class DesignRuleFindingsTest {
    @Test
    void theUseAfterFreeComesFirstAndTheRulesAreMarked() {
        Scenario sc = Fixtures.lesson9(Fixtures.with(ProtectionToggle.SPF_USES_VMACACHE));
        ExploreResult r = Explorer.run(sc, ExploreOptions.defaults().withThreads(2));
        List<Finding> fs = r.findings();
        assertTrue(fs.stream().anyMatch(f -> f.invariant() == Invariant.I_LOCK), fs::toString);
        assertTrue(fs.stream().anyMatch(f -> f.invariant() == Invariant.I_GET), fs::toString);
        Finding first = fs.get(0);
        assertEquals(Invariant.I_UAF, first.invariant(), fs::toString);
        assertFalse(first.rule());
        int rules = 0;
        for (Finding f : fs) {
            if (f.rule()) {
                rules++;
            } else {
                assertEquals(0, rules, "a design rule listed before a consequence: " + fs);
            }
        }
        assertTrue(fs.stream().filter(Finding::rule).allMatch(f -> f.invariant().rule()));
        assertTrue(first.steps() > 1, "the use-after-free needs more than the first step");

        String text = Reports.text(r, "");
        assertTrue(text.contains("I-LOCK") && text.contains("(design rule)"), text);
        JsonWriter w = new JsonWriter().beginObject();
        ResultJson.resultFields(w, r);
        String json = w.endObject().toString();
        assertTrue(json.contains("\"design_rule\": true") && json.contains("\"design_rule\": false"), json);
    }

    @Test
    void theAbTableShowsTheShortestConsequence() {
        Scenario sc = Fixtures.lesson9(Fixtures.with());
        AbTable t = AbTable.run(sc, ExploreOptions.defaults().withThreads(2));
        String text = Reports.abText(t);
        String row = text.lines().filter(l -> l.startsWith("SPF_USES_VMACACHE")).findFirst().orElseThrow();
        AbTable.Row r = t.rows().stream().filter(x -> x.setting().equals("SPF_USES_VMACACHE")).findFirst()
                .orElseThrow();
        int uaf = r.result().findings().stream().filter(f -> f.invariant() == Invariant.I_UAF).findFirst()
                .orElseThrow().steps();
        assertTrue(row.split("\\s+")[2].equals(String.valueOf(uaf)), row);
        assertTrue(row.contains("I-LOCK") && row.contains("(rule)"), row);
    }
}
