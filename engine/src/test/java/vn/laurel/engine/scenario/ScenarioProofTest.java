package vn.laurel.engine.scenario;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.evaluation.CriterionOverride;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes a scenario a proof: a refusal names the criteria that decide it, a fact code the rules
 * do not know is refused, a rule set is never "checked" against no scenario; and the hook the
 * criterion mutation check forces criteria with.
 */
class ScenarioProofTest {
    static RuleSet rules;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() { rules = RuleSetLoader.load(RepoPaths.rules()); }

    /** An officer rated EXCELLENT, reprimanded in the year: the advanced laborer title fails, and the grassroots one with it. */
    static String reprimanded(String expect) {
        return """
                name: "An excellent officer reprimanded in the year"
                asOf: 2026-01-15
                year: 2025
                awards: [GRASSROOTS_EMULATION_SOLDIER]
                subject:
                  id: P-1
                  kind: PERSON
                  hiredOn: 2015-03-01
                  ratings: [ { year: 2025, rating: EXCELLENT } ]
                  attestations: [ { year: 2025, criterion: EMULATION_PARTICIPATION, value: true } ]
                  disciplines: [ { form: REPRIMAND, decidedOn: 2025-04-01, until: 2025-10-01 } ]
                expect:
                %s
                """.formatted(expect);
    }

    ScenarioReport run(String... scenarios) throws IOException {
        for (int i = 0; i < scenarios.length; i++) Files.writeString(dir.resolve("s" + i + ".yaml"), scenarios[i]);
        return ScenarioRunner.run(rules, dir);
    }

    @Test
    void a_refusal_for_the_named_reason_passes() throws IOException {
        ScenarioReport report = run(reprimanded("  GRASSROOTS_EMULATION_SOLDIER: { outcome: NOT_ELIGIBLE, because: [ADVANCED_TITLE_IN_YEAR] }\n"
                + "  ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [NO_DISCIPLINE_IN_YEAR] }"));
        assertThat(report.passed()).as(String.valueOf(report.results())).isTrue();
    }

    @Test
    void a_refusal_for_another_reason_fails_naming_both_reasons() throws IOException {
        ScenarioReport report = run(reprimanded("  ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [RATING_GOOD_OR_BETTER] }"));
        assertThat(report.passed()).isFalse();
        ScenarioResult.Mismatch m = report.results().get(0).mismatches().get(0);
        assertThat(m.award()).isEqualTo("ADVANCED_LABORER");
        assertThat(m.expected()).isEqualTo("NOT_ELIGIBLE because [RATING_GOOD_OR_BETTER]");
        assertThat(m.actual()).isEqualTo("NOT_ELIGIBLE because [NO_DISCIPLINE_IN_YEAR]");
        assertThat(m.decidingCriteria()).singleElement().asString().startsWith("NO_DISCIPLINE_IN_YEAR NOT_MET");
    }

    @Test
    void one_deciding_criterion_too_many_or_too_few_fails() throws IOException {
        ScenarioReport report = run(
                reprimanded("  ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [NO_DISCIPLINE_IN_YEAR, RATING_GOOD_OR_BETTER] }"),
                reprimanded("  GRASSROOTS_EMULATION_SOLDIER: { outcome: NOT_ELIGIBLE, because: [] }"));
        assertThat(report.results()).allSatisfy(r -> assertThat(r.passed()).isFalse());
        assertThat(report.results().get(1).mismatches().get(0).expected()).contains("deciding criteria are not named");
    }

    @Test
    void a_refusal_without_its_deciding_criteria_fails_and_shows_them() throws IOException {
        ScenarioReport report = run(reprimanded("  ADVANCED_LABORER: NOT_ELIGIBLE"));
        ScenarioResult r = report.results().get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.mismatches().get(0).expected()).isEqualTo("NOT_ELIGIBLE (its deciding criteria are not named: add because: [...])");
        assertThat(r.mismatches().get(0).actual()).isEqualTo("NOT_ELIGIBLE because [NO_DISCIPLINE_IN_YEAR]");
    }

    @Test
    void a_wrong_outcome_still_fails_whatever_the_reason() throws IOException {
        ScenarioReport report = run(reprimanded("  ADVANCED_LABORER: ELIGIBLE"));
        assertThat(report.results().get(0).mismatches().get(0).actual()).isEqualTo("NOT_ELIGIBLE because [NO_DISCIPLINE_IN_YEAR]");
    }

    @Test
    void a_misspelt_title_code_in_a_scenario_is_reported_with_its_file_and_field() throws IOException {
        ScenarioReport report = run(reprimanded("  ADVANCED_LABORER: ELIGIBLE").replace(
                "  disciplines:", "  titles: [ { year: 2024, code: ADVANCED_LABOURER } ]\n  disciplines:"));
        ScenarioResult r = report.results().get(0);
        assertThat(r.file()).isEqualTo("s0.yaml");
        assertThat(r.error()).contains("subject.titles[0].code").contains("ADVANCED_LABOURER");
    }

    @Test
    void a_missing_folder_and_a_folder_without_scenarios_are_problems_that_name_it() throws IOException {
        Path missing = dir.resolve("nowhere");
        ScenarioReport none = ScenarioRunner.run(rules, missing);
        assertThat(none.passed()).isFalse();
        assertThat(none.folderProblem()).contains(missing.toString()).contains("does not exist");

        Files.writeString(dir.resolve("README.md"), "not a scenario");
        ScenarioReport empty = ScenarioRunner.run(rules, dir);
        assertThat(empty.passed()).isFalse();
        assertThat(empty.folderProblem()).contains(dir.toString()).contains("holds no scenario");
    }

    @Test
    void forcing_a_criterion_changes_that_criterion_and_the_awards_decided_from_it_only() {
        CaseDocument doc = CaseReader.read(reprimanded("  ADVANCED_LABORER: ELIGIBLE"));
        String rule = rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER").stream()
                .filter(c -> c.criterion().equals("NO_DISCIPLINE_IN_YEAR")).findFirst().orElseThrow().rule();

        EvaluationResult plain = new Evaluator(() -> rules).evaluate(rules, doc);
        EvaluationResult forcedMet = Evaluator.forcing(rules, new CriterionOverride("LAW_2022", rule, Status.MET)).evaluate(rules, doc);
        EvaluationResult otherRegime = Evaluator.forcing(rules, new CriterionOverride("LAW_2013", rule, Status.MET)).evaluate(rules, doc);

        assertThat(plain.result("GRASSROOTS_EMULATION_SOLDIER").outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(forcedMet.result("ADVANCED_LABORER").outcome()).isEqualTo(Outcome.ELIGIBLE);
        // the dependent award is decided from the forced prerequisite
        assertThat(forcedMet.result("GRASSROOTS_EMULATION_SOLDIER").outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(otherRegime.result("GRASSROOTS_EMULATION_SOLDIER").outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);

        String rating = rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER").stream()
                .filter(c -> c.criterion().equals("RATING_GOOD_OR_BETTER")).findFirst().orElseThrow().rule();
        EvaluationResult forcedNotMet = Evaluator.forcing(rules, new CriterionOverride("LAW_2022", rating, Status.NOT_MET)).evaluate(rules, doc);
        assertThat(ScenarioRunner.decidingCriteria(forcedNotMet.result("ADVANCED_LABORER")))
                .containsExactly("NO_DISCIPLINE_IN_YEAR", "RATING_GOOD_OR_BETTER");
    }
}
