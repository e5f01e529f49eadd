package vn.laurel.engine.history;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.DisciplineForm;
import vn.laurel.engine.model.Rating;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MembersTest {
    static History member(String id, Outcome advancedLaborer) {
        History h = Facts.person(id).rated(Rating.GOOD, 2025).history();
        h.recordDecision("ADVANCED_LABORER", 2025, advancedLaborer);
        return h;
    }

    @Test
    void the_share_of_members_holding_a_title_counts_this_evaluations_decisions() {
        History unit = new History(Facts.unit("U").subject(), List.of(
                member("A", Outcome.ELIGIBLE), member("B", Outcome.ELIGIBLE), member("C", Outcome.NOT_ELIGIBLE)));
        var share = unit.members().share("ADVANCED_LABORER", 2025);
        assertThat((double) share.value()).isEqualTo(2 / 3.0);
        assertThat(share.detail().en()).isEqualTo("2 of 3 members");
        assertThat(share.moreThan(0.5).status()).isEqualTo(Status.MET);
        assertThat(share.atLeast(0.7).status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void a_member_awaiting_review_can_make_the_unit_need_review_instead_of_failing() {
        History unit = new History(Facts.unit("U").subject(), List.of(
                member("A", Outcome.ELIGIBLE), member("B", Outcome.NEEDS_REVIEW), member("C", Outcome.NOT_ELIGIBLE),
                member("D", Outcome.NOT_ELIGIBLE)));
        assertThat(unit.members().share("ADVANCED_LABORER", 2025).moreThan(0.5).status()).isEqualTo(Status.NOT_MET);
        assertThat(unit.members().share("ADVANCED_LABORER", 2025).atLeast(0.5).status()).isEqualTo(Status.NEEDS_REVIEW);
    }

    @Test
    void a_member_award_the_rules_cannot_decide_leaves_the_share_open_rather_than_failing() {
        History unit = new History(Facts.unit("U").subject(), List.of(
                member("A", Outcome.NOT_MODELLED), member("B", Outcome.NOT_MODELLED), member("C", Outcome.NOT_MODELLED)));
        assertThat(unit.members().share("ADVANCED_LABORER", 2025).moreThan(0.5).status()).isEqualTo(Status.NEEDS_REVIEW);
    }

    @Test
    void new_hires_can_be_left_out_of_the_denominator() {
        History newHire = Facts.person("N").hired("2025-09-01").history();
        newHire.recordDecision("ADVANCED_LABORER", 2025, Outcome.NOT_ELIGIBLE);
        History unit = new History(Facts.unit("U").subject(), List.of(member("A", Outcome.ELIGIBLE), newHire));
        assertThat((double) unit.members().share("ADVANCED_LABORER", 2025).value()).isEqualTo(0.5);
        assertThat((double) unit.members().share("ADVANCED_LABORER", 2025, 6).value()).isEqualTo(1.0);
    }

    @Test
    void without_a_member_list_the_units_reported_figures_are_used_and_without_them_nothing_is_assumed() {
        History reported = Facts.unit("U").aggregate(2025, 20, 14, 1, 19, 0).history();
        assertThat((double) reported.members().share("ADVANCED_LABORER", 2025).value()).isEqualTo(0.7);
        assertThat(reported.members().holding("GRASSROOTS_EMULATION_SOLDIER", 2025).value()).isEqualTo(1);
        assertThat(reported.members().ratedBelow(Rating.COMPLETED, 2025).value()).isEqualTo(1);
        assertThat(reported.members().disciplined(2025, DisciplineForm.WARNING).value()).isEqualTo(0);
        assertThat(reported.members().share("ADVANCED_LABORER", 2024).moreThan(0.5).status()).isEqualTo(Status.NEEDS_REVIEW);
    }

    @Test
    void members_below_a_rating_and_disciplined_members_are_counted_with_their_facts() {
        History weak = Facts.person("W").rated(Rating.NOT_COMPLETED, 2025)
                .discipline(DisciplineForm.WARNING, "2025-03-01", "2026-03-01").history();
        History unit = new History(Facts.unit("U").subject(), List.of(member("A", Outcome.ELIGIBLE), weak));
        assertThat(unit.members().ratedBelow(Rating.COMPLETED, 2025).value()).isEqualTo(1);
        assertThat(unit.members().disciplined(2025, DisciplineForm.WARNING).value()).isEqualTo(1);
        assertThat(unit.members().disciplined(2025, DisciplineForm.SALARY_DOWNGRADE).value()).isEqualTo(0);
        assertThat(unit.members().count(2025).value()).isEqualTo(2);
    }
}
