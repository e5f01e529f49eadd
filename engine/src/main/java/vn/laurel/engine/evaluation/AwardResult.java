package vn.laurel.engine.evaluation;

import vn.laurel.engine.policy.Localized;

import java.util.List;

/** The answer for one award: the outcome, the criteria it follows from, and notes (provisional law, not modelled). */
public record AwardResult(String award, Localized name, Outcome outcome, List<CriterionOutcome> criteria,
                          List<Localized> notes, QuotaInfo quota) {
    public AwardResult(String award, Localized name, Outcome outcome, List<CriterionOutcome> criteria, List<Localized> notes) {
        this(award, name, outcome, criteria, notes, null);
    }

    AwardResult withQuota(Outcome outcome, QuotaInfo quota) {
        return new AwardResult(award, name, outcome, criteria, notes, quota);
    }
}
