package vn.laurel.engine.history;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.CommendationKind;
import vn.laurel.engine.model.InitiativeLevel;
import vn.laurel.engine.model.Rating;

import static org.assertj.core.api.Assertions.assertThat;

class RunsAndWindowsTest {
    static final String CSTDCS = "GRASSROOTS_EMULATION_SOLDIER";

    @Test
    void a_run_of_titles_ends_at_the_year_and_names_the_year_that_breaks_it() {
        History h = Facts.person("P").title(CSTDCS, 2020, 2022, 2023, 2024).history();
        var run = h.consecutiveYearsHolding(CSTDCS, 2024);
        assertThat(run.value()).isEqualTo(3);
        assertThat(run.detail().en()).isEqualTo("2022–2024; 2021 breaks the run");
        assertThat(run.detail().vi()).contains("2022–2024", "năm 2021 làm gián đoạn");
        assertThat(run.evidence()).hasSize(3);
        assertThat(h.consecutiveYearsHolding(CSTDCS, 2025).value()).isEqualTo(0);
    }

    @Test
    void a_revoked_title_counts_for_nothing_and_breaks_the_chain() {
        History h = Facts.person("P").title(CSTDCS, 2022, 2024).revokedTitle(CSTDCS, 2023).history();
        assertThat(h.consecutiveYearsHolding(CSTDCS, 2024).value()).isEqualTo(1);
        assertThat(h.holds(CSTDCS, 2023).value()).isEqualTo(false);
    }

    @Test
    void a_title_decided_in_this_evaluation_counts_for_its_year() {
        History h = Facts.person("P").title(CSTDCS, 2023, 2024).history();
        h.recordDecision(CSTDCS, 2025, Outcome.ELIGIBLE);
        assertThat(h.consecutiveYearsHolding(CSTDCS, 2025).value()).isEqualTo(3);
        assertThat(h.holds(CSTDCS, 2025).evidence()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo("decision"));
    }

    @Test
    void a_decision_awaiting_review_makes_a_dependent_count_need_review_rather_than_fail() {
        History h = Facts.person("P").title(CSTDCS, 2023, 2024).history();
        h.recordDecision(CSTDCS, 2025, Outcome.NEEDS_REVIEW);
        var run = h.consecutiveYearsHolding(CSTDCS, 2025);
        assertThat(run.value()).isEqualTo(0);
        assertThat(run.ifConfirmed()).isEqualTo(3);
        assertThat(run.atLeast(3).status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(run.atLeast(4).status()).isEqualTo(Status.NOT_MET);
        assertThat(h.holds(CSTDCS, 2025).isTrue().status()).isEqualTo(Status.NEEDS_REVIEW);
    }

    @Test
    void a_chain_that_served_for_a_higher_award_starts_again_after_it() {
        History h = Facts.person("P").title(CSTDCS, 2019, 2020, 2021, 2022, 2023)
                .title("MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER", 2021).history();
        assertThat(h.consecutiveYearsHolding(CSTDCS, 2023).value()).isEqualTo(5);
        assertThat(h.consecutiveYearsHoldingAfter(CSTDCS, 2023, "MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER").value()).isEqualTo(2);
    }

    @Test
    void a_year_without_a_rating_breaks_a_run_of_good_years() {
        History h = Facts.person("P").rated(Rating.GOOD, 2019, 2020, 2022, 2023).rated(Rating.EXCELLENT, 2024).history();
        assertThat(h.consecutiveYearsRated(Rating.GOOD, 2024).value()).isEqualTo(3);
        assertThat(h.consecutiveYearsRated(Rating.EXCELLENT, 2024).value()).isEqualTo(1);
        assertThat(h.yearsRated(Rating.GOOD, 2019, 2024).value()).isEqualTo(5);
    }

    @Test
    void the_window_after_a_prior_award_starts_the_year_after_it_and_runs_to_the_evaluation_year() {
        History h = Facts.person("P")
                .commendation("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", CommendationKind.MERIT, 2019)
                .rated(Rating.GOOD, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025)
                .title(CSTDCS, 2019, 2021, 2023, 2025).history();
        AwardWindow w = h.windowAfter("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", 2025, Rating.GOOD);
        assertThat(w.hasPrior().value()).isEqualTo(true);
        assertThat(w.years().value()).isEqualTo(6);
        assertThat(w.years().detail().en()).contains("2020–2025", "after MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT of 2019");
        // The grassroots title of the prior award's own year does not count within the window.
        assertThat(w.yearsHolding(CSTDCS).value()).isEqualTo(3);
    }

    @Test
    void a_year_below_the_bar_inside_the_window_shortens_it_to_the_years_after() {
        History h = Facts.person("P")
                .commendation("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", CommendationKind.MERIT, 2018)
                .rated(Rating.GOOD, 2019, 2020, 2022, 2023, 2024, 2025).rated(Rating.COMPLETED, 2021).history();
        AwardWindow w = h.windowAfter("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", 2025, Rating.GOOD);
        assertThat(w.years().value()).isEqualTo(4);
        assertThat(w.years().atLeast(5).status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void an_ad_hoc_commendation_is_no_prior_award_and_the_latest_merit_one_anchors_the_window() {
        History adHoc = Facts.person("P").commendation("PRIME_MINISTER_CERTIFICATE_OF_MERIT", CommendationKind.AD_HOC, 2018)
                .rated(Rating.GOOD, 2019, 2020, 2021, 2022, 2023).history();
        AwardWindow none = adHoc.windowAfter("PRIME_MINISTER_CERTIFICATE_OF_MERIT", 2023, Rating.GOOD);
        assertThat(none.hasPrior().isTrue().status()).isEqualTo(Status.NOT_MET);
        assertThat(none.years().value()).isEqualTo(0);

        History twice = Facts.person("P").commendation("X", CommendationKind.MERIT, 2015).commendation("X", CommendationKind.MERIT, 2020)
                .rated(Rating.GOOD, 2016, 2017, 2018, 2019, 2020, 2021, 2022).history();
        assertThat(twice.windowAfter("X", 2022, Rating.GOOD).years().value()).isEqualTo(2);
        assertThat(twice.windowAfter("X", 2022, Rating.GOOD, "EARLIEST").years().value()).isEqualTo(7);
    }

    @Test
    void a_higher_initiative_level_satisfies_a_lower_requirement() {
        History h = Facts.person("P").initiative(2024, InitiativeLevel.NATIONAL, 200_000_000L)
                .initiative(2025, InitiativeLevel.GRASSROOTS, 50_000_000L).history();
        assertThat(h.initiativesIn(2024, 2025, InitiativeLevel.GRASSROOTS).value()).isEqualTo(2);
        assertThat(h.initiativesIn(2024, 2025, InitiativeLevel.MINISTERIAL_PROVINCIAL).value()).isEqualTo(1);
        assertThat(h.initiativesIn(2025, InitiativeLevel.MINISTERIAL_PROVINCIAL).value()).isEqualTo(0);
        assertThat(h.largestInitiativeBenefit(2024, 2025).value()).isEqualTo(200_000_000L);
        assertThat(h.totalInitiativeBenefit(2024, 2025).value()).isEqualTo(250_000_000L);
        assertThat(h.consecutiveYearsWithInitiatives(InitiativeLevel.GRASSROOTS, 2025).value()).isEqualTo(2);
    }

    @Test
    void a_cluster_ranking_decides_leadership_before_any_attestation() {
        assertThat(Facts.unit("U").ranked(2025, 1).attested("LEADS_EMULATION_CLUSTER", 2025, false).history()
                .leadsCluster(2025).value()).isEqualTo(true);
        assertThat(Facts.unit("U").ranked(2025, 2).history().leadsCluster(2025).value()).isEqualTo(false);
        assertThat(Facts.unit("U").attested("LEADS_EMULATION_CLUSTER", 2025, true).history().leadsCluster(2025).value()).isEqualTo(true);
        assertThat(Facts.unit("U").history().leadsCluster(2025).attested().status()).isEqualTo(Status.NEEDS_REVIEW);
    }

    @Test
    void a_ranking_that_says_who_leads_decides_by_it_not_by_rank() {
        // A cluster review designated the second unit when the first failed the flag's criteria.
        assertThat(Facts.unit("U").ranked(2025, 2, true).history().leadsCluster(2025).value()).isEqualTo(true);
        assertThat(Facts.unit("U").ranked(2025, 1, false).history().leadsCluster(2025).value()).isEqualTo(false);
        assertThat(Facts.unit("U").ranked(2025, 1, false).history().leadsCluster(2025).evidence().get(0).summary())
                .contains("does not lead");
        assertThat(Facts.unit("U").ranked(2024, 1, true).history().leadsCluster(2025).attested().status()).isEqualTo(Status.NEEDS_REVIEW);
    }
}
