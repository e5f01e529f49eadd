package vn.laurel.engine.evaluation;

import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.ParameterUse;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole answer, and everything needed to reproduce it: the regime, the rule-set version, the
 * engine version, the parameters used, the facts with their provenance and the rules fired; for a
 * collective, its members' answers too.
 */
public record EvaluationResult(String subjectId, SubjectKind subjectKind, int year, LocalDate asOf,
                               String regime, RegimeInfo regimeDetails, String rulesetVersion, String engineVersion,
                               List<AwardResult> results, List<FiredRule> firedRules,
                               List<ParameterUse> parameters, List<Evidence> facts, List<MemberResult> members) {

    public AwardResult result(String award) {
        return results.stream().filter(r -> r.award().equals(award)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + award));
    }

    /** The same answer with other results for its awards (a cap applied among subjects decided together). */
    EvaluationResult withResults(List<AwardResult> results) {
        return new EvaluationResult(subjectId, subjectKind, year, asOf, regime, regimeDetails, rulesetVersion, engineVersion,
                results, firedRules, parameters, facts, members);
    }
}
