package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One fact at a time over HTTP: create, read, correct, retract, history; PostgreSQL underneath. */
@MicronautTest(transactional = false)
class FactsApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Http.Answer post(String path, String json) {
        return Http.call(http.toBlocking(), HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON)
                .header("X-Client-Id", "hr-system-7"));
    }

    @Test
    void a_fact_created_over_http_names_its_caller_and_can_be_corrected_without_losing_the_old_value() {
        Http.Answer created = post("/api/v1/subjects/P-0120/facts/attestations",
                "{\"year\":2026,\"criterion\":\"EMULATION_PARTICIPATION\",\"value\":false,\"attestedBy\":\"Hội đồng TĐKT\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.body().get("provenance").get("source").asText()).contains("api POST by admin");
        assertThat(created.body().get("provenance").get("recordedBy").asText()).isEqualTo("admin"); // the signed-in user, not the X-Client-Id header

        String number = id.replace("attestation:", "");
        Http.Answer corrected = Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/attestations/" + number, "{\"value\":true}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().get("values").get("value").asBoolean()).isTrue();
        assertThat(corrected.body().get("id").asText()).isNotEqualTo(id);

        JsonNode old = Http.get(http.toBlocking(), "/api/v1/facts/attestations/" + number).body();
        assertThat(old.get("current").asBoolean()).isFalse();
        assertThat(old.get("values").get("value").asBoolean()).isFalse();
        assertThat(old.get("provenance").get("supersededBy").asText()).isEqualTo(corrected.body().get("id").asText());
        assertThat(Http.get(http.toBlocking(), "/api/v1/facts/attestations/" + number + "/history").body().get("versions")).hasSize(2);

        Http.Answer again = Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/attestations/" + number, "{\"value\":true}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void a_retracted_fact_is_no_longer_current_but_is_still_there() {
        Http.Answer created = post("/api/v1/subjects/P-0121/facts/absences", "{\"year\":2026,\"days\":12}");
        String number = created.body().get("id").asText().replace("absence:", "");
        Http.Answer retracted = Http.call(http.toBlocking(), HttpRequest.DELETE("/api/v1/facts/absences/" + number));
        assertThat(retracted.status()).isEqualTo(200);
        assertThat(retracted.body().get("current").asBoolean()).isFalse();
        JsonNode list = Http.get(http.toBlocking(), "/api/v1/subjects/P-0121/facts/absences").body();
        assertThat(list.get("items").findValuesAsText("id")).doesNotContain("absence:" + number);
        assertThat(Http.get(http.toBlocking(), "/api/v1/facts/absences/" + number).status()).isEqualTo(200);
    }

    @Test
    void a_bad_fact_is_refused_naming_the_field_and_nothing_is_written() {
        long before = Store.facts(dataSource);
        Http.Answer a = post("/api/v1/subjects/P-0122/facts/ratings", "{\"year\":2026,\"rating\":\"SUPERB\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("errors").findValuesAsText("field")).containsExactly("rating");
        Http.Answer b = post("/api/v1/subjects/P-0122/facts/titles", "{\"year\":2025,\"code\":\"ADVANCED_LABORER\",\"decidedOn\":\"2024-01-01\"}");
        assertThat(b.body().get("errors").findValuesAsText("field")).containsExactly("decidedOn");
        Http.Answer c = post("/api/v1/subjects/NOBODY/facts/ratings", "{\"year\":2026,\"rating\":\"GOOD\"}");
        assertThat(c.status()).isEqualTo(404);
        Http.Answer d = post("/api/v1/subjects/P-0122/facts/scores", "{\"year\":2026}");
        assertThat(d.status()).isEqualTo(404);
        assertThat(d.body().get("errors").findValuesAsText("field")).containsExactly("kind");
        Http.Answer e = post("/api/v1/subjects/P-0122/facts/ratings", "[1,2]");
        assertThat(e.body().get("errors").findValuesAsText("field")).containsExactly("body");
        Http.Answer f = Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/ratings/1", "{\"score\":1}").contentType(MediaType.APPLICATION_JSON));
        assertThat(f.body().get("errors").findValuesAsText("field")).containsExactly("score");
        assertThat(Store.facts(dataSource)).isEqualTo(before);
    }

    @Test
    void a_code_the_rules_do_not_know_is_422_naming_the_field_and_nothing_is_written() {
        long before = Store.facts(dataSource);
        Http.Answer title = post("/api/v1/subjects/P-0122/facts/titles", "{\"year\":2025,\"code\":\"ADVANCED_LABOURER\"}");
        assertThat(title.status()).isEqualTo(422);
        assertThat(title.contentType()).isEqualTo("application/problem+json");
        assertThat(title.body().get("errors").findValuesAsText("field")).containsExactly("code");
        assertThat(title.body().get("errors").get(0).get("message").asText()).contains("ADVANCED_LABOURER").contains("ADVANCED_LABORER");
        Http.Answer commendation = post("/api/v1/subjects/P-0122/facts/commendations", "{\"year\":2024,\"code\":\"GRASSROOTS_EMULATION_SOLDIER\"}");
        assertThat(commendation.status()).isEqualTo(422);
        assertThat(commendation.body().get("errors").get(0).get("message").asText()).contains("not a commendation");
        Http.Answer attestation = post("/api/v1/subjects/P-0122/facts/attestations",
                "{\"year\":2025,\"criterion\":\"EMULATION_PARTICPATION\",\"value\":true}");
        assertThat(attestation.status()).isEqualTo(422);
        assertThat(attestation.body().get("errors").findValuesAsText("field")).containsExactly("criterion");
        assertThat(Store.facts(dataSource)).isEqualTo(before);
    }

    /**
     * The store says why it refused a write and the web layer answers the problem a client has always
     * had for that reason: the status, the sentence and the fields at fault, word for word.
     */
    @Test
    void a_refused_write_is_answered_with_the_status_sentence_and_fields_of_its_reason() {
        long before = Store.facts(dataSource);
        problem(post("/api/v1/subjects/P-0125/facts/ratings", "{\"year\":2026,\"rating\":\"GOOD\",\"score\":1}"),
                400, "score: unknown field; expected one of [subject, year, rating]", "score");
        problem(post("/api/v1/subjects/P-0125/facts/ratings", "{\"subject\":\"P-0001\",\"year\":2026,\"rating\":\"GOOD\"}"),
                400, "subject: is P-0125 in the path; the body names P-0001", "subject");
        problem(post("/api/v1/subjects/P-0125/facts/ratings", "{\"year\":2026,\"rating\":\"SUPERB\"}"),
                400, "The rating is not valid: rating: \"SUPERB\" is not one of [NOT_COMPLETED, COMPLETED, GOOD, EXCELLENT, NOT_RATED]", "rating");
        problem(post("/api/v1/subjects/NOBODY/facts/ratings", "{\"year\":2026,\"rating\":\"GOOD\"}"), 404, "unknown subject \"NOBODY\"");
        problem(Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/ratings/999999999", "{\"rating\":\"GOOD\"}")
                .contentType(MediaType.APPLICATION_JSON)), 404, "No rating with id 999999999");
        Http.Answer code = post("/api/v1/subjects/P-0125/facts/titles", "{\"year\":2025,\"code\":\"ADVANCED_LABOURER\"}");
        problem(code, 422, "The title names a code the rules do not know: code: " + code.body().get("errors").get(0).get("message").asText(), "code");
        assertThat(Store.facts(dataSource)).isEqualTo(before);

        String first = post("/api/v1/subjects/P-0125/facts/attestations", "{\"year\":2026,\"criterion\":\"INTERNAL_UNITY\",\"value\":false}")
                .body().get("id").asText().replace("attestation:", "");
        String second = Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/attestations/" + first, "{\"value\":true}")
                .contentType(MediaType.APPLICATION_JSON)).body().get("id").asText();
        Http.Answer stale = Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/attestations/" + first, "{\"value\":false}")
                .contentType(MediaType.APPLICATION_JSON));
        problem(stale, 409, "attestation:" + first + " was already superseded by " + second + "; correct the current fact instead", "id");
        assertThat(stale.body().get("errors").get(0).get("message").asText()).isEqualTo("not the current fact");
    }

    private static void problem(Http.Answer answer, int status, String detail, String... fields) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("title").asText()).isEqualTo(io.micronaut.http.HttpStatus.valueOf(status).getReason());
        assertThat(answer.body().get("detail").asText()).isEqualTo(detail);
        assertThat(answer.body().get("instance").asText()).startsWith("/api/v1/");
        JsonNode errors = answer.body().get("errors");
        assertThat(errors == null ? java.util.List.of() : errors.findValuesAsText("field")).containsExactly(fields);
    }

    @Test
    void subjects_and_units_can_be_listed_and_found_by_name() {
        JsonNode vp = Http.get(http.toBlocking(), "/api/v1/subjects?unit=HN-SKHCN-DEMO-VP&kind=PERSON&size=500").body();
        assertThat(vp.get("total").asInt()).isGreaterThan(10);
        // "Hoa" typed with a decomposed diacritic elsewhere must still find Nguyễn Thị Hoa.
        JsonNode byName = Http.get(http.toBlocking(), "/api/v1/subjects?name=" + java.net.URLEncoder.encode("thị hoa",
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(byName.get("items").findValuesAsText("id")).contains("P-0001");
        JsonNode unit = Http.get(http.toBlocking(), "/api/v1/units/HN-SKHCN-DEMO").body();
        assertThat(unit.get("subunits")).hasSize(5);
        assertThat(unit.get("clusters").findValuesAsText("cluster_code")).contains("HN-CUM-KHCN");
        assertThat(Http.get(http.toBlocking(), "/api/v1/subjects?kind=ROBOT").body().get("errors").findValuesAsText("field")).containsExactly("kind");
    }

    @Test
    void text_in_another_unicode_normal_form_is_stored_in_one_spelling() {
        String nfd = java.text.Normalizer.normalize("Hội đồng Thi đua", java.text.Normalizer.Form.NFD);
        Http.Answer a = post("/api/v1/subjects/P-0123/facts/attestations",
                "{\"year\":2026,\"criterion\":\"INTERNAL_UNITY\",\"value\":true,\"attestedBy\":\"" + nfd + "\"}");
        assertThat(a.body().get("values").get("attestedBy").asText()).isEqualTo("Hội đồng Thi đua");
        Http.Answer again = post("/api/v1/subjects/P-0123/facts/attestations",
                "{\"year\":2026,\"criterion\":\"INTERNAL_UNITY\",\"value\":true,\"attestedBy\":\"Hội đồng Thi đua\"}");
        assertThat(again.status()).as("the same attestation in NFC changes nothing").isEqualTo(200);
        assertThat(again.body().get("changed").asBoolean()).isFalse();
    }

    @Test
    void lists_are_paginated_within_limits() {
        JsonNode page = Http.get(http.toBlocking(), "/api/v1/subjects/P-0001/facts/ratings?page=0&size=3").body();
        assertThat(page.get("items")).hasSize(3);
        assertThat(page.get("total").asLong()).isGreaterThan(3);
        Http.Answer tooBig = Http.get(http.toBlocking(), "/api/v1/subjects/P-0001/facts/ratings?size=100000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body().get("errors").findValuesAsText("field")).containsExactly("size");
        assertThat(Http.get(http.toBlocking(), "/api/v1/subjects/P-0001?asKnownAt=yesterday").body()
                .get("errors").findValuesAsText("field")).containsExactly("asKnownAt");
    }
}
