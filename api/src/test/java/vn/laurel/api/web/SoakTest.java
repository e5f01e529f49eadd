package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.Publishing;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.api.ThrowawayPostgres;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sustained load on loopback, bounded in time and requests, with a rule change published and an import half
 * way: zero errors, and the heap after a full collection no larger at the end than early on (within
 * a margin). Not part of the test suite: run with {@code ./laurel soak [--seconds N] [--requests N]};
 * results in docs/reliability.md.
 */
@Tag("soak")
@MicronautTest(transactional = false)
class SoakTest extends PostgresTest {
    static final long SECONDS = Long.getLong("soak.seconds", 120);
    static final long MAX_REQUESTS = Long.getLong("soak.requests", 200_000);
    static final int CLIENTS = Integer.getInteger("soak.clients", 4);
    static final long HEAP_MARGIN_MB = 64;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.context.ApplicationContext context;

    @Override
    protected String database() { return "laurel_soak"; }

    @Override
    protected Map<String, String> settings() { return Map.of("micronaut.server.host", "127.0.0.1"); }

    MutableHttpRequest<?> next(int n) {
        int subject = 1 + n % 200;
        return switch (n % 10) {
            case 0, 1, 2, 3, 4 -> HttpRequest.POST("/api/v1/subjects/P-%04d/eligibility?year=2025".formatted(subject), "").basicAuth("client", "client");
            case 5 -> HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO-VP&size=10").basicAuth("client", "client");
            case 6 -> HttpRequest.GET("/api/v1/subjects/P-%04d".formatted(subject)).basicAuth("clerk", "clerk");
            case 7 -> HttpRequest.GET("/api/v1/decisions?subject=P-%04d".formatted(subject)).basicAuth("auditor", "auditor");
            case 8 -> HttpRequest.POST("/api/v1/evaluations", scenario).contentType("application/x-yaml").basicAuth("client", "client");
            default -> HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER").basicAuth("policy", "policy");
        };
    }

    String scenario;

    int call(MutableHttpRequest<?> r) {
        try {
            return http.toBlocking().exchange(r, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    static long heapAfterGcMb() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    @Test
    void sustained_load_with_a_reload_and_an_import_in_the_middle() throws Exception {
        scenario = Files.readString(ThrowawayPostgres.repoRoot().resolve("examples/scenarios/advanced-laborer/excellent-rating-is-eligible.yaml"));
        String ratings = Files.readString(ThrowawayPostgres.repoRoot().resolve("examples/demo/ratings.csv"));
        AtomicInteger counter = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();
        long[] latencies = new long[(int) Math.min(MAX_REQUESTS, 5_000_000)];
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(SECONDS).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                int n;
                while (System.nanoTime() < end && (n = counter.getAndIncrement()) < MAX_REQUESTS) {
                    long t0 = System.nanoTime();
                    int status = call(next(n));
                    latencies[n] = System.nanoTime() - t0;
                    statuses.merge(status, 1L, Long::sum);
                    done.incrementAndGet();
                }
            });
        }
        Thread.sleep(Duration.ofSeconds(SECONDS).toMillis() / 5);
        long early = heapAfterGcMb();
        Thread.sleep(Duration.ofSeconds(SECONDS).toMillis() * 3 / 10);
        // A rule change published in the middle, as an approved draft is: the check runs every scenario before the swap.
        RuleBundle changed = Publishing.active(context).with("rules/awards/advanced-laborer.drl", new String(Publishing.active(context)
                .file("rules/awards/advanced-laborer.drl").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Working days absent in {year}", "Days of absence counted in {year}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RuleSetService service = context.getBean(RuleSetService.class);
        RuleSetService.CheckResult check = service.check(changed);
        int scenariosRun = check.scenarios();
        long scenarioMs = check.scenarioMs();
        int reload = check.passed() && service.publish(changed, check.compiled(), context.getBean(RuleSetHolder.class).active().revisionId(),
                "policy", "soak", null, RuleChangeLog.Action.PUBLISHED, null).changed() ? 200 : 422;
        int imported = call(HttpRequest.POST("/api/v1/imports?file=ratings.csv", ratings).contentType("text/csv").basicAuth("clerk", "clerk"));
        pool.shutdown();
        assertThat(pool.awaitTermination(SECONDS + 120, TimeUnit.SECONDS)).isTrue();
        long late = heapAfterGcMb();
        double seconds = (System.nanoTime() - start) / 1e9;

        long n = done.get();
        long[] sorted = Arrays.copyOf(latencies, (int) Math.min(n, latencies.length));
        Arrays.sort(sorted);
        String report = String.format(Locale.ROOT, "duration %.0f s, %d clients, %d requests (%.0f/s), statuses %s%n"
                        + "latency ms: median %.1f, p99 %.1f, max %.1f%npublish %d (%d scenarios run in %d ms), import %d%nheap after GC: %d MB at 20%%, %d MB at the end%n",
                seconds, CLIENTS, n, n / seconds, statuses, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, reload, scenariosRun, scenarioMs, imported, early, late);
        Path out = Path.of("target", "reliability", "soak.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);

        assertThat(statuses.keySet()).as(report).containsOnly(200);
        assertThat(reload).isEqualTo(200);
        assertThat(scenariosRun).as("scenarios the publish's check ran").isPositive();
        assertThat(imported).isEqualTo(201);
        assertThat(late).as(report).isLessThanOrEqualTo(early + HEAP_MARGIN_MB);
    }
}
