package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.security.Tokens;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.laurel.api.security.Roles.*;

/**
 * The attack of issue 13 on a service without a key set (PostgreSQL before its identity provider is
 * set up): a token written by hand with {@code "alg": "none"} and whatever roles the attacker likes.
 * Every request is 401 problem+json, and the tables it aimed at are exactly as they were.
 */
@MicronautTest(transactional = false)
class ForgedTokenAttackTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    protected String database() { return "laurel_forged_tokens"; }

    @Override
    protected Map<String, String> settings() {
        return Map.of("laurel.reload.run-scenarios", "false");
    }

    BlockingHttpClient client() { return http.toBlocking(); }

    static final List<String> NONE_SPELLINGS = List.of("none", "None", "NONE");

    @Test
    void a_clerk_made_up_with_alg_none_cannot_write_a_fact() {
        long before = Store.facts(dataSource) + Store.count(dataSource, "fact_import");
        for (String alg : NONE_SPELLINGS) {
            String token = Tokens.handMade(alg, "clerk", CLERK);
            refused(HttpRequest.POST("/api/v1/subjects/P-0001/facts/absences", "{\"year\":2025,\"days\":90}")
                    .contentType(MediaType.APPLICATION_JSON), token);
            refused(HttpRequest.PUT("/api/v1/facts/ratings/1", "{\"rating\":\"EXCELLENT\"}").contentType(MediaType.APPLICATION_JSON), token);
            refused(HttpRequest.DELETE("/api/v1/facts/ratings/1"), token);
            refused(HttpRequest.POST("/api/v1/imports?file=ratings.csv", "subject,year,rating\nP-0002,2025,EXCELLENT\n").contentType("text/csv"), token);
        }
        assertThat(Store.facts(dataSource) + Store.count(dataSource, "fact_import")).isEqualTo(before);
    }

    @Test
    void an_auditor_made_up_with_alg_none_cannot_save_a_decision() {
        long decisions = Store.count(dataSource, "decision") + Store.count(dataSource, "decision_chain");
        long batches = Store.count(dataSource, "batch_run");
        long activations = Store.count(dataSource, "ruleset_activation");
        String scenario = RoleMatrix.read("examples/scenarios/advanced-laborer/excellent-rating-is-eligible.yaml");
        for (String alg : NONE_SPELLINGS) {
            // Every role at once: whichever one an endpoint wants, the forgery claims it.
            String token = Tokens.handMade(alg, "auditor", AUDITOR, CLIENT, ADMIN, POLICY);
            refused(HttpRequest.GET("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER"), token);
            refused(HttpRequest.POST("/api/v1/evaluations?save=true", scenario).contentType("application/x-yaml"), token);
            refused(HttpRequest.POST("/api/v1/batches", "{\"year\":2025,\"saveDecisions\":true}").contentType(MediaType.APPLICATION_JSON), token);
            refused(HttpRequest.POST("/api/v1/ruleset/reload", ""), token);
            refused(HttpRequest.GET("/api/v1/audit/verify"), token);
        }
        assertThat(Store.count(dataSource, "decision") + Store.count(dataSource, "decision_chain")).isEqualTo(decisions);
        assertThat(Store.count(dataSource, "batch_run")).isEqualTo(batches);
        assertThat(Store.count(dataSource, "ruleset_activation")).isEqualTo(activations);
    }

    void refused(MutableHttpRequest<?> request, String token) {
        Http.Answer a = Http.call(client(), request.bearerAuth(token));
        assertThat(a.status()).as(request.getMethodName() + " " + request.getPath() + " with " + token).isEqualTo(401);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("status").asInt()).isEqualTo(401);
    }
}
