package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;
import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.laurel.engine.policy.Localized;

import java.util.List;
import java.util.Set;

/**
 * The answer for one award: the outcome, the criteria it follows from, and notes (provisional law, not modelled).
 *
 * @param parameterNames the policy parameters its criteria read (the answer lists their values once, for all awards)
 */
public record AwardResult(String award, Localized name, Outcome outcome, List<CriterionOutcome> criteria,
                          List<Localized> notes, QuotaInfo quota, @JsonIgnore Set<String> parameterNames) {
    public AwardResult {
        parameterNames = parameterNames == null ? Set.of() : parameterNames;
    }

    public AwardResult(String award, Localized name, Outcome outcome, List<CriterionOutcome> criteria, List<Localized> notes) {
        this(award, name, outcome, criteria, notes, null, Set.of());
    }

    public AwardResult(String award, Localized name, Outcome outcome, List<CriterionOutcome> criteria, List<Localized> notes,
                       QuotaInfo quota) {
        this(award, name, outcome, criteria, notes, quota, Set.of());
    }

    AwardResult withQuota(Outcome outcome, QuotaInfo quota) {
        return new AwardResult(award, name, outcome, criteria, notes, quota, parameterNames);
    }

    AwardResult withNotes(List<Localized> notes) {
        return new AwardResult(award, name, outcome, criteria, notes, quota, parameterNames);
    }
}
