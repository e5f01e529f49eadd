package vn.laurel.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain on a database of its own, because these tests tamper with decisions as a
 * PostgreSQL superuser would: the service itself cannot change them, and verify names what changed.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    private Map<String, String> props;

    @Override
    public Map<String, String> getProperties() {
        if (props == null) {
            props = new HashMap<>(super.getProperties());
            props.putAll(ThrowawayPostgres.separateDatabase("laurel_audit"));
        }
        return props;
    }

    Connection superuser() throws SQLException {
        return DriverManager.getConnection(props.get("datasources.default.url"), "postgres", "");
    }

    long decide(String person) {
        return vn.laurel.api.web.HttpProbe.post(http, "/api/v1/subjects/" + person + "/eligibility?year=2025&awards=ADVANCED_LABORER").get("decisionId").asLong();
    }

    JsonNode web(String path) {
        return vn.laurel.api.web.HttpProbe.get(http, path);
    }

    @Test
    @Order(1)
    void a_chain_of_untouched_decisions_verifies() {
        for (String p : new String[]{"P-0001", "P-0002", "P-0003", "P-0004", "P-0005"}) decide(p);
        JsonNode v = web("/api/v1/audit/verify");
        assertThat(v.get("intact").asBoolean()).isTrue();
        assertThat(v.get("checked").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(2)
    void the_service_cannot_change_or_remove_a_decision() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE decision SET outcomes = 'ADVANCED_LABORER=ELIGIBLE' WHERE id = 2"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM decision_fact WHERE decision_id = 2")).hasMessageContaining("append-only");
        }
    }

    @Test
    @Order(3)
    void a_decision_edited_behind_the_service_is_named_by_verify() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE decision DISABLE TRIGGER decision_append_only");
            s.executeUpdate("UPDATE decision SET outcomes = 'ADVANCED_LABORER=ELIGIBLE' WHERE id = 2");
            s.execute("ALTER TABLE decision ENABLE TRIGGER decision_append_only");
        }
        JsonNode v = web("/api/v1/audit/verify");
        assertThat(v.get("intact").asBoolean()).isFalse();
        assertThat(v.get("firstProblem").get("kind").asText()).isEqualTo("ALTERED");
        assertThat(v.get("firstProblem").get("decisionId").asLong()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void an_edit_inside_the_stored_answer_is_caught_too() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE decision DISABLE TRIGGER decision_append_only");
            s.executeUpdate("UPDATE decision SET outcomes = 'ADVANCED_LABORER=NOT_ELIGIBLE' WHERE id = 2"); // put back
            // Decision 3 (P-0003) was ELIGIBLE: make its stored record (issue 20: record_text, hashed as stored) say otherwise.
            s.executeUpdate("UPDATE decision SET record_text = REPLACE(record_text, '\"ADVANCED_LABORER\":[\"ELIGIBLE\"', "
                    + "'\"ADVANCED_LABORER\":[\"NOT_ELIGIBLE\"') WHERE id = 3");
            s.execute("ALTER TABLE decision ENABLE TRIGGER decision_append_only");
        }
        JsonNode v = web("/api/v1/audit/verify");
        assertThat(v.get("firstProblem").get("kind").asText()).isEqualTo("ALTERED");
        assertThat(v.get("firstProblem").get("decisionId").asLong()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void a_decision_deleted_behind_the_service_is_named_by_verify() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // disables every trigger and foreign key check
            s.executeUpdate("UPDATE decision SET record_text = REPLACE(record_text, '\"ADVANCED_LABORER\":[\"NOT_ELIGIBLE\"', "
                    + "'\"ADVANCED_LABORER\":[\"ELIGIBLE\"') WHERE id = 3"); // put back
            for (String t : new String[]{"decision_fact", "decision_outcome", "decision_chain"}) {
                s.executeUpdate("DELETE FROM " + t + " WHERE decision_id = 4");
            }
            s.executeUpdate("DELETE FROM decision WHERE id = 4");
        }
        JsonNode v = web("/api/v1/audit/verify");
        assertThat(v.get("intact").asBoolean()).isFalse();
        assertThat(v.get("firstProblem").get("kind").asText()).isEqualTo("DELETED");
        assertThat(v.get("firstProblem").get("detail").asText()).contains("missing");
    }
}
