package vn.laurel.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import vn.laurel.api.rules.CompiledRuleSets;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.changes.RuleChangeLog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one throwaway PostgreSQL, as two replicas behind a load balancer: a
 * change published through the first is served by the second within 2 s; decisions taken on both
 * while it happens keep one intact chain, each under one of the two versions; a rollback, then a
 * restart of both, still serves the rolled-back version. And two instances starting together on an
 * empty database seed it once.
 */
class TwoInstancesPostgresTest {
    static final String ELIGIBILITY = "/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER&lang=en";
    static final String LABORER = "rules/awards/advanced-laborer.drl";
    static final String OLD_SENTENCE = "Working days absent in {year}";
    static final String NEW_SENTENCE = "Days of absence counted in {year}";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();

    static Map<String, Object> settings(Map<String, String> database, boolean demo) {
        Map<String, Object> p = new HashMap<>(database);
        p.put("laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString());
        p.put("laurel.scenarios.dir", ThrowawayPostgres.repoRoot().resolve("examples/scenarios").toString());
        p.put("laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
        p.put("laurel.demo.enabled", String.valueOf(demo));
        p.put("micronaut.server.port", "-1");
        return p;
    }

    static EmbeddedServer start(Map<String, Object> settings) {
        return ApplicationContext.run(EmbeddedServer.class, settings, Environment.TEST);
    }

    record Answer(int status, JsonNode body) {}

    static Answer call(EmbeddedServer s, String method, String path, String body, String user) {
        return call(s, method, path, body, user, "application/json");
    }

    static Answer call(EmbeddedServer s, String method, String path, String body, String user, String type) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.getPort() + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                    .header("Content-Type", type)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .timeout(java.time.Duration.ofSeconds(60)).build();
            HttpResponse<String> a = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            boolean json = a.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Answer(a.statusCode(), a.body().isEmpty() ? JSON.nullNode() : json ? JSON.readTree(a.body()) : JSON.getNodeFactory().textNode(a.body()));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    static String served(EmbeddedServer s) {
        return call(s, "GET", "/api/v1/ruleset", null, "auditor").body().get("version").asText();
    }

    /** Milliseconds until the instance serves the version (polled every 10 ms), at most 10 s. */
    static long until(EmbeddedServer s, String version) throws InterruptedException {
        long start = System.nanoTime();
        while (!served(s).equals(version) && System.nanoTime() - start < 10_000_000_000L) Thread.sleep(10);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void two_instances_starting_together_on_an_empty_database_seed_it_once() throws Exception {
        Map<String, Object> settings = settings(ThrowawayPostgres.separateDatabase("laurel_seed_together"), false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<EmbeddedServer>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) starting.add(pool.submit(() -> {
            go.await();
            return start(settings);
        }));
        go.countDown();
        try (EmbeddedServer one = starting.get(0).get(120, TimeUnit.SECONDS); EmbeddedServer two = starting.get(1).get(120, TimeUnit.SECONDS)) {
            assertThat(served(one)).isEqualTo(served(two));
            assertThat(one.getApplicationContext().getBean(RuleStore.class).revisions(null, 10)).hasSize(1);
            assertThat(two.getApplicationContext().getBean(RuleChangeLog.class).list(null, null, 10))
                    .extracting(RuleChangeLog.Entry::action).containsExactly("SEEDED");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_change_published_on_one_instance_is_served_by_the_other_within_2_s_and_a_rollback_survives_a_restart_of_both()
            throws Exception {
        Map<String, String> database = ThrowawayPostgres.separateDatabase("laurel_two_instances");
        String before;
        String after;
        try (EmbeddedServer one = start(settings(database, true)); EmbeddedServer two = start(settings(database, true))) {
            before = served(one);
            assertThat(served(two)).isEqualTo(before);

            // Decisions on both instances, all the while.
            AtomicBoolean stop = new AtomicBoolean();
            Map<String, Integer> versions = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> deciding = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                EmbeddedServer target = t % 2 == 0 ? one : two;
                deciding.add(pool.submit(() -> {
                    while (!stop.get()) {
                        Answer a = call(target, "POST", ELIGIBILITY, "", "client");
                        if (a.status() != 200) failures.add(a.status() + " " + a.body());
                        else versions.merge(a.body().get("rulesetVersion").asText(), 1, Integer::sum);
                    }
                }));
            }
            long followMs;
            long rollbackFollowMs;
            try {
                Thread.sleep(1000);
                // The whole way a policy officer goes, over HTTP on the first instance: draft, save, propose, another approves, publish.
                after = reviewedChange(one, two);
                assertThat(served(one)).isEqualTo(after);
                followMs = until(two, after);
                System.out.println("[measure] second instance serves the published version after " + followMs + " ms");
                assertThat(served(two)).isEqualTo(after);
                assertThat(followMs).isLessThan(2000);
                assertThat(call(two, "POST", ELIGIBILITY, "", "client").body().toString()).contains("Days of absence counted in 2025");
                Thread.sleep(1000);

                // Rolled back through the second instance (the emergency path: no approval): the first follows.
                Answer back = call(two, "POST", "/api/v1/ruleset/rollback", "", "policy");
                assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
                assertThat(back.body().get("version").asText()).isEqualTo(before);
                assertThat(back.body().get("revision").get("id").asLong()).isEqualTo(1);
                rollbackFollowMs = until(one, before);
                System.out.println("[measure] first instance serves the rolled-back version after " + rollbackFollowMs + " ms");
                assertThat(rollbackFollowMs).isLessThan(2000);
                Thread.sleep(500);
            } finally {
                stop.set(true);
                for (Future<?> f : deciding) f.get(60, TimeUnit.SECONDS);
                pool.shutdown();
            }
            System.out.println("[measure] decisions on two instances during publish and rollback, by version: " + versions);
            assertThat(failures).isEmpty();
            assertThat(versions.keySet()).containsExactlyInAnyOrder(before, after);

            for (EmbeddedServer s : List.of(one, two)) {
                Answer verify = call(s, "GET", "/api/v1/audit/verify", null, "auditor");
                assertThat(verify.status()).as(verify.body().toString()).isEqualTo(200);
                assertThat(verify.body().get("intact").asBoolean()).isTrue();
            }
            Answer changes = call(one, "GET", "/api/v1/ruleset/changes", null, "auditor");
            assertThat(changes.body().get("changes").findValuesAsText("action")).containsExactly("ROLLED_BACK", "PUBLISHED", "APPROVED",
                    "PROPOSED", "FILE_SAVED", "DRAFT_CREATED", "SEEDED");
            assertThat(changes.body().get("changes").findValuesAsText("actor")).containsExactly("policy", "policy", "admin",
                    "policy", "policy", "policy", "seed");
            assertThat(call(two, "GET", "/api/v1/ruleset/changes/verify", null, "auditor").body().get("intact").asBoolean()).isTrue();
        }
        // Both stopped; two fresh instances on the same database serve the rolled-back version, not the directory's newest publish.
        try (EmbeddedServer three = start(settings(database, true)); EmbeddedServer four = start(settings(database, true))) {
            assertThat(served(three)).isEqualTo(before);
            assertThat(served(four)).isEqualTo(before);
            JsonNode active = call(four, "GET", "/api/v1/ruleset", null, "auditor").body();
            assertThat(active.get("action").asText()).isEqualTo("ROLLBACK");
            assertThat(active.get("revision").get("id").asLong()).isEqualTo(1);
            assertThat(call(three, "POST", ELIGIBILITY, "", "client").body().get("rulesetVersion").asText()).isEqualTo(before);
        }
    }

    /**
     * A change made and approved on the first instance; the second compiles the approved rules ahead
     * (RuleWarmer) before anyone publishes them, so following the publication is a swap. Returns the
     * published version.
     */
    static String reviewedChange(EmbeddedServer one, EmbeddedServer two) throws InterruptedException {
        String drafts = "/api/v1/ruleset/drafts";
        Answer draft = call(one, "POST", drafts, "{\"title\": \"Tên tiêu chí nghỉ việc rõ hơn\"}", "policy");
        assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
        long id = draft.body().get("id").asLong();
        String text = call(one, "GET", drafts + "/" + id + "/files/" + LABORER, null, "policy").body().asText();
        assertThat(text).contains(OLD_SENTENCE);
        Answer saved = call(one, "PUT", drafts + "/" + id + "/files/" + LABORER, text.replace(OLD_SENTENCE, NEW_SENTENCE), "policy",
                "text/plain; charset=utf-8");
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().get("check").get("passed").asBoolean()).isTrue();
        String version = saved.body().get("rulesVersion").asText();
        assertThat(call(one, "POST", drafts + "/" + id + "/propose", "{\"note\": \"clearer sentence\"}", "policy").status()).isEqualTo(200);
        Answer approved = call(one, "POST", drafts + "/" + id + "/approve",
                "{\"contentHash\": \"" + saved.body().get("contentHash").asText() + "\"}", "admin");
        assertThat(approved.body().get("status").asText()).as(approved.body().toString()).isEqualTo("APPROVED");

        CompiledRuleSets ahead = two.getApplicationContext().getBean(CompiledRuleSets.class);
        long start = System.nanoTime();
        while (ahead.cached(version).isEmpty() && System.nanoTime() - start < 10_000_000_000L) Thread.sleep(20);
        System.out.println("[measure] second instance compiled the approved rules ahead after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(ahead.cached(version)).as("the second instance compiles approved rules before they are published").isPresent();

        Answer published = call(one, "POST", drafts + "/" + id + "/publish", "", "policy");
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        assertThat(published.body().toString()).contains(version);
        return version;
    }
}
