package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** With no room for another population-wide query, one is told 429 and when to retry, at once. */
@MicronautTest(transactional = false)
class WideQueryLimitApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Map<String, String> settings() { return Map.of("laurel.limits.concurrent-wide-queries", "0"); }

    @Test
    void a_wide_query_beyond_the_concurrency_limit_is_429_with_retry_after() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO-VP"), String.class));
        HttpResponse<?> r = e.getResponse();
        assertThat(r.code()).isEqualTo(429);
        assertThat(r.getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
        assertThat(r.getHeaders().get("Retry-After")).isEqualTo("5");
        // A single subject's question is not a wide query and still answers.
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER"), String.class)
                .code()).isEqualTo(200);
    }
}
