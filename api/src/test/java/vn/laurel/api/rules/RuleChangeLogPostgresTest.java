package vn.laurel.api.rules;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.api.rules.changes.RuleChangeLog.Action;
import vn.laurel.api.rules.changes.RuleChangeLog.Change;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule-set change log on the real store: append-only for the service, and any change past that shows. */
@MicronautTest(transactional = false)
class RuleChangeLogPostgresTest extends PostgresTest {
    static final String DATABASE = "laurel_rule_changes";

    @Inject
    RuleChangeLog log;
    @Inject
    RuleStore store;

    @Override
    protected String database() { return DATABASE; }

    @Test
    void a_change_altered_inserted_or_removed_by_a_superuser_is_named_and_the_service_cannot_alter_one() throws Exception {
        long before = log.list(null, null, 1).stream().findFirst().map(RuleChangeLog.Entry::sequence).orElse(0L);
        store.inTransaction(c -> log.append(c, new Change(Action.DRAFT_CREATED, "policy", 900L, null, null, "sha256:a", "Sửa tiêu chí")));
        store.inTransaction(c -> log.append(c, new Change(Action.PROPOSED, "policy", 900L, null, null, "sha256:a", "note")));
        store.inTransaction(c -> log.append(c, new Change(Action.APPROVED, "admin", 900L, null, null, "sha256:a", null)));
        long last = before + 3;
        List<RuleChangeLog.Entry> ofDraft = log.list(900L, null, 10);
        assertThat(ofDraft).extracting(RuleChangeLog.Entry::action).containsExactly("APPROVED", "PROPOSED", "DRAFT_CREATED");
        assertThat(ofDraft).extracting(RuleChangeLog.Entry::actor).containsExactly("admin", "policy", "policy");
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().records()).isEqualTo(last);

        // A failed transaction leaves no record and no gap.
        assertThatThrownBy(() -> store.inTransaction(c -> {
            log.append(c, new Change(Action.REJECTED, "admin", 900L, null, null, null, "x"));
            throw new IllegalStateException("the caller's write failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(log.verify().intact()).isTrue();

        // The service's own connection: the trigger refuses.
        assertThatThrownBy(() -> store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE ruleset_change SET actor = 'someone' WHERE sequence = " + (before + 2));
            }
        })).hasMessageContaining("append-only");

        try (Connection su = superuser(); Statement s = su.createStatement()) {
            s.executeUpdate("UPDATE ruleset_change SET actor = 'someone' WHERE sequence = " + (before + 2));
            assertThat(log.verify().firstBrokenSequence()).isEqualTo(before + 2);
            assertThat(log.verify().problem()).contains("changed");
            s.executeUpdate("UPDATE ruleset_change SET actor = 'policy' WHERE sequence = " + (before + 2));
            assertThat(log.verify().intact()).isTrue();

            s.executeUpdate("DELETE FROM ruleset_change WHERE sequence = " + last);
            assertThat(log.verify().intact()).isFalse();
            assertThat(log.verify().problem()).contains("removed");
        }
    }

    private static Connection superuser() throws SQLException {
        Connection c = DriverManager.getConnection(ThrowawayPostgres.separateDatabaseUrl(DATABASE), "postgres", "");
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // past the append-only trigger
        }
        return c;
    }
}
