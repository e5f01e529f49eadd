package vn.laurel.engine.ruleset;

import org.kie.api.definition.rule.Rule;

/**
 * A fact that takes note of a rule whose action failed (the evaluation being answered): the
 * {@link RuleFailureHandler} every KieBase is built with finds it in the session and tells it.
 * An interface here so that the rule set, which installs the handler, does not depend on the evaluation.
 */
public interface FailureRecorder {
    void recordFailure(Rule rule, Throwable failure);
}
