package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;

import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches over the demo department (on a database of their own: they write outcomes and decisions).
 * The batch's outcomes are checked against the candidates list of each unit on its own — the same
 * quota applied among the same people — and against saved decisions.
 */
@MicronautTest(transactional = false)
class BatchApiTest extends PostgresTest {
    static final String ROOT = "HN-SKHCN-DEMO";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(ThrowawayPostgres.separateDatabase("laurel_batch"));
        return p;
    }

    BlockingHttpClient client() { return http.toBlocking(); }

    Http.Answer post(String json) {
        return Http.call(client(), HttpRequest.POST("/api/v1/batches", json).contentType("application/json"));
    }

    /** Polls the batch until it is no longer queued or running (a batch of the demo takes seconds). */
    JsonNode finished(Http.Answer started) throws InterruptedException {
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        for (int i = 0; i < 600; i++) {
            Http.Answer a = Http.get(client(), "/api/v1/batches/" + id);
            assertThat(a.status()).isEqualTo(200);
            String status = a.body().get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) return a.body();
            Thread.sleep(200);
        }
        throw new AssertionError("batch " + id + " did not finish");
    }

    Map<String, String> outcomes(long batch, String award) {
        Map<String, String> out = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode rows = Http.get(client(), "/api/v1/batches/" + batch + "/outcomes?award=" + award + "&size=1000&page=" + page).body().get("outcomes");
            rows.forEach(r -> out.put(r.get("subject_id").asText(), r.get("outcome").asText() + rank(r.get("quota_rank"))));
            if (rows.size() < 1000) return out;
        }
    }

    /** " rank N" when a quota ranked the candidate, else nothing. */
    static String rank(JsonNode rank) {
        return rank == null || rank.isNull() ? "" : " rank " + rank.asInt();
    }

    @Test
    void every_person_and_unit_of_the_department_comes_out_as_each_unit_s_candidates_list_says() throws InterruptedException {
        // 2023 appraised before 2024: under Decree 91/2017 the grassroots soldier title is capped (15 % of Advanced Laborers).
        JsonNode batch = finished(post("{\"year\":2023,\"asOf\":\"2023-12-20\",\"unit\":\"" + ROOT + "\",\"includeSubunits\":true,"
                + "\"awards\":[\"ADVANCED_LABORER\",\"GRASSROOTS_EMULATION_SOLDIER\",\"ADVANCED_LABOR_COLLECTIVE\"]}"));
        assertThat(batch.get("status").asText()).as(batch.toString()).isEqualTo("DONE");
        long id = batch.get("id").asLong();
        List<String> units = new ArrayList<>();
        Http.get(client(), "/api/v1/awards/ADVANCED_LABORER/candidates?year=2023&asOf=2023-12-20&unit=" + ROOT + "&includeSubunits=true&size=1")
                .body().get("units").forEach(u -> units.add(u.asText()));
        assertThat(units).hasSizeGreaterThan(1);

        long persons = 0;
        for (String award : List.of("ADVANCED_LABORER", "GRASSROOTS_EMULATION_SOLDIER", "ADVANCED_LABOR_COLLECTIVE")) {
            Map<String, String> expected = new TreeMap<>();
            for (String unit : units) {
                JsonNode list = Http.get(client(), "/api/v1/awards/" + award + "/candidates?year=2023&asOf=2023-12-20&unit=" + unit
                        + "&includeSubunits=false&sort=id&size=500").body();
                list.get("items").forEach(c -> expected.put(c.get("subjectId").asText(),
                        c.get("outcome").asText() + rank(c.get("quota") == null ? null : c.get("quota").get("rank"))));
            }
            assertThat(expected).as(award).isNotEmpty();
            assertThat(outcomes(id, award)).as(award).isEqualTo(expected);
            JsonNode counts = batch.get("outcomes").get(award);
            long total = 0;
            for (JsonNode n : counts) total += n.asLong();
            assertThat(total).as(award).isEqualTo(expected.size());
            if (award.equals("ADVANCED_LABORER")) persons = expected.size();
        }
        assertThat(outcomes(id, "GRASSROOTS_EMULATION_SOLDIER").values())
                .as("the quota should rank someone, or this test proves less").anyMatch(o -> o.contains(" rank "));
        JsonNode progress = batch.get("progress");
        assertThat(progress.get("unitsDone").asInt()).isEqualTo(units.size());
        assertThat(progress.get("unitsTotal").asInt()).isEqualTo(units.size());
        assertThat(progress.get("subjectsDone").asLong()).isEqualTo(persons + units.size());
        assertThat(progress.get("personsTotal").asLong()).isEqualTo(persons);
        assertThat(progress.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(batch.get("rulesetVersion").asText())
                .isEqualTo(Http.get(client(), "/api/v1/ruleset/history").body().get("activeVersion").asText());
    }

    @Test
    void saved_decisions_are_the_batch_s_outcomes() throws InterruptedException {
        JsonNode batch = finished(post("{\"year\":2025,\"unit\":\"" + ROOT + "-VP\",\"includeSubunits\":false,"
                + "\"awards\":[\"ADVANCED_LABORER\"],\"saveDecisions\":true}"));
        assertThat(batch.get("status").asText()).as(batch.toString()).isEqualTo("DONE");
        JsonNode rows = Http.get(client(), "/api/v1/batches/" + batch.get("id").asLong() + "/outcomes?size=1000").body().get("outcomes");
        assertThat(rows).isNotEmpty();
        for (JsonNode r : rows) {
            assertThat(r.get("decision_id").isNull()).as(r.toString()).isFalse();
            JsonNode decision = Http.get(client(), "/api/v1/decisions/" + r.get("decision_id").asLong()).body();
            assertThat(decision.get("subjectId").asText()).isEqualTo(r.get("subject_id").asText());
            JsonNode result = null;
            for (JsonNode a : decision.get("answer").get("results")) if (a.get("award").asText().equals("ADVANCED_LABORER")) result = a;
            assertThat(result).as(decision.toString()).isNotNull();
            assertThat(result.get("outcome").asText()).isEqualTo(r.get("outcome").asText());
        }
        assertThat(Http.get(client(), "/api/v1/audit/verify").body().toString()).contains("true");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"unit\":\"HN-SKHCN-DEMO\"}|year",
            "{\"year\":\"twenty\"}|year",
            "{\"year\":2025,\"unit\":\"NO-SUCH-UNIT\"}|unit",
            "{\"year\":2025,\"awards\":[\"NO_SUCH_AWARD\"]}|awards",
            "{\"year\":2025,\"includeSubunits\":\"yes\"}|includeSubunits",
            "{\"year\":2025,\"asOf\":\"2026-13-01\"}|asOf",
            "{\"year\":2025,\"colour\":\"red\"}|colour",
            "[2025]|body"})
    void a_bad_request_is_a_problem_naming_the_field(String json, String field) {
        Http.Answer a = post(json);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    @Test
    void an_unknown_batch_is_not_found() {
        Http.Answer a = Http.get(client(), "/api/v1/batches/987654");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }
}
