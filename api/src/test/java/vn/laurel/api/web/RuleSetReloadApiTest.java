package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.*;
import vn.laurel.api.RulesCopyPostgresTest;
import vn.laurel.api.rules.RuleSetArchive;
import vn.laurel.engine.ruleset.RuleArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reload, rollback and the version history over HTTP, on a private copy of the rules: a broken file
 * is refused while the old rules keep answering, and a correct change goes live under load with
 * no failed request.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetReloadApiTest extends RulesCopyPostgresTest {
    static final String ELIGIBILITY = "/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER&lang=en";
    static final String OLD_SENTENCE = "Working days absent in {year}";
    static final String NEW_SENTENCE = "Days of absence counted in {year}";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    RuleSetArchive archive;

    static String startVersion;
    static String reloadedVersion;

    BlockingHttpClient client() { return http.toBlocking(); }

    Http.Answer post(String uri, String json) {
        return Http.call(client(), HttpRequest.POST(uri, json).contentType("application/json"));
    }

    Path laborer() { return rulesDir.resolve("law-2022/advanced-laborer.drl"); }

    @Test
    @Order(1)
    void the_active_rule_set_says_its_version_files_regimes_and_that_it_was_loaded_at_start() {
        Http.Answer a = Http.get(client(), "/api/v1/ruleset");
        assertThat(a.status()).isEqualTo(200);
        startVersion = a.body().get("version").asText();
        assertThat(startVersion).startsWith("sha256:");
        assertThat(a.body().get("action").asText()).isEqualTo("LOAD");
        assertThat(a.body().get("activatedBy").asText()).isEqualTo("startup");
        assertThat(a.body().get("files").toString()).contains("law-2022/advanced-laborer.drl").contains("regimes.yaml");
        assertThat(a.body().get("regimes").findValuesAsText("code")).contains("LAW_2013", "LAW_2022", "LAW_2026_PROVISIONAL");
        assertThat(a.body().get("firstLoadedAt").isNull()).isFalse();

        JsonNode history = Http.get(client(), "/api/v1/ruleset/history").body().get("activations");
        assertThat(history.get(0).get("version").asText()).isEqualTo(startVersion);
        assertThat(history.get(0).get("action").asText()).isEqualTo("LOAD");
    }

    /** Each broken file is refused with its file and line; the rules in service keep answering. */
    @TestFactory
    @Order(2)
    List<DynamicTest> a_broken_rule_file_is_refused_and_the_old_rules_keep_answering() {
        return List.of(
                broken("a syntax error", "$h : history )\nthen\n    $e.record(kcontext, $h.ratingIn", "$h : )\nthen\n    $e.record(kcontext, $h.ratingIn"),
                broken("an unknown fact field", "$e : Evaluation( person, $year : year, $h : history )\nthen\n    $e.record(kcontext, $h.ratingIn",
                        "$e : Evaluation( persn == true, $year : year, $h : history )\nthen\n    $e.record(kcontext, $h.ratingIn"),
                broken("a forbidden import of java.io.File", "import vn.laurel.engine.model.Rating;",
                        "import vn.laurel.engine.model.Rating;\nimport java.io.File;"));
    }

    DynamicTest broken(String what, String from, String to) {
        return DynamicTest.dynamicTest(what, () -> {
            String original = Files.readString(laborer());
            try {
                replace(laborer(), from, to);
                int line = lineOf(Files.readString(laborer()), to.lines().filter(l -> !from.contains(l)).findFirst().orElse(to));
                Http.Answer refused = post("/api/v1/ruleset/reload", "");
                assertThat(refused.status()).as(what).isEqualTo(422);
                assertThat(refused.contentType()).isEqualTo("application/problem+json");
                assertThat(refused.body().get("detail").asText()).contains("current rules stay in service");
                JsonNode errors = refused.body().get("errors");
                assertThat(errors.findValuesAsText("field")).as(what).contains("law-2022/advanced-laborer.drl");
                assertThat(errors.findValues("line").stream().mapToInt(JsonNode::asInt).boxed().toList()).as(what)
                        .anyMatch(l -> Math.abs(l - line) <= 2);

                Http.Answer still = Http.get(client(), ELIGIBILITY);
                assertThat(still.status()).isEqualTo(200);
                assertThat(still.body().get("rulesetVersion").asText()).isEqualTo(startVersion);
                assertThat(Http.get(client(), "/api/v1/ruleset").body().get("version").asText()).isEqualTo(startVersion);
            } finally {
                Files.writeString(laborer(), original);
            }
        });
    }

    static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(fragment.strip())) return i + 1;
        throw new AssertionError(fragment);
    }

    @Test
    @Order(3)
    void a_change_that_breaks_a_scenario_is_refused_naming_the_scenario() throws IOException {
        Path params = rulesDir.resolve("parameters/advanced-laborer.yaml");
        String original = Files.readString(params);
        try {
            // An absence limit of 30 days where there is none (catalogue §1.4): the 39-day scenario breaks.
            replace(params, "value: NONE", "value: 30");
            Http.Answer refused = post("/api/v1/ruleset/reload", "");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().get("errors").findValuesAsText("field"))
                    .contains("scenarios/advanced-laborer/thirty-nine-days-absent-is-eligible.yaml");
            assertThat(refused.body().get("errors").toString()).contains("ABSENCE_BELOW_LIMIT");
            assertThat(Http.get(client(), "/api/v1/ruleset").body().get("version").asText()).isEqualTo(startVersion);
        } finally {
            Files.writeString(params, original);
        }
    }

    @Test
    @Order(4)
    void a_correct_change_is_live_after_reload_and_no_request_fails_under_load() throws Exception {
        replace(laborer(), OLD_SENTENCE, NEW_SENTENCE);
        int threads = 4;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger(), requests = new AtomicInteger();
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        List<String> failureDetails = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    // Saved decisions, as this load was made of before the GET became safe (issue 13): the same work.
                    Http.Answer a = Http.post(client(), ELIGIBILITY);
                    requests.incrementAndGet();
                    if (a.status() != 200 || !"ELIGIBLE".equals(a.body().get("results").get(0).get("outcome").asText())) {
                        failures.incrementAndGet();
                        failureDetails.add(a.status() + " " + a.body());
                    } else {
                        versions.merge(a.body().get("rulesetVersion").asText(), 1, Integer::sum);
                    }
                }
            }));
        }
        try {
            Thread.sleep(1500);
            Http.Answer reload = post("/api/v1/ruleset/reload", "");
            assertThat(reload.status()).as(reload.body().toString()).isEqualTo(200);
            reloadedVersion = reload.body().get("version").asText();
            assertThat(reload.body().get("changed").asBoolean()).isTrue();
            assertThat(reload.body().get("previousVersion").asText()).isEqualTo(startVersion);
            assertThat(reload.body().get("scenarios").asInt()).isGreaterThan(100);
            System.out.println("[measure] reload under load: " + reload.body());
            Thread.sleep(1500);
        } finally {
            stop.set(true);
            for (Future<?> f : running) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
        }
        System.out.println("[measure] requests during reload test: " + requests.get() + ", by version: " + versions);
        assertThat(failures.get()).as(String.valueOf(failureDetails)).isZero();
        assertThat(versions.keySet()).containsExactlyInAnyOrder(startVersion, reloadedVersion);

        JsonNode after = Http.get(client(), ELIGIBILITY).body();
        assertThat(after.get("rulesetVersion").asText()).isEqualTo(reloadedVersion);
        assertThat(after.toString()).contains("Days of absence counted in 2025");
        JsonNode history = Http.get(client(), "/api/v1/ruleset/history").body().get("activations");
        assertThat(history.get(0).get("action").asText()).isEqualTo("RELOAD");
        assertThat(history.get(0).get("version").asText()).isEqualTo(reloadedVersion);
    }

    @Test
    @Order(5)
    void reloading_unchanged_files_changes_nothing() {
        Http.Answer again = post("/api/v1/ruleset/reload", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("changed").asBoolean()).isFalse();
        assertThat(Http.get(client(), "/api/v1/ruleset/history").body().get("activations").get(0).get("action").asText())
                .isEqualTo("RELOAD");
    }

    @Test
    @Order(6)
    void every_version_loaded_is_kept_and_can_be_compiled_again_for_replay() {
        assertThat(archive.byVersion(startVersion)).get().extracting(r -> r.version()).isEqualTo(startVersion);
        assertThat(archive.byVersion("sha256:" + "0".repeat(64))).isEmpty();
        byte[] zip = client().retrieve(HttpRequest.GET("/api/v1/ruleset/versions/" + startVersion + "/files"), byte[].class);
        assertThat(RuleArchive.load(zip).version()).isEqualTo(startVersion);
    }

    @Test
    @Order(7)
    void rollback_returns_to_the_previous_version_and_is_recorded() {
        Http.Answer back = post("/api/v1/ruleset/rollback", "");
        assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
        assertThat(back.body().get("version").asText()).isEqualTo(startVersion);
        System.out.println("[measure] rollback: " + back.body());
        JsonNode active = Http.get(client(), "/api/v1/ruleset").body();
        assertThat(active.get("version").asText()).isEqualTo(startVersion);
        assertThat(active.get("action").asText()).isEqualTo("ROLLBACK");
        assertThat(Http.get(client(), ELIGIBILITY).body().get("rulesetVersion").asText()).isEqualTo(startVersion);

        Http.Answer forward = post("/api/v1/ruleset/rollback", "{\"version\":\"" + reloadedVersion + "\"}");
        assertThat(forward.body().get("version").asText()).isEqualTo(reloadedVersion);
        assertThat(Http.get(client(), ELIGIBILITY).body().toString()).contains("Days of absence counted in 2025");
    }

    @Test
    @Order(8)
    void a_bad_or_unknown_rollback_version_is_a_problem_naming_the_field() {
        Http.Answer bad = post("/api/v1/ruleset/rollback", "{\"version\":\"latest\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).isEqualTo("application/problem+json");
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactly("version");
        Http.Answer unknown = post("/api/v1/ruleset/rollback", "{\"version\":\"sha256:" + "0".repeat(64) + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("errors").findValuesAsText("field")).containsExactly("version");
    }
}
