package vn.laurel.engine.projection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Earliest years computed by hand from the catalogue (award-catalogue §1.4, §4) and the rules as they
 * stand: LAW_2022 decides appraisals up to 30/09/2026, LAW_2026_PROVISIONAL after, and the latter has no
 * rules for the Prime Minister's certificate (its chain is NOT_MODELLED from the 2026 projected year, appraised
 * on 15/01/2027).
 */
class EarliestYearsTest {
    static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSetLoader.load(RepoPaths.rules());
    }

    static CaseDocument read(String yaml) {
        return CaseReader.read(yaml);
    }

    /**
     * Ministry certificate 2018 (merit), GOOD 2019–2023, grassroots soldier 2020 and 2022; evaluation year
     * 2023 (appraised 15/01/2024, LAW_2022 art. 73.1.b as the Ministry of Home Affairs reads it: the run of
     * five GOOD years 2019–2023 holds two grassroots titles, one short).
     */
    static final String PM_CHAIN = """
            asOf: 2024-01-15
            year: 2023
            awards: [PRIME_MINISTER_CERTIFICATE_OF_MERIT, GRASSROOTS_EMULATION_SOLDIER]
            subject:
              id: P-PM
              kind: PERSON
              hiredOn: 2010-03-01
              ratings:
                - { year: 2019, rating: GOOD }
                - { year: 2020, rating: GOOD }
                - { year: 2021, rating: GOOD }
                - { year: 2022, rating: GOOD }
                - { year: 2023, rating: GOOD }
              titles:
                - { year: 2020, code: GRASSROOTS_EMULATION_SOLDIER }
                - { year: 2022, code: GRASSROOTS_EMULATION_SOLDIER }
              commendations:
                - { year: 2018, code: MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT, kind: MERIT }
              attestations:
                - { year: 2023, criterion: EMULATION_PARTICIPATION, value: true }
                - { year: 2023, criterion: EXEMPLARY_COMPLIANCE, value: true }
            """;

    @Test
    void the_prime_minister_s_certificate_comes_with_the_third_grassroots_title_the_year_an_initiative_brings_it() {
        Earliest e = EarliestYears.find(rules, read(PM_CHAIN), Assumptions.NONE.withInitiativesPerYear(1));
        EarliestAnswer pm = e.answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        // 2024: GOOD, one grassroots initiative → grassroots soldier 2024, the third in the run 2019–2024.
        assertThat(pm.answer()).isEqualTo(EarliestAnswer.Answer.EARLIEST);
        assertThat(pm.outcomeNow()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(pm.earliestYear()).isEqualTo(2024);
        assertThat(pm.appraisalThen()).hasToString("2025-01-15");
        assertThat(pm.regimeThen()).isEqualTo("LAW_2022");
        assertThat(pm.outcomeThen()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(pm.subjectToReview()).isFalse();
        assertThat(pm.gates()).extracting(EarliestAnswer.Gate::criterion).containsExactly("PERSON_ACHIEVEMENT_PATH");
        EarliestAnswer.Gate gate = pm.gates().get(0);
        assertThat(gate.metIn()).isEqualTo(2024);
        assertThat(gate.statusThen()).isEqualTo(Status.MET);
        assertThat(gate.needs()).hasSize(1);
        assertThat(gate.needs().get(0).missing().intValue()).isEqualTo(1);
        assertThat(gate.needs().get(0).text().en()).isEqualTo("grassroots emulation soldier titles within that period: 1 more");
        assertThat(gate.needs().get(0).text().vi()).isEqualTo("CSTĐCS trong thời gian đó: còn thiếu 1");
        assertThat(gate.sentenceNow().vi()).startsWith("Tiêu chuẩn thành tích đến năm 2023");
        assertThat(gate.sentenceThen().en()).startsWith("Achievement path up to 2024");
        assertThat(pm.headline().vi()).isEqualTo("Bằng khen của Thủ tướng Chính phủ: sớm nhất năm 2024 — CSTĐCS trong thời gian đó: còn thiếu 1");
        assertThat(pm.headline().en()).isEqualTo("Prime Minister's Certificate of Merit: 2024 at the earliest — grassroots emulation soldier titles within that period: 1 more");
        // The grassroots title itself: the initiative assumed in 2024.
        EarliestAnswer grassroots = e.answer("GRASSROOTS_EMULATION_SOLDIER");
        assertThat(grassroots.earliestYear()).isEqualTo(2024);
        assertThat(grassroots.gates()).extracting(EarliestAnswer.Gate::criterion).containsExactly("EXCELLENT_OR_INITIATIVE");
        assertThat(e.basis().fromYear()).isEqualTo(2023);
        assertThat(e.basis().rating()).isEqualTo(Rating.GOOD);
        assertThat(e.basis().initiativesPerYear()).isEqualTo(1);
        assertThat(e.basis().attestations()).containsExactly("EMULATION_PARTICIPATION", "EXEMPLARY_COMPLIANCE");
        assertThat(e.lastYear()).isEqualTo(2024); // every award asked was answered: no further year projected
    }

    @Test
    void an_excellent_year_assumed_brings_it_too_and_as_the_record_stands_the_chain_is_never_completed_under_the_2022_law() {
        assertThat(EarliestYears.find(rules, read(PM_CHAIN), Assumptions.NONE.withRating(Rating.EXCELLENT))
                .answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT").earliestYear()).isEqualTo(2024);

        // As it stands: GOOD and no initiative, no grassroots title in 2024 or 2025; from the 2026 year (appraised
        // 15/01/2027) the provisional law has no criteria for the certificate.
        EarliestAnswer pm = EarliestYears.find(rules, read(PM_CHAIN), Assumptions.NONE.withRulesContinue(false))
                .answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        assertThat(pm.answer()).isEqualTo(EarliestAnswer.Answer.NEVER);
        assertThat(pm.rulesAssumed()).isNull();
        assertThat(pm.earliestYear()).isNull();
        assertThat(pm.never().reason()).isEqualTo(EarliestAnswer.Never.Reason.NOT_MODELLED);
        assertThat(pm.never().year()).isEqualTo(2026);
        assertThat(pm.never().regime()).isEqualTo("LAW_2026_PROVISIONAL");
        assertThat(pm.never().notes()).isNotEmpty();
        assertThat(pm.never().criteriaYear()).isEqualTo(2025);
        assertThat(pm.never().criteria()).extracting(EarliestAnswer.Unmet::criterion).containsExactly("PERSON_ACHIEVEMENT_PATH");
        assertThat(pm.gates().get(0).metIn()).isNull();
        assertThat(pm.headline().en()).isEqualTo("Prime Minister's Certificate of Merit: cannot be told — from 2026 (LAW_2026_PROVISIONAL) there are no criteria for this award");
    }

    @Test
    void by_default_the_2022_criteria_are_taken_to_continue_where_the_provisional_law_has_none_and_the_answer_says_so() {
        // The same record: the 2022 criteria carried on from the 2026 year; GOOD and no initiative never bring the third
        // grassroots title (the provisional law asks EXCELLENT and an initiative), so the chain stays one title short.
        EarliestAnswer pm = EarliestYears.find(rules, read(PM_CHAIN), Assumptions.NONE).answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        assertThat(pm.answer()).isEqualTo(EarliestAnswer.Answer.NEVER);
        assertThat(pm.never().reason()).isEqualTo(EarliestAnswer.Never.Reason.NOT_MET);
        assertThat(pm.never().regime()).isEqualTo("LAW_2022");
        assertThat(pm.never().criteria()).extracting(EarliestAnswer.Unmet::criterion).containsExactly("PERSON_ACHIEVEMENT_PATH");
        assertThat(pm.rulesAssumed().en()).isEqualTo("Assumed: from 2026 the LAW_2026_PROVISIONAL regime has no criteria for "
                + "this award, and those of LAW_2022 are taken to continue");
        assertThat(pm.headline().vi()).contains("chưa thể đạt", "Giả định: từ năm 2026");
    }

    @Test
    void an_evaluation_year_under_the_provisional_law_is_read_with_the_2022_criteria_continued_too() {
        // Evaluation year 2026 (appraised 15/01/2027, LAW_2026_PROVISIONAL, which has no criteria for the certificate):
        // ministry certificate 2020, GOOD 2021–2026, grassroots soldier 2022, 2024 and 2026 — the 2022 criteria are met
        // in the evaluation year itself, so it is already eligible, and the answer says which criteria it read.
        String yaml = """
                asOf: 2027-01-15
                year: 2026
                awards: [PRIME_MINISTER_CERTIFICATE_OF_MERIT]
                subject:
                  id: P-PM27
                  kind: PERSON
                  hiredOn: 2010-03-01
                  ratings:
                    - { year: 2021, rating: GOOD }
                    - { year: 2022, rating: GOOD }
                    - { year: 2023, rating: GOOD }
                    - { year: 2024, rating: GOOD }
                    - { year: 2025, rating: GOOD }
                    - { year: 2026, rating: GOOD }
                  titles:
                    - { year: 2022, code: GRASSROOTS_EMULATION_SOLDIER }
                    - { year: 2024, code: GRASSROOTS_EMULATION_SOLDIER }
                    - { year: 2026, code: GRASSROOTS_EMULATION_SOLDIER }
                  commendations:
                    - { year: 2020, code: MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT, kind: MERIT }
                  attestations:
                    - { year: 2026, criterion: EMULATION_PARTICIPATION, value: true }
                    - { year: 2026, criterion: EXEMPLARY_COMPLIANCE, value: true }
                """;
        EarliestAnswer pm = EarliestYears.find(rules, read(yaml), Assumptions.NONE).answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        assertThat(pm.answer()).isEqualTo(EarliestAnswer.Answer.ALREADY_ELIGIBLE);
        assertThat(pm.earliestYear()).isEqualTo(2026);
        assertThat(pm.rulesAssumed().en()).contains("from 2026 the LAW_2026_PROVISIONAL regime", "those of LAW_2022");
        assertThat(EarliestYears.find(rules, read(yaml), Assumptions.NONE.withRulesContinue(false))
                .answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT").answer()).isEqualTo(EarliestAnswer.Answer.NEVER);
    }

    @Test
    void a_chain_completed_under_the_provisional_law_s_grassroots_standard_reaches_the_certificate_in_2026() {
        // Evaluation year 2025 (appraised 15/01/2026, LAW_2022): ministry certificate 2020, GOOD 2021–2025, grassroots
        // soldier 2022 and 2024 — one short. 2026 (appraised 15/01/2027, LAW_2026_PROVISIONAL): EXCELLENT and an
        // initiative make the third grassroots title under the provisional standard; the certificate, which that
        // regime does not model, is judged on the 2022 criteria carried on: five years GOOD or better, three titles.
        String yaml = """
                asOf: 2026-01-15
                year: 2025
                awards: [PRIME_MINISTER_CERTIFICATE_OF_MERIT]
                subject:
                  id: P-PM26
                  kind: PERSON
                  hiredOn: 2010-03-01
                  ratings:
                    - { year: 2021, rating: GOOD }
                    - { year: 2022, rating: GOOD }
                    - { year: 2023, rating: GOOD }
                    - { year: 2024, rating: GOOD }
                    - { year: 2025, rating: GOOD }
                  titles:
                    - { year: 2022, code: GRASSROOTS_EMULATION_SOLDIER }
                    - { year: 2024, code: GRASSROOTS_EMULATION_SOLDIER }
                  commendations:
                    - { year: 2020, code: MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT, kind: MERIT }
                  attestations:
                    - { year: 2025, criterion: EMULATION_PARTICIPATION, value: true }
                    - { year: 2025, criterion: EXEMPLARY_COMPLIANCE, value: true }
                """;
        EarliestAnswer pm = EarliestYears.find(rules, read(yaml), Assumptions.NONE.withRating(Rating.EXCELLENT).withInitiativesPerYear(1))
                .answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        assertThat(pm.answer()).isEqualTo(EarliestAnswer.Answer.EARLIEST);
        assertThat(pm.earliestYear()).isEqualTo(2026);
        assertThat(pm.appraisalThen()).hasToString("2027-01-15");
        assertThat(pm.regimeThen()).isEqualTo("LAW_2022");
        assertThat(pm.rulesAssumed()).isNotNull();
        assertThat(pm.headline().en()).startsWith("Prime Minister's Certificate of Merit: 2026 at the earliest").contains("Assumed: from 2026");
        // Switched off, the same record is answered "no criteria" from 2026.
        assertThat(EarliestYears.find(rules, read(yaml), Assumptions.NONE.withRating(Rating.EXCELLENT).withInitiativesPerYear(1)
                .withRulesContinue(false)).answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT").never().reason())
                .isEqualTo(EarliestAnswer.Never.Reason.NOT_MODELLED);
    }

    @Test
    void an_initiative_in_the_last_year_repeats_so_the_third_title_arrives_without_an_assumption() {
        // One title (2021) on record; the 2023 initiative gives the 2023 title now (two in the run) and, repeated, the third in 2024.
        String yaml = PM_CHAIN.replace("""
                    - { year: 2020, code: GRASSROOTS_EMULATION_SOLDIER }
                    - { year: 2022, code: GRASSROOTS_EMULATION_SOLDIER }
                """, """
                    - { year: 2021, code: GRASSROOTS_EMULATION_SOLDIER }
                  initiatives:
                    - { year: 2023, level: GRASSROOTS, kind: INITIATIVE }
                """);
        Earliest e = EarliestYears.find(rules, read(yaml), Assumptions.NONE);
        assertThat(e.answer("GRASSROOTS_EMULATION_SOLDIER").answer()).isEqualTo(EarliestAnswer.Answer.ALREADY_ELIGIBLE);
        assertThat(e.answer("GRASSROOTS_EMULATION_SOLDIER").earliestYear()).isEqualTo(2023);
        EarliestAnswer pm = e.answer("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        assertThat(pm.earliestYear()).isEqualTo(2024);
        assertThat(pm.gates().get(0).needs().get(0).missing().intValue()).isEqualTo(1);
    }

    /** Rated COMPLETED in 2025, everything else in order: the rating never reaches GOOD as the record stands. */
    static final String COMPLETED = """
            asOf: 2026-01-15
            year: 2025
            awards: [ADVANCED_LABORER]
            subject:
              id: P-HTNV
              kind: PERSON
              hiredOn: 2015-09-01
              ratings:
                - { year: 2024, rating: GOOD }
                - { year: 2025, rating: COMPLETED }
              attestations:
                - { year: 2025, criterion: EMULATION_PARTICIPATION, value: true }
            """;

    @Test
    void a_person_rated_completed_never_becomes_an_advanced_laborer_as_the_record_stands_and_the_reason_names_the_rating() {
        EarliestAnswer al = EarliestYears.find(rules, read(COMPLETED), Assumptions.NONE).answer("ADVANCED_LABORER");
        assertThat(al.answer()).isEqualTo(EarliestAnswer.Answer.NEVER);
        assertThat(al.never().reason()).isEqualTo(EarliestAnswer.Never.Reason.NOT_MET);
        assertThat(al.never().year()).isEqualTo(2035);
        assertThat(al.never().regime()).isEqualTo("LAW_2026_PROVISIONAL");
        assertThat(al.never().criteria()).extracting(EarliestAnswer.Unmet::criterion).containsExactly("RATING_GOOD_OR_BETTER");
        assertThat(al.never().criteria().get(0).sentence().en()).contains("2035");
        assertThat(al.never().text().en()).isEqualTo("Still not met in 2035: RATING_GOOD_OR_BETTER");
        assertThat(al.gates()).extracting(EarliestAnswer.Gate::criterion).containsExactly("RATING_GOOD_OR_BETTER");
        assertThat(al.gates().get(0).metIn()).isNull();
        assertThat(al.headline().vi()).isEqualTo("Lao động tiên tiến: chưa thể đạt đến năm 2035 với hồ sơ như hiện nay");

        // Assumed GOOD from 2026: eligible in 2026, under the provisional law.
        EarliestAnswer good = EarliestYears.find(rules, read(COMPLETED), Assumptions.NONE.withRating(Rating.GOOD)).answer("ADVANCED_LABORER");
        assertThat(good.earliestYear()).isEqualTo(2026);
        assertThat(good.regimeThen()).isEqualTo("LAW_2026_PROVISIONAL");
        assertThat(good.gates().get(0).metIn()).isEqualTo(2026);
        assertThat(good.gates().get(0).actualThen()).isEqualTo(Rating.GOOD);

        // A shorter horizon ends the projection sooner.
        assertThat(EarliestYears.find(rules, read(COMPLETED), Assumptions.NONE.withHorizon(3)).answer("ADVANCED_LABORER").never().year())
                .isEqualTo(2028);
    }

    @Test
    void without_the_participation_attested_the_title_is_earliest_only_subject_to_review_and_attested_false_takes_it_away() {
        String noAttestation = COMPLETED.replace("    - { year: 2025, criterion: EMULATION_PARTICIPATION, value: true }\n", "")
                .replace("  attestations:\n", "");
        EarliestAnswer al = EarliestYears.find(rules, read(noAttestation), Assumptions.NONE.withRating(Rating.GOOD)).answer("ADVANCED_LABORER");
        assertThat(al.earliestYear()).isEqualTo(2026);
        assertThat(al.subjectToReview()).isTrue();
        assertThat(al.outcomeThen()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(al.openThen()).extracting(EarliestAnswer.Open::criterion).containsExactly("EMULATION_PARTICIPATION");
        assertThat(al.headline().en()).isEqualTo("Advanced Laborer: 2026 at the earliest, subject to review");

        EarliestAnswer attested = EarliestYears.find(rules, read(noAttestation), Assumptions.NONE.withRating(Rating.GOOD).withAttested(true))
                .answer("ADVANCED_LABORER");
        assertThat(attested.subjectToReview()).isFalse();
        assertThat(attested.outcomeThen()).isEqualTo(Outcome.ELIGIBLE);
    }

    static final String HANOI = """
            asOf: 2026-01-20
            year: 2025
            awards: [HANOI_OUTSTANDING_CITIZEN]
            subject:
              id: P-HN
              kind: PERSON
              hiredOn: 1995-01-01
              ratings: [ { year: 2025, rating: EXCELLENT } ]
              commendations:
                - { year: 2020, code: HANOI_OUTSTANDING_CITIZEN }
            """;

    @Test
    void the_outstanding_citizen_of_the_capital_already_received_is_never_again_once_in_a_lifetime() {
        EarliestAnswer hn = EarliestYears.find(rules, read(HANOI), Assumptions.NONE.withAttested(true)).answer("HANOI_OUTSTANDING_CITIZEN");
        assertThat(hn.answer()).isEqualTo(EarliestAnswer.Answer.NEVER);
        assertThat(hn.never().reason()).isEqualTo(EarliestAnswer.Never.Reason.NOT_MET);
        assertThat(hn.never().criteria()).extracting(EarliestAnswer.Unmet::criterion).containsExactly("NEVER_RECEIVED_BEFORE");

        // Never received: nothing refuses it now, only the judgments are still owed — already, awaiting review only.
        EarliestAnswer first = EarliestYears.find(rules, read(HANOI.replace("""
                  commendations:
                    - { year: 2020, code: HANOI_OUTSTANDING_CITIZEN }
                """, "")), Assumptions.NONE.withAttested(true)).answer("HANOI_OUTSTANDING_CITIZEN");
        assertThat(first.answer()).isEqualTo(EarliestAnswer.Answer.ALREADY_ELIGIBLE);
        assertThat(first.earliestYear()).isEqualTo(2025);
        assertThat(first.outcomeNow()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(first.subjectToReview()).isTrue();
        assertThat(first.openThen()).extracting(EarliestAnswer.Open::criterion).contains("COUNCIL_VOTE_PASSED");
        assertThat(first.headline().en()).isEqualTo("Outstanding Citizen of the Capital: for 2025, awaiting review only");
    }

    /**
     * A unit rated GOOD with three members (GOOD, GOOD, EXCELLENT with an initiative each year): the Excellent
     * Labour Collective needs the unit rated EXCELLENT, and under the provisional law a member's grassroots
     * title needs EXCELLENT and an initiative.
     */
    static final String UNIT = """
            asOf: 2026-01-15
            year: 2025
            awards: [EXCELLENT_LABOR_COLLECTIVE, ADVANCED_LABOR_COLLECTIVE]
            subject:
              id: U-TEST
              kind: COLLECTIVE
              ratings: [ { year: 2025, rating: GOOD } ]
              attestations:
                - { year: 2025, criterion: EMULATION_PARTICIPATION, value: true }
                - { year: 2025, criterion: INTERNAL_UNITY, value: true }
                - { year: 2025, criterion: EXEMPLARY_COMPLIANCE, value: true }
            members:
              - id: M-1
                kind: PERSON
                hiredOn: 2015-01-01
                ratings: [ { year: 2025, rating: GOOD } ]
                attestations: [ { year: 2025, criterion: EMULATION_PARTICIPATION, value: true } ]
              - id: M-2
                kind: PERSON
                hiredOn: 2016-01-01
                ratings: [ { year: 2025, rating: GOOD } ]
                attestations: [ { year: 2025, criterion: EMULATION_PARTICIPATION, value: true } ]
              - id: M-3
                kind: PERSON
                hiredOn: 2012-01-01
                ratings: [ { year: 2025, rating: EXCELLENT } ]
                initiatives: [ { year: 2025, level: GRASSROOTS, kind: INITIATIVE } ]
                attestations: [ { year: 2025, criterion: EMULATION_PARTICIPATION, value: true } ]
            """;

    @Test
    void a_collective_is_projected_with_its_members() {
        Earliest e = EarliestYears.find(rules, read(UNIT), Assumptions.NONE);
        assertThat(e.answer("ADVANCED_LABOR_COLLECTIVE").answer()).isEqualTo(EarliestAnswer.Answer.ALREADY_ELIGIBLE);
        EarliestAnswer elc = e.answer("EXCELLENT_LABOR_COLLECTIVE");
        assertThat(elc.answer()).isEqualTo(EarliestAnswer.Answer.NEVER);
        assertThat(elc.never().criteria()).extracting(EarliestAnswer.Unmet::criterion).containsExactly("COLLECTIVE_RATING_EXCELLENT");

        // The unit assumed EXCELLENT: 2026, its member M-3 a grassroots soldier again (EXCELLENT and an initiative, repeated).
        EarliestAnswer excellent = EarliestYears.find(rules, read(UNIT), Assumptions.NONE.withRating(Rating.EXCELLENT))
                .answer("EXCELLENT_LABOR_COLLECTIVE");
        assertThat(excellent.earliestYear()).isEqualTo(2026);
        assertThat(excellent.gates()).extracting(EarliestAnswer.Gate::criterion).containsExactly("COLLECTIVE_RATING_EXCELLENT");

        // Without M-3's initiative no member is a grassroots soldier under the provisional law: never, naming that criterion.
        EarliestAnswer noInitiative = EarliestYears.find(rules,
                read(UNIT.replace("    initiatives: [ { year: 2025, level: GRASSROOTS, kind: INITIATIVE } ]\n", "")),
                Assumptions.NONE.withRating(Rating.EXCELLENT)).answer("EXCELLENT_LABOR_COLLECTIVE");
        assertThat(noInitiative.answer()).isEqualTo(EarliestAnswer.Answer.NEVER);
        assertThat(noInitiative.never().criteria()).extracting(EarliestAnswer.Unmet::criterion).containsExactly("GRASSROOTS_SOLDIER_AMONG_MEMBERS");
    }

    @Test
    void what_a_composite_still_needs_reads_alternatives_with_or_and_conditions_with_and() {
        // EXCELLENT 2025 only: under LAW_2022 (art. 74.1.d) two consecutive grassroots titles, or two consecutive
        // EXCELLENT years with two initiatives (or two science projects) in them; under the provisional law from
        // 2026 two EXCELLENT years suffice (BXD TT 64/2026 art. 10.1.d mirror): 2026.
        String yaml = """
                asOf: 2026-01-15
                year: 2025
                awards: [MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT]
                subject:
                  id: P-BK
                  kind: PERSON
                  hiredOn: 2012-02-01
                  ratings: [ { year: 2024, rating: GOOD }, { year: 2025, rating: EXCELLENT } ]
                  attestations:
                    - { year: 2025, criterion: EMULATION_PARTICIPATION, value: true }
                    - { year: 2025, criterion: EXEMPLARY_COMPLIANCE, value: true }
                """;
        EarliestAnswer bk = EarliestYears.find(rules, read(yaml), Assumptions.NONE).answer("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT");
        assertThat(bk.earliestYear()).isEqualTo(2026);
        assertThat(bk.regimeThen()).isEqualTo("LAW_2026_PROVISIONAL");
        EarliestAnswer.Gate gate = bk.gates().get(0);
        assertThat(gate.needs()).extracting(n -> n.missing().intValue()).containsExactly(1, 1, 2, 2);
        assertThat(gate.needsText().en()).isEqualTo("consecutive grassroots emulation soldier titles: 1 more or (consecutive EXCELLENT years: 1 more"
                + " and (grassroots initiatives within those years: 2 more or accepted science projects within those years: 2 more))");
        assertThat(gate.needsText().vi()).contains(" hoặc (", " và (");
    }

    @Test
    void every_award_of_the_kind_when_none_is_named_and_bad_awards_are_refused_naming_the_field() {
        CaseDocument doc = read(COMPLETED.replace("awards: [ADVANCED_LABORER]\n", ""));
        Earliest e = EarliestYears.find(rules, doc, Assumptions.NONE.withHorizon(2));
        assertThat(e.awards()).extracting(EarliestAnswer::award).contains("ADVANCED_LABORER", "HANOI_OUTSTANDING_CITIZEN")
                .doesNotContain("EXCELLENT_LABOR_COLLECTIVE");

        assertThatThrownBy(() -> EarliestYears.find(rules, read(COMPLETED.replace("[ADVANCED_LABORER]", "[EXCELLENT_LABOR_COLLECTIVE]")), Assumptions.NONE))
                .isInstanceOfSatisfying(CaseFormatException.class, x -> assertThat(x.getErrors().get(0).field()).isEqualTo("awards[0]"));
        assertThatThrownBy(() -> Assumptions.NONE.withHorizon(16))
                .isInstanceOfSatisfying(CaseFormatException.class, x -> assertThat(x.getErrors().get(0).field()).isEqualTo("horizon"));
    }

    @Test
    void campaign_results_are_projected_within_the_campaign_s_period_only() {
        Projection p = new Projection(rules, read("""
                asOf: 2030-01-15
                year: 2029
                subject:
                  id: E-DX
                  kind: ENTERPRISE
                  campaignResults:
                    - { campaign: INNOVATION_DX_2025_2030, year: 2029, group: BUSINESSES_AND_INSTITUTES, indicator: REVIEW_SCORE, value: 90 }
                """), Assumptions.NONE);
        assertThat(p.caseFor(2030).subject().campaignResults()).extracting(r -> r.year()).containsExactly(2029, 2030);
        assertThat(p.caseFor(2031).subject().campaignResults()).extracting(r -> r.year()).containsExactly(2029, 2030);
    }

    @Test
    void projected_facts_say_they_are_projected() {
        Projection p = new Projection(rules, read(PM_CHAIN), Assumptions.NONE.withInitiativesPerYear(1));
        CaseDocument year = p.caseFor(2024);
        assertThat(year.asOf()).hasToString("2025-01-15");
        assertThat(year.subject().ratings()).filteredOn(r -> r.year() == 2024).singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo("projected:2024:rating");
                    assertThat(r.source()).isEqualTo("projection");
                });
        assertThat(year.subject().initiatives()).extracting(i -> i.id()).containsExactly("projected:2024:initiative:1");
        assertThat(year.subject().attestations()).filteredOn(a -> a.year() == 2024).extracting(a -> a.id())
                .containsExactly("projected:2024:attestation:EMULATION_PARTICIPATION", "projected:2024:attestation:EXEMPLARY_COMPLIANCE");
    }
}
