package vn.laurel.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `./laurel serve` on a fresh machine: the embedded H2 database, seeded with the demo department. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDefaultTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "datasources.default.url", "jdbc:h2:mem:laurel-embedded-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
    }

    @Test
    void the_embedded_default_serves_the_demo_department_and_saves_decisions_in_h2() throws Exception {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            // Loading into an empty store inserts; nothing may look "corrected" (clock precision once made it so).
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM entity_revision")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode answer = json.readTree(http.toBlocking().retrieve(HttpRequest.POST("/api/v1/subjects/P-0001/eligibility?year=2025&lang=both", "")));
        assertThat(answer.get("results").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
        JsonNode saved = json.readTree(http.toBlocking().retrieve("/api/v1/decisions/" + answer.get("decisionId").asLong() + "?lang=both"));
        assertThat(saved.get("answer")).isEqualTo(answer);
        // The answer is stored as JSON text and hashed from that text: H2 must give back what the chain hashed.
        JsonNode audit = json.readTree(http.toBlocking().retrieve("/api/v1/audit/verify"));
        assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.get("checked").asLong()).isPositive();
    }

    @Test
    void the_demo_client_lists_the_people_of_the_demo_department_on_h2_and_no_one_else() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/subjects?size=1").basicAuth("client", "client")));
        assertThat(all.get("total").asLong()).isEqualTo(206); // 200 people and 6 units
        JsonNode office = json.readTree(http.toBlocking().retrieve(
                io.micronaut.http.HttpRequest.GET("/api/v1/subjects?unit=HN-SKHCN-DEMO-VP&size=1").basicAuth("client", "client")));
        assertThat(office.get("total").asLong()).isEqualTo(31);
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/subjects?unit=ELSEWHERE").basicAuth("client", "client")));
        assertThat(refused.getStatus().getCode()).isEqualTo(403);
    }
}
