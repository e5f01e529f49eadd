package vn.laurel.examples;

import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

/** The repository's rules/, compiled once for every test class of this module (compiling takes most of their time). */
final class RepositoryRules {
    private static RuleSet rules;

    private RepositoryRules() {}

    static synchronized RuleSet get() {
        if (rules == null) rules = RuleSetLoader.load(ScenarioSuiteTest.root().resolve("rules"));
        return rules;
    }
}
