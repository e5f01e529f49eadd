package vn.laurel.engine.criteria;

import vn.laurel.engine.model.Status;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.Rating;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckTest {
    static Measure m(Object v) { return new Measure(v, List.of()); }

    @Test
    void numeric_requirements_compare_at_their_boundaries() {
        assertThat(m(6).atLeast(6).status()).isEqualTo(Status.MET);
        assertThat(m(5).atLeast(6).status()).isEqualTo(Status.NOT_MET);
        assertThat(m(40).lessThan(40).status()).isEqualTo(Status.NOT_MET);
        assertThat(m(39).lessThan(40).status()).isEqualTo(Status.MET);
        assertThat(m(3).atMost(3).status()).isEqualTo(Status.MET);
        assertThat(m(0).none().status()).isEqualTo(Status.MET);
        assertThat(m(1).none().status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void ratings_are_ordered_and_not_rated_meets_nothing() {
        assertThat(m(Rating.EXCELLENT).atLeast(Rating.GOOD).status()).isEqualTo(Status.MET);
        assertThat(m(Rating.COMPLETED).atLeast(Rating.GOOD).status()).isEqualTo(Status.NOT_MET);
        assertThat(m(Rating.NOT_RATED).atLeast(Rating.NOT_COMPLETED).status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void one_met_branch_meets_an_alternative_and_review_beats_not_met() {
        Check met = m(1).atLeast(1), notMet = m(0).atLeast(1), review = m(null).attested();
        assertThat(Check.anyOf(notMet, met).status()).isEqualTo(Status.MET);
        assertThat(Check.anyOf(notMet, review).status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(Check.anyOf(notMet, notMet).status()).isEqualTo(Status.NOT_MET);
        assertThat(Check.anyOf(met, review).actual()).isEqualTo(java.util.Arrays.asList(1, null));
    }
}
