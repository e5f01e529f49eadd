package vn.laurel.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.Expectation;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.util.Map;

/**
 * A tool for scenario authors, not a test: prints, for every expectation of every scenario, the
 * outcome the rules give and the criteria that decide it, to fill in and review {@code because:}
 * by hand. Run it with {@code ./mvnw -o -q -pl examples test -Dtest=DecidingCriteriaReport
 * -Dlaurel.print.deciding=true}. It changes no file: an expectation copied from the answer
 * would prove nothing.
 */
@EnabledIfSystemProperty(named = "laurel.print.deciding", matches = "true")
class DecidingCriteriaReport {
    @Test
    void print() {
        RuleSet rules = RepositoryRules.get();
        Evaluator evaluator = new Evaluator(() -> rules, false);
        for (ScenarioRunner.Scenario s : ScenarioRunner.load(rules, ScenarioSuiteTest.root().resolve("examples/scenarios"))) {
            if (s.error() != null) { System.out.println("ERROR\t" + s.file() + "\t" + s.error()); continue; }
            EvaluationResult result = evaluator.evaluate(rules, s.doc());
            for (Map.Entry<String, Expectation> e : s.doc().expect().entrySet()) {
                AwardResult a = result.results().stream().filter(r -> r.award().equals(e.getKey())).findFirst().orElse(null);
                System.out.println("DECIDING\t" + s.file() + "\t" + e.getKey() + "\t" + e.getValue().outcome() + "\t"
                        + (a == null ? "-" : a.outcome()) + "\t" + (a == null ? "" : String.join(", ", ScenarioRunner.decidingCriteria(a)))
                        + "\t" + result.regime() + "\t" + s.name());
            }
        }
    }
}
