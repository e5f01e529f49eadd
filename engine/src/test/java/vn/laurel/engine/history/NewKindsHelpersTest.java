package vn.laurel.engine.history;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.model.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The history helpers of issue 21: households, campaigns, the new standard, young units, thematic commendations. */
class NewKindsHelpersTest {
    private static Subject subject(SubjectKind kind, LocalDate establishedOn, List<ContributionFact> contributions,
                                   List<CampaignResultFact> results, List<AttestationFact> attestations,
                                   List<CommendationFact> commendations, List<Predecessor> predecessors) {
        return new Subject("S-1", kind, "S", null, null, null, null, null, null, List.of(), List.of(), commendations,
                List.of(), List.of(), List.of(), attestations, List.of(), List.of(), null, null, establishedOn, contributions,
                results, predecessors, List.of());
    }

    private static History household(ContributionFact... contributions) {
        return new History(subject(SubjectKind.HOUSEHOLD, null, List.of(contributions), List.of(), List.of(), List.of(), List.of()));
    }

    private static CampaignResultFact result(String campaign, int year, String indicator, String value) {
        return new CampaignResultFact(campaign, year, "G", indicator, new BigDecimal(value), "cr:" + year + indicator, "test");
    }

    @Test
    void contributions_are_counted_in_their_year_with_their_evidence() {
        History h = household(new ContributionFact(2025, ContributionKind.LAND, 1L, "đất", "c1", "s"),
                new ContributionFact(2025, ContributionKind.WORK, null, "ngày công", "c2", "s"),
                new ContributionFact(2024, ContributionKind.ASSETS, 5L, "tiền", "c3", "s"));
        Measure m = h.contributionsIn(2025);
        assertThat(m.value()).isEqualTo(2);
        assertThat(m.evidence()).extracting("factId").containsExactly("c1", "c2");
        assertThat(h.contributionsIn(2023).value()).isEqualTo(0);
        assertThat(h.isHousehold()).isTrue();
        assertThat(h.isCollective()).isFalse();
    }

    @Test
    void an_enterprise_is_a_collective_and_a_household_is_not() {
        assertThat(new History(subject(SubjectKind.ENTERPRISE, null, List.of(), List.of(), List.of(), List.of(), List.of())).isCollective()).isTrue();
        assertThat(new History(subject(SubjectKind.ENTERPRISE, null, List.of(), List.of(), List.of(), List.of(), List.of())).isEnterprise()).isTrue();
        assertThat(new History(subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(), List.of(), List.of(), List.of())).isEnterprise()).isFalse();
    }

    @Test
    void campaign_results_are_read_by_campaign_year_and_indicator_the_latest_recorded_winning() {
        History h = new History(subject(SubjectKind.ENTERPRISE, null, List.of(), List.of(
                result("C1", 2025, "SCORE", "70"), result("C1", 2025, "SCORE", "85.5"), result("C2", 2025, "SCORE", "10"),
                result("C1", 2026, "OTHER", "1")), List.of(), List.of(), List.of()));
        assertThat(h.inCampaign("C1", 2025).value()).isEqualTo(true);
        assertThat(h.inCampaign("C1", 2024).value()).isEqualTo(false);
        assertThat(h.inCampaign("C3", 2025).value()).isEqualTo(false);
        Measure score = h.campaignResult("C1", "SCORE", 2025);
        assertThat(score.value()).isEqualTo(new BigDecimal("85.5"));
        assertThat(score.atLeast(85).status()).isEqualTo(Status.MET);
        assertThat(h.campaignResult("C1", "SCORE", 2026).value()).isNull();
        assertThat(h.campaignResult("C1", "SCORE", 2026).atLeast(1).status()).isEqualTo(Status.NEEDS_REVIEW);
    }

    @Test
    void leading_in_innovation_is_attested_or_a_campaign_result_of_one_or_more() {
        String code = "LEADS_INNOVATION_DIGITAL_TRANSFORMATION";
        History none = new History(subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(none.leadsInnovation(2026).value()).isNull();
        History attested = new History(subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(),
                List.of(new AttestationFact(2026, code, true, null, null, "a1", "s")), List.of(), List.of()));
        assertThat(attested.leadsInnovation(2026).value()).isEqualTo(true);
        assertThat(attested.leadsInnovation(2025).value()).isNull();
        History byResult = new History(subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(result("C1", 2026, code, "1")),
                List.of(new AttestationFact(2026, code, false, null, null, "a1", "s")), List.of(), List.of()));
        assertThat(byResult.leadsInnovation(2026).value()).isEqualTo(true);
        assertThat(byResult.leadsInnovation(2026).evidence()).extracting("factId").containsExactly("cr:2026" + code);
        History notLeading = new History(subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(result("C1", 2026, code, "0")),
                List.of(), List.of(), List.of()));
        assertThat(notLeading.leadsInnovation(2026).value()).isEqualTo(false);
        assertThat(notLeading.leadsInnovation(2026).isTrue().status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void a_units_age_counts_whole_months_from_its_founding_and_is_unknown_without_it() {
        History founded = new History(subject(SubjectKind.COLLECTIVE, LocalDate.of(2026, 1, 16), List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(founded.unitAgeMonthsOn(LocalDate.of(2027, 1, 15)).value()).isEqualTo(11);
        assertThat(founded.unitAgeMonthsOn(LocalDate.of(2027, 1, 16)).value()).isEqualTo(12);
        assertThat(founded.unitAgeMonthsOn(LocalDate.of(2025, 1, 1)).value()).isEqualTo(0);
        assertThat(founded.unitAgeMonthsOn(LocalDate.of(2027, 1, 15)).atLeastLimit(12).status()).isEqualTo(Status.NOT_MET);
        assertThat(founded.unitAgeMonthsOn(LocalDate.of(2027, 1, 15)).atLeastLimit(null).status()).isEqualTo(Status.MET);
        History unknown = new History(subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(unknown.unitAgeMonthsOn(LocalDate.of(2027, 1, 15)).atLeastLimit(12).status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(unknown.unitAgeMonthsOn(LocalDate.of(2027, 1, 15)).atLeastLimit(null).status()).isEqualTo(Status.MET);
    }

    @Test
    void formed_by_a_merger_means_a_unit_merged_into_it_since_its_founding_and_by_the_proposal() {
        Subject shell = subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(), List.of(), List.of(), List.of());
        Predecessor merged = new Predecessor(UnitEventKind.MERGED_INTO, LocalDate.of(2026, 6, 1), 5, false, shell, "ev:1", "s");
        Predecessor split = new Predecessor(UnitEventKind.SPLIT_FROM, LocalDate.of(2026, 6, 1), 5, false, shell, "ev:2", "s");
        Predecessor renamed = new Predecessor(UnitEventKind.RENAMED, LocalDate.of(2026, 6, 1), null, null, shell, "ev:3", "s");
        LocalDate founded = LocalDate.of(2026, 6, 1);
        LocalDate proposal = LocalDate.of(2027, 1, 15);
        assertThat(new History(subject(SubjectKind.COLLECTIVE, founded, List.of(), List.of(), List.of(), List.of(), List.of(merged)))
                .formedByMerger(proposal).value()).isEqualTo(true);
        assertThat(new History(subject(SubjectKind.COLLECTIVE, founded, List.of(), List.of(), List.of(), List.of(), List.of(merged)))
                .formedByMerger(proposal).evidence()).extracting("factId").containsExactly("ev:1");
        assertThat(new History(subject(SubjectKind.COLLECTIVE, founded, List.of(), List.of(), List.of(), List.of(), List.of(split, renamed)))
                .formedByMerger(proposal).value()).isEqualTo(false);
        // A merger before the unit's own founding day is another unit's history.
        assertThat(new History(subject(SubjectKind.COLLECTIVE, LocalDate.of(2026, 7, 1), List.of(), List.of(), List.of(), List.of(),
                List.of(merged))).formedByMerger(proposal).value()).isEqualTo(false);
        assertThat(new History(subject(SubjectKind.COLLECTIVE, null, List.of(), List.of(), List.of(), List.of(), List.of(merged)))
                .formedByMerger(proposal).value()).isEqualTo(true);
        // A merger after the proposal had not happened when the unit was proposed; one on the day itself had.
        Predecessor later = new Predecessor(UnitEventKind.MERGED_INTO, LocalDate.of(2028, 3, 1), 5, false, shell, "ev:4", "s");
        History withLater = new History(subject(SubjectKind.COLLECTIVE, founded, List.of(), List.of(), List.of(), List.of(), List.of(later)));
        assertThat(withLater.formedByMerger(proposal).value()).isEqualTo(false);
        assertThat(withLater.formedByMerger(proposal).evidence()).isEmpty();
        assertThat(withLater.formedByMerger(LocalDate.of(2028, 3, 1)).value()).isEqualTo(true);
    }

    @Test
    void thematic_movement_ad_hoc_and_thematic_commendations_are_never_a_prior_merit_award() {
        String mp = "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT";
        for (CommendationKind kind : CommendationKind.values()) {
            History h = new History(subject(SubjectKind.PERSON, null, List.of(), List.of(), List.of(),
                    List.of(new CommendationFact(2021, mp, kind, null, null, false, "c", "s")), List.of()));
            boolean merit = kind == CommendationKind.MERIT;
            assertThat(h.holds(mp, 2021).value()).as(kind.name()).isEqualTo(merit);
            assertThat(h.timesHeld(mp, 2025).value()).as(kind.name()).isEqualTo(merit ? 1 : 0);
            assertThat(h.windowAfter(mp, 2025, Rating.GOOD).hasPrior().value()).as(kind.name()).isEqualTo(merit);
            assertThat(h.runWithPrior(mp, 2025, Rating.GOOD).hasPrior().value()).as(kind.name()).isEqualTo(merit);
            assertThat(kind.countsAsPriorMerit()).isEqualTo(merit);
        }
    }
}
