package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Campaigns as data (rules/campaigns/*.yaml): read into the rule set, checked on their own and against the
 * parameters and awards they name, read by rules through the history and evaluation helpers.
 */
class CampaignsTest {
    @TempDir
    Path dir;

    static final String CAMPAIGN = """
            code: TEST_CAMPAIGN_2025
            name: { vi: Phong trào thử, en: Test campaign }
            plan: Kế hoạch 1/KH
            from: 2025
            to: 2027
            confidence: UNCONFIRMED
            phases:
              - { code: P1, from: 2025, to: 2026, review: PRELIMINARY, name: { vi: Sơ kết, en: Preliminary } }
            groups:
              - code: PEOPLE
                name: { vi: Cá nhân, en: People }
                subjectKinds: [PERSON]
                indicators:
                  - { code: SCORE, name: { vi: Điểm, en: Score }, parameter: test.min_score, operator: AT_LEAST }
                  - { code: ERRORS, name: { vi: Lỗi, en: Errors }, parameter: test.max_errors, operator: AT_MOST }
              - code: UNITS
                name: { vi: Đơn vị, en: Units }
                subjectKinds: [COLLECTIVE]
                indicators:
                  - { code: SCORE, name: { vi: Điểm, en: Score }, parameter: test.unpublished, operator: AT_LEAST }
            awards: [ADVANCED_SOLDIER]
            """;

    static final String PARAMETERS = """
            test.min_score:
              description: { vi: điểm, en: score }
              unit: points
              confidence: UNCONFIRMED
              values:
                - { from: 2014-01-01, value: 80 }
            test.max_errors:
              description: { vi: lỗi, en: errors }
              unit: errors
              confidence: UNCONFIRMED
              values:
                - { from: 2014-01-01, value: 2 }
            test.unpublished:
              description: { vi: chưa công bố, en: not published }
              unit: points
              confidence: UNCONFIRMED
              values: []
            """;

    Path rules() throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("campaigns"));
        Files.writeString(rules.resolve("campaigns/test-campaign-2025.yaml"), CAMPAIGN);
        Files.writeString(rules.resolve("parameters/campaign.yaml"), PARAMETERS);
        return rules;
    }

    List<String> problems(Path rules) {
        return catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules)).getProblems().stream()
                .map(p -> p.file() + ": " + p.message()).toList();
    }

    @Test
    void a_campaign_is_read_with_its_phases_groups_and_indicators() throws IOException {
        RuleSet loaded = RuleSetLoader.load(rules());
        Campaign c = loaded.campaign("TEST_CAMPAIGN_2025").orElseThrow();
        assertThat(c.from()).isEqualTo(2025);
        assertThat(c.covers(2027)).isTrue();
        assertThat(c.covers(2028)).isFalse();
        assertThat(c.phases()).extracting(Campaign.Phase::review).containsExactly(Campaign.Review.PRELIMINARY);
        assertThat(c.group("PEOPLE").orElseThrow().indicators()).extracting(Campaign.Indicator::operator)
                .containsExactly(Campaign.Operator.AT_LEAST, Campaign.Operator.AT_MOST);
        assertThat(c.file()).isEqualTo("campaigns/test-campaign-2025.yaml");
        assertThat(loaded.files()).contains("campaigns/test-campaign-2025.yaml");
        assertThat(loaded.parameters().get("test.unpublished").values()).isEmpty();
    }

    @Test
    void a_campaign_file_is_checked_on_its_own_and_against_what_it_names() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("campaigns/test-campaign-2025.yaml"), CAMPAIGN
                .replace("parameter: test.max_errors", "parameter: test.max_errorz")
                .replace("awards: [ADVANCED_SOLDIER]", "awards: [ADVANCED_SOLDIER, GOLDEN_STAR]")
                .replace("- { code: P1, from: 2025, to: 2026", "- { code: P1, from: 2024, to: 2026")
                .replace("code: UNITS", "code: PEOPLE"));
        assertThat(problems(rules)).containsExactlyInAnyOrder(
                "campaigns/test-campaign-2025.yaml: campaign TEST_CAMPAIGN_2025: phase P1 lies outside the campaign's period",
                "campaigns/test-campaign-2025.yaml: campaign TEST_CAMPAIGN_2025: group PEOPLE is listed twice");
        Files.writeString(rules.resolve("campaigns/test-campaign-2025.yaml"), CAMPAIGN
                .replace("parameter: test.max_errors", "parameter: test.max_errorz")
                .replace("awards: [ADVANCED_SOLDIER]", "awards: [ADVANCED_SOLDIER, GOLDEN_STAR]"));
        assertThat(problems(rules)).containsExactlyInAnyOrder(
                "campaigns/test-campaign-2025.yaml: campaign TEST_CAMPAIGN_2025, group PEOPLE, indicator ERRORS: unknown parameter"
                        + " \"test.max_errorz\": define it in a file under parameters/",
                "campaigns/test-campaign-2025.yaml: campaign TEST_CAMPAIGN_2025: unknown award \"GOLDEN_STAR\" (declare it in awards.yaml)");
    }

    @Test
    void a_campaign_file_is_named_after_its_code_and_needs_groups_of_known_kinds() throws IOException {
        Path rules = rules();
        Files.move(rules.resolve("campaigns/test-campaign-2025.yaml"), rules.resolve("campaigns/other.yaml"));
        assertThat(problems(rules)).containsExactly("campaigns/other.yaml: campaign TEST_CAMPAIGN_2025: the file is named after"
                + " its code: campaigns/test-campaign-2025.yaml");
        Files.writeString(rules.resolve("campaigns/other.yaml"), CAMPAIGN.replace("subjectKinds: [PERSON]", "subjectKinds: [FAMILY]")
                .replace("TEST_CAMPAIGN_2025", "OTHER"));
        assertThat(problems(rules)).singleElement().satisfies(p -> assertThat(p).startsWith("campaigns/other.yaml: ").contains("FAMILY"));
    }

    @Test
    void a_parameter_without_values_key_is_refused_and_a_bad_predecessor_policy_named() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("parameters/campaign.yaml"), PARAMETERS.replace("  values: []\n", "") + """
                test.predecessor_history:
                  description: { vi: x, en: x }
                  unit: code
                  confidence: UNCONFIRMED
                  values:
                    - { from: 2014-06-01, value: BIGGEST }
                """);
        assertThat(problems(rules)).containsExactlyInAnyOrder(
                "parameters/campaign.yaml: parameter test.unpublished has no values (write 'values: []' for a value not published yet)",
                // ... so it is not declared, and the campaign that names it says so too
                "campaigns/test-campaign-2025.yaml: campaign TEST_CAMPAIGN_2025, group UNITS, indicator SCORE: unknown parameter"
                        + " \"test.unpublished\": define it in a file under parameters/",
                "parameters/campaign.yaml: parameter test.predecessor_history, value from 2014-06-01: must be one of"
                        + " [LARGEST_PREDECESSOR, NONE, RECEIVING_UNIT], not \"BIGGEST\"");
    }

    static final String ALL = "LAW_2013 LAW_2022 LAW_2026_PROVISIONAL";

    /** The helpers of issue 21, each in a rule of its own: allowed, compiled and run. */
    static final String[] ACTIONS = {
            "$e.record($h.contributionsIn($year).atLeast(1));",
            "$e.record($h.inCampaign(\"TEST_CAMPAIGN_2025\", $year).isTrue());",
            "$e.record($h.campaignResult(\"TEST_CAMPAIGN_2025\", \"SCORE\", $year).atLeast(50));",
            "$e.record($e.campaignIndicators(\"TEST_CAMPAIGN_2025\", $year));",
            "$e.record($h.initiativesIn($e.campaignFrom(\"TEST_CAMPAIGN_2025\"), $year, InitiativeLevel.GRASSROOTS).atLeast(0));",
            "$e.record($h.leadsInnovation($year).isTrue());",
            "$e.record(Check.anyOf($h.unitAgeMonthsOn($asOf).atLeastLimit($e.limit(\"test.min_service_months\")), $h.formedByMerger($asOf).isTrue()));",
    };

    @Test
    void the_new_helpers_are_allowed_in_rules_and_read_the_campaign() throws IOException {
        Path rules = rules();
        StringBuilder text = new StringBuilder(SmallRuleSet.HEADER + """
                import vn.laurel.engine.criteria.Check;
                import vn.laurel.engine.model.InitiativeLevel;
                """);
        for (int i = 0; i < ACTIONS.length; i++) {
            text.append(SmallRuleSet.rule("ADVANCED_LABORER: helper " + i, "ADVANCED_LABORER", "HELPER_" + i, ALL, ACTIONS[i])
                    .replace("$e : Evaluation( person, $year : year, $h : history )",
                            "$e : Evaluation( person, $year : year, $asOf : asOf, $h : history )"));
        }
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), text.toString());
        RuleSet loaded = RuleSetLoader.load(rules);
        AwardResult answer = new Evaluator(() -> loaded).evaluate(CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                awards: [ADVANCED_LABORER]
                subject:
                  id: P-1
                  kind: PERSON
                  hiredOn: 2010-01-01
                  contributions: [ { year: 2025, kind: WORK } ]
                  campaignResults:
                    - { campaign: TEST_CAMPAIGN_2025, year: 2025, group: PEOPLE, indicator: SCORE, value: 81 }
                    - { campaign: TEST_CAMPAIGN_2025, year: 2025, group: PEOPLE, indicator: ERRORS, value: 3 }
                    - { campaign: TEST_CAMPAIGN_2025, year: 2025, group: PEOPLE, indicator: LEADS_INNOVATION_DIGITAL_TRANSFORMATION, value: 1 }
                """)).result("ADVANCED_LABORER");
        assertThat(answer.criteria()).extracting(c -> c.criterion() + " " + c.status()).containsExactly(
                "HELPER_0 MET", "HELPER_1 MET", "HELPER_2 MET", "HELPER_3 NOT_MET", "HELPER_4 MET", "HELPER_5 MET",
                // A person has no founding day: unknown, and no merger.
                "HELPER_6 NEEDS_REVIEW");
        // The score meets its threshold, the errors are one too many.
        assertThat(answer.criteria().get(3).explanation().en()).contains("Score (People): 81 (met)", "Errors (People): 3 (not met)",
                "at least 80", "at most 2");
    }

    @Test
    void an_unpublished_threshold_needs_review_saying_so() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), SmallRuleSet.HEADER
                + SmallRuleSet.rule("ADVANCED_LABORER: indicators", "ADVANCED_LABORER", "INDICATORS", ALL,
                "$e.record($e.campaignIndicators(\"TEST_CAMPAIGN_2025\", $year));").replace("person, ", ""));
        RuleSet loaded = RuleSetLoader.load(rules);
        AwardResult answer = new Evaluator(() -> loaded).evaluate(CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                awards: [ADVANCED_LABORER]
                subject:
                  id: P-1
                  kind: PERSON
                  hiredOn: 2010-01-01
                  campaignResults:
                    - { campaign: TEST_CAMPAIGN_2025, year: 2025, group: PEOPLE, indicator: SCORE, value: 81 }
                """)).result("ADVANCED_LABORER");
        // ERRORS has no value recorded: the indicators need review.
        assertThat(answer.criteria().get(0).status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(answer.criteria().get(0).explanation().en()).contains("Errors (People): not recorded (needs review)");
        assertThat(answer.parameterNames()).contains("test.min_score", "test.max_errors");
    }

    @Test
    void a_rule_naming_an_undeclared_campaign_is_refused_at_its_line() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), SmallRuleSet.HEADER
                + SmallRuleSet.rule("ADVANCED_LABORER: in", "ADVANCED_LABORER", "IN", ALL, "$e.record($h.inCampaign(\"NO_SUCH\", $year).isTrue());"));
        assertThat(problems(rules)).containsExactly("awards/advanced-laborer.drl: unknown campaign \"NO_SUCH\": declare it in a file under campaigns/");
    }

    @Test
    void campaign_results_name_a_declared_campaign_a_group_for_the_kind_an_indicator_and_a_year_of_its_period() throws IOException {
        RuleSet loaded = RuleSetLoader.load(rules());
        List<FieldError> errors = FactCodes.check(loaded, CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                subject:
                  id: U-1
                  kind: COLLECTIVE
                  campaignResults:
                    - { campaign: NO_SUCH, year: 2025, group: UNITS, indicator: SCORE, value: 1 }
                    - { campaign: TEST_CAMPAIGN_2025, year: 2024, group: PEOPLE, indicator: SCORE, value: 1 }
                    - { campaign: TEST_CAMPAIGN_2025, year: 2025, group: UNITS, indicator: ERRORS, value: 1 }
                    - { campaign: TEST_CAMPAIGN_2025, year: 2025, group: NOBODY, indicator: SCORE, value: 1 }
                    - { campaign: TEST_CAMPAIGN_2025, year: 2025, group: UNITS, indicator: EMULATION_PARTICIPATION, value: 1 }
                  predecessors:
                    - { relation: RENAMED, on: 2025-01-01, unit: { id: U-0, kind: COLLECTIVE, titles: [ { year: 2024, code: GOLDEN_STAR } ] } }
                """));
        assertThat(errors).extracting(FieldError::field).containsExactly(
                "subject.campaignResults[0].campaign", "subject.campaignResults[1].year", "subject.campaignResults[1].group",
                "subject.campaignResults[2].indicator", "subject.campaignResults[3].group",
                "subject.predecessors[0].unit.titles[0].code");
        assertThat(errors.get(2).message()).isEqualTo("PEOPLE of TEST_CAMPAIGN_2025 is for [PERSON], not for a COLLECTIVE");
        assertThat(errors.get(1).message()).isEqualTo("TEST_CAMPAIGN_2025 runs from 2025 to 2027, not in 2024");
    }
}
