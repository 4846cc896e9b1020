package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.mm.Op;
import org.vmalab.engine.sched.Schedule;
import org.vmalab.engine.trace.Outcome;
import org.vmalab.engine.trace.Trace;

/** SEMANTICS 8.5 and 8.7: every micro-step of vma_link and munmap, against the golden lists. */
class GoldenStepsTest {
    /** A golden file of SEMANTICS section 8, as vendored in src/test/resources/golden. */
    static Path golden(String name) {
        return Path.of("src/test/resources/golden", name);
    }

    /** Sections "### title" of a golden file, with their numbered step lines (number stripped). */
    static Map<String, List<String>> sections(String file, String prefix) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> cur = null;
        for (String line : Files.readAllLines(golden(file))) {
            if (line.startsWith(prefix)) {
                cur = new ArrayList<>();
                out.put(line, cur);
            } else if (line.startsWith("#")) {
                cur = null;
            } else if (cur != null && line.matches("^\\s+\\d+ .*")) {
                cur.add(line.strip().replaceFirst("^\\d+ ", ""));
            }
        }
        return out;
    }

    /** Runs ops one after the other in one writer thread; returns, per op, the golden lines of its steps. */
    static List<List<String>> perOp(List<VmaSpec> layout, List<Op> ops) {
        Scenario sc = Layouts.scenario(layout, Protection.PATCH,
                new ThreadSpec("T1", ThreadSpec.Role.WRITER, ops));
        Trace t = Engine.run(sc, Schedule.roundRobin());
        assertEquals(Outcome.COMPLETE, t.outcome(), t.outcomeMessage());
        assertTrue(t.violations().isEmpty(), () -> t.violations().toString());
        List<Integer> starts = t.operationStarts();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) - 1 : t.size();
            out.add(GoldenFormat.lines(t, from, to));
        }
        return out;
    }

    @Test
    void insertionOfTheSevenVmasInAddressOrderMatchesEveryMicroStep() throws IOException {
        Map<String, List<String>> g = sections("golden_insert_steps.txt", "### vma_link(");
        List<Op> ops = new ArrayList<>();
        for (VmaSpec v : Layouts.w()) {
            ops.add(Layouts.map(v));
        }
        List<List<String>> mine = perOp(List.of(), ops);
        List<List<String>> expected = new ArrayList<>(g.values());
        assertEquals(7, expected.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(expected.get(i), mine.get(i), "vma_link of " + Layouts.w().get(i).name());
        }
    }

    @Test
    void everyGoldenEraseSequenceMatchesEveryMicroStep() throws IOException {
        List<String> lines = Files.readAllLines(golden("golden_erase.txt"));
        List<String> order = null;
        String header = null;
        List<String> victims = new ArrayList<>();
        Map<String, List<String>> expect = new LinkedHashMap<>();
        int checked = 0;
        List<String> cur = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "######## end";
            if (line.startsWith("######## ")) {
                if (header != null) {
                    checked += compareErase(header, order, victims, expect);
                }
                header = line;
                order = line.contains("exec-order")
                        ? List.of("stack", "text", "data", "heap", "ld", "libc", "libc_rw") : null;
                victims = new ArrayList<>();
                expect = new LinkedHashMap<>();
                String seq = line.contains("(") ? line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')) : "";
                for (String s : seq.split(",")) {
                    s = s.strip().replace("'", "");
                    if (!s.isEmpty()) {
                        victims.add(s);
                    }
                }
                cur = null;
            } else if (line.startsWith("### munmap(")) {
                cur = new ArrayList<>();
                expect.put(line, cur);
            } else if (cur != null && line.matches("^\\s+\\d+ [A-Za-z].*")) {
                cur.add(line.strip().replaceFirst("^\\d+ ", ""));
            } else if (line.startsWith("  highest_vm_end")) {
                cur = null;
            }
        }
        assertEquals(12, checked, "munmap operations compared");
    }

    private static int compareErase(String header, List<String> order, List<String> victims,
                                    Map<String, List<String>> expect) {
        List<VmaSpec> layout = order == null ? Layouts.w() : Layouts.w(order.toArray(new String[0]));
        List<Op> ops = new ArrayList<>();
        for (String v : victims) {
            VmaSpec s = Layouts.byName(v);
            ops.add(new Op.Munmap(s.start(), s.end()));
        }
        List<List<String>> mine = perOp(layout, ops);
        List<List<String>> exp = new ArrayList<>(expect.values());
        for (int i = 0; i < victims.size(); i++) {
            assertEquals(exp.get(i), mine.get(i), header + " munmap(" + victims.get(i) + ")");
        }
        return victims.size();
    }
}
