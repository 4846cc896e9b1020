package org.vmalab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.vmalab.engine.ProtectionToggle;

/** The JSON is well formed (YAML 1.2 reads JSON) and carries the documented fields. */
class ResultJsonTest {
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResultAsJson() {
        ExploreResult r = Explorer.run(Fixtures.lesson9(Fixtures.with(ProtectionToggle.NO_REFCOUNT)),
                Fixtures.single());
        JsonWriter w = new JsonWriter().beginObject();
        w.name("options");
        ResultJson.options(w, r.options());
        ResultJson.resultFields(w, r);
        Map<String, Object> m = parse(w.endObject().toString());
        assertEquals("violation", m.get("verdict"));
        assertEquals(true, m.get("complete"));
        List<Map<String, Object>> findings = (List<Map<String, Object>>) m.get("findings");
        Map<String, Object> f = findings.get(0);
        assertEquals("I-UAF", f.get("invariant"));
        Map<String, Object> sched = (Map<String, Object>) f.get("schedule");
        assertEquals(((List<Object>) sched.get("threads")).size(), sched.get("steps"));
        assertTrue(((String) sched.get("text")).endsWith("stop]"));
        Map<String, Object> stats = (Map<String, Object>) m.get("stats");
        assertTrue(((Number) stats.get("distinct_states")).longValue() > 0);
        assertTrue(((List<Object>) m.get("outcomes")).size() >= 2);
    }

    @Test
    void stringsAreEscaped() {
        String s = new JsonWriter().beginArray().value("a\"b\\c\nd\u0001").endArray().toString();
        assertEquals(List.of("a\"b\\c\nd\u0001"), new Load(LoadSettings.builder().build()).loadFromString(s));
    }
}
