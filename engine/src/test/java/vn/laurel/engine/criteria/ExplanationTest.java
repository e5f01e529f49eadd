package vn.laurel.engine.criteria;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.policy.Localized;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationTest {
    @Test
    void a_composite_names_each_branch_with_its_value_and_status_in_both_languages() {
        Check c = Check.anyOf(
                new Measure(Rating.GOOD, List.of()).is(Rating.EXCELLENT).as("mức độ hoàn thành nhiệm vụ", "rating"),
                new Measure(1, List.of()).atLeast(1).as("sáng kiến", "initiatives"));
        var sentence = Explainer.explain(new Localized("Năm {year}: {actual}; yêu cầu: {required}", "In {year}: {actual}; required: {required}"), 2025, c);
        assertThat(sentence.en()).isEqualTo("In 2025: rating: completed tasks well (GOOD) (not met); initiatives: 1 (met); "
                + "required: rating: excellently completed tasks (EXCELLENT) or initiatives: at least 1 — met");
        assertThat(sentence.vi()).contains("sáng kiến: 1 (đạt)", " hoặc ", "— đạt");
    }

    @Test
    void shares_read_as_percentages_and_all_of_joins_with_and() {
        Check c = Check.allOf(new Measure(0.6, List.of()).moreThan(0.5).as("tỷ lệ", "share"),
                new Measure(0, List.of()).none().as("kỷ luật", "disciplined"));
        var s = Explainer.explain(new Localized("{actual} / {required}", "{actual} / {required}"), 2025, c);
        assertThat(s.en()).isEqualTo("share: 60.0% (met); disciplined: 0 (met) / share: more than 50.0% and disciplined: none — met");
        assertThat(s.vi()).contains("tỷ lệ: trên 50.0% và kỷ luật: không có");
    }
}
