package vn.laurel.engine.evaluation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;
import vn.laurel.engine.unit.UnitCase;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Enterprises and households (issue 21): which awards they are asked for, how they are decided, and what is not modelled. */
class KindsOfSubjectTest {
    static RuleSet rules;

    @BeforeAll
    static void load() { rules = RuleSetLoader.load(RepoPaths.rules()); }

    static EvaluationResult evaluate(RuleSet set, String yaml) {
        return new Evaluator(() -> set).evaluate(set, CaseReader.read(yaml));
    }

    static final String HOUSEHOLD = """
            asOf: 2026-01-20
            year: 2025
            subject:
              id: H-1
              kind: HOUSEHOLD
              contributions: [ { year: 2025, kind: ASSETS, valueVnd: 50000000 } ]
            """;

    @Test
    void a_household_is_asked_for_the_two_certificates_and_the_prime_ministers_is_not_modelled_for_it() {
        EvaluationResult r = evaluate(rules, HOUSEHOLD);
        assertThat(r.results()).extracting(AwardResult::award)
                .containsExactly("UNIT_CERTIFICATE_OF_MERIT", "PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        assertThat(r.result("UNIT_CERTIFICATE_OF_MERIT").outcome()).isEqualTo(Outcome.ELIGIBLE);
        AwardResult pm = r.result("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        assertThat(pm.outcome()).isEqualTo(Outcome.NOT_MODELLED);
        assertThat(pm.notes()).singleElement().satisfies(n -> {
            assertThat(n.en()).isEqualTo("The award catalogue names households among those who receive this award but gives"
                    + " no criteria for them (regime LAW_2022); no decision is made.");
            assertThat(n.vi()).contains("hộ gia đình", "không nêu tiêu chuẩn");
        });
        // An award no rule models under the regime keeps the regime's sentence.
        AwardResult later = evaluate(rules, HOUSEHOLD.replace("2026-01-20", "2026-10-20").replace("2025", "2026"))
                .result("UNIT_CERTIFICATE_OF_MERIT");
        assertThat(later.outcome()).isEqualTo(Outcome.NOT_MODELLED);
        assertThat(later.notes()).extracting(n -> n.en()).anySatisfy(n -> assertThat(n).contains("under regime LAW_2026_PROVISIONAL"));
    }

    @Test
    void the_kinds_note_is_only_for_an_award_no_regime_models_for_the_kind_otherwise_the_regimes_note() {
        // A collective's ministry certificate: LAW_2022 has collective criteria, LAW_2026_PROVISIONAL none. It is the
        // regime that has none, not the catalogue (review L3).
        AwardResult mp = evaluate(rules, """
                asOf: 2026-10-20
                year: 2026
                awards: [MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT]
                subject: { id: U-1, kind: COLLECTIVE, ratings: [ { year: 2026, rating: EXCELLENT } ] }
                """).result("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT");
        assertThat(mp.outcome()).isEqualTo(Outcome.NOT_MODELLED);
        assertThat(mp.notes()).extracting(n -> n.en()).containsExactly(
                "The rules loaded have no criteria for this award under regime LAW_2026_PROVISIONAL; no decision is made.");
        // A household's Prime Minister's certificate: no regime has criteria for households, under either regime.
        for (String asOf : List.of("2026-01-20", "2026-10-20")) {
            AwardResult pm = evaluate(rules, HOUSEHOLD.replace("2026-01-20", asOf)).result("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
            assertThat(pm.outcome()).as(asOf).isEqualTo(Outcome.NOT_MODELLED);
            assertThat(pm.notes()).as(asOf).extracting(n -> n.en()).anySatisfy(n -> assertThat(n)
                    .startsWith("The award catalogue names households among those who receive this award but gives no criteria for them"));
        }
    }

    @Test
    void an_enterprise_gets_the_collective_awards_but_not_the_armed_forces_titles() {
        EvaluationResult r = evaluate(rules, """
                asOf: 2026-01-20
                year: 2025
                subject: { id: E-1, kind: ENTERPRISE, ratings: [ { year: 2025, rating: GOOD } ] }
                """);
        assertThat(r.results()).extracting(AwardResult::award).contains("ADVANCED_LABOR_COLLECTIVE", "EXCELLENT_LABOR_COLLECTIVE",
                "GOVERNMENT_EMULATION_FLAG", "UNIT_CERTIFICATE_OF_MERIT", "LABOR_ORDER_THIRD_CLASS",
                "CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION").doesNotContain("ADVANCED_UNIT", "DETERMINED_TO_WIN_UNIT", "ADVANCED_LABORER");
        assertThat(r.subjectKind()).isEqualTo(SubjectKind.ENTERPRISE);
        // Decided from the collective criteria, not answered NOT_MODELLED.
        assertThat(r.result("ADVANCED_LABOR_COLLECTIVE").criteria()).extracting(CriterionOutcome::criterion)
                .contains("COLLECTIVE_RATING_GOOD_OR_BETTER", "ADVANCED_LABORER_SHARE");
        CaseFormatException e = catchThrowableOfType(CaseFormatException.class, () -> evaluate(rules, """
                asOf: 2026-01-20
                year: 2025
                awards: [ADVANCED_UNIT]
                subject: { id: E-1, kind: ENTERPRISE }
                """));
        assertThat(e.getErrors().get(0).field()).isEqualTo("awards[0]");
        assertThat(e.getErrors().get(0).message()).contains("not to a ENTERPRISE");
    }

    @Test
    void collective_criteria_apply_to_an_enterprise_and_no_others_to_a_household() {
        CriterionDefinition collective = rules.compiled("LAW_2022").criteriaOf("UNIT_CERTIFICATE_OF_MERIT").stream()
                .filter(c -> c.subject() == SubjectKind.COLLECTIVE).findFirst().orElseThrow();
        assertThat(collective.appliesTo(SubjectKind.ENTERPRISE)).isTrue();
        assertThat(collective.appliesTo(SubjectKind.HOUSEHOLD)).isFalse();
        assertThat(collective.appliesTo(SubjectKind.PERSON)).isFalse();
        assertThat(rules.compiled("LAW_2022").criteriaOf("UNIT_CERTIFICATE_OF_MERIT", SubjectKind.HOUSEHOLD))
                .extracting(CriterionDefinition::criterion).containsExactly("HOUSEHOLD_CONTRIBUTION_OR_MOVEMENT");
        assertThat(rules.compiled("LAW_2022").criteriaOf("UNIT_CERTIFICATE_OF_MERIT", SubjectKind.ENTERPRISE))
                .extracting(CriterionDefinition::criterion).containsExactlyElementsOf(rules.compiled("LAW_2022")
                        .criteriaOf("UNIT_CERTIFICATE_OF_MERIT", SubjectKind.COLLECTIVE).stream().map(CriterionDefinition::criterion).toList());
        assertThat(rules.compiled("LAW_2022").memberAwardsOf("ADVANCED_LABOR_COLLECTIVE", SubjectKind.ENTERPRISE)).contains("ADVANCED_LABORER");
        assertThat(rules.compiled("LAW_2022").memberAwardsOf("ADVANCED_LABOR_COLLECTIVE", SubjectKind.HOUSEHOLD)).isEmpty();
    }

    @Test
    void an_enterprise_is_a_unit_with_members_for_the_unit_evaluator() {
        CaseDocument enterprise = CaseReader.read("""
                asOf: 2026-01-20
                year: 2025
                subject: { id: E-1, kind: ENTERPRISE }
                """);
        assertThat(UnitCase.of(enterprise, List.of()).unit()).isSameAs(enterprise);
        CaseDocument household = CaseReader.read(HOUSEHOLD);
        assertThatThrownBy(() -> UnitCase.of(household, List.of())).hasMessageContaining("HOUSEHOLD, not a unit");
    }

    /** The repository's rules with a threshold published. */
    static RuleSet published(String parameter, Object value) {
        Map<String, Parameter> parameters = new LinkedHashMap<>(rules.parameters());
        Parameter p = parameters.get(parameter);
        parameters.put(parameter, new Parameter(p.name(), p.description(), p.unit(), p.confidence(), p.file(),
                List.of(new ParameterValue(LocalDate.of(2026, 1, 1), value, "test: published", null, null, false, null))));
        return new RuleSet(rules.version(), rules.directory(), rules.loadedAt(), rules.files(), rules.regimes(), rules.awards(),
                parameters, rules.compiled(), rules.attestations(), rules.campaigns());
    }

    static final String ENTERPRISE_IN_CAMPAIGN = """
            asOf: 2026-01-20
            year: 2025
            awards: [CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION]
            subject:
              id: E-1
              kind: ENTERPRISE
              campaignResults:
                - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: BUSINESSES_AND_INSTITUTES, indicator: REVIEW_SCORE, value: 92 }
            """;

    @Test
    void the_campaign_decides_an_enterprise_on_its_groups_threshold_once_published() {
        AwardResult unpublished = evaluate(rules, ENTERPRISE_IN_CAMPAIGN).result("CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION");
        assertThat(unpublished.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        CriterionOutcome indicators = unpublished.criteria().stream().filter(c -> c.criterion().equals("CAMPAIGN_GROUP_INDICATORS"))
                .findFirst().orElseThrow();
        assertThat(indicators.explanation().en()).contains("Campaign review score (Businesses and research institutes): 92",
                "No value of campaign_innovation_dx.businesses_and_institutes.min_review_score has been published yet");
        assertThat(indicators.explanation().en()).contains("required: Campaign review score (Businesses and research institutes):"
                + " at least a threshold not yet published");
        assertThat(indicators.explanation().vi()).contains("được công bố", "mức chưa công bố trở lên");
        // Another group's threshold changes nothing for it.
        assertThat(evaluate(published("campaign_innovation_dx.individuals.min_review_score", 50), ENTERPRISE_IN_CAMPAIGN)
                .result("CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION").outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        String threshold = "campaign_innovation_dx.businesses_and_institutes.min_review_score";
        assertThat(evaluate(published(threshold, 90), ENTERPRISE_IN_CAMPAIGN).result("CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION")
                .outcome()).isEqualTo(Outcome.ELIGIBLE);
        AwardResult under = evaluate(published(threshold, 92.5), ENTERPRISE_IN_CAMPAIGN).result("CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION");
        assertThat(under.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(under.criteria()).filteredOn(c -> c.criterion().equals("CAMPAIGN_GROUP_INDICATORS")).singleElement()
                .satisfies(c -> assertThat(c.explanation().en()).contains("at least 92.5").doesNotContain("%"));
    }

    @Test
    void an_enterprise_results_in_a_group_that_does_not_admit_it_are_refused() {
        List<vn.laurel.engine.caseformat.FieldError> errors = vn.laurel.engine.caseformat.FactCodes.check(rules,
                CaseReader.read(ENTERPRISE_IN_CAMPAIGN.replace("BUSINESSES_AND_INSTITUTES", "GOVERNMENT_AGENCIES")));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("subject.campaignResults[0].group");
            assertThat(e.message()).isEqualTo("GOVERNMENT_AGENCIES of INNOVATION_DX_2025_2030 is for [COLLECTIVE], not for a ENTERPRISE");
        });
    }

    @Test
    void the_repository_declares_whose_history_counts_for_every_collective_award() {
        rules.awards().values().stream().filter(a -> a.appliesTo(SubjectKind.COLLECTIVE)).forEach(a -> {
            Parameter p = rules.parameters().get(a.code().toLowerCase() + ".predecessor_history");
            assertThat(p).as(a.code()).isNotNull();
            assertThat(p.confidence()).isEqualTo("UNCONFIRMED");
            assertThat(p.resolve(LocalDate.of(2014, 6, 1), null).orElseThrow().value()).isEqualTo("RECEIVING_UNIT");
        });
        assertThat(rules.campaign("INNOVATION_DX_2025_2030").orElseThrow().groups()).extracting("code")
                .containsExactly("GOVERNMENT_AGENCIES", "MASS_ORGANISATIONS", "BUSINESSES_AND_INSTITUTES", "INDIVIDUALS");
    }
}
