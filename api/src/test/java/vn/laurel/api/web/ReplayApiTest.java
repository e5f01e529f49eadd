package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.micronaut.context.ApplicationContext;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.Publishing;
import vn.laurel.api.ThrowawayPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay (on a database of its own): the same answer from the facts as known then and the rules of the decision's version, even
 * after the facts were corrected and the rules reloaded; and, with today's facts and rules, what changed.
 */
@MicronautTest(transactional = false)
class ReplayApiTest extends PostgresTest {
    static Path rules;
    static Path scenarios;

    static Path copy(Path src, String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path f : walk.toList()) {
                    Path t = dir.resolve(src.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(t); else Files.copy(f, t);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        // A database of its own: this test corrects facts and changes rules that other tests rely on.
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(ThrowawayPostgres.separateDatabase("laurel_replay"));
        try {
            rules = Files.createTempDirectory("laurel-replay-rules");
            Path src = ThrowawayPostgres.repoRoot().resolve("rules");
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path f : walk.toList()) {
                    Path t = rules.resolve(src.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(t); else Files.copy(f, t);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        p.put("laurel.rules.dir", rules.toString());
        // The publish below runs the scenarios, so the test changes them along with the rules, on a copy.
        scenarios = copy(ThrowawayPostgres.repoRoot().resolve("examples/scenarios"), "laurel-replay-scenarios");
        p.put("laurel.scenarios.dir", scenarios.toString());
        return p;
    }

    JsonNode post(String path) {
        return Http.call(http.toBlocking(), HttpRequest.POST(path, "").contentType(MediaType.APPLICATION_JSON)).body();
    }

    @Test
    void a_decision_replays_identically_after_its_facts_are_corrected_and_the_rules_change() throws IOException {
        JsonNode decided = Http.post(http.toBlocking(), "/api/v1/subjects/P-0009/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        long id = decided.get("decisionId").asLong();
        assertThat(decided.get("results").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE"); // 39 days absent
        assertThat(post("/api/v1/decisions/" + id + "/replay").get("identical").asBoolean()).isTrue();

        // The absence is corrected to 41 days, and an absence limit of 30 set where there was none: P-0009 is refused now.
        JsonNode absences = Http.get(http.toBlocking(), "/api/v1/subjects/P-0009/facts/absences").body().get("items");
        String absence = null;
        for (JsonNode a : absences) if (a.get("values").get("year").asInt() == 2025) absence = a.get("id").asText().replace("absence:", "");
        Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/absences/" + absence, "{\"days\":41}").contentType(MediaType.APPLICATION_JSON));
        Path params = rules.resolve("parameters/advanced-laborer.yaml");
        // As the department's own regulation would: a limit of 30 days for this organisation only (there is
        // no national one since 2017-10-01), so no scenario of another organisation changes.
        String text = Files.readString(params);
        int at = text.indexOf("  values:\n", text.indexOf("advanced_laborer.excluding_absence_days:")) + "  values:\n".length();
        Files.writeString(params, text.substring(0, at) + "    - from: 2024-01-01\n      value: 30\n      organisation: HN-SKHCN-DEMO\n"
                + "      reference: the department's own regulation (test)\n" + text.substring(at));
        // The changed directory published as a reviewed reload would be (POST /reload answers 202 with a draft on PostgreSQL).
        assertThat(Publishing.directory(context, "policy").changed()).isTrue();

        JsonNode same = post("/api/v1/decisions/" + id + "/replay");
        assertThat(same.get("identical").asBoolean()).as(same.get("differences").toString()).isTrue();

        JsonNode now = post("/api/v1/decisions/" + id + "/replay?with=current");
        assertThat(now.get("identical").asBoolean()).isFalse();
        assertThat(now.get("outcomes").get(0).get("before").asText()).isEqualTo("ELIGIBLE");
        assertThat(now.get("outcomes").get(0).get("after").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(now.get("outcomes").get(0).get("criteriaChanged").findValuesAsText("criterion")).containsExactly("ABSENCE_BELOW_LIMIT");
        assertThat(now.get("rulesetVersion").get("before").asText()).isNotEqualTo(now.get("rulesetVersion").get("after").asText());
        assertThat(now.get("factsChanged").get("gone").findValuesAsText("")).isEmpty();
        assertThat(now.get("factsChanged").get("gone").toString()).contains("absence:" + absence);
    }

    @Test
    void replay_refuses_what_it_cannot_do_with_a_problem() {
        assertThat(Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/decisions/999999/replay", "")).status()).isEqualTo(404);
        assertThat(post("/api/v1/decisions/1/replay?with=yesterday").get("errors").findValuesAsText("field")).containsExactly("with");
    }

    @Test
    void the_api_is_described_by_an_openapi_document_and_swagger_ui() {
        String yaml = http.toBlocking().retrieve("/swagger/laurel-v1.yml");
        assertThat(yaml).contains("/api/v1/subjects/{id}/eligibility", "/api/v1/awards/{code}/candidates", "/api/v1/audit/verify",
                "bearerAuth", "basicAuth");
        assertThat(http.toBlocking().exchange("/swagger-ui/index.html", String.class).code()).isEqualTo(200);
    }
}
