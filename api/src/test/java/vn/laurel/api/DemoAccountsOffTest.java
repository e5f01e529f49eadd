package vn.laurel.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.security.SecuritySettings;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On a database of one's own the demo passwords open nothing: 401, as for any stranger. */
@MicronautTest(transactional = false)
class DemoAccountsOffTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Map<String, String> settings() {
        Map<String, String> p = new HashMap<>();
        SecuritySettings.of(Map.of("LAUREL_DB_URL", ThrowawayPostgres.ensureStarted().get("datasources.default.url")))
                .forEach((k, v) -> p.put(k, String.valueOf(v)));
        return p;
    }

    @Test
    void the_demo_admin_is_refused_when_laurel_runs_on_its_own_database() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/awards").basicAuth("admin", "admin"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/health"), String.class).code()).isEqualTo(200);
    }
}
