package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.*;
import io.micronaut.context.ApplicationContext;
import vn.laurel.api.Publishing;
import vn.laurel.api.RulesCopyPostgresTest;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.engine.ruleset.RuleBundle;
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
 * Reload, publishing, rollback, revisions and the change log over HTTP, on a private copy of the rules
 * and a database of its own: a broken file is refused while the old rules keep answering, and a
 * correct change goes live under load with no failed request.
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

    @Inject
    ApplicationContext context;

    @Override
    protected String database() { return "laurel_reload"; }

    static String startVersion;
    static String reloadedVersion;

    BlockingHttpClient client() { return http.toBlocking(); }

    Http.Answer post(String uri, String json) {
        return Http.call(client(), HttpRequest.POST(uri, json).contentType("application/json"));
    }

    Path laborer() { return rulesDir.resolve("awards/advanced-laborer.drl"); }

    @Test
    @Order(1)
    void the_active_rule_set_says_its_version_files_regimes_and_that_it_was_seeded_from_the_directory() {
        Http.Answer a = Http.get(client(), "/api/v1/ruleset");
        assertThat(a.status()).isEqualTo(200);
        startVersion = a.body().get("version").asText();
        assertThat(startVersion).startsWith("sha256:");
        assertThat(a.body().get("action").asText()).isEqualTo("SEED");
        assertThat(a.body().get("activatedBy").asText()).isEqualTo("seed");
        assertThat(a.body().get("revision").get("id").asLong()).isEqualTo(1);
        assertThat(a.body().get("revision").get("parentId").isNull()).isTrue();
        assertThat(a.body().get("revision").get("note").asText()).isEqualTo("imported from the server's rule files");
        assertThat(a.body().get("files").toString()).contains("awards/advanced-laborer.drl").contains("regimes.yaml");
        assertThat(a.body().get("regimes").findValuesAsText("code")).contains("LAW_2013", "LAW_2022", "LAW_2026_PROVISIONAL");
        assertThat(a.body().get("firstLoadedAt").isNull()).isFalse();

        JsonNode history = Http.get(client(), "/api/v1/ruleset/history").body().get("activations");
        assertThat(history.get(0).get("version").asText()).isEqualTo(startVersion);
        assertThat(history.get(0).get("action").asText()).isEqualTo("SEED");
    }

    /** Each broken file is refused with its file and line; the rules in service keep answering. */
    @TestFactory
    @Order(2)
    List<DynamicTest> a_broken_rule_file_is_refused_and_the_old_rules_keep_answering() {
        return List.of(
                broken("a syntax error", "$h : history )\nthen\n    $e.record($h.ratingIn", "$h : )\nthen\n    $e.record($h.ratingIn"),
                broken("an unknown fact field", "$e : Evaluation( person, $year : year, $h : history )\nthen\n    $e.record($h.ratingIn",
                        "$e : Evaluation( persn == true, $year : year, $h : history )\nthen\n    $e.record($h.ratingIn"),
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
                assertThat(errors.findValuesAsText("field")).as(what).contains("awards/advanced-laborer.drl");
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
            // What a reload does once its draft is approved (POST /reload answers 202 with the draft on PostgreSQL).
            RuleSetService.Published published = Publishing.directory(context, "policy");
            reloadedVersion = published.revision().rulesVersion();
            assertThat(published.changed()).isTrue();
            assertThat(published.previousVersion()).isEqualTo(startVersion);
            assertThat(published.revision().parentId()).isEqualTo(1L);
            System.out.println("[measure] publish under load: " + published);
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
        assertThat(history.get(0).get("action").asText()).isEqualTo("PUBLISH");
        assertThat(history.get(0).get("version").asText()).isEqualTo(reloadedVersion);
        assertThat(history.get(0).get("revisionId").asLong()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void reloading_unchanged_files_changes_nothing() {
        Http.Answer again = post("/api/v1/ruleset/reload", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("changed").asBoolean()).isFalse();
        assertThat(Http.get(client(), "/api/v1/ruleset/history").body().get("activations").get(0).get("action").asText())
                .isEqualTo("PUBLISH");
    }

    @Test
    @Order(5)
    void a_reload_of_changed_files_on_postgresql_is_a_draft_to_review_202() throws IOException {
        String original = Files.readString(laborer());
        try {
            replace(laborer(), NEW_SENTENCE, "Absence days counted in {year}");
            Http.Answer a = post("/api/v1/ruleset/reload", "");
            assertThat(a.status()).as(a.body().toString()).isEqualTo(202);
            assertThat(a.body().get("approvalsRequired").asInt()).isEqualTo(1);
            assertThat(a.body().get("draft").get("id").asLong()).isPositive();
            assertThat(Http.get(client(), "/api/v1/ruleset").body().get("version").asText()).isEqualTo(reloadedVersion);
        } finally {
            Files.writeString(laborer(), original);
        }
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

        assertThat(active.get("revision").get("id").asLong()).isEqualTo(1);

        Http.Answer forward = post("/api/v1/ruleset/rollback", "{\"version\":\"" + reloadedVersion + "\"}");
        assertThat(forward.body().get("version").asText()).isEqualTo(reloadedVersion);
        assertThat(forward.body().get("revision").get("id").asLong()).isEqualTo(2);
        assertThat(Http.get(client(), ELIGIBILITY).body().toString()).contains("Days of absence counted in 2025");

        Http.Answer byRevision = post("/api/v1/ruleset/rollback", "{\"revision\":1}");
        assertThat(byRevision.status()).isEqualTo(200);
        assertThat(byRevision.body().get("version").asText()).isEqualTo(startVersion);
        assertThat(Http.get(client(), "/api/v1/ruleset").body().get("revision").get("id").asLong()).isEqualTo(1);
        assertThat(post("/api/v1/ruleset/rollback", "{\"revision\":2}").body().get("version").asText()).isEqualTo(reloadedVersion);
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
        Http.Answer noRevision = post("/api/v1/ruleset/rollback", "{\"revision\":999}");
        assertThat(noRevision.status()).isEqualTo(404);
        assertThat(noRevision.body().get("errors").findValuesAsText("field")).containsExactly("revision");
        for (String body : List.of("{\"revision\":0}", "{\"revision\":\"2\"}", "{\"revision\":1.5}",
                "{\"revision\":1,\"version\":\"sha256:" + "0".repeat(64) + "\"}")) {
            Http.Answer bad2 = post("/api/v1/ruleset/rollback", body);
            assertThat(bad2.status()).as(body).isEqualTo(400);
            assertThat(bad2.body().get("errors").findValuesAsText("field")).as(body).containsExactly("revision");
        }
    }

    @Test
    @Order(9)
    void revisions_their_files_and_the_change_log_can_be_read_and_verified() {
        JsonNode revisions = Http.get(client(), "/api/v1/ruleset/revisions").body();
        assertThat(revisions.get("activeRevision").asLong()).isEqualTo(2);
        assertThat(revisions.get("revisions").findValuesAsText("id")).containsExactly("2", "1");
        assertThat(revisions.get("revisions").get(0).get("author").asText()).isEqualTo("policy");
        assertThat(revisions.get("revisions").get(0).get("parentId").asLong()).isEqualTo(1);
        assertThat(Http.get(client(), "/api/v1/ruleset/revisions?before=2&limit=1").body().get("revisions").findValuesAsText("id"))
                .containsExactly("1");

        JsonNode one = Http.get(client(), "/api/v1/ruleset/revisions/1").body();
        assertThat(one.get("revision").get("rulesVersion").asText()).isEqualTo(startVersion);
        assertThat(one.get("active").asBoolean()).isFalse();
        assertThat(one.get("files").findValuesAsText("path")).contains("rules/regimes.yaml",
                "scenarios/advanced-laborer/thirty-nine-days-absent-is-eligible.yaml");

        byte[] zip = client().retrieve(HttpRequest.GET("/api/v1/ruleset/revisions/2/files"), byte[].class);
        RuleBundle bundle = RuleBundle.fromZip(zip);
        assertThat(bundle.rulesVersion()).isEqualTo(reloadedVersion);
        assertThat(bundle.hasScenarios()).isTrue();

        JsonNode changes = Http.get(client(), "/api/v1/ruleset/changes").body().get("changes");
        assertThat(changes.findValuesAsText("action")).containsExactly("ROLLED_BACK", "ROLLED_BACK", "ROLLED_BACK", "ROLLED_BACK",
                "DRAFT_CREATED", "PUBLISHED", "SEEDED"); // the draft: the reload of changed files on PostgreSQL
        assertThat(changes.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(Http.get(client(), "/api/v1/ruleset/changes?before=2").body().get("changes").findValuesAsText("action"))
                .containsExactly("SEEDED");
        assertThat(Http.get(client(), "/api/v1/ruleset/changes?draft=7").body().get("changes")).isEmpty();
        JsonNode verified = Http.get(client(), "/api/v1/ruleset/changes/verify").body();
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("records").asInt()).isEqualTo(7);
    }

    @Test
    @Order(10)
    void bad_parameters_of_the_history_endpoints_are_400_naming_the_field_and_unknown_revisions_404() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/v1/ruleset/revisions?limit=0", "limit");
        bad.put("/api/v1/ruleset/revisions?limit=1001", "limit");
        bad.put("/api/v1/ruleset/revisions?limit=ten", "limit");
        bad.put("/api/v1/ruleset/revisions?before=-1", "before");
        bad.put("/api/v1/ruleset/revisions?before=99999999999999999999", "before");
        bad.put("/api/v1/ruleset/revisions/abc", "id");
        bad.put("/api/v1/ruleset/revisions/0/files", "id");
        bad.put("/api/v1/ruleset/changes?draft=x", "draft");
        bad.put("/api/v1/ruleset/changes?before=1.5", "before");
        bad.put("/api/v1/ruleset/changes?limit=-3", "limit");
        bad.forEach((uri, field) -> {
            Http.Answer a = Http.get(client(), uri);
            assertThat(a.status()).as(uri).isEqualTo(400);
            assertThat(a.contentType()).as(uri).isEqualTo("application/problem+json");
            assertThat(a.body().get("errors").findValuesAsText("field")).as(uri).containsExactly(field);
        });
        for (String uri : List.of("/api/v1/ruleset/revisions/999", "/api/v1/ruleset/revisions/999/files")) {
            Http.Answer a = Http.get(client(), uri);
            assertThat(a.status()).as(uri).isEqualTo(404);
            assertThat(a.contentType()).as(uri).isEqualTo("application/problem+json");
        }
    }
}
