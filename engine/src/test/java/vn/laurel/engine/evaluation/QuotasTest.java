package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.history.History;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.policy.ParameterValue;

import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

class QuotasTest {
    static final String CSTDCS = "GRASSROOTS_EMULATION_SOLDIER";
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    static Parameter param(String name, Object value) {
        return new Parameter(name, null, null, "VERIFIED", "parameters/q.yaml",
                List.of(new ParameterValue(LocalDate.of(2000, 1, 1), value, "test", null, null)));
    }

    static Quotas.Candidate candidate(String id, Rating rating, int initiatives, Outcome outcome) {
        List<InitiativeFact> ini = new ArrayList<>();
        for (int i = 0; i < initiatives; i++) ini.add(new InitiativeFact(2025, InitiativeLevel.GRASSROOTS, null, null, null, id + i, "t"));
        Subject s = new Subject(id, SubjectKind.PERSON, id, null, LocalDate.of(2010, 1, 1), null, null, null, null,
                List.of(new RatingFact(2025, rating, null, null)), null, null, ini, null, null, null, null, null, null);
        History h = new History(s);
        h.recordDecision("ADVANCED_LABORER", 2025, Outcome.ELIGIBLE);
        return new Quotas.Candidate(h, new AwardResult(CSTDCS, new Localized("v", "e"), outcome, List.of(), List.of()));
    }

    List<Quotas.Candidate> tenAdvancedLaborersSixCandidates() {
        List<Quotas.Candidate> pop = new ArrayList<>();
        pop.add(candidate("P-06", Rating.GOOD, 1, Outcome.ELIGIBLE));
        pop.add(candidate("P-02", Rating.EXCELLENT, 0, Outcome.ELIGIBLE));
        pop.add(candidate("P-01", Rating.EXCELLENT, 2, Outcome.ELIGIBLE));
        pop.add(candidate("P-03", Rating.EXCELLENT, 0, Outcome.ELIGIBLE));
        pop.add(candidate("P-04", Rating.GOOD, 3, Outcome.ELIGIBLE));
        pop.add(candidate("P-05", Rating.GOOD, 1, Outcome.ELIGIBLE));
        for (int i = 7; i <= 10; i++) pop.add(candidate("P-" + String.format("%02d", i), Rating.GOOD, 0, Outcome.NOT_ELIGIBLE));
        return pop;
    }

    @Test
    void candidates_beyond_a_fifteen_percent_cap_are_eligible_subject_to_quota_in_a_transparent_order() {
        Map<String, Parameter> params = Map.of(
                "quota." + CSTDCS + ".cap_pct", param("quota." + CSTDCS + ".cap_pct", 15),
                "quota." + CSTDCS + ".cap_base", param("quota." + CSTDCS + ".cap_base", "ADVANCED_LABORER"));
        List<ParameterUse> used = new ArrayList<>();
        List<AwardResult> out = Quotas.apply(CSTDCS, 2025, tenAdvancedLaborersSixCandidates(), params, AS_OF, null, used);
        // 15 % of 10 advanced laborers = 1.5, rounded down: one place.
        Map<String, AwardResult> byId = new LinkedHashMap<>();
        List<Quotas.Candidate> pop = tenAdvancedLaborersSixCandidates();
        for (int i = 0; i < out.size(); i++) byId.put(pop.get(i).history().getId(), out.get(i));
        assertThat(byId.get("P-01").outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(byId.get("P-01").quota().rank()).isEqualTo(1);
        assertThat(byId.get("P-01").quota().allowed()).isEqualTo(1);
        assertThat(byId.get("P-01").quota().candidates()).isEqualTo(6);
        // EXCELLENT before GOOD; among equals, more initiatives first; then by id.
        assertThat(byId.get("P-02").quota().rank()).isEqualTo(2);
        assertThat(byId.get("P-03").quota().rank()).isEqualTo(3);
        assertThat(byId.get("P-04").quota().rank()).isEqualTo(4);
        assertThat(byId.get("P-05").quota().rank()).isEqualTo(5);
        assertThat(byId.get("P-06").quota().rank()).isEqualTo(6);
        assertThat(List.of("P-02", "P-03", "P-04", "P-05", "P-06"))
                .allSatisfy(id -> assertThat(byId.get(id).outcome()).isEqualTo(Outcome.ELIGIBLE_SUBJECT_TO_QUOTA));
        assertThat(byId.get("P-07").outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(byId.get("P-07").quota()).isNull();
        assertThat(used).extracting(ParameterUse::name).contains("quota." + CSTDCS + ".cap_pct");
    }

    @Test
    void rounding_and_an_absolute_cap_are_policy_choices() {
        Map<String, Parameter> round = Map.of(
                "quota." + CSTDCS + ".cap_pct", param("quota." + CSTDCS + ".cap_pct", 15),
                "quota." + CSTDCS + ".cap_base", param("quota." + CSTDCS + ".cap_base", "ADVANCED_LABORER"),
                "quota." + CSTDCS + ".rounding", param("quota." + CSTDCS + ".rounding", "ROUND"));
        long eligible = Quotas.apply(CSTDCS, 2025, tenAdvancedLaborersSixCandidates(), round, AS_OF, null, new ArrayList<>())
                .stream().filter(r -> r.outcome() == Outcome.ELIGIBLE).count();
        assertThat(eligible).isEqualTo(2);

        Map<String, Parameter> absolute = Map.of("quota." + CSTDCS + ".cap_count", param("quota." + CSTDCS + ".cap_count", 4));
        long within = Quotas.apply(CSTDCS, 2025, tenAdvancedLaborersSixCandidates(), absolute, AS_OF, null, new ArrayList<>())
                .stream().filter(r -> r.outcome() == Outcome.ELIGIBLE).count();
        assertThat(within).isEqualTo(4);
    }

    @Test
    void without_a_cap_in_force_nobody_is_held_back() {
        Map<String, Parameter> none = Map.of("quota." + CSTDCS + ".cap_pct", param("quota." + CSTDCS + ".cap_pct", "NONE"));
        assertThat(Quotas.apply(CSTDCS, 2025, tenAdvancedLaborersSixCandidates(), none, AS_OF, null, new ArrayList<>()))
                .filteredOn(r -> r.outcome() == Outcome.ELIGIBLE).hasSize(6);
        assertThat(Quotas.apply(CSTDCS, 2025, tenAdvancedLaborersSixCandidates(), Map.of(), AS_OF, null, new ArrayList<>()))
                .allSatisfy(r -> assertThat(r.quota()).isNull());
    }

    static Parameter dated(String name, ParameterValue... values) {
        return new Parameter(name, null, null, "UNCONFIRMED", "parameters/quota-ranking.yaml", List.of(values));
    }

    Map<String, Parameter> fifteenPercentOfAdvancedLaborers(Parameter... more) {
        Map<String, Parameter> params = new HashMap<>();
        params.put("quota." + CSTDCS + ".cap_pct", param("quota." + CSTDCS + ".cap_pct", 15));
        params.put("quota." + CSTDCS + ".cap_base", param("quota." + CSTDCS + ".cap_base", "ADVANCED_LABORER"));
        for (Parameter p : more) params.put(p.name(), p);
        return params;
    }

    static Map<String, AwardResult> byId(List<Quotas.Candidate> pop, List<AwardResult> out) {
        Map<String, AwardResult> byId = new LinkedHashMap<>();
        for (int i = 0; i < out.size(); i++) byId.put(pop.get(i).history().getId(), out.get(i));
        return byId;
    }

    @Test
    void the_ranking_weights_are_dated_parameters_and_an_organisation_may_set_its_own() {
        LocalDate from = LocalDate.of(2000, 1, 1);
        // Nationally a grassroots initiative weighs 1; organisation ORG counts none (weight 0) from 2026.
        Parameter grassroots = dated("quota.ranking.grassroots_initiative_weight",
                new ParameterValue(from, 1, "national", null, null),
                new ParameterValue(LocalDate.of(2026, 1, 1), 0, "ORG's own rules", "ORG", null));
        Map<String, Parameter> params = fifteenPercentOfAdvancedLaborers(grassroots);
        // Two GOOD candidates: P-01 without initiatives, P-02 with two.
        List<Quotas.Candidate> pop = List.of(candidate("P-01", Rating.GOOD, 0, Outcome.ELIGIBLE),
                candidate("P-02", Rating.GOOD, 2, Outcome.ELIGIBLE));

        List<ParameterUse> national = new ArrayList<>();
        Map<String, AwardResult> nationally = byId(pop, Quotas.apply(CSTDCS, 2025, pop, params, AS_OF, null, national));
        assertThat(nationally.get("P-02").quota().rank()).isEqualTo(1); // the initiatives count
        assertThat(national).filteredOn(u -> u.name().equals("quota.ranking.grassroots_initiative_weight"))
                .singleElement().satisfies(u -> {
                    assertThat(u.value()).isEqualTo(1);
                    assertThat(u.scope()).isEqualTo("national");
                });

        List<ParameterUse> own = new ArrayList<>();
        Map<String, AwardResult> inOrg = byId(pop, Quotas.apply(CSTDCS, 2025, pop, params, AS_OF, new Organisation("ORG", null), own));
        assertThat(inOrg.get("P-01").quota().rank()).isEqualTo(1); // they weigh nothing: the subject id decides the tie
        assertThat(inOrg.get("P-01").quota().rankedBy().get(1))
                .isEqualTo("initiatives recognised in the year (national 3, ministerial/provincial 2, grassroots 0)");
        assertThat(own).filteredOn(u -> u.name().equals("quota.ranking.grassroots_initiative_weight"))
                .singleElement().satisfies(u -> assertThat(u.scope()).isEqualTo("organisation ORG"));
    }

    @Test
    void a_weight_changes_the_order_where_it_weighs() {
        // Two GOOD candidates, P-01 with one grassroots initiative, P-02 with none: the weight decides between them.
        LocalDate from = LocalDate.of(2000, 1, 1);
        List<Quotas.Candidate> pop = new ArrayList<>();
        pop.add(candidate("P-01", Rating.GOOD, 1, Outcome.ELIGIBLE));
        pop.add(candidate("P-02", Rating.GOOD, 0, Outcome.ELIGIBLE));
        Map<String, Parameter> params = fifteenPercentOfAdvancedLaborers(
                dated("quota.ranking.grassroots_initiative_weight", new ParameterValue(from, 0, "test", null, null)));
        Map<String, AwardResult> none = byId(pop, Quotas.apply(CSTDCS, 2025, pop, params, AS_OF, null, new ArrayList<>()));
        assertThat(none.get("P-01").quota().rank()).isEqualTo(1); // a tie: the subject id decides
        pop = List.of(candidate("P-01", Rating.GOOD, 1, Outcome.ELIGIBLE), candidate("P-02", Rating.GOOD, 0, Outcome.ELIGIBLE));
        params = fifteenPercentOfAdvancedLaborers(
                dated("quota.ranking.grassroots_initiative_weight", new ParameterValue(from, -1, "test", null, null)));
        Map<String, AwardResult> negative = byId(pop, Quotas.apply(CSTDCS, 2025, pop, params, AS_OF, null, new ArrayList<>()));
        assertThat(negative.get("P-02").quota().rank()).isEqualTo(1); // an initiative now counts against: P-02 first
    }

    @Test
    void rule_versions_without_the_ranking_parameters_rank_as_they_did() {
        List<ParameterUse> used = new ArrayList<>();
        List<Quotas.Candidate> pop = tenAdvancedLaborersSixCandidates();
        Map<String, AwardResult> out = byId(pop, Quotas.apply(CSTDCS, 2025, pop, fifteenPercentOfAdvancedLaborers(), AS_OF, null, used));
        assertThat(out.get("P-01").quota().rankedBy()).containsExactly("rating in the year (EXCELLENT first)",
                "initiatives recognised in the year (national 3, ministerial/provincial 2, grassroots 1)", "subject id");
        assertThat(used).extracting(ParameterUse::name).noneMatch(n -> n.startsWith("quota.ranking."));
    }
}
