package vn.laurel.engine.evaluation;

import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.model.Status;

/**
 * For the criterion mutation check only, never set by the service: forces one criterion rule of one
 * regime to a status, as a bug that made it always MET (or always NOT_MET) would, so that the
 * check can see whether some scenario notices. Applied where a rule's check is recorded, before
 * the award's outcome (and any award that depends on it) is decided from the criteria.
 *
 * @param regime the regime code (a rule of common/ is a rule of every regime, forced in one at a time)
 * @param rule   the criterion rule's name
 */
public record CriterionOverride(String regime, String rule, Status status) {
    Check applyTo(String regime, String rule, Check check) {
        if (!this.regime.equals(regime) || !this.rule.equals(rule) || check.status() == status) return check;
        return new Check(status, check.actual(), check.required(), check.evidence(), check.label(), check.branches(), check.detail());
    }
}
