package vn.laurel.api.rules;

import vn.laurel.engine.ruleset.RuleSet;

import java.time.Instant;

/**
 * The rule set an instance serves, compiled, with the activation (the row of
 * {@code ruleset_activation}) and revision that put it in service. Activations only grow: an instance
 * never goes back to an older activation, whichever of its own change or a notice arrives first.
 */
public record ActiveRuleSet(RuleSet rules, long activationId, RuleStore.Revision revision, Action action,
                            Instant activatedAt, String activatedBy) {
    public enum Action { LOAD, RELOAD, ROLLBACK, SEED, PUBLISH }

    static ActiveRuleSet of(RuleSet rules, RuleStore.Active a) {
        return new ActiveRuleSet(rules, a.activationId(), a.revision(), Action.valueOf(a.action()), a.activatedAt(), a.activatedBy());
    }

    public Long revisionId() {
        return revision == null ? null : revision.id();
    }
}
