package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.Evaluator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every helper that replaces a branch (issue 17) may be called from a rule: the allow-list admits
 * it, the action is one $e.record(…), and the rule runs.
 */
class HelpersInRulesTest {
    @TempDir
    Path dir;

    static final String ALL = "LAW_2013 LAW_2022 LAW_2026_PROVISIONAL";

    static final String[] ACTIONS = {
            "$e.record($h.members().share(\"ADVANCED_LABORER\", $year, $e.paramIf(\"test.exclude_new_hires\", \"test.min_service_months\"))\n"
                    + "        .reaches(0.5, $e.flag(\"test.exclude_new_hires\")));",
            "$e.record($h.ratingIn($year).atLeast(Rating.GOOD).as(\"từ {0} tháng\", \"at least {0} months\", $e.param(\"test.min_service_months\").intValue())\n"
                    + "        .orIf($e.flag(\"test.exclude_new_hires\"), $h.holds(\"ADVANCED_SOLDIER\", $year).isTrue(), \"hoặc\", \"or\"));",
            "$e.record(Check.ifTrue($h.isManager(), $h.educationIs(Education.UNIVERSITY).isTrue(),\n"
                    + "        $h.initiativesInRunRated(Rating.EXCELLENT, $year, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE).atLeast(1),\n"
                    + "        \"chưa ghi nhận\", \"not recorded\"));",
            "$e.record($h.consecutiveYearsHolding(\"ADVANCED_LABORER\", $year, \"ADVANCED_SOLDIER\", $e.flag(\"test.exclude_new_hires\")).atLeast(2));",
            "$e.record($h.initiativesInLastYears($year, $e.param(\"test.min_service_months\"), InitiativeLevel.NATIONAL, \"ADVANCED_SOLDIER\", true).atLeast(1));",
            "$e.record($h.yearsHoldingInLastYears(\"ADVANCED_LABORER\", $year - 1, 3, \"ADVANCED_SOLDIER\", false).atLeast(1));",
            "$e.record($h.initiativesIn($e.param(\"test.min_service_months\"), $year, InitiativeLevel.GRASSROOTS).atLeast(1));",
            "$e.record($h.windowAfter(\"ADVANCED_SOLDIER\", $year, Rating.GOOD).initiatives(InitiativeLevel.GRASSROOTS, InitiativeKind.SCIENCE_PROJECT)\n"
                    + "        .atLeast(1));",
    };

    @Test
    void every_new_helper_is_on_the_allow_list_and_runs_from_a_rule() throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("rules"));
        StringBuilder text = new StringBuilder(SmallRuleSet.HEADER + """
                import vn.laurel.engine.criteria.Check;
                import vn.laurel.engine.model.Education;
                import vn.laurel.engine.model.InitiativeKind;
                import vn.laurel.engine.model.InitiativeLevel;
                """);
        for (int i = 0; i < ACTIONS.length; i++) {
            text.append(SmallRuleSet.rule("ADVANCED_LABORER: helper " + i, "ADVANCED_LABORER", "HELPER_" + i, ALL, ACTIONS[i]));
        }
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), text.toString());

        RuleSet loaded = RuleSetLoader.load(rules);
        assertThat(loaded.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).hasSize(ACTIONS.length);
        AwardResult answer = new Evaluator(() -> loaded).evaluate(CaseReader.read(SmallRuleSet.person("2025-01-15", 2024, "2010-01-01",
                "ADVANCED_LABORER"))).result("ADVANCED_LABORER");
        assertThat(answer.criteria()).hasSize(ACTIONS.length)
                .allSatisfy(c -> assertThat(c.explanation().en()).doesNotContain("failed"));
        assertThat(answer.criteria()).filteredOn(c -> c.criterion().equals("HELPER_1")).singleElement()
                .satisfies(c -> assertThat(c.required().value()).asList().hasSize(2)); // the switch is on: either of two
    }
}
