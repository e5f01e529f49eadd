package vn.laurel.api.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.laurel.api.OwnPostgres;
import vn.laurel.api.ThrowawayPostgres;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database killed under a running instance: readiness (and /health) say 503 DOWN naming the
 * database, liveness stays 200 (an orchestrator must not restart every instance for an outage it
 * cannot cure), and readiness is 200 again once the database is back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessOutageTest implements TestPropertyProvider {
    final OwnPostgres db = new OwnPostgres("ready");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(db.properties());
        p.put("laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString());
        p.put("laurel.demo.enabled", "false");
        return p;
    }

    @AfterAll
    void stopTheServer() { db.close(); }

    @Test
    void readiness_follows_the_database_and_liveness_does_not() throws InterruptedException {
        Http.Answer ready = Http.get(http.toBlocking(), "/health/ready");
        assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
        assertThat(ready.body().get("rules").asText()).isEqualTo("UP");

        db.pause();
        try {
            Http.Answer down = Http.get(http.toBlocking(), "/health/ready");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(down.body().get("database").asText()).isEqualTo("DOWN");
            assertThat(Http.get(http.toBlocking(), "/health").status()).isEqualTo(503);
            assertThat(Http.get(http.toBlocking(), "/health/live").status()).isEqualTo(200);
        } finally {
            db.resume();
        }
        int status = 0;
        for (int i = 0; i < 300 && status != 200; i++) {
            status = Http.get(http.toBlocking(), "/health/ready").status();
            if (status != 200) Thread.sleep(100);
        }
        assertThat(status).as("ready again after the database returned").isEqualTo(200);
    }
}
