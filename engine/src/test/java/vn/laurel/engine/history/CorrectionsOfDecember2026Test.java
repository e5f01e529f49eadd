package vn.laurel.engine.history;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.CommendationKind;
import vn.laurel.engine.model.Rating;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counting helpers behind the catalogue's corrections of December 2026. */
class CorrectionsOfDecember2026Test {
    static final String BK = "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT";
    static final String CSTDCS = "GRASSROOTS_EMULATION_SOLDIER";

    @Test
    void the_run_with_a_prior_award_may_include_the_awards_own_year() {
        // Ministry of Home Affairs, answer 71926: certificate 2021, GOOD 2020–2024, titles 2020–2022.
        History h = Facts.person("P").rated(Rating.GOOD, 2020, 2021, 2022, 2023, 2024).title(CSTDCS, 2020, 2021, 2022)
                .commendation(BK, CommendationKind.MERIT, 2021).history();
        AwardWindow run = h.runWithPrior(BK, 2024, Rating.GOOD);
        assertThat(run.prior()).isEqualTo(2021);
        assertThat(run.from()).isEqualTo(2020);
        assertThat(run.years().value()).isEqualTo(5);
        assertThat(run.yearsHolding(CSTDCS).value()).isEqualTo(3);
        assertThat(run.years().detail().en()).isEqualTo("2020–2024, with " + BK + " of 2021");
        // The old reading starts after the certificate: 2022–2024, one title.
        AwardWindow after = h.window(BK, 2024, Rating.GOOD, "LATEST", true);
        assertThat(after.years().value()).isEqualTo(3);
        assertThat(after.yearsHolding(CSTDCS).value()).isEqualTo(1);
        assertThat(h.window(BK, 2024, Rating.GOOD, "LATEST", false)).isEqualTo(run);
    }

    @Test
    void the_run_needs_a_merit_award_received_not_merely_found_eligible_now() {
        History thematic = Facts.person("P").rated(Rating.GOOD, 2020, 2021, 2022, 2023, 2024)
                .commendation(BK, CommendationKind.THEMATIC, 2021).history();
        assertThat(thematic.runWithPrior(BK, 2024, Rating.GOOD).hasPrior().value()).isEqualTo(false);
        History decidedNow = Facts.person("P").rated(Rating.GOOD, 2020, 2021, 2022, 2023, 2024).history();
        decidedNow.recordDecision(BK, 2024, Outcome.ELIGIBLE);
        assertThat(decidedNow.runWithPrior(BK, 2024, Rating.GOOD).prior()).isNull();
        History later = Facts.person("P").rated(Rating.GOOD, 2020, 2021, 2022, 2023, 2024)
                .commendation(BK, CommendationKind.MERIT, 2025).history();
        assertThat(later.runWithPrior(BK, 2024, Rating.GOOD).prior()).as("received after the evaluation year").isNull();
    }

    @Test
    void contract_work_before_recruitment_adds_to_the_months_of_service() {
        History h = Facts.person("P").hired("2025-08-01").contractSince("2025-07-01").history();
        assertThat(h.monthsOfServiceAtEndOf(2025).value()).isEqualTo(5);
        Measure counting = h.monthsOfServiceCountingContractAtEndOf(2025);
        assertThat(counting.value()).isEqualTo(6);
        assertThat(counting.detail().en()).contains("2025-07-01");
        assertThat(Facts.person("P").hired("2025-08-01").history().monthsOfServiceCountingContractAtEndOf(2025).value()).isEqualTo(5);
    }

    @Test
    void a_limit_switched_off_is_met_and_says_so() {
        Measure days = new Measure(60, List.of());
        assertThat(days.lessThanLimit(null).status()).isEqualTo(Status.MET);
        assertThat(days.lessThanLimit(null).required().operator()).isEqualTo(Requirement.Operator.NO_LIMIT);
        assertThat(days.lessThanLimit(40).status()).isEqualTo(Status.NOT_MET);
        assertThat(new Measure(39, List.of()).lessThanLimit(40).status()).isEqualTo(Status.MET);
        assertThat(days.lessThanLimit(Double.NaN).status()).isEqualTo(Status.NOT_MET); // the evaluation then marks it for review
    }
}
