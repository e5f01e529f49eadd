package vn.laurel.api.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.laurel.api.ThrowawayPostgres;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database of one's own without a configured key (what Application sets for LAUREL_DB_URL): no
 * checkpoint is signed, and the service says why; a document signed elsewhere can still be checked.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoCheckpointKeyTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", "jdbc:h2:mem:laurel-nokey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.enabled", "false",
                "laurel.audit.checkpoint.ephemeral-key", "false");
    }

    @Test
    void no_checkpoint_is_signed_and_the_answer_says_how_to_configure_one() throws Exception {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/audit/checkpoints", ""), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(e.getResponse().getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(e.getResponse().getBody(String.class).orElse(""));
        assertThat(problem.get("detail").asText()).contains("LAUREL_CHECKPOINT_KEY_FILE");
        assertThat(new ObjectMapper().readTree(http.toBlocking().retrieve("/api/v1/audit/checkpoints")).get("items")).isEmpty();
    }
}
