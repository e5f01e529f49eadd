package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.laurel.api.OwnPostgres;
import vn.laurel.api.ThrowawayPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL killed in the middle of a load: requests fail fast with 503 problem+json, /health says
 * DOWN, the service answers again by itself soon after the database is back, every decision a
 * client was told was saved is in the database, and the audit chain still verifies.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest implements TestPropertyProvider {
    static final int CLIENTS = 4;
    final OwnPostgres db = new OwnPostgres("outage");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(db.properties());
        p.put("laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString());
        p.put("laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
        p.put("laurel.demo.enabled", "true");
        return p;
    }

    @AfterAll
    void stopTheServer() { db.close(); }

    record Outcome(long startedAt, long tookMs, int status, String contentType, long decisionId) {}

    Outcome ask(int n) {
        String uri = "/api/v1/subjects/P-%04d/eligibility?year=2025&awards=ADVANCED_LABORER".formatted(1 + n % 20);
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = http.toBlocking().exchange(HttpRequest.POST(uri, ""), String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked") HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            r = failed;
        }
        long took = (System.nanoTime() - t0) / 1_000_000;
        long id = -1;
        if (r.code() == 200) {
            String body = r.getBody(String.class).orElse("");
            int at = body.indexOf("\"decisionId\":");
            id = Long.parseLong(body.substring(at + 13).split("[,}]")[0].trim());
        }
        return new Outcome(System.nanoTime(), took, r.code(), r.getContentType().map(Object::toString).orElse(""), id);
    }

    @Test
    void the_database_goes_away_mid_load_and_comes_back() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            pool.submit(() -> {
                for (int n = client; running.get(); n += CLIENTS) outcomes.add(ask(n));
            });
        }
        Thread.sleep(3000);
        long killedAt = System.nanoTime();
        db.pause();
        Thread.sleep(2000);
        Http.Answer health = Http.get(http.toBlocking(), "/health");
        Thread.sleep(3000);
        long backAt = System.nanoTime();
        db.resume();
        long firstSuccessAfterReturn = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (firstSuccessAfterReturn < 0 && System.nanoTime() < deadline) {
            synchronized (outcomes) {
                firstSuccessAfterReturn = outcomes.stream().filter(o -> o.startedAt() > backAt && o.status() == 200)
                        .mapToLong(Outcome::startedAt).min().orElse(-1);
            }
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Outcome> all = List.copyOf(outcomes);
        List<Outcome> during = all.stream().filter(o -> o.startedAt() > killedAt && o.startedAt() < backAt).toList();
        List<Outcome> unavailable = all.stream().filter(o -> o.status() == 503).toList();
        Map<Integer, Long> byStatus = new TreeMap<>();
        all.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));

        assertThat(byStatus.keySet()).as("statuses seen: %s", byStatus).containsOnly(200, 503);
        assertThat(unavailable).as("some requests met the outage").isNotEmpty();
        assertThat(unavailable).allSatisfy(o -> assertThat(o.contentType()).startsWith("application/problem+json"));
        // Fail fast: the pool's connection timeout (2 s) bounds the wait, not a hung socket.
        assertThat(unavailable.stream().mapToLong(Outcome::tookMs).max().orElse(0)).isLessThan(10_000);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().get("status").asText()).isEqualTo("DOWN");
        assertThat(firstSuccessAfterReturn).as("answers again after the database returns").isPositive();
        double recoverySeconds = (firstSuccessAfterReturn - backAt) / 1e9;
        assertThat(recoverySeconds).isLessThan(30);
        assertThat(Http.get(http.toBlocking(), "/health").status()).isEqualTo(200);

        List<Long> promised = all.stream().filter(o -> o.status() == 200).map(Outcome::decisionId).toList();
        long missing = promised.stream().filter(id -> Store.query(dataSource, "SELECT COUNT(*) FROM decision WHERE id = " + id) != 1).count();
        assertThat(missing).as("decisions answered as saved but not in the database").isZero();
        Http.Answer verify = Http.get(http.toBlocking(), "/api/v1/audit/verify");
        assertThat(verify.status()).as(verify.body().toString()).isEqualTo(200);
        assertThat(verify.body().get("intact").asBoolean()).isTrue();

        report(byStatus, during.size(), unavailable, recoverySeconds, promised.size());
    }

    static void report(Map<Integer, Long> byStatus, int during, List<Outcome> unavailable, double recovery, int saved) throws IOException {
        long[] waits = unavailable.stream().mapToLong(Outcome::tookMs).sorted().toArray();
        String text = "requests by status: " + byStatus + "\nstarted during the outage: " + during
                + "\n503 answered in ms: median " + waits[waits.length / 2] + ", max " + waits[waits.length - 1]
                + "\nfirst 200 after the database returned: " + String.format(Locale.ROOT, "%.1f s", recovery)
                + "\ndecisions promised and found: " + saved + "\n";
        Path out = Path.of("target", "reliability", "database-outage.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }
}
