package vn.laurel.api.checkpoint;

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
import vn.laurel.api.ThrowawayPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checkpoints on a schedule, signed with the key of a configured file (H2, an interval of a fraction of a second). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckpointScheduleTest implements TestPropertyProvider {
    static final ObjectMapper JSON = new ObjectMapper();
    Path keyFile;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CheckpointKey key;

    @Override
    public Map<String, String> getProperties() {
        try {
            keyFile = Files.createTempDirectory("laurel-key").resolve("checkpoint.pem");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("datasources.default.url", "jdbc:h2:mem:laurel-schedule;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.enabled", "false",
                "laurel.audit.checkpoint.key-file", keyFile.toString(),
                "laurel.audit.checkpoint.interval", "300ms");
    }

    JsonNode checkpoints() throws Exception {
        return JSON.readTree(http.toBlocking().retrieve("/api/v1/audit/checkpoints")).get("items");
    }

    @Test
    void a_checkpoint_is_published_on_schedule_when_the_chain_moved_and_only_then() throws Exception {
        assertThat(Files.exists(keyFile)).isTrue();
        String body = "{\"asOf\":\"2026-01-15\",\"year\":2025,\"awards\":[\"ADVANCED_LABORER\"],\"subject\":{\"id\":\"S-1\",\"kind\":\"PERSON\","
                + "\"hiredOn\":\"2020-01-01\",\"ratings\":[{\"year\":2025,\"rating\":\"GOOD\"}]}}";
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/evaluations?save=true", body).contentType("application/json"), String.class);
        JsonNode items = null;
        for (int i = 0; i < 50; i++) {
            items = checkpoints();
            if (items.size() > 0 && items.get(0).get("chainLength").asLong() >= 1) break;
            Thread.sleep(100);
        }
        assertThat(items.size()).isPositive();
        JsonNode latest = items.get(0);
        assertThat(latest.get("createdBy").asText()).isEqualTo(Checkpoints.SCHEDULER);
        assertThat(latest.get("keyId").asText()).isEqualTo(key.keyId());
        assertThat(latest.get("ephemeralKey").asBoolean()).isFalse();
        assertThat(latest.has("note")).isFalse();
        // The chain did not move: no new checkpoint, however many runs pass.
        int count = items.size();
        Thread.sleep(1000);
        assertThat(checkpoints().size()).isEqualTo(count);
        // Downloaded as a document to keep.
        var download = http.toBlocking().exchange(HttpRequest.GET("/api/v1/audit/checkpoints/" + latest.get("id").asLong()), String.class);
        assertThat(download.getHeaders().get("Content-Disposition")).contains("laurel-checkpoint-" + latest.get("id").asLong() + ".json");
    }
}
