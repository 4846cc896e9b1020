package org.vmalab.explore;

import java.util.List;
import org.vmalab.engine.Scenario;

/**
 * What a search found.
 *
 * @param complete              every schedule was explored to its end: no bound cut a schedule, nothing was
 *                              cancelled, the engine never failed. An incomplete run is never a pass
 * @param incompleteReasons     why not complete, in words
 * @param outcomes              the distinct ways the scenario ends
 * @param findings              one per kind of violation (and deadlock), shortest schedule first
 * @param shortestExact         the findings' schedules are shortest in the explored state graph (false when the
 *                              graph was too large to keep, or without state caching: then they are the shortest
 *                              the search ran into, which without state caching is also the shortest)
 * @param collisionProbability  upper estimate of the chance that two distinct states shared a fingerprint
 * @param auditChecks           independence claims checked by executing both orders (audit option)
 * @param auditFailures         claims that did not hold (must be empty)
 */
public record ExploreResult(Scenario scenario, ExploreOptions options, boolean complete,
                            List<String> incompleteReasons, Stats stats, List<FinalOutcome> outcomes,
                            List<Finding> findings, List<EngineError> errors, boolean shortestExact,
                            double collisionProbability, long auditChecks, List<String> auditFailures) {
    /** The incomplete reason of a search that was asked to stop ({@link Exploration#cancel()}). */
    public static final String CANCELLED = "cancelled";

    /** The verdict of a search, as {@code check} turns it into an exit code. */
    public enum Verdict {
        /** Complete and nothing found. */
        PASS,
        /** At least one violation or deadlock (complete or not). */
        VIOLATION,
        /** Cut short (bound, cancel) and nothing found: not a pass. */
        INCOMPLETE,
        /** The engine failed on some schedule and nothing else was found. */
        ERROR
    }

    public ExploreResult {
        incompleteReasons = List.copyOf(incompleteReasons);
        outcomes = List.copyOf(outcomes);
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        auditFailures = List.copyOf(auditFailures);
    }

    public Verdict verdict() {
        if (!findings.isEmpty()) {
            return Verdict.VIOLATION;
        }
        if (!errors.isEmpty()) {
            return Verdict.ERROR;
        }
        return complete ? Verdict.PASS : Verdict.INCOMPLETE;
    }

    /** The finding of this kind, or null. */
    public Finding finding(String kind) {
        for (Finding f : findings) {
            if (f.kind().equals(kind)) {
                return f;
            }
        }
        return null;
    }

    /** Does some finding break invariant id {@code id} ("I-UAF")? */
    public boolean breaks(String id) {
        for (Finding f : findings) {
            if (f.invariant() != null && f.invariant().id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
