package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.laurel.api.PostgresTest;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/evaluations: what-if on a case document sent in the body; nothing is saved. */
@MicronautTest(transactional = false)
class EvaluationsApiTest extends PostgresTest {
    static final String CASE = """
            {"asOf":"2026-01-15","year":2025,"awards":["ADVANCED_LABORER"],
             "subject":{"id":"WHATIF-1","kind":"PERSON","name":"Nguyễn Thị Hoa","hiredOn":"2012-09-01",
               "ratings":[{"year":2025,"rating":"GOOD"}],
               "attestations":[{"year":2025,"criterion":"EMULATION_PARTICIPATION","value":true}]}}
            """;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Http.Answer post(String body, String contentType) {
        return Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/evaluations?lang=both", body).contentType(contentType));
    }

    @Test
    void a_json_case_is_decided_with_its_explanation_and_not_saved() {
        long before = Store.count(dataSource, "decision");
        Http.Answer a = post(CASE, MediaType.APPLICATION_JSON);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("decisionId").isNull()).isTrue();
        JsonNode award = a.body().get("results").get(0);
        assertThat(award.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(award.get("criteria").get(0).get("explanation").get("vi").asText()).contains("hoàn thành tốt nhiệm vụ");
        assertThat(Store.count(dataSource, "decision")).isEqualTo(before);
    }

    @Test
    void what_if_a_fact_were_different_the_answer_changes_accordingly() {
        Http.Answer a = post(CASE.replace("\"GOOD\"", "\"COMPLETED\""), MediaType.APPLICATION_JSON);
        JsonNode award = a.body().get("results").get(0);
        assertThat(award.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(award.get("criteria").get(0).get("status").asText()).isEqualTo("NOT_MET");
        assertThat(award.get("criteria").get(0).get("actual").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void a_yaml_case_is_accepted_too() {
        Http.Answer a = post("""
                asOf: 2026-01-15
                year: 2025
                awards: [ADVANCED_LABORER]
                subject:
                  id: WHATIF-2
                  kind: PERSON
                  hiredOn: 2025-07-02
                  ratings: [ { year: 2025, rating: EXCELLENT } ]
                  attestations: [ { year: 2025, criterion: EMULATION_PARTICIPATION, value: true } ]
                """, "application/x-yaml");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("results").get(0).get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{\"asOf\":\"2026-01-15\",\"year\":2025}|subject|no subject",
            "{\"asOf\":\"2026-01-15\",\"year\":\"next\",\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\"}}|year|a year that is not a number",
            "{\"asOf\":\"15/01/2026\",\"year\":2025,\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\"}}|asOf|a date in the wrong format",
            "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"X\",\"kind\":\"ROBOT\"}}|subject.kind|an unknown subject kind",
            "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\",\"ratngs\":[]}}|subject.ratngs|a misspelt field",
            "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\",\"absences\":[{\"year\":2025,\"days\":-1}]}}|subject.absences[0].days|negative days",
            "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\",\"ratings\":[{\"year\":99999999999,\"rating\":\"GOOD\"}]}}|subject.ratings[0].year|a huge number",
            "{\"asOf\":\"2026-01-15\",\"year\":2025,\"awards\":[\"NOBEL\"],\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\"}}|awards[0]|an unknown award",
            "{\"asOf\":\"2026-01-15\",|$|truncated JSON",
    })
    void a_bad_case_document_gets_a_problem_naming_the_field(String body, String field, String what) {
        Http.Answer a = post(body, MediaType.APPLICATION_JSON);
        assertThat(a.status()).as(what).isEqualTo(400);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors").findValuesAsText("field")).as(what).contains(field);
    }

    @Test
    void codes_the_rules_do_not_know_are_422_naming_each_field_instead_of_being_ignored() {
        String typo = CASE.replace("\"attestations\":[{\"year\":2025,\"criterion\":\"EMULATION_PARTICIPATION\"",
                "\"titles\":[{\"year\":2024,\"code\":\"ADVANCED_LABOURER\"}],"
                        + "\"commendations\":[{\"year\":2023,\"code\":\"MINISTERIAL_CERTIFICATE\"}],"
                        + "\"attestations\":[{\"year\":2025,\"criterion\":\"EMULATION_PARTICPATION\"");
        Http.Answer a = post(typo, MediaType.APPLICATION_JSON);
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors").findValuesAsText("field"))
                .containsExactly("subject.titles[0].code", "subject.commendations[0].code", "subject.attestations[0].criterion");
        assertThat(a.body().get("detail").asText()).contains("EMULATION_PARTICPATION");
    }

    @Test
    void an_empty_body_or_an_unsupported_media_type_is_refused_with_a_problem() {
        Http.Answer empty = post("", MediaType.APPLICATION_JSON);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).isEqualTo("application/problem+json");
        Http.Answer xml = post("<case/>", MediaType.APPLICATION_XML);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.contentType()).isEqualTo("application/problem+json");
    }
}
