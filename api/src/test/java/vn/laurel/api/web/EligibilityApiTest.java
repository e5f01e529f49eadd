package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * /api/v1/subjects/{id}/eligibility over HTTP, from the demo department stored in PostgreSQL: the GET
 * answers and saves nothing, the POST of the same URL saves the decision.
 */
@MicronautTest(transactional = false)
class EligibilityApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Http.Answer eligibility(String query) {
        return Http.get(http.toBlocking(), "/api/v1/subjects/" + query + (query.contains("?") ? "&" : "?") + "lang=both");
    }

    @Test
    void these_tests_really_run_against_postgresql_with_the_demo_department() {
        assertThat(Store.product(dataSource)).isEqualTo("PostgreSQL");
        assertThat(Store.count(dataSource, "subject")).isGreaterThanOrEqualTo(200);
        assertThat(Store.query(dataSource, "SELECT COUNT(*) FROM information_schema.columns "
                + "WHERE table_name = 'decision' AND column_name = 'result' AND data_type = 'jsonb'")).isEqualTo(1);
    }

    @Test
    void a_demo_person_with_a_good_record_is_an_advanced_laborer_and_the_answer_explains_why() {
        Http.Answer a = eligibility("P-0001/eligibility?year=2025");
        assertThat(a.status()).isEqualTo(200);
        JsonNode body = a.body();
        assertThat(body.get("regime").asText()).isEqualTo("LAW_2022");
        assertThat(body.get("asOf").asText()).isEqualTo("2026-01-15");
        assertThat(body.get("rulesetVersion").asText()).startsWith("sha256:");
        JsonNode award = find(body.get("results"), "award", "ADVANCED_LABORER");
        assertThat(award.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(award.get("criteria")).hasSize(6);
        JsonNode rating = find(award.get("criteria"), "criterion", "RATING_GOOD_OR_BETTER");
        assertThat(rating.get("legalBasis").get("vi").asText()).contains("Điều 24");
        assertThat(rating.get("legalBasis").get("en").asText()).contains("art. 24");
        assertThat(rating.get("explanation").get("vi").asText()).contains("năm 2025");
        assertThat(rating.get("explanation").get("en").asText()).contains("2025");
        assertThat(rating.get("evidence").get(0).get("source").asText()).contains("ratings.csv row");
        assertThat(body.get("firedRules").findValuesAsText("award")).filteredOn("ADVANCED_LABORER"::equals).hasSize(6);
        assertThat(body.get("facts").size()).isGreaterThan(10);
    }

    @Test
    void a_get_is_safe_it_answers_without_saving_however_often_it_is_repeated() {
        long decisions = Store.count(dataSource, "decision"), chain = Store.count(dataSource, "decision_chain");
        Http.Answer first = eligibility("P-0002/eligibility?year=2025&awards=ADVANCED_LABORER");
        Http.Answer second = eligibility("P-0002/eligibility?year=2025&awards=ADVANCED_LABORER");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("decisionId").isNull()).isTrue();
        assertThat(find(first.body().get("results"), "award", "ADVANCED_LABORER").get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(Store.count(dataSource, "decision")).isEqualTo(decisions);
        assertThat(Store.count(dataSource, "decision_chain")).isEqualTo(chain);

        Http.Answer saved = Http.post(http.toBlocking(), "/api/v1/subjects/P-0002/eligibility?year=2025&awards=ADVANCED_LABORER&lang=both");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("decisionId").isNumber()).isTrue();
        assertThat(Store.count(dataSource, "decision")).isEqualTo(decisions + 1);
        // The same answer either way, but for the id of the decision that keeps it.
        ((com.fasterxml.jackson.databind.node.ObjectNode) saved.body()).putNull("decisionId");
        assertThat(saved.body()).isEqualTo(first.body());
    }

    @Test
    void a_post_that_fails_saves_nothing() {
        long before = Store.count(dataSource, "decision");
        for (String query : new String[]{"P-0001/eligibility?year=twenty", "P-0001/eligibility?year=2025&awards=NOBEL_PRIZE",
                "P-0001/eligibility?year=2025&lang=xx", "NO-SUCH-PERSON/eligibility?year=2025"}) {
            Http.Answer a = Http.post(http.toBlocking(), "/api/v1/subjects/" + query);
            assertThat(a.status()).as(query).isBetween(400, 404);
            assertThat(a.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(Store.count(dataSource, "decision")).isEqualTo(before);
    }

    @Test
    void a_decision_is_saved_by_a_post_and_a_second_request_finds_it() {
        long before = Store.count(dataSource, "decision");
        Http.Answer first = Http.post(http.toBlocking(), "/api/v1/subjects/P-0002/eligibility?year=2025&awards=ADVANCED_LABORER&lang=both");
        long id = first.body().get("decisionId").asLong();
        assertThat(Store.count(dataSource, "decision")).isEqualTo(before + 1);

        Http.Answer saved = Http.get(http.toBlocking(), "/api/v1/decisions/" + id + "?lang=both");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("subjectId").asText()).isEqualTo("P-0002");
        assertThat(saved.body().get("outcomes").asText()).isEqualTo("ADVANCED_LABORER=NOT_ELIGIBLE");
        assertThat(saved.body().get("basis").asText()).isEqualTo("STORED_FACTS");
        assertThat(saved.body().get("answer")).isEqualTo(first.body());

        Http.Answer list = Http.get(http.toBlocking(), "/api/v1/decisions?subject=P-0002");
        assertThat(list.body().get("items").findValuesAsText("id")).contains(String.valueOf(id));
    }

    @ParameterizedTest(name = "{0} in 2025: {1} ({2})")
    @CsvSource({
            "P-0002, NOT_ELIGIBLE, rated only COMPLETED",
            "P-0003, ELIGIBLE, hired exactly six months before year end",
            "P-0004, NOT_ELIGIBLE, hired one day too late",
            "P-0005, NOT_ELIGIBLE, reprimanded in the year",
            "P-0006, NEEDS_REVIEW, no attestation of participation",
            "P-0007, NEEDS_REVIEW, a matter is pending",
            "P-0008, ELIGIBLE, 45 days absent: no national absence limit since Decree 91/2017 (catalogue §1.4)",
            "P-0009, ELIGIBLE, 39 days absent",
    })
    void the_demo_department_people_get_their_expected_outcome(String id, String outcome, String why) {
        JsonNode body = eligibility(id + "/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        assertThat(find(body.get("results"), "award", "ADVANCED_LABORER").get("outcome").asText()).as(why).isEqualTo(outcome);
    }

    @Test
    void a_unit_is_evaluated_with_the_members_it_had_at_the_end_of_the_year() {
        JsonNode body = eligibility("HN-SKHCN-DEMO-QLKH/eligibility?year=2025&awards=ADVANCED_LABOR_COLLECTIVE").body();
        JsonNode award = find(body.get("results"), "award", "ADVANCED_LABOR_COLLECTIVE");
        assertThat(award.get("outcome").asText()).isEqualTo("ELIGIBLE");
        JsonNode share = find(award.get("criteria"), "criterion", "ADVANCED_LABORER_SHARE");
        assertThat(share.get("explanation").get("en").asText()).containsPattern("\\d+ of \\d+ members");
        assertThat(body.get("members").size()).isGreaterThan(10);
        assertThat(body.get("members").get(0).get("results").get(0).get("award").asText()).isEqualTo("ADVANCED_LABORER");
    }

    @Test
    void the_appraisal_date_selects_the_regime() {
        JsonNode body = eligibility("P-0001/eligibility?year=2023&asOf=2023-12-20&awards=ADVANCED_LABORER,UNIT_CERTIFICATE_OF_MERIT").body();
        assertThat(body.get("regime").asText()).isEqualTo("LAW_2013");
        JsonNode laborer = find(body.get("results"), "award", "ADVANCED_LABORER");
        assertThat(laborer.get("outcome").asText()).isNotEqualTo("NOT_MODELLED");
        // The award's file holds every regime's rules; the criteria decided are its LAW_2013 rules.
        assertThat(laborer.get("criteria").findValuesAsText("file")).isNotEmpty().containsOnly("awards/advanced-laborer.drl");
        // Its rules for 2013 alone ("ADVANCED_LABORER 2013: …") and those written once for every regime ("ADVANCED_LABORER: …").
        assertThat(laborer.get("criteria").findValuesAsText("rule")).isNotEmpty()
                .allMatch(r -> r.startsWith("ADVANCED_LABORER 2013: ") || r.startsWith("ADVANCED_LABORER: "))
                .contains("ADVANCED_LABORER 2013: served long enough in the year", "ADVANCED_LABORER: rated good or better");
        assertThat(find(body.get("results"), "award", "UNIT_CERTIFICATE_OF_MERIT").get("outcome").asText()).isEqualTo("NOT_MODELLED");
    }

    @ParameterizedTest(name = "{0} -> {1} naming {2}")
    @CsvSource({
            "P-0001/eligibility, 400, year",
            "P-0001/eligibility?year=twenty, 400, year",
            "P-0001/eligibility?year=1800, 400, year",
            "P-0001/eligibility?year=2025&asOf=2026-02-30, 400, asOf",
            "P-0001/eligibility?year=2025&asOf=2024-01-01, 400, year",
            "P-0001/eligibility?year=2025&awards=NOBEL_PRIZE, 400, awards",
            "P-0001/eligibility?year=2025&awards=ADVANCED_LABOR_COLLECTIVE, 400, awards",
            "NO-SUCH-PERSON/eligibility?year=2025, 404, ",
    })
    void bad_input_gets_a_problem_naming_the_field_and_writes_nothing(String query, int status, String field) {
        long before = Store.count(dataSource, "decision");
        Http.Answer a = eligibility(query);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("status").asInt()).isEqualTo(status);
        assertThat(a.body().get("detail").asText()).isNotBlank();
        if (field != null) assertThat(a.body().get("errors").findValuesAsText("field")).contains(field);
        assertThat(Store.count(dataSource, "decision")).isEqualTo(before);
    }

    static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode n : array) if (value.equals(n.get(key).asText())) return n;
        throw new AssertionError("no element with " + key + "=" + value + " in " + array);
    }
}
