package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.TestCredentials;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.security.Tokens;

import java.nio.file.Files;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.laurel.api.security.Roles.*;

/**
 * Every endpoint × every role, and each kind of bad credentials: the expected 2xx, 401 or 403,
 * errors as problem+json. Run twice: with the key set of a stand-in identity provider
 * ({@link RoleMatrixApiTest}, roles in signed tokens) and without any ({@link RoleMatrixWithoutKeySetApiTest},
 * roles from the demo accounts, and every bearer token refused).
 */
abstract class RoleMatrix extends PostgresTest {
    static final Tokens TOKENS = new Tokens();
    static final List<String> ROLES = List.of(CLIENT, CLERK, POLICY, BOARD, AUDITOR, ADMIN, MONITOR);
    static final Set<String> WITHOUT_MONITOR = Set.of(CLIENT, CLERK, POLICY, BOARD, AUDITOR, ADMIN);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DraftService drafts;

    long decisionId;
    long checkpointId;
    long importId;
    long draftId;
    String version;
    long revision;
    final AtomicInteger counter = new AtomicInteger();

    /** The Authorization header of a user who holds just this role (a CLIENT scoped to the demo department). */
    abstract String as(String role);

    /** Credentials that must be refused (401) everywhere but on open endpoints, by what they are; null: none at all. */
    abstract Map<String, String> badCredentials();

    /** Bearer tokens an attacker would try whatever the configuration, by what they are. */
    static Map<String, String> forgeries() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no credentials", null);
        bad.put("garbage token", "Bearer not.a.token");
        bad.put("forged token", "Bearer " + TOKENS.forged("admin@agency.gov.vn", ADMIN));
        bad.put("unsigned token", "Bearer " + TOKENS.unsigned("admin@agency.gov.vn", ADMIN));
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            bad.put("alg " + alg + " by hand", "Bearer " + Tokens.handMade(alg, "admin@agency.gov.vn", ADMIN, CLERK, AUDITOR, CLIENT, POLICY));
        }
        bad.put("HS256 keyed with the public key set", "Bearer " + TOKENS.confused("admin@agency.gov.vn", ADMIN));
        bad.put("wrong demo password", "Basic " + Base64.getEncoder().encodeToString("admin:client".getBytes()));
        return bad;
    }

    BlockingHttpClient client() { return http.toBlocking(); }

    record Endpoint(String name, Set<String> roles, Set<Integer> ok, Supplier<MutableHttpRequest<?>> request) {}

    @BeforeAll
    void someThingsToPointAt() {
        decisionId = Http.post(client(), "/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER").body().get("decisionId").asLong();
        checkpointId = Http.post(client(), "/api/v1/audit/checkpoints").body().get("id").asLong();
        importId = Http.call(client(), csvImport()).body().get("id").asLong();
        version = Http.get(client(), "/api/v1/ruleset").body().get("version").asText();
        revision = Http.get(client(), "/api/v1/ruleset").body().get("revision").get("id").asLong();
        draftId = freshDraft();
    }

    static final String DRAFTS = "/api/v1/ruleset/drafts";
    static final String SCENARIO = "scenarios/advanced-laborer/excellent-rating-is-eligible.yaml";

    /** A draft of the rules in service by someone who is none of the matrix's users, so any of them may review it. */
    long freshDraft() {
        return drafts.create("matrix", null, "matrix").id();
    }

    long proposedDraft() {
        long id = freshDraft();
        drafts.propose(id, "matrix", "matrix");
        return id;
    }

    long approvedDraft() {
        long id = proposedDraft();
        drafts.approve(id, drafts.view(id).contentHash(), null, "matrix-reviewer");
        return id;
    }

    /** An approval naming the content read, as a reviewer's must. */
    MutableHttpRequest<?> approval(long draft) {
        return json(HttpRequest.POST(DRAFTS + "/" + draft + "/approve", "{\"contentHash\":\"" + drafts.view(draft).contentHash() + "\"}"));
    }

    static MutableHttpRequest<?> csvImport() {
        return HttpRequest.POST("/api/v1/imports?file=ratings.csv", "subject,year,rating\nP-0001,2016,EXCELLENT\n").contentType("text/csv");
    }

    MutableHttpRequest<?> json(MutableHttpRequest<?> r) { return r.contentType(MediaType.APPLICATION_JSON); }

    /** A fresh attestation to correct or retract, made by the test's admin. */
    long freshFact() {
        int n = counter.incrementAndGet();
        Http.Answer a = Http.call(client(), json(HttpRequest.POST("/api/v1/subjects/P-0120/facts/attestations",
                "{\"year\":" + (1990 + n) + ",\"criterion\":\"EMULATION_PARTICIPATION\",\"value\":false,\"attestedBy\":\"matrix\"}")));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return Long.parseLong(a.body().get("id").asText().replace("attestation:", ""));
    }

    List<Endpoint> endpoints() {
        Set<Integer> ok = Set.of(200), created = Set.of(201);
        String scenario = read("examples/scenarios/advanced-laborer/excellent-rating-is-eligible.yaml");
        return List.of(
                new Endpoint("GET eligibility", Set.of(CLIENT, BOARD, ADMIN), ok, () -> HttpRequest.GET("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER")),
                new Endpoint("POST eligibility (saved)", Set.of(CLIENT, BOARD, ADMIN), ok, () -> HttpRequest.POST("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER", "")),
                new Endpoint("GET candidates", Set.of(CLIENT, BOARD, ADMIN), ok, () -> HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&size=5")),
                new Endpoint("POST evaluations (what-if)", Set.of(CLIENT, POLICY, ADMIN), ok, () -> HttpRequest.POST("/api/v1/evaluations", scenario).contentType("application/x-yaml")),
                new Endpoint("GET earliest year", Set.of(CLIENT, BOARD, ADMIN), ok, () -> HttpRequest.GET("/api/v1/subjects/P-0001/earliest?year=2025&award=ADVANCED_LABORER&horizon=2")),
                new Endpoint("POST earliest year of a case document", Set.of(CLIENT, POLICY, ADMIN), ok, () -> HttpRequest.POST("/api/v1/evaluations/earliest?horizon=2", scenario)
                        .contentType("application/x-yaml")),
                new Endpoint("GET awards", Set.copyOf(ROLES), ok, () -> HttpRequest.GET("/api/v1/awards")),
                new Endpoint("GET award", Set.copyOf(ROLES), ok, () -> HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER")),
                new Endpoint("GET subject", Set.of(CLERK, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/subjects/P-0001")),
                // MONITOR's credential names no organisation (docs/operations.md advises it): subjects and units are refused.
                new Endpoint("GET subjects", WITHOUT_MONITOR, ok, () -> HttpRequest.GET("/api/v1/subjects?unit=HN-SKHCN-DEMO-VP&size=5")),
                new Endpoint("GET units", Set.copyOf(ROLES), ok, () -> HttpRequest.GET("/api/v1/units")),
                new Endpoint("GET clusters", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/clusters?year=2025")),
                new Endpoint("GET cluster", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/clusters/HN-KHOI-SKHCN-DEMO?year=2025")),
                new Endpoint("GET cluster review", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/clusters/HN-KHOI-SKHCN-DEMO/review?year=2025")),
                // The demo's own points again: a write that changes nothing the other tests read.
                new Endpoint("POST cluster scores (CSV)", Set.of(BOARD, ADMIN), ok, () -> HttpRequest.POST("/api/v1/clusters/HN-KHOI-SKHCN-DEMO/review/scores?year=2025",
                        "unit,criterion,points\nHN-SKHCN-DEMO-VP,NHIEM_VU,46\n").contentType("text/csv")),
                new Endpoint("POST batch", Set.of(CLIENT, ADMIN), Set.of(202), () -> json(HttpRequest.POST("/api/v1/batches",
                        "{\"year\":2025,\"unit\":\"HN-SKHCN-DEMO-VP\",\"awards\":[\"ADVANCED_LABORER\"]}"))),
                new Endpoint("GET unit", WITHOUT_MONITOR, ok, () -> HttpRequest.GET("/api/v1/units/HN-SKHCN-DEMO")),
                new Endpoint("GET authorities", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/authorities?year=2025")),
                new Endpoint("GET proposals", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/proposals?year=2025")),
                new Endpoint("POST proposals (prepare a list)", Set.of(BOARD, ADMIN), created, () -> json(HttpRequest.POST("/api/v1/proposals",
                        "{\"year\":2025,\"authority\":\"PRIME_MINISTER\",\"unit\":\"HN-SKHCN-DEMO-VP\"}"))),
                new Endpoint("GET subject facts", Set.of(CLERK, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/subjects/P-0001/facts/ratings")),
                new Endpoint("POST fact", Set.of(CLERK, ADMIN), created, () -> json(HttpRequest.POST("/api/v1/subjects/P-0120/facts/attestations",
                        "{\"year\":" + (1990 + counter.incrementAndGet()) + ",\"criterion\":\"EMULATION_PARTICIPATION\",\"value\":true,\"attestedBy\":\"matrix\"}"))),
                new Endpoint("GET fact", Set.of(CLERK, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/facts/ratings/1")),
                new Endpoint("PUT fact", Set.of(CLERK, ADMIN), ok, () -> json(HttpRequest.PUT("/api/v1/facts/attestations/" + freshFact(), "{\"value\":true}"))),
                new Endpoint("DELETE fact", Set.of(CLERK, ADMIN), ok, () -> HttpRequest.DELETE("/api/v1/facts/attestations/" + freshFact())),
                new Endpoint("GET fact history", Set.of(CLERK, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/facts/ratings/1/history")),
                new Endpoint("POST import", Set.of(CLERK, ADMIN), created, RoleMatrixApiTest::csvImport),
                new Endpoint("GET import", Set.of(CLERK, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/imports/" + importId)),
                new Endpoint("GET decision", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/decisions/" + decisionId)),
                new Endpoint("GET decision report", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/decisions/" + decisionId).accept(MediaType.TEXT_HTML)),
                new Endpoint("GET decisions", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/decisions?subject=P-0001")),
                new Endpoint("POST replay", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.POST("/api/v1/decisions/" + decisionId + "/replay", "")),
                new Endpoint("GET audit verify", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/audit/verify")),
                new Endpoint("GET audit verify against a checkpoint", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/audit/verify?checkpoint=" + checkpointId)),
                new Endpoint("POST audit verify a checkpoint document", Set.of(AUDITOR, ADMIN), ok, () -> json(HttpRequest.POST("/api/v1/audit/verify",
                        Http.get(client(), "/api/v1/audit/checkpoints/" + checkpointId).body().toString()))),
                new Endpoint("POST audit checkpoint", Set.of(AUDITOR, ADMIN), created, () -> HttpRequest.POST("/api/v1/audit/checkpoints", "")),
                new Endpoint("GET audit checkpoints", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/audit/checkpoints")),
                new Endpoint("GET audit checkpoint", Set.of(AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/audit/checkpoints/" + checkpointId)),
                new Endpoint("GET ruleset", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset")),
                new Endpoint("GET ruleset history", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset/history")),
                new Endpoint("GET ruleset files", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset/versions/" + version + "/files")),
                new Endpoint("GET ruleset revisions", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset/revisions")),
                new Endpoint("GET ruleset revision", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset/revisions/" + revision)),
                new Endpoint("GET ruleset revision files", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset/revisions/" + revision + "/files")),
                new Endpoint("GET ruleset changes", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset/changes")),
                new Endpoint("GET ruleset changes verify", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/ruleset/changes/verify")),
                new Endpoint("POST ruleset reload", Set.of(POLICY, ADMIN), ok, () -> HttpRequest.POST("/api/v1/ruleset/reload", "")),
                new Endpoint("POST ruleset rollback", Set.of(POLICY, ADMIN), ok, () -> json(HttpRequest.POST("/api/v1/ruleset/rollback", "{\"version\":\"" + version + "\"}"))),
                new Endpoint("POST ruleset preview", Set.of(POLICY, ADMIN), ok, () -> json(HttpRequest.POST("/api/v1/ruleset/preview",
                        "{\"version\":\"" + version + "\",\"lastDecisions\":3}"))),
                new Endpoint("POST ruleset draft", Set.of(POLICY, ADMIN), created, () -> json(HttpRequest.POST(DRAFTS, "{\"title\":\"matrix\"}"))),
                new Endpoint("GET ruleset drafts", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET(DRAFTS + "?status=OPEN")),
                new Endpoint("GET ruleset draft", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET(DRAFTS + "/" + draftId)),
                new Endpoint("GET ruleset draft files", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET(DRAFTS + "/" + draftId + "/files")),
                new Endpoint("GET ruleset draft file", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET(DRAFTS + "/" + draftId + "/files/" + SCENARIO)),
                new Endpoint("GET ruleset draft diff", Set.of(POLICY, AUDITOR, ADMIN), ok, () -> HttpRequest.GET(DRAFTS + "/" + draftId + "/diff")),
                new Endpoint("PUT ruleset draft file", Set.of(POLICY, ADMIN), ok, () -> HttpRequest.PUT(DRAFTS + "/" + draftId + "/files/" + SCENARIO,
                        read("examples/" + SCENARIO).replace("name: \"A rating", "name: \"The rating")).contentType(MediaType.TEXT_PLAIN)),
                new Endpoint("DELETE ruleset draft file", Set.of(POLICY, ADMIN), ok, () -> HttpRequest.DELETE(DRAFTS + "/" + freshDraft() + "/files/" + SCENARIO)),
                new Endpoint("POST ruleset draft propose", Set.of(POLICY, ADMIN), ok, () -> json(HttpRequest.POST(DRAFTS + "/" + freshDraft() + "/propose",
                        "{\"note\":\"matrix\"}"))),
                new Endpoint("POST ruleset draft approve", Set.of(POLICY, ADMIN), ok, () -> approval(proposedDraft())),
                new Endpoint("POST ruleset draft reject", Set.of(POLICY, ADMIN), ok, () -> json(HttpRequest.POST(DRAFTS + "/" + proposedDraft() + "/reject",
                        "{\"reason\":\"matrix\"}"))),
                new Endpoint("POST ruleset draft publish", Set.of(POLICY, ADMIN), ok, () -> json(HttpRequest.POST(DRAFTS + "/" + approvedDraft() + "/publish", ""))),
                // Only its author or an administrator discards a draft: the matrix's drafts are nobody's here.
                new Endpoint("DELETE ruleset draft of someone else", Set.of(ADMIN), ok, () -> HttpRequest.DELETE(DRAFTS + "/" + freshDraft())),
                new Endpoint("POST ruleset preview of a draft", Set.of(POLICY, ADMIN), ok, () -> json(HttpRequest.POST("/api/v1/ruleset/preview",
                        "{\"draft\":" + draftId + ",\"lastDecisions\":3}"))),
                new Endpoint("GET councils", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/councils")),
                new Endpoint("GET council", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/councils/HDTDKT-SKHCN-DEMO")),
                new Endpoint("POST council", Set.of(BOARD, ADMIN), created, () -> json(HttpRequest.POST("/api/v1/councils",
                        "{\"code\":\"MATRIX-" + counter.incrementAndGet() + "\",\"name\":\"matrix\",\"unit\":\"HN-SKHCN-DEMO-VP\"}"))),
                new Endpoint("GET council sessions", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/councils/sessions?year=2025")),
                // Held before the demo's session (2026-01-09), so that the demo's ballots stay the latest ones.
                new Endpoint("POST council session", Set.of(BOARD, ADMIN), created, () -> json(HttpRequest.POST("/api/v1/councils/sessions",
                        "{\"council\":\"HDTDKT-SKHCN-DEMO\",\"year\":2025,\"heldOn\":\"2026-01-02\",\"present\":[" + firstMember() + "]}"))),
                new Endpoint("GET council session", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/councils/sessions/1")),
                new Endpoint("GET council session agenda", Set.of(BOARD, AUDITOR, ADMIN), ok, () -> HttpRequest.GET("/api/v1/councils/sessions/1/agenda")),
                // A ballot of one vote against in a session of its own: FAILED, and it writes no fact (the grassroots soldier's rules read no vote).
                new Endpoint("POST council ballots", Set.of(BOARD, ADMIN), created, () -> json(HttpRequest.POST("/api/v1/councils/sessions/"
                        + Http.call(client(), json(HttpRequest.POST("/api/v1/councils/sessions", "{\"council\":\"HDTDKT-SKHCN-DEMO\",\"year\":2025,"
                        + "\"heldOn\":\"2026-01-02\",\"present\":[" + firstMember() + "]}")).basicAuth("admin", "admin")).body().get("id").asLong()
                        + "/ballots", "{\"ballots\":[{\"subject\":\"P-0001\",\"award\":\"GRASSROOTS_EMULATION_SOLDIER\",\"votes\":"
                        + "[{\"member\":" + firstMember() + ",\"vote\":\"AGAINST\"}]}]}"))),
                new Endpoint("GET health", Set.of(), ok, () -> HttpRequest.GET("/health")),
                new Endpoint("GET health ready", Set.of(), ok, () -> HttpRequest.GET("/health/ready")),
                // The scraper's own role MONITOR, or ADMIN. MONITOR opens nothing else but what any signed-in user may read (above).
                new Endpoint("GET metrics", Set.of(MONITOR, ADMIN), ok, () -> HttpRequest.GET("/metrics")),
                new Endpoint("GET OpenAPI document", Set.of(), ok, () -> HttpRequest.GET("/swagger/laurel-v1.yml")));
    }

    /** The first member of the demo's council, present at the sessions made here. */
    private long firstMember() {
        return Http.call(client(), HttpRequest.GET("/api/v1/councils/HDTDKT-SKHCN-DEMO").basicAuth("admin", "admin"))
                .body().get("members").get(0).get("id").asLong();
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_each_role_and_each_kind_of_bad_credentials_as_expected() {
        return endpoints().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            boolean open = e.roles().isEmpty();
            Map<String, Integer> expected = new LinkedHashMap<>();
            Map<String, Integer> actual = new LinkedHashMap<>();
            for (String role : ROLES) {
                expected.put(role, open || e.roles().contains(role) ? -1 : 403);
                actual.put(role, call(e, as(role)));
            }
            badCredentials().forEach((what, header) -> {
                expected.put(what, open ? -1 : 401);
                actual.put(what, call(e, header));
            });
            // -1 stands for "one of the endpoint's success codes".
            actual.replaceAll((k, v) -> e.ok().contains(v) ? -1 : v);
            assertThat(actual).as(e.name()).isEqualTo(expected);
        }));
    }

    int call(Endpoint e, String authorization) {
        MutableHttpRequest<?> r = e.request().get();
        if (authorization == null) r.header(TestCredentials.ANONYMOUS, "yes");
        else r.header("Authorization", authorization);
        HttpResponse<?> a;
        try {
            a = client().exchange(r, byte[].class);
        } catch (HttpClientResponseException x) {
            a = x.getResponse();
        }
        if (a.code() == 401 || a.code() == 403) {
            assertThat(a.getContentType().map(Object::toString).orElse("")).as(e.name()).startsWith("application/problem+json");
        }
        return a.code();
    }

    @Test
    void each_demo_account_has_the_role_of_its_name() {
        Map<String, Integer> got = new TreeMap<>();
        for (String role : ROLES) {
            String name = role.toLowerCase();
            got.put(name, Http.call(client(), HttpRequest.GET("/api/v1/audit/verify").basicAuth(name, name)).status());
        }
        assertThat(got).isEqualTo(Map.of("admin", 200, "auditor", 200, "board", 403, "client", 403, "clerk", 403, "policy", 403, "monitor", 403));
    }

    @Test
    void a_challenge_tells_the_client_how_to_sign_in() {
        Http.Answer a = Http.call(client(), HttpRequest.GET("/api/v1/decisions").header(TestCredentials.ANONYMOUS, "yes"));
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.body().get("status").asInt()).isEqualTo(401);
        assertThat(a.body().get("instance").asText()).isEqualTo("/api/v1/decisions");
    }

    static String read(String path) {
        try {
            return Files.readString(ThrowawayPostgres.repoRoot().resolve(path));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
