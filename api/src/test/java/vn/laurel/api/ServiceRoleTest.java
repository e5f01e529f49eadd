package vn.laurel.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The service running as a member of laurel_service (migrations as the owner): it works, and its
 * own role cannot change or remove a decision even with the append-only trigger out of the way.
 */
@MicronautTest(transactional = false)
class ServiceRoleTest extends PostgresTest {
    static final String DATABASE = "laurel_service_role";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected String database() { return DATABASE; }

    @Override
    protected Map<String, String> settings() {
        String url = ThrowawayPostgres.separateDatabaseUrl(DATABASE);
        // The DBA's part: the group role (V5 would create it too) and a login in it for the service.
        admin(url, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'laurel_service') THEN CREATE ROLE laurel_service NOLOGIN; END IF;"
                + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'laurel_app') THEN CREATE ROLE laurel_app LOGIN IN ROLE laurel_service; END IF; END $$");
        return Map.of("flyway.datasources.default.url", url, "flyway.datasources.default.user", "postgres",
                "flyway.datasources.default.password", "", "datasources.default.username", "laurel_app");
    }

    static void admin(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_service_role_decides_and_imports_but_cannot_change_a_decision() throws SQLException {
        var decided = http.toBlocking().exchange(HttpRequest.POST("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER", ""), String.class);
        assertThat(decided.code()).isEqualTo(200);
        var imported = http.toBlocking().exchange(HttpRequest.POST("/api/v1/imports?file=ratings.csv", "subject,year,rating\nP-0001,2016,GOOD\n")
                .contentType("text/csv"), String.class);
        assertThat(imported.code()).isEqualTo(201);

        String url = ThrowawayPostgres.separateDatabaseUrl(DATABASE);
        // Even with the trigger gone (as a careless migration might leave it), the privileges refuse.
        admin(url, "ALTER TABLE decision DISABLE TRIGGER decision_append_only");
        try (Connection c = DriverManager.getConnection(url, "laurel_app", ""); Statement s = c.createStatement()) {
            for (String sql : new String[]{"UPDATE decision SET requested_by = 'someone else'", "DELETE FROM decision", "TRUNCATE decision_fact",
                    "DELETE FROM ruleset_activation", "UPDATE decision_chain SET record_hash = 'x'",
                    // Flags and checkpoints are append-only too (V13_3): the trigger is on, but the privilege refuses first.
                    "UPDATE decision_flag SET reason = 'x'", "DELETE FROM decision_flag", "TRUNCATE decision_flag",
                    "UPDATE audit_checkpoint SET head_hash = 'x'", "DELETE FROM audit_checkpoint", "TRUNCATE audit_checkpoint"}) {
                SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute(sql));
                assertThat((Object) e).as(sql).isNotNull();
                assertThat(e.getSQLState()).as(sql).isEqualTo("42501");
            }
        } finally {
            admin(url, "ALTER TABLE decision ENABLE TRIGGER decision_append_only");
        }
    }

    @Test
    void a_superuser_change_is_caught_by_verify() {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/subjects/P-0002/eligibility?year=2025&awards=ADVANCED_LABORER", ""), String.class);
        String url = ThrowawayPostgres.separateDatabaseUrl(DATABASE);
        admin(url, "ALTER TABLE decision DISABLE TRIGGER decision_append_only");
        admin(url, "UPDATE decision SET requested_by = 'forger' WHERE id = (SELECT MAX(id) FROM decision)");
        admin(url, "ALTER TABLE decision ENABLE TRIGGER decision_append_only");
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/audit/verify"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
    }
}
