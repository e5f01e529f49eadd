package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.TestCredentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus scrape: Laurel's meters are there under their documented names, they move when a
 * decision is saved, an import read rows or a batch ran, the HTTP timer is tagged by route, and only
 * MONITOR and ADMIN may scrape.
 */
@MicronautTest(transactional = false)
class MetricsApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    /** The chain's length read at every scrape, not every 5 s: the test scrapes twice within a second. */
    @Override
    protected java.util.Map<String, String> settings() {
        return java.util.Map.of("laurel.metrics.chain-length-every", "0s");
    }

    String scrape() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/metrics").basicAuth("monitor", "monitor"), String.class);
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.getContentType().map(Object::toString).orElse("")).startsWith("text/plain");
        return r.body();
    }

    /** The value of one series (name and labels exactly as exposed, labels in Prometheus' order), 0 when absent. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void a_saved_decision_moves_its_counter_the_evaluation_timer_the_route_timer_and_the_chain() {
        String before = scrape();
        Http.Answer saved = Http.post(http.toBlocking(), "/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER");
        assertThat(saved.status()).isEqualTo(200);
        String outcome = EligibilityApiTest.find(saved.body().get("results"), "award", "ADVANCED_LABORER").get("outcome").asText();
        String after = scrape();

        String counter = "laurel_decisions_total{award=\"ADVANCED_LABORER\",outcome=\"" + outcome + "\"}";
        assertThat(value(after, counter) - value(before, counter)).as(counter).isEqualTo(1.0);
        assertThat(value(after, "laurel_evaluation_seconds_count")).as(lines(after, "laurel_evaluation")).isGreaterThan(value(before, "laurel_evaluation_seconds_count"));
        assertThat(after).contains("laurel_evaluation_seconds_bucket{le=");
        assertThat(value(after, "laurel_chain_length")).isGreaterThan(value(before, "laurel_chain_length")).isPositive();
        // Tagged by the route, never by the raw path: one series per endpoint, not one per subject.
        assertThat(after).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/subjects/\\{id}/eligibility\"");
        assertThat(after).doesNotContain("uri=\"/api/v1/subjects/P-0001");
        String version = Http.get(http.toBlocking(), "/health").body().get("rulesetVersion").asText();
        assertThat(value(after, "laurel_ruleset_active{version=\"" + version + "\"}")).isEqualTo(1.0);
        assertThat(after).contains("hikaricp_connections_active", "jvm_memory_used_bytes");
    }

    static String lines(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix)).limit(40).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void an_import_counts_its_rows_and_a_batch_its_subjects() throws InterruptedException {
        String before = scrape();
        Http.Answer imported = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports?file=ratings.csv",
                "subject,year,rating\nP-0001,2016,EXCELLENT\nP-0002,2016,GOOD\n").contentType("text/csv"));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        Http.Answer started = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/batches",
                "{\"year\":2025,\"unit\":\"HN-SKHCN-DEMO-VP\",\"awards\":[\"ADVANCED_LABORER\"]}").contentType("application/json"));
        assertThat(started.status()).isEqualTo(202);
        JsonNode batch = awaitDone(started.body().get("id").asLong());
        String after = scrape();

        String rows = "laurel_import_rows_total{status=\"SUCCEEDED\"}";
        assertThat(value(after, rows) - value(before, rows)).isEqualTo(2.0);
        assertThat(value(after, "laurel_batch_subjects_total") - value(before, "laurel_batch_subjects_total"))
                .isEqualTo(batch.get("progress").get("subjectsDone").asDouble()).isPositive();
        assertThat(value(after, "laurel_batch_running_done")).as("no batch runs now").isZero();
        assertThat(after).contains("laurel_batch_subjects_total ", "laurel_batch_running_done ", "laurel_batch_running_subjects ");
    }

    JsonNode awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode b = Http.get(http.toBlocking(), "/api/v1/batches/" + id).body();
            String status = b.get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                assertThat(status).as(b.toString()).isEqualTo("DONE");
                // The end of the run is recorded just before the metrics hear of it.
                Thread.sleep(200);
                return b;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }

    @Test
    void only_monitor_and_admin_may_scrape_and_monitor_may_do_nothing_else() {
        assertThat(status(HttpRequest.GET("/metrics").basicAuth("admin", "admin"))).isEqualTo(200);
        assertThat(status(HttpRequest.GET("/metrics").basicAuth("monitor", "monitor"))).isEqualTo(200);
        for (String other : new String[] {"client", "clerk", "policy", "board", "auditor"}) {
            assertThat(status(HttpRequest.GET("/metrics").basicAuth(other, other))).as(other).isEqualTo(403);
        }
        assertThat(status(HttpRequest.GET("/metrics").header(TestCredentials.ANONYMOUS, "yes"))).isEqualTo(401);
        assertThat(status(HttpRequest.GET("/api/v1/decisions").basicAuth("monitor", "monitor"))).isEqualTo(403);
        assertThat(status(HttpRequest.GET("/api/v1/subjects/P-0001/eligibility?year=2025").basicAuth("monitor", "monitor"))).isEqualTo(403);
        assertThat(status(HttpRequest.GET("/api/v1/ruleset").basicAuth("monitor", "monitor"))).isEqualTo(403);
    }

    int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getResponse().code();
        }
    }
}
