package vn.laurel.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A body over the configured size is refused with 413 as a problem document, before anything is read. */
@MicronautTest(transactional = false)
class ImportLimitsTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Map<String, String> settings() { return Map.of("micronaut.server.max-request-size", "4KB"); }

    @Test
    void an_oversize_upload_is_refused_with_413() {
        String big = "subject,year,rating\n" + "P-0001,2025,GOOD\n".repeat(1000);
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/imports?file=ratings.csv", big).contentType("text/csv"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(413);
        assertThat(e.getResponse().getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
    }

    /** The preview reads its body as a stream, where the size limit shows as a failure to read: still the client's 413. */
    @Test
    void an_oversize_preview_body_is_refused_with_413_naming_the_body() {
        byte[] big = new byte[8000];
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/ruleset/preview?unit=HN-SKHCN-DEMO&year=2025", big).contentType("application/zip"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(413);
        assertThat(e.getResponse().getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("\"field\":\"body\"").doesNotContain("io.micronaut");
    }
}
