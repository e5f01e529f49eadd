package vn.laurel.api.rules;

import vn.laurel.engine.ruleset.RuleSet;

import java.time.Instant;

/**
 * The rule set in service with how it got there. The zip is the exact content that was compiled
 * (the directory is snapshotted before loading), so what is archived is what decided.
 */
public record ActiveRuleSet(RuleSet rules, byte[] files, Action action, Instant activatedAt, String activatedBy) {
    public enum Action { LOAD, RELOAD, ROLLBACK }
}
