package org.vmalab.explore;

import java.util.List;
import java.util.Locale;
import org.vmalab.engine.Scenario;
import org.vmalab.engine.check.Violation;

/** Results in words: the text that {@code check} prints, reusable by a window's results list. */
public final class Reports {
    private Reports() {
    }

    /** The schedule in the scenario file's syntax: {@code [T1 x3, T2 x25, T1 x2, stop]}. */
    public static String scheduleText(List<Integer> threads, String[] names) {
        StringBuilder b = new StringBuilder("[");
        int i = 0;
        while (i < threads.size()) {
            int t = threads.get(i);
            int j = i;
            while (j < threads.size() && threads.get(j) == t) {
                j++;
            }
            b.append(names[t]).append(" x").append(j - i).append(", ");
            i = j;
        }
        return b.append("stop]").toString();
    }

    static String[] names(Scenario sc) {
        return Results.names(sc);
    }

    /** "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String verdictWords(ExploreResult.Verdict v) {
        return switch (v) {
            case PASS -> "no violation, search complete";
            case VIOLATION -> "violation found";
            case INCOMPLETE -> "incomplete, no violation found (not a pass)";
            case ERROR -> "the engine failed on some schedules";
        };
    }

    /** The counters in one line. */
    public static String statsLine(Stats s) {
        return String.format(Locale.ROOT, "%s states (%s distinct), %s schedules, max depth %d, %.2f s, %s states/s, "
                        + "%d worker%s", count(s.states()), count(s.distinctStates()), count(s.schedules()),
                s.maxDepth(), s.elapsedSeconds(), count(Math.round(s.statesPerSecond())), s.workers(),
                s.workers() == 1 ? "" : "s") + (s.reductionOffAt() < 0 ? "" : "; the reduction cost more than it "
                + "saved and was switched off after " + count(s.reductionOffAt()) + " transitions")
                + (s.symmetry() ? "; " + interchangeable(s) : "");
    }

    /** "T1, T2 and T3 run the same program: states that only swap them were searched once". */
    private static String interchangeable(Stats s) {
        StringBuilder b = new StringBuilder();
        for (List<String> c : s.interchangeable()) {
            b.append(b.length() > 0 ? "; " : "").append(String.join(", ", c.subList(0, c.size() - 1)))
                    .append(" and ").append(c.get(c.size() - 1));
        }
        return b.append(s.interchangeable().size() == 1 ? " run the same program" : " run the same programs")
                .append(": states that only swap them were searched once").toString();
    }

    /** A full report of one search, indented by {@code indent}. */
    public static String text(ExploreResult r, String indent) {
        String[] names = names(r.scenario());
        StringBuilder b = new StringBuilder();
        b.append(indent).append("verdict: ").append(verdictWords(r.verdict()));
        if (!r.complete()) {
            b.append(" (").append(String.join("; ", r.incompleteReasons())).append(')');
        }
        b.append('\n');
        b.append(indent).append("searched: ").append(statsLine(r.stats())).append('\n');
        b.append(indent).append("final outcomes (").append(r.outcomes().size()).append("):\n");
        for (FinalOutcome o : r.outcomes()) {
            b.append(indent).append("  ").append(o.text()).append("  [").append(count(o.finalStates()))
                    .append(o.finalStates() == 1 ? " final state" : " final states").append(", e.g. ")
                    .append(scheduleText(o.example(), names)).append("]\n");
        }
        if (r.findings().isEmpty()) {
            b.append(indent).append("violations: none").append(r.complete() ? "\n" : " found so far\n");
        } else {
            b.append(indent).append("violations (").append(r.findings().size())
                    .append(r.findings().size() == 1 ? " kind):\n" : " kinds):\n");
            for (Finding f : r.findings()) {
                b.append(indent).append("  ").append(f.kind()).append(f.rule() ? " (design rule)" : "").append(": ")
                        .append(f.steps())
                        .append(f.steps() == 1 ? " step" : " steps").append(f.shortest() ? "" : " (shortest found)")
                        .append(f.occurrences() == 1 ? ", seen once\n"
                                : ", seen " + count(f.occurrences()) + " times\n");
                b.append(indent).append("    ").append(f.summary()).append('\n');
                b.append(indent).append("    schedule: ").append(scheduleText(f.threads(), names)).append('\n');
            }
        }
        for (EngineError e : r.errors()) {
            b.append(indent).append("engine error: ").append(e.message()).append(" after ")
                    .append(scheduleText(e.threads(), names)).append('\n');
        }
        return b.toString();
    }

    /** The A/B table as aligned text. */
    public static String abText(AbTable t) {
        return abText(t, ExploreResult.CANCELLED);
    }

    /** The A/B table as text; {@code why} says why a table that was cut short is not complete. */
    public static String abText(AbTable t, String why) {
        StringBuilder b = new StringBuilder();
        String fmt = "%-19s %-11s %-8s %-10s %s%n";
        b.append(String.format(Locale.ROOT, fmt, "setting", "verdict", "shortest", "states", "what the search finds"));
        for (AbTable.Row row : t.rows()) {
            ExploreResult r = row.result();
            int shortest = shortestConsequence(r);
            String found = r.findings().isEmpty() ? (r.complete() ? "nothing: every schedule is safe"
                    : "nothing so far") : String.join(", ", row.kinds());
            b.append(String.format(Locale.ROOT, fmt, row.setting(), r.verdict().name().toLowerCase(Locale.ROOT),
                    shortest == Integer.MAX_VALUE ? "-" : String.valueOf(shortest), count(r.stats().distinctStates()),
                    found));
        }
        b.append('\n');
        for (AbTable.Row row : t.rows()) {
            b.append(row.setting()).append(": ");
            List<FinalOutcome> os = row.result().outcomes();
            for (int i = 0; i < os.size(); i++) {
                b.append(i > 0 ? " / " : "").append(os.get(i).text());
            }
            b.append('\n');
        }
        if (t.cancelled()) {
            b.append('(').append(why).append(": the table is not complete)\n");
        }
        return b.toString();
    }

    /**
     * The shortest schedule of the first finding that is a consequence, not a design rule (the rules break on the
     * first step of every schedule of a setting that takes their part of the patch away); of a rule if there is
     * nothing else. MAX_VALUE without findings.
     */
    public static int shortestConsequence(ExploreResult r) {
        int best = Integer.MAX_VALUE;
        for (Finding f : r.findings()) {
            if (!f.rule()) {
                best = Math.min(best, f.steps());
            }
        }
        if (best == Integer.MAX_VALUE) {
            for (Finding f : r.findings()) {
                best = Math.min(best, f.steps());
            }
        }
        return best;
    }

    /** The violation's thread name, or "-". */
    static String threadOf(Violation v, String[] names) {
        return v.thread() >= 0 && v.thread() < names.length ? names[v.thread()] : "-";
    }
}
