package org.vmalab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.vmalab.engine.ProtectionToggle;
import org.vmalab.engine.check.Invariant;
import org.vmalab.engine.mm.OpSyntax;
import org.vmalab.engine.trace.Loc;
import org.vmalab.engine.tree.Tag;

/** The guide's example is a valid lesson, and the JSON Schema knows the same keys and names as the loader. */
class GuideAndSchemaTest {
    static final Path GUIDE = Path.of("docs/WRITING-LESSONS.md");
    static final Path SCHEMA = Path.of("lessons/lesson.schema.json");

    static String example() throws Exception {
        String md = Files.readString(GUIDE, StandardCharsets.UTF_8);
        int a = md.indexOf("<!-- example:start -->");
        int b = md.indexOf("<!-- example:end -->");
        assertTrue(a >= 0 && b > a, "the guide marks its example");
        String block = md.substring(a, b);
        return block.substring(block.indexOf("```yaml\n") + 8, block.lastIndexOf("```"));
    }

    @Test
    void theGuidesExampleValidatesAndRuns() throws Exception {
        Lesson l = LessonLoader.parse(example(), "WRITING-LESSONS.md");
        assertEquals("99-example", l.id());
        assertEquals(2, l.parts().size());
        List<LessonException> problems = LessonLoader.verify(l);
        assertTrue(problems.isEmpty(), () -> problems.stream().map(LessonException::getMessage)
                .collect(Collectors.joining("\n")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> schema() throws Exception {
        String json = Files.readString(SCHEMA, StandardCharsets.UTF_8);
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> m, String... path) {
        Map<String, Object> cur = m;
        for (String p : path) {
            cur = (Map<String, Object>) cur.get(p);
        }
        return cur;
    }

    static Set<String> keys(Map<String, Object> m, String... path) {
        return new TreeSet<>(at(m, path).keySet());
    }

    @SuppressWarnings("unchecked")
    static Set<String> enumOf(Map<String, Object> m, String... path) {
        return new TreeSet<>((List<String>) at(m, path).get("enum"));
    }

    @Test
    void theSchemaHasTheLoadersKeys() throws Exception {
        Map<String, Object> s = schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema"));
        assertEquals(new TreeSet<>(LessonLoader.TOP_KEYS), keys(s, "properties"));
        assertEquals(new TreeSet<>(LessonLoader.PART_KEYS), keys(s, "$defs", "part", "properties"));
        assertEquals(new TreeSet<>(LessonLoader.SCENARIO_KEYS), keys(s, "$defs", "scenario", "properties"));
        assertEquals(new TreeSet<>(LessonLoader.NARRATION_KEYS), keys(s, "$defs", "narration", "properties"));
        assertEquals(new TreeSet<>(LessonLoader.CHECKPOINT_KEYS), keys(s, "$defs", "checkpoint", "properties"));
        assertEquals(new TreeSet<>(LessonLoader.EXPECT_KEYS), keys(s, "$defs", "expect", "properties"));
        assertEquals(new TreeSet<>(LessonLoader.CHALLENGE_KEYS), keys(s, "$defs", "challenge", "properties"));
        assertEquals(new TreeSet<>(LessonLoader.GOAL_KEYS), keys(s, "$defs", "challenge", "properties", "goal",
                "properties"));
        assertEquals(new TreeSet<>(LessonLoader.CLAIM_KEYS), keys(s, "$defs", "claims", "properties"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theSchemaKnowsTheEnginesNames() throws Exception {
        Map<String, Object> s = schema();
        Map<String, Object> event = (Map<String, Object>) ((List<Object>) at(s, "$defs", "narration", "properties",
                "when").get("anyOf")).get(1);
        assertEquals(new TreeSet<>(LessonLoader.EVENT_KEYS), new TreeSet<>(at(event, "properties").keySet()));
        assertEquals(Arrays.stream(Loc.Kind.values()).map(k -> k.name().toLowerCase()).collect(Collectors.toCollection(
                TreeSet::new)), enumOf(event, "properties", "kind"));
        assertEquals(Arrays.stream(Tag.values()).filter(t -> t != Tag.NONE).map(Tag::label)
                .collect(Collectors.toCollection(TreeSet::new)), enumOf(event, "properties", "case"));
        Set<String> invariants = Arrays.stream(Invariant.values()).map(Invariant::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(invariants, new TreeSet<>((List<String>) ((Map<String, Object>) ((List<Object>) at(s, "$defs",
                "expect", "properties", "invariants").get("anyOf")).get(0)).get("enum")));
        Set<String> toggles = Arrays.stream(ProtectionToggle.values()).map(Enum::name).collect(Collectors.toCollection(
                LinkedHashSet::new));
        List<Object> prot = (List<Object>) at(s, "$defs", "scenario", "properties", "protection").get("anyOf");
        assertEquals(toggles, new LinkedHashSet<>((List<String>) ((Map<String, Object>) prot.get(1)).get("enum")));
        /* the operations the loader knows */
        String pattern = (String) at(s, "$defs", "program").entrySet().stream().filter(e -> e.getKey().equals("items"))
                .map(e -> ((List<Map<String, Object>>) ((Map<String, Object>) e.getValue()).get("anyOf")).get(0)
                        .get("pattern")).findFirst().orElseThrow();
        for (String op : OpSyntax.OPS) {
            assertTrue(pattern.contains(op), op + " in " + pattern);
        }
    }
}
