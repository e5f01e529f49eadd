package vn.laurel.engine.evaluation;

import vn.laurel.engine.history.History;
import vn.laurel.engine.policy.ParameterUse;

import java.util.Collection;
import java.util.List;

/**
 * One subject's answers within a case: its history (with the awards decided for it), the answers
 * for the awards it was run for, the rules fired and the parameters read.
 *
 * @param evaluation the session's evaluation; null for a member whose earlier answer was reused
 */
record Run(History history, Evaluation evaluation, List<AwardResult> results, List<FiredRule> fired,
           Collection<ParameterUse> parameters) {
    Run(History history, Evaluation evaluation, List<AwardResult> results, List<FiredRule> fired) {
        this(history, evaluation, results, fired, evaluation.getParametersUsed());
    }
}
