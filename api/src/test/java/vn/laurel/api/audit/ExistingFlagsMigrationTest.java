package vn.laurel.api.audit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database from before issue 13, with flags already written: the migrations chain them (V13_2, with
 * {@link ChainContent}), so that after the upgrade every flag is in the chain and one outside it was
 * slipped in behind the service.
 */
class ExistingFlagsMigrationTest {
    static final String URL = "jdbc:h2:mem:laurel-upgrade;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/H2").target(target).load();
    }

    @Test
    void flags_written_before_the_upgrade_are_chained_in_the_order_they_were_written() throws Exception {
        flyway("6").migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO decision (id, subject_id, evaluation_year, as_of, regime, ruleset_version, engine_version, outcomes, result, "
                    + "requested_by, created_at) VALUES (1, 'P-1', 2025, DATE '2026-01-15', 'LAW_2022', 'sha256:x', '1', 'A=ELIGIBLE', '{}' FORMAT JSON, "
                    + "'client', TIMESTAMP WITH TIME ZONE '2026-01-15 08:00:00+00')");
            s.execute("INSERT INTO decision_flag (decision_id, fact_id, reason, flagged_at) VALUES "
                    + "(1, 'rating:1', 'RATINGS corrected', TIMESTAMP WITH TIME ZONE '2026-02-01 08:00:00+00'), "
                    + "(1, 'title:2', 'title revoked', TIMESTAMP WITH TIME ZONE '2026-03-01 08:00:00+00')");
        }
        flyway("latest").migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            FlagChain.Result r = FlagChain.verify(c, new TreeMap<>());
            assertThat(r.problem()).isNull();
            assertThat(r.checked()).isEqualTo(2);
            assertThat(Head.read(c, Head.FLAGS).length()).isEqualTo(2);
            s.execute("UPDATE decision_flag SET reason = 'nothing' WHERE fact_id = 'title:2'");
            assertThat(FlagChain.verify(c, new TreeMap<>()).problem().kind()).isEqualTo("ALTERED");
            s.execute("DROP ALL OBJECTS");
        }
    }
}
