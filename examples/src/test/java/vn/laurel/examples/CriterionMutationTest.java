package vn.laurel.examples;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioRunner;
import vn.laurel.engine.scenario.ScenarioRunner.Scenario;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every criterion of every award and regime is proven by some scenario: forcing it to MET, and to
 * NOT_MET, makes a scenario fail (see {@link CriterionMutationCheck}). The output names each
 * forcing no scenario catches: regime, award / criterion, the forced status, file:line of the rule.
 */
class CriterionMutationTest {
    static List<Scenario> scenarios(RuleSet rules) {
        return ScenarioRunner.load(rules, ScenarioSuiteTest.root().resolve("examples/scenarios"));
    }

    @Test
    void forcing_any_criterion_to_met_or_to_not_met_makes_a_scenario_fail() {
        RuleSet rules = RepositoryRules.get();
        List<Scenario> scenarios = scenarios(rules);
        CriterionMutationCheck.Report report = CriterionMutationCheck.run(rules, scenarios);
        System.out.println(report.summary());
        report.notCaught().forEach(s -> System.out.println("  " + s));
        assertThat(report.scenarios()).as("scenarios that pass as they stand (the suite reports the others)").isEqualTo(scenarios.size());
        assertThat(report.notCaught()).as("criteria no scenario tells apart from a broken one: add a scenario at the"
                + " criterion's boundary whose outcome, or deciding criteria, the forcing would change").isEmpty();
    }

    @Test
    void without_the_scenarios_that_refuse_for_a_criterion_the_check_names_it() {
        RuleSet rules = RepositoryRules.get();
        // Keep only the scenarios that do not refuse for the Hanoi posthumous rule: no scenario can then catch it forced MET.
        List<Scenario> fewer = scenarios(rules).stream()
                .filter(s -> s.doc() == null || s.doc().expect().values().stream().noneMatch(e -> e.because().contains("NOT_POSTHUMOUS")))
                .toList();

        CriterionMutationCheck.Report report = CriterionMutationCheck.run(rules, fewer);

        assertThat(report.notCaught()).isNotEmpty().allSatisfy(s -> assertThat(s).contains("HANOI_OUTSTANDING_CITIZEN / NOT_POSTHUMOUS  forced MET"));
        assertThat(report.notCaught()).anySatisfy(s -> assertThat(s).startsWith("LAW_2022 ").contains("common/hanoi-outstanding-citizen.drl:"));
    }
}
