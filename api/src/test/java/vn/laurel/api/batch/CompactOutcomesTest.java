package vn.laurel.api.batch;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.api.export.BatchOutcomeRows;
import vn.laurel.engine.model.Outcome;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: a batch's outcomes stored one row per subject read back exactly as the rows of one per award
 * did. The same outcomes are written twice: as a batch of before (rows in batch_outcome, as the store wrote
 * them until V20_2, no award positions) and as a batch of now; every page, filter, count and export agrees.
 */
@MicronautTest(transactional = false)
class CompactOutcomesTest extends PostgresTest {
    static final List<String> AWARDS = List.of("ADVANCED_LABORER", "EMULATION_FIGHTER", "MERIT_MINISTER", "LABOR_ORDER_THIRD", "UNIT_FLAG");
    static final List<String> FILTERS = new ArrayList<>(Arrays.stream(Outcome.values()).map(Enum::name).toList());

    @Inject
    BatchStore store;

    @Inject
    BatchOutcomeRows rows;

    @Override
    protected String database() {
        return "laurel_compact_outcomes";
    }

    /** Persons get the first four awards (one sometimes not asked), units the last; ranks where a quota applied; decisions for some. */
    static List<BatchStore.Outcome> outcomes() {
        Random random = new Random(20);
        List<BatchStore.Outcome> out = new ArrayList<>();
        Outcome[] values = Outcome.values();
        for (int s = 0; s < 420; s++) {
            boolean unit = s % 40 == 0;
            String subject = unit ? String.format("U-%03d", s) : String.format("P-%04d", (s * 7919) % 10000);
            Long decision = s % 3 == 0 ? 1000L + s : null;
            for (String award : unit ? AWARDS.subList(4, 5) : AWARDS.subList(0, 4)) {
                if (!unit && random.nextInt(9) == 0) continue;
                Outcome o = values[random.nextInt(values.length)];
                Integer rank = o == Outcome.ELIGIBLE_SUBJECT_TO_QUOTA || (o == Outcome.ELIGIBLE && random.nextBoolean()) ? random.nextInt(30) : null;
                out.add(new BatchStore.Outcome(subject, unit ? "DEPT" : "U-" + (s % 7), award, o.name(), rank, decision));
            }
        }
        return out;
    }

    long legacyBatch(List<BatchStore.Outcome> outcomes) throws SQLException {
        long id = store.create(new BatchRequest(2025, LocalDate.of(2026, 1, 15), null, false, List.of(), false), "test");
        try (Connection c = DriverManager.getConnection(ThrowawayPostgres.separateDatabaseUrl(database()), "postgres", "");
             PreparedStatement ps = c.prepareStatement("INSERT INTO batch_outcome (batch_id, subject_id, unit_code, award, outcome, quota_rank, "
                     + "decision_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (BatchStore.Outcome o : outcomes) {
                ps.setLong(1, id);
                ps.setString(2, o.subjectId());
                ps.setString(3, o.unit());
                ps.setString(4, o.award());
                ps.setString(5, o.outcome());
                ps.setObject(6, o.quotaRank(), java.sql.Types.INTEGER);
                ps.setObject(7, o.decisionId(), java.sql.Types.BIGINT);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    long compactBatch(List<BatchStore.Outcome> outcomes) {
        long id = store.create(new BatchRequest(2025, LocalDate.of(2026, 1, 15), null, false, List.of(), false), "test");
        store.start(id, "test", 8, 420, AWARDS);
        // Written a unit at a time, as the runner does.
        for (int unit = 0; unit < 8; unit++) {
            int u = unit;
            store.write(id, outcomes.stream().filter(o -> Math.abs(o.subjectId().hashCode()) % 8 == u).toList());
        }
        return id;
    }

    @Test
    void every_page_filter_count_and_export_reads_as_the_rows_per_award_did() throws SQLException {
        List<BatchStore.Outcome> outcomes = outcomes();
        long before = legacyBatch(outcomes), after = compactBatch(outcomes);
        try (Connection c = DriverManager.getConnection(ThrowawayPostgres.separateDatabaseUrl(database()), "postgres", "");
             var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM batch_subject WHERE batch_id = " + after)) {
            rs.next();
            assertThat(rs.getLong(1)).as("one row per subject").isEqualTo(420);
        }

        assertThat(store.counts(after)).isEqualTo(store.counts(before)).isNotEmpty();
        List<String> awards = new ArrayList<>(AWARDS);
        awards.add(null);
        awards.add("NOT_AN_AWARD");
        List<String> filters = new ArrayList<>(FILTERS);
        filters.add(null);
        filters.add("NOT_AN_OUTCOME");
        int compared = 0;
        for (String award : awards) {
            for (String outcome : filters) {
                for (int[] page : new int[][]{{0, 50}, {50, 50}, {13, 7}, {0, 5000}, {1690, 50}}) {
                    List<Map<String, Object>> a = store.outcomes(before, award, outcome, page[0], page[1]);
                    List<Map<String, Object>> b = store.outcomes(after, award, outcome, page[0], page[1]);
                    assertThat(normalised(b)).as(award + " " + outcome + " " + Arrays.toString(page)).isEqualTo(normalised(a));
                    compared += a.size();
                }
                assertThat(rows.all(after, award, outcome, Map.of(), "vi")).as(award + " " + outcome)
                        .isEqualTo(rows.all(before, award, outcome, Map.of(), "vi"));
            }
        }
        assertThat(compared).as("the comparison saw rows").isGreaterThan(outcomes.size());
        assertThat(store.outcomes(after, null, null, 0, 5000)).hasSize(outcomes.size());
    }

    /** Numbers as the JSON writer shows them (the database gives Integer and Long; so does the compact reader). */
    static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>(r);
            if (m.get("quota_rank") != null) m.put("quota_rank", ((Number) m.get("quota_rank")).longValue());
            if (m.get("decision_id") != null) m.put("decision_id", ((Number) m.get("decision_id")).longValue());
            return m;
        }).toList();
    }

    @Test
    void a_subject_given_two_outcomes_for_one_award_is_refused_and_nothing_of_its_unit_is_written() {
        long id = store.create(new BatchRequest(2025, LocalDate.of(2026, 1, 15), null, false, List.of(), false), "test");
        store.start(id, "test", 1, 2, AWARDS);
        List<BatchStore.Outcome> twice = List.of(new BatchStore.Outcome("P-1", "U", "ADVANCED_LABORER", "ELIGIBLE", null, null),
                new BatchStore.Outcome("P-2", "U", "ADVANCED_LABORER", "ELIGIBLE", null, null),
                new BatchStore.Outcome("P-1", "U", "ADVANCED_LABORER", "NOT_ELIGIBLE", null, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.write(id, twice)).isInstanceOf(IllegalStateException.class);
        assertThat(store.outcomes(id, null, null, 0, 10)).isEmpty();
    }
}
