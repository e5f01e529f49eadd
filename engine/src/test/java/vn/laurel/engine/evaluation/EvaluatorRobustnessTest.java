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
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 14: no answer is ever an exception, whatever the appraisal date or the state of a parameter,
 * and a failing rule never passes for a met criterion; plus the decree that follows the submission date.
 */
class EvaluatorRobustnessTest {
    static RuleSet rules;

    @BeforeAll
    static void load() { rules = RuleSetLoader.load(RepoPaths.rules()); }

    static EvaluationResult evaluate(RuleSet with, String yaml) {
        return new Evaluator(() -> with).evaluate(CaseReader.read(yaml));
    }

    static final String ORDER_2016 = """
            asOf: 2016-06-01
            year: 2015
            awards: [LABOR_ORDER_THIRD_CLASS]
            subject:
              id: P-1
              kind: PERSON
              hiredOn: 2000-01-01
              ratings: [ { year: 2015, rating: EXCELLENT } ]
              commendations: [ { year: 2010, code: PRIME_MINISTER_CERTIFICATE_OF_MERIT } ]
            """;

    @Test
    void a_rating_parameter_with_no_value_in_force_makes_only_its_criterion_need_review() {
        // labor_order_third_class.law2013_person_outstanding_rating has values from 2017-10-01 (Decree 91)
        // only: read as a rating code on 2016-06-01 it once threw "No enum constant …Rating.".
        AwardResult order = evaluate(rules, ORDER_2016).result("LABOR_ORDER_THIRD_CLASS");
        CriterionOutcome record = order.criteria().stream().filter(c -> c.criterion().equals("PERSON_RECORD")).findFirst().orElseThrow();
        assertThat(record.status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(record.explanation().en()).contains("labor_order_third_class.law2013_person_outstanding_rating", "2016-06-01");
        assertThat(record.explanation().vi()).contains("labor_order_third_class.law2013_person_outstanding_rating");
        assertThat(order.outcome()).isIn(Outcome.NEEDS_REVIEW, Outcome.NOT_ELIGIBLE);
        // The other criteria of the award are decided as usual: only the one that asked is open.
        assertThat(order.criteria()).filteredOn(c -> !c.criterion().equals("PERSON_RECORD"))
                .allSatisfy(c -> assertThat(c.explanation().en()).doesNotContain("law2013_person_outstanding_rating"));
    }

    @Test
    void a_parameter_of_the_wrong_type_makes_its_criterion_need_review_with_the_reason(@TempDir Path dir) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path params = copy.resolve("parameters/advanced-laborer.yaml");
        Files.writeString(params, Files.readString(params).replace("      value: 6\n", "      value: six\n"));
        EvaluationResult r = evaluate(RuleSetLoader.load(copy), EvaluatorTest.CaseReaderYaml.of(EvaluatorTest.person("2020-01-01", "GOOD", "")));
        AwardResult laborer = r.result("ADVANCED_LABORER");
        assertThat(laborer.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(laborer.criteria()).filteredOn(c -> c.criterion().equals("MIN_SERVICE_MONTHS")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.NEEDS_REVIEW);
            assertThat(c.explanation().en()).contains("could not be applied", "advanced_laborer.min_service_months", "six");
            assertThat(c.explanation().vi()).contains("không thể áp dụng");
        });
        assertThat(laborer.criteria()).filteredOn(c -> !c.criterion().equals("MIN_SERVICE_MONTHS"))
                .extracting(CriterionOutcome::status).containsOnly(Status.MET);
    }

    @Test
    void an_exception_in_a_rules_action_makes_that_award_need_review_never_met(@TempDir Path dir) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path drl = copy.resolve("awards/advanced-laborer.drl");
        String text = Files.readString(drl);
        int at = text.indexOf("rule \"ADVANCED_LABORER: rated good or better\"");
        // The rating rule (one rule for every regime; the case is appraised under LAW_2022) throws: "P-1" is no rating.
        Files.writeString(drl, text.substring(0, at) + text.substring(at).replaceFirst(
                java.util.regex.Pattern.quote("$e.record($h.ratingIn($year).atLeast(Rating.GOOD));"),
                java.util.regex.Matcher.quoteReplacement("$e.record($h.ratingIn($year).atLeast(Rating.valueOf($h.getId())));")));
        RuleSet broken = RuleSetLoader.load(copy);
        EvaluationResult r = evaluate(broken, """
                asOf: 2026-01-15
                year: 2025
                awards: [ADVANCED_LABORER, GRASSROOTS_EMULATION_SOLDIER, HANOI_OUTSTANDING_CITIZEN]
                subject:
                  id: P-1
                  kind: PERSON
                  hiredOn: 2010-01-01
                  ratings: [ { year: 2025, rating: EXCELLENT } ]
                  attestations: [ { year: 2025, criterion: EMULATION_PARTICIPATION, value: true } ]
                """);
        AwardResult laborer = r.result("ADVANCED_LABORER");
        assertThat(laborer.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(laborer.criteria()).filteredOn(c -> c.criterion().equals("RATING_GOOD_OR_BETTER")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.NEEDS_REVIEW);
            assertThat(c.explanation().en()).contains("ADVANCED_LABORER: rated good or better", "IllegalArgumentException");
            assertThat(c.explanation().vi()).contains("không thể áp dụng");
        });
        // The award that depends on it is not granted on a criterion nobody could judge.
        assertThat(r.result("GRASSROOTS_EMULATION_SOLDIER").outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        // An award the failing rule does not touch is decided as on the intact rules.
        assertThat(r.result("HANOI_OUTSTANDING_CITIZEN").outcome())
                .isEqualTo(evaluate(rules, EvaluatorTest.CaseReaderYaml.of(CaseReader.read("""
                        asOf: 2026-01-15
                        year: 2025
                        awards: [HANOI_OUTSTANDING_CITIZEN]
                        subject: { id: P-1, kind: PERSON, hiredOn: 2010-01-01, ratings: [ { year: 2025, rating: EXCELLENT } ] }
                        """))).result("HANOI_OUTSTANDING_CITIZEN").outcome());
    }

    @Test
    void an_exception_in_a_rules_condition_makes_the_undecided_awards_need_review(@TempDir Path dir) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path drl = copy.resolve("awards/advanced-laborer.drl");
        String text = Files.readString(drl);
        int at = text.indexOf("rule \"ADVANCED_LABORER: rated good or better\"");
        String head = text.substring(0, at), tail = text.substring(at);
        tail = tail.replaceFirst("\\$e : Evaluation\\( person, \\$year : year, \\$h : history \\)",
                "\\$e : Evaluation( person, \\$year : year, \\$h : history, year / (year - year) > 0 )");
        Files.writeString(drl, head + tail);
        EvaluationResult r = evaluate(RuleSetLoader.load(copy), EvaluatorTest.CaseReaderYaml.of(EvaluatorTest.person("2020-01-01", "GOOD", "")));
        AwardResult laborer = r.result("ADVANCED_LABORER");
        assertThat(laborer.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(laborer.notes()).anySatisfy(n -> {
            assertThat(n.en()).contains("could not be applied", "ArithmeticException");
            assertThat(n.vi()).contains("Không thể áp dụng");
        });
    }

    @Test
    void before_the_earliest_regime_every_award_is_not_modelled_with_a_sentence_why() {
        for (String asOf : new String[]{"1900-01-01", "2011-06-15", "2014-05-31"}) {
            int year = LocalDate.parse(asOf).getYear();
            EvaluationResult person = evaluate(rules, """
                    asOf: %s
                    year: %d
                    subject: { id: P-1, kind: PERSON }
                    """.formatted(asOf, year));
            assertThat(person.regime()).isEqualTo(RegimeInfo.NONE);
            assertThat(person.results()).hasSize((int) rules.awards().values().stream().filter(a -> a.appliesTo(vn.laurel.engine.model.SubjectKind.PERSON)).count());
            assertThat(person.results()).allSatisfy(a -> {
                assertThat(a.outcome()).isEqualTo(Outcome.NOT_MODELLED);
                assertThat(a.notes()).singleElement().satisfies(n -> {
                    assertThat(n.en()).contains(asOf, "before the earliest modelled legal regime", "2014-06-01");
                    assertThat(n.vi()).contains(asOf, "trước chế độ pháp lý sớm nhất");
                });
            });
            assertThat(person.regimeDetails().to()).isEqualTo(LocalDate.of(2014, 5, 31));
            EvaluationResult unit = evaluate(rules, """
                    asOf: %s
                    year: %d
                    subject: { id: U-1, kind: COLLECTIVE }
                    members: [ { id: P-2, kind: PERSON } ]
                    """.formatted(asOf, year));
            assertThat(unit.results()).isNotEmpty().extracting(AwardResult::outcome).containsOnly(Outcome.NOT_MODELLED);
        }
        assertThat(evaluate(rules, """
                asOf: 2014-06-01
                year: 2013
                awards: [ADVANCED_LABORER]
                subject: { id: P-1, kind: PERSON, hiredOn: 2010-01-01 }
                """).regime()).isEqualTo("LAW_2013");
    }

    @Test
    void an_unknown_award_is_still_refused_by_field_before_the_earliest_regime() {
        CaseFormatException e = catchThrowableOfType(CaseFormatException.class, () -> evaluate(rules, """
                asOf: 2011-06-15
                year: 2010
                awards: [NOBEL_PRIZE]
                subject: { id: P-1, kind: PERSON }
                """));
        assertThat(e.getErrors()).extracting(FieldError::field).containsExactly("awards[0]");
    }

    static final String FILED = """
            asOf: 2025-07-15
            %s
            year: 2024
            awards: [ADVANCED_LABORER]
            subject:
              id: P-1
              kind: PERSON
              hiredOn: 2024-05-01
              ratings: [ { year: 2024, rating: GOOD } ]
              attestations: [ { year: 2024, criterion: EMULATION_PARTICIPATION, value: true } ]
            """;

    @Test
    void the_decree_of_a_file_follows_its_submission_date_and_the_answer_names_it() {
        RegimeInfo before = evaluate(rules, FILED.formatted("submittedOn: 2025-06-30")).regimeDetails();
        assertThat(before.code()).isEqualTo("LAW_2022");
        assertThat(before.decree().en()).contains("98/2023");
        assertThat(evaluate(rules, FILED.formatted("submittedOn: 2025-07-01")).regimeDetails().decree().en()).contains("152/2025");
        assertThat(evaluate(rules, FILED.formatted("")).regimeDetails().decree().vi()).contains("152/2025");
        RegimeInfo in2016 = evaluate(rules, ORDER_2016).regimeDetails();
        assertThat(in2016.decree().vi()).contains("65/2014");
    }

    @Test
    void a_parameter_value_marked_applies_by_submission_is_not_used_for_a_file_submitted_earlier(@TempDir Path dir) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path params = copy.resolve("parameters/advanced-laborer.yaml");
        Files.writeString(params, Files.readString(params).replace(
                "      value: 6\n",
                "      value: 6\n    - from: 2025-07-01\n      value: 12\n      appliesBy: SUBMISSION\n      reference: a value of Decree 152/2025 (test)\n"));
        RuleSet withDecreeValue = RuleSetLoader.load(copy);
        // Eight months by the end of 2024: enough under the earlier value (6), not under the decree's (12).
        assertThat(evaluate(withDecreeValue, FILED.formatted("submittedOn: 2025-06-30")).result("ADVANCED_LABORER").outcome())
                .isEqualTo(Outcome.ELIGIBLE);
        AwardResult later = evaluate(withDecreeValue, FILED.formatted("submittedOn: 2025-07-01")).result("ADVANCED_LABORER");
        assertThat(later.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(evaluate(withDecreeValue, FILED.formatted("")).result("ADVANCED_LABORER").outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    }

    @Test
    void a_submission_date_after_the_appraisal_is_refused_by_field() {
        CaseFormatException e = catchThrowableOfType(CaseFormatException.class, () -> CaseReader.read(FILED.formatted("submittedOn: 2025-07-16")));
        assertThat(e.getErrors()).extracting(FieldError::field).containsExactly("submittedOn");
    }

    @Test
    void under_the_provisional_regime_the_answer_says_what_law_06_2026_changes_without_a_criterion_for_it() {
        RegimeInfo info = evaluate(rules, """
                asOf: 2027-01-15
                year: 2026
                awards: [ADVANCED_LABORER]
                subject: { id: P-1, kind: PERSON, hiredOn: 2010-01-01 }
                """).regimeDetails();
        assertThat(info.code()).isEqualTo("LAW_2026_PROVISIONAL");
        assertThat(info.notes()).singleElement().satisfies(n -> {
            assertThat(n.vi()).contains("06/2026/QH16", "đi đầu trong đổi mới sáng tạo, chuyển đổi số", "khen thưởng chuyên đề",
                    "đồng bào dân tộc thiểu số");
            assertThat(n.en()).contains("leading in innovation and digital transformation", "no criterion of these changes is modelled");
        });
    }

    @Test
    void an_organisations_own_absence_limit_applies_to_that_organisation_only(@TempDir Path dir) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path params = copy.resolve("parameters/advanced-laborer.yaml");
        Files.writeString(params, Files.readString(params) + """
                    - from: 2024-01-01
                      value: 40
                      organisation: HN-X
                      reference: the organisation's own regulation (test)
                """);
        RuleSet withLocal = RuleSetLoader.load(copy);
        String fortyDays = "  absences: [ { year: 2025, days: 40 } ]\n";
        AwardResult local = new Evaluator(() -> withLocal).evaluate(EvaluatorTest.person("2020-01-01", "GOOD", fortyDays)).result("ADVANCED_LABORER");
        assertThat(local.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(local.criteria()).filteredOn(c -> c.status() == Status.NOT_MET).extracting(CriterionOutcome::criterion)
                .containsExactly("ABSENCE_BELOW_LIMIT");
        assertThat(new Evaluator(() -> withLocal).evaluate(EvaluatorTest.person("2020-01-01", "GOOD", fortyDays.replace("40", "39")))
                .result("ADVANCED_LABORER").outcome()).isEqualTo(Outcome.ELIGIBLE);
        CaseDocument elsewhere = CaseReader.read(EvaluatorTest.CaseReaderYaml.of(EvaluatorTest.person("2020-01-01", "GOOD", fortyDays)).replace("HN-X", "HN-Y"));
        AwardResult national = new Evaluator(() -> withLocal).evaluate(elsewhere).result("ADVANCED_LABORER");
        assertThat(national.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(national.criteria()).filteredOn(c -> c.criterion().equals("ABSENCE_BELOW_LIMIT")).singleElement()
                .satisfies(c -> assertThat(c.explanation().en()).contains("no limit"));
    }
}
