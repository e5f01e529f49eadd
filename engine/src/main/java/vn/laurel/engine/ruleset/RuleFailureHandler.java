package vn.laurel.engine.ruleset;

import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

import java.util.Collection;

/**
 * What happens when a rule's action throws (a parameter read as the wrong type, a helper that fails on
 * an unusual history): the criterion the rule decides is recorded as NEEDS_REVIEW with the reason, and
 * the session goes on firing the other rules. No answer is ever an exception, and a failed criterion is
 * never silently met. Installed on every KieBase the rule compiler builds.
 */
public final class RuleFailureHandler implements ConsequenceExceptionHandler {
    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        FailureRecorder evaluation = evaluationOf(match, runtime);
        // Outside an evaluation (no recorder in the session) there is nobody to tell: fail as Drools would.
        if (evaluation == null) throw new ConsequenceException(exception, runtime, match);
        evaluation.recordFailure(match.getRule(), exception);
    }

    private static FailureRecorder evaluationOf(Match match, RuleRuntime runtime) {
        for (Object fact : match.getObjects()) {
            if (fact instanceof FailureRecorder e) return e;
        }
        Collection<? extends Object> all = runtime.getObjects(o -> o instanceof FailureRecorder);
        return all.isEmpty() ? null : (FailureRecorder) all.iterator().next();
    }
}
