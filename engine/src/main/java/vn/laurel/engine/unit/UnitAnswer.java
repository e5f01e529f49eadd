package vn.laurel.engine.unit;

import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.policy.ParameterUse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers for a unit with its members.
 *
 * @param members         each member's answer, in the order of the case's members, with the caps applied
 *                        among them (an answer beyond a cap is ELIGIBLE_SUBJECT_TO_QUOTA, with its rank)
 * @param unit            the unit's own answer (its members' answers inside, as for any collective); null
 *                        when its awards were not asked
 * @param quotaParameters the cap parameters read among the members, by award
 */
public record UnitAnswer(List<EvaluationResult> members, EvaluationResult unit, Map<String, List<ParameterUse>> quotaParameters) {
    public UnitAnswer {
        members = List.copyOf(members);
        quotaParameters = Collections.unmodifiableMap(new LinkedHashMap<>(quotaParameters)); // in the order capped
    }

    /** The cap parameters read for one award among the members; none when no cap on it is defined. */
    public List<ParameterUse> quotaParameters(String award) {
        return quotaParameters.getOrDefault(award, List.of());
    }
}
