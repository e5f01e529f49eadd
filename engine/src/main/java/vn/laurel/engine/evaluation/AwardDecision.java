package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;

/**
 * An award decided for a subject, inserted into the session once all of the award's criteria have
 * reported, so that rules of awards that depend on it (a higher title, a collective counting its
 * members) can match it.
 */
public record AwardDecision(String subjectId, String award, int year, Outcome outcome) {
    public boolean isEligible() {
        return outcome.held();
    }
}
