package vn.laurel.api.batch;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outcomes go to PostgreSQL with COPY: every value comes back as written, and a unit is written whole or not at all. */
@MicronautTest(transactional = false)
class BatchStoreTest extends PostgresTest {
    @Inject
    BatchStore store;

    @Override
    protected String database() {
        return "laurel_batch_store";
    }

    long newBatch() {
        long id = store.create(new BatchRequest(2025, java.time.LocalDate.of(2025, 12, 31), null, false, List.of(), false), "test");
        store.start(id, "test", 1, 3, List.of("ADVANCED_LABORER"));
        return id;
    }

    @Test
    void text_that_csv_must_escape_and_missing_numbers_come_back_unchanged() {
        long batch = newBatch();
        store.write(batch, List.of(
                new BatchStore.Outcome("P-\"quoted\",comma", "Sở \"KH\"\nCN", "ADVANCED_LABORER", "ELIGIBLE", 3, 42L),
                new BatchStore.Outcome("P-back\\slash", null, "ADVANCED_LABORER", "NOT_ELIGIBLE", null, null),
                new BatchStore.Outcome("P-empty-unit", "", "ADVANCED_LABORER", "NOT_ELIGIBLE", 0, null)));

        List<Map<String, Object>> rows = store.outcomes(batch, null, null, 0, 10);
        assertThat(rows).hasSize(3);
        Map<String, Object> quoted = rows.stream().filter(r -> r.get("subject_id").equals("P-\"quoted\",comma")).findFirst().orElseThrow();
        assertThat(quoted.get("unit_code")).isEqualTo("Sở \"KH\"\nCN");
        assertThat(((Number) quoted.get("quota_rank")).intValue()).isEqualTo(3);
        assertThat(((Number) quoted.get("decision_id")).longValue()).isEqualTo(42L);
        Map<String, Object> backslash = rows.stream().filter(r -> r.get("subject_id").equals("P-back\\slash")).findFirst().orElseThrow();
        assertThat(backslash.get("unit_code")).isNull();
        assertThat(backslash.get("quota_rank")).isNull();
        assertThat(backslash.get("decision_id")).isNull();
        Map<String, Object> empty = rows.stream().filter(r -> r.get("subject_id").equals("P-empty-unit")).findFirst().orElseThrow();
        assertThat(empty.get("unit_code")).as("an empty text is not NULL").isEqualTo("");
        assertThat(((Number) empty.get("quota_rank")).intValue()).isZero();
    }

    @Test
    void a_unit_that_fails_halfway_leaves_no_row_behind() {
        long batch = newBatch();
        store.write(batch, List.of(new BatchStore.Outcome("P-1", "U", "ADVANCED_LABORER", "ELIGIBLE", null, null)));
        List<BatchStore.Outcome> clash = List.of(
                new BatchStore.Outcome("P-2", "U", "ADVANCED_LABORER", "ELIGIBLE", null, null),
                new BatchStore.Outcome("P-1", "U", "ADVANCED_LABORER", "ELIGIBLE", null, null));

        assertThatThrownBy(() -> store.write(batch, clash)).isInstanceOf(IllegalStateException.class);

        assertThat(store.outcomes(batch, null, null, 0, 10)).extracting(r -> r.get("subject_id")).containsExactly("P-1");
        store.write(batch, List.of(new BatchStore.Outcome("P-3", "U", "ADVANCED_LABORER", "ELIGIBLE", null, null)));
        assertThat(store.outcomes(batch, null, null, 0, 10)).as("the connection is usable again")
                .extracting(r -> r.get("subject_id")).containsExactly("P-1", "P-3");
    }
}
