package vn.laurel.engine.history;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.*;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTest {
    static Subject person(LocalDate hiredOn, List<RatingFact> ratings, List<DisciplineFact> disciplines,
                          List<AbsenceFact> absences, List<AttestationFact> attestations) {
        return new Subject("P-1", SubjectKind.PERSON, "Test", null, hiredOn, null, null, null, null,
                ratings, null, null, null, disciplines, absences, attestations, null, null, null);
    }

    static DisciplineFact decided(DisciplineForm form, String on, String until) {
        return new DisciplineFact(form, null, LocalDate.parse(on), until == null ? null : LocalDate.parse(until), null, "d1", "test");
    }

    @Test
    void a_year_without_a_rating_is_not_rated_and_meets_no_rating_requirement() {
        History h = new History(person(null, List.of(new RatingFact(2024, Rating.EXCELLENT, "r", "s")), null, null, null));
        assertThat(h.ratingIn(2025).value()).isEqualTo(Rating.NOT_RATED);
        assertThat(h.ratingIn(2025).atLeast(Rating.COMPLETED).status()).isEqualTo(Status.NOT_MET);
        assertThat(h.ratingIn(2024).atLeast(Rating.GOOD).status()).isEqualTo(Status.MET);
        assertThat(h.ratingIn(2024).evidence()).extracting("factId").containsExactly("r");
    }

    @Test
    void service_is_counted_in_whole_months_to_the_end_of_the_year() {
        assertThat(new History(person(LocalDate.of(2025, 7, 1), null, null, null, null)).monthsOfServiceAtEndOf(2025).value()).isEqualTo(6);
        assertThat(new History(person(LocalDate.of(2025, 7, 2), null, null, null, null)).monthsOfServiceAtEndOf(2025).value()).isEqualTo(5);
        assertThat(new History(person(LocalDate.of(2026, 2, 1), null, null, null, null)).monthsOfServiceAtEndOf(2025).value()).isEqualTo(0);
    }

    @Test
    void an_unknown_start_date_is_a_data_gap_that_needs_review() {
        History h = new History(person(null, null, null, null, null));
        assertThat(h.monthsOfServiceAtEndOf(2025).atLeast(6).status()).isEqualTo(Status.NEEDS_REVIEW);
    }

    @Test
    void a_discipline_touches_the_years_its_term_overlaps() {
        History h = new History(person(null, null, List.of(decided(DisciplineForm.WARNING, "2024-09-01", "2025-09-01")), null, null));
        assertThat(h.disciplinesAffecting(2024, DisciplineForm.REPRIMAND).value()).isEqualTo(1);
        assertThat(h.disciplinesAffecting(2025, DisciplineForm.REPRIMAND).value()).isEqualTo(1);
        assertThat(h.disciplinesAffecting(2026, DisciplineForm.REPRIMAND).value()).isEqualTo(0);
        assertThat(h.disciplinesAffecting(2023, DisciplineForm.REPRIMAND).value()).isEqualTo(0);
    }

    @Test
    void a_discipline_without_an_end_date_touches_only_the_year_it_was_decided() {
        History h = new History(person(null, null, List.of(decided(DisciplineForm.REPRIMAND, "2024-12-30", null)), null, null));
        assertThat(h.disciplinesAffecting(2024, DisciplineForm.REPRIMAND).value()).isEqualTo(1);
        assertThat(h.disciplinesAffecting(2025, DisciplineForm.REPRIMAND).value()).isEqualTo(0);
    }

    @Test
    void only_forms_at_least_as_heavy_as_the_threshold_count() {
        History h = new History(person(null, null, List.of(decided(DisciplineForm.REPRIMAND, "2025-02-01", "2025-08-01")), null, null));
        assertThat(h.disciplinesAffecting(2025, DisciplineForm.REPRIMAND).value()).isEqualTo(1);
        assertThat(h.disciplinesAffecting(2025, DisciplineForm.WARNING).value()).isEqualTo(0);
        assertThat(h.disciplinesAffecting(2025, "WARNING").value()).isEqualTo(0);
    }

    @Test
    void a_pending_matter_counts_only_once_it_has_opened() {
        DisciplineFact pending = new DisciplineFact(null, DisciplineStatus.PENDING, null, null, LocalDate.of(2025, 11, 2), "x", "s");
        History h = new History(person(null, null, List.of(pending), null, null));
        assertThat(h.pendingMattersOn(LocalDate.of(2026, 1, 15)).value()).isEqualTo(1);
        assertThat(h.pendingMattersOn(LocalDate.of(2025, 11, 1)).value()).isEqualTo(0);
        assertThat(h.pendingMattersOn(LocalDate.of(2026, 1, 15)).noneElseReview().status()).isEqualTo(Status.NEEDS_REVIEW);
        // A pending matter is not a decided discipline.
        assertThat(h.disciplinesAffecting(2025, DisciplineForm.REPRIMAND).value()).isEqualTo(0);
    }

    @Test
    void absences_of_a_year_add_up() {
        History h = new History(person(null, null, null,
                List.of(new AbsenceFact(2025, 20, "a", "s"), new AbsenceFact(2025, 19, "b", "s"), new AbsenceFact(2024, 90, "c", "s")), null));
        assertThat(h.absenceDaysIn(2025).value()).isEqualTo(39);
        assertThat(h.absenceDaysIn(2025).lessThan(40).status()).isEqualTo(Status.MET);
        assertThat(h.absenceDaysIn(2025).evidence()).hasSize(2);
    }

    @Test
    void the_latest_attestation_of_a_criterion_wins_and_none_needs_review() {
        History h = new History(person(null, null, null, null, List.of(
                new AttestationFact(2025, "EMULATION_PARTICIPATION", true, "A", null, "1", "s"),
                new AttestationFact(2025, "EMULATION_PARTICIPATION", false, "B", null, "2", "s"))));
        assertThat(h.attestation("EMULATION_PARTICIPATION", 2025).attested().status()).isEqualTo(Status.NOT_MET);
        assertThat(h.attestation("EMULATION_PARTICIPATION", 2024).attested().status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(h.attestation("INTERNAL_UNITY", 2025).value()).isNull();
    }
}
