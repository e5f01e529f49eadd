package vn.laurel.api.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More subjects than one query may evaluate, or an evaluation past its time limit: 422 naming the
 * field that chose the population, as a problem document. (Limits set low so the demo reaches them;
 * a limit of zero time is passed by any evaluation at all.)
 */
@MicronautTest(transactional = false)
class RequestLimitsApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Map<String, String> settings() {
        return Map.of("laurel.limits.subjects-per-query", "20", "laurel.limits.evaluation-time", "0s");
    }

    @Test
    void a_unit_with_more_subjects_than_a_query_may_evaluate_is_refused_naming_the_unit() {
        Http.Answer a = Http.get(http.toBlocking(), "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&includeSubunits=true");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo("unit");
        assertThat(a.body().get("detail").asText()).contains("at most 20 per query");
    }

    @Test
    void an_evaluation_past_the_time_limit_is_stopped_and_refused() {
        Http.Answer a = Http.get(http.toBlocking(), "/api/v1/awards/ADVANCED_UNIT/candidates?year=2025&unit=HN-SKHCN-DEMO-VP");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("detail").asText()).contains("took longer than 0 s");
    }
}
