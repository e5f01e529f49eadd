package vn.laurel.api.councils;

import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.policy.Localized;

import java.util.List;

/**
 * A candidate on a session's agenda for one award: the outcome from the stored facts, the attestation
 * criteria waiting for the council's judgment, the other criteria needing review (a pending matter, say:
 * not settled by a vote), whether the award needs a ballot of its own, the threshold, the ballot this
 * session recorded, if any, the latest ballot on it for the year at an earlier session (of any council: it
 * keeps the candidate on later agendas so that it can be voted on again), and — for a ballot being
 * recorded — the attestations a passed ballot writes (empty on a listed agenda, where they are not worked out).
 */
public record AgendaItem(String subjectId, String name, boolean person, String unit, String award, Localized awardName,
                         Outcome outcome, List<CriterionOutcome> waiting, List<CriterionOutcome> otherOpen,
                         boolean ballotRequired, Threshold threshold, Ballot ballot, SessionBallot earlier, List<String> settles) {

    public List<String> waitingCodes() {
        return waiting.stream().map(CriterionOutcome::criterion).toList();
    }

    public AgendaItem withBallot(Ballot b) {
        return new AgendaItem(subjectId, name, person, unit, award, awardName, outcome, waiting, otherOpen, ballotRequired, threshold, b,
                earlier, settles);
    }
}
