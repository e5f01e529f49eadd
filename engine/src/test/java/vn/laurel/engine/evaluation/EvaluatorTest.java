package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EvaluatorTest {
    static RuleSet rules;

    @BeforeAll
    static void load() { rules = RuleSetLoader.load(RepoPaths.rules()); }

    static CaseDocument person(String hiredOn, String rating, String extra) {
        return CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                awards: [ADVANCED_LABORER]
                organisation: { code: HN-X, sector: EDUCATION }
                subject:
                  id: P-1
                  kind: PERSON
                  hiredOn: %s
                  ratings: [ { year: 2025, rating: %s, id: "rating:7", source: "import 3, ratings.csv row 12" } ]
                  attestations: [ { year: 2025, criterion: EMULATION_PARTICIPATION, value: true, id: "attestation:9", source: "api" } ]
                %s""".formatted(hiredOn, rating, extra));
    }

    EvaluationResult evaluate(CaseDocument doc) { return new Evaluator(() -> rules).evaluate(doc); }

    @Test
    void an_answer_names_its_regime_rule_set_engine_parameters_and_facts() {
        EvaluationResult r = evaluate(person("2020-01-01", "GOOD", ""));
        assertThat(r.regime()).isEqualTo("LAW_2022");
        assertThat(r.rulesetVersion()).isEqualTo(rules.version());
        assertThat(r.engineVersion()).isNotBlank().isNotEqualTo("unknown");
        assertThat(r.parameters()).extracting("name").contains("advanced_laborer.min_service_months");
        assertThat(r.parameters()).filteredOn(p -> p.name().equals("advanced_laborer.min_service_months"))
                .singleElement().satisfies(p -> {
                    assertThat(p.value()).isEqualTo(6);
                    assertThat(p.effectiveFrom()).hasToString("2024-01-01");
                    assertThat(p.reference()).contains("01/2024");
                });
        assertThat(r.facts()).extracting("factId").contains("rating:7", "attestation:9");
        assertThat(r.facts()).extracting("source").contains("import 3, ratings.csv row 12");
    }

    @Test
    void every_criterion_rule_fires_and_the_trace_names_the_facts_it_used() {
        EvaluationResult r = evaluate(person("2020-01-01", "COMPLETED", ""));
        assertThat(r.firedRules()).hasSize(6).allSatisfy(f -> {
            assertThat(f.award()).isEqualTo("ADVANCED_LABORER");
            assertThat(f.legalBasis().vi()).isNotBlank();
            assertThat(f.file()).isEqualTo("awards/advanced-laborer.drl");
            assertThat(f.matched()).anySatisfy(m -> assertThat(m).startsWith("Evaluation[P-1"));
        });
        assertThat(r.firedRules()).filteredOn(f -> f.criterion().equals("RATING_GOOD_OR_BETTER")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting("factId").containsExactly("rating:7"));
    }

    @Test
    void a_criterion_not_met_explains_actual_against_required_in_both_languages() {
        AwardResult a = evaluate(person("2020-01-01", "COMPLETED", "")).result("ADVANCED_LABORER");
        assertThat(a.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        CriterionOutcome c = a.criteria().get(0);
        assertThat(c.status()).isEqualTo(Status.NOT_MET);
        assertThat(c.actual()).hasToString("COMPLETED");
        assertThat(c.explanation().en()).contains("2025", "completed tasks (COMPLETED)", "at least completed tasks well", "not met");
        assertThat(c.explanation().vi()).contains("hoàn thành nhiệm vụ", "trở lên", "không đạt");
        assertThat(c.legalBasis().en()).contains("art. 24");
        assertThat(c.legalBasis().vi()).contains("Điều 24");
    }

    @Test
    void the_same_case_gives_the_same_answer_every_time() {
        CaseDocument doc = person("2025-07-02", "GOOD", "");
        assertThat(evaluate(doc)).isEqualTo(evaluate(doc));
    }

    @Test
    void the_trace_can_be_switched_off_without_changing_any_outcome() {
        CaseDocument doc = person("2025-07-02", "GOOD", "");
        EvaluationResult untraced = new Evaluator(() -> rules, false).evaluate(doc);
        assertThat(untraced.firedRules()).isEmpty();
        assertThat(untraced.results()).isEqualTo(evaluate(doc).results());
    }

    @Test
    void under_a_regime_without_rules_the_award_is_not_modelled_rather_than_guessed() {
        CaseDocument doc = CaseReader.read("""
                asOf: 2023-06-01
                year: 2022
                awards: [UNIT_CERTIFICATE_OF_MERIT]
                subject: { id: P-1, kind: PERSON, hiredOn: 2010-01-01, ratings: [ { year: 2022, rating: EXCELLENT } ] }
                """);
        EvaluationResult r = evaluate(doc);
        assertThat(r.regime()).isEqualTo("LAW_2013");
        assertThat(r.results()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.NOT_MODELLED);
            assertThat(a.notes()).singleElement().satisfies(n -> {
                assertThat(n.en()).contains("LAW_2013");
                assertThat(n.vi()).contains("LAW_2013");
            });
        });
    }

    @Test
    void a_criterion_whose_parameter_has_no_value_in_force_needs_review_and_says_why() {
        // The Decree 91/2017 values of the Labour Order start on 2017-10-01; the catalogue gives none for
        // Decree 65/2014 (2014-06-01 to 2017-09-30).
        CaseDocument doc = CaseReader.read("""
                asOf: 2016-06-01
                year: 2015
                awards: [LABOR_ORDER_THIRD_CLASS]
                subject: { id: P-1, kind: PERSON, hiredOn: 2010-01-01, ratings: [ { year: 2015, rating: GOOD } ] }
                """);
        AwardResult a = evaluate(doc).result("LABOR_ORDER_THIRD_CLASS");
        assertThat(a.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        CriterionOutcome record = a.criteria().stream().filter(c -> c.criterion().equals("PERSON_RECORD")).findFirst().orElseThrow();
        assertThat(record.status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(record.explanation().en()).contains("labor_order_third_class.law2013_person_years_after_prior", "2016-06-01");
    }

    @Test
    void without_a_list_of_awards_every_award_for_the_subject_kind_is_answered() {
        CaseDocument doc = CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                subject: { id: P-1, kind: PERSON, hiredOn: 2010-01-01 }
                """);
        EvaluationResult r = evaluate(doc);
        assertThat(r.results()).extracting(AwardResult::award)
                .contains("ADVANCED_LABORER", "GRASSROOTS_EMULATION_SOLDIER", "HANOI_OUTSTANDING_CITIZEN")
                .doesNotContain("ADVANCED_LABOR_COLLECTIVE");
        assertThat(r.result("ADVANCED_LABORER").outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    }

    @Test
    void an_unknown_award_or_one_for_another_kind_of_subject_is_refused_by_field() {
        CaseFormatException e = catchThrowableOfType(CaseFormatException.class, () -> evaluate(CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                awards: [ADVANCED_LABORER, NOBEL_PRIZE, ADVANCED_LABOR_COLLECTIVE]
                subject: { id: P-1, kind: PERSON }
                """)));
        assertThat(e.getErrors()).extracting(FieldError::field).containsExactly("awards[1]", "awards[2]");
    }

    @Test
    void an_organisation_override_of_a_parameter_changes_the_decision_for_that_organisation_only(@TempDir Path dir) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path params = copy.resolve("parameters/advanced-laborer.yaml");
        Files.writeString(params, Files.readString(params).replace(
                "      value: 6\n",
                "      value: 6\n    - from: 2025-01-01\n      value: 12\n      organisation: HN-X\n      reference: stricter local rule\n"));
        RuleSet strict = RuleSetLoader.load(copy);
        CaseDocument eightMonths = person("2025-05-01", "GOOD", "");
        AwardResult forHnX = new Evaluator(() -> strict).evaluate(eightMonths).result("ADVANCED_LABORER");
        assertThat(forHnX.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(forHnX.criteria()).filteredOn(c -> c.criterion().equals("MIN_SERVICE_MONTHS"))
                .singleElement().satisfies(c -> assertThat(c.explanation().en()).contains("8", "at least 12"));

        CaseDocument elsewhere = CaseReader.read(CaseReaderYaml.of(eightMonths).replace("HN-X", "HN-Y"));
        assertThat(new Evaluator(() -> strict).evaluate(elsewhere).result("ADVANCED_LABORER").outcome())
                .isEqualTo(Outcome.ELIGIBLE);
    }

    /** Re-serialises a case document so a test can vary one field. */
    static final class CaseReaderYaml {
        static String of(CaseDocument doc) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper()
                        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        .writeValueAsString(doc);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
