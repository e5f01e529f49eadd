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

    /**
     * Forcings no national scenario can catch, each with why. Since 2017-10-01 the 40-day absence
     * limit is no national criterion (award-catalogue §1.4, December 2026): its parameter is NONE unless
     * an organisation's own regulation sets a value, and the rules name no such organisation, so the
     * criterion is MET for every case a scenario can state and forcing it MET changes nothing. The
     * per-organisation value is proven by an engine test instead
     * (EvaluatorRobustnessTest: one organisation's own limit applies to that organisation only).
     * Each entry must still be uncaught: once a scenario can catch it, the entry goes.
     */
    static final List<String> NO_NATIONAL_VALUE = List.of(
            "LAW_2022  ADVANCED_LABORER / ABSENCE_BELOW_LIMIT  forced MET",
            "LAW_2022  ADVANCED_SOLDIER / ABSENCE_BELOW_LIMIT  forced MET",
            "LAW_2026_PROVISIONAL  ADVANCED_LABORER / ABSENCE_BELOW_LIMIT  forced MET",
            "LAW_2026_PROVISIONAL  GRASSROOTS_EMULATION_SOLDIER / ABSENCE_BELOW_LIMIT  forced MET");

    static boolean withoutNationalValue(String notCaught) {
        return NO_NATIONAL_VALUE.stream().anyMatch(notCaught::startsWith);
    }

    @Test
    void forcing_any_criterion_to_met_or_to_not_met_makes_a_scenario_fail() {
        RuleSet rules = RepositoryRules.get();
        List<Scenario> scenarios = scenarios(rules);
        CriterionMutationCheck.Report report = CriterionMutationCheck.run(rules, scenarios);
        System.out.println(report.summary());
        report.notCaught().forEach(s -> System.out.println("  " + s));
        assertThat(report.scenarios()).as("scenarios that pass as they stand (the suite reports the others)").isEqualTo(scenarios.size());
        assertThat(report.notCaught().stream().filter(n -> !withoutNationalValue(n)).toList()).as("criteria no scenario tells apart"
                + " from a broken one: add a scenario at the criterion's boundary whose outcome, or deciding criteria, the forcing would change").isEmpty();
        assertThat(NO_NATIONAL_VALUE).as("an exempted forcing that a scenario now catches: remove it from the list")
                .allSatisfy(e -> assertThat(report.notCaught()).anySatisfy(n -> assertThat(n).startsWith(e)));
    }

    @Test
    void without_the_scenarios_that_refuse_for_a_criterion_the_check_names_it() {
        RuleSet rules = RepositoryRules.get();
        // Keep only the scenarios that do not refuse for the Hanoi posthumous rule: no scenario can then catch it forced MET.
        List<Scenario> fewer = scenarios(rules).stream()
                .filter(s -> s.doc() == null || s.doc().expect().values().stream().noneMatch(e -> e.because().contains("NOT_POSTHUMOUS")))
                .toList();

        CriterionMutationCheck.Report report = CriterionMutationCheck.run(rules, fewer);

        assertThat(report.notCaught().stream().filter(n -> !withoutNationalValue(n)).toList()).isNotEmpty()
                .allSatisfy(s -> assertThat(s).contains("HANOI_OUTSTANDING_CITIZEN / NOT_POSTHUMOUS  forced MET"));
        assertThat(report.notCaught()).anySatisfy(s -> assertThat(s).startsWith("LAW_2022 ").contains("awards/hanoi-outstanding-citizen.drl:"));
    }
}
