package vn.laurel.engine.policy;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.Organisation;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterTest {
    final Parameter months = new Parameter("min_months", null, "months", "VERIFIED", "parameters/x.yaml", List.of(
            new ParameterValue(LocalDate.of(2017, 10, 1), 10, "Decree 91", null, null),
            new ParameterValue(LocalDate.of(2024, 1, 1), 6, "Circular 01", null, null),
            new ParameterValue(LocalDate.of(2025, 1, 1), 8, "sector rule", null, "EDUCATION"),
            new ParameterValue(LocalDate.of(2025, 1, 1), 9, "local rule", "HN-1", null)));

    @Test
    void the_value_in_force_on_the_appraisal_date_applies() {
        assertThat(months.resolve(LocalDate.of(2023, 12, 31), null).orElseThrow().value()).isEqualTo(10);
        assertThat(months.resolve(LocalDate.of(2024, 1, 1), null).orElseThrow().value()).isEqualTo(6);
        assertThat(months.resolve(LocalDate.of(2017, 9, 30), null)).isEmpty();
    }

    @Test
    void an_organisation_override_beats_a_sector_one_which_beats_the_national_value() {
        LocalDate d = LocalDate.of(2025, 6, 1);
        assertThat(months.resolve(d, new Organisation("HN-1", "EDUCATION")).orElseThrow().value()).isEqualTo(9);
        assertThat(months.resolve(d, new Organisation("HN-2", "EDUCATION")).orElseThrow().scope()).isEqualTo("sector EDUCATION");
        assertThat(months.resolve(d, new Organisation("HN-2", "HEALTH")).orElseThrow().value()).isEqualTo(6);
        // An override not yet in force falls back to the national value.
        assertThat(months.resolve(LocalDate.of(2024, 6, 1), new Organisation("HN-1", "EDUCATION")).orElseThrow().value()).isEqualTo(6);
    }
}
