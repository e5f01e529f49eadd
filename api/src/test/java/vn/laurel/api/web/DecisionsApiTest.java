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

import static org.assertj.core.api.Assertions.assertThat;

/** Candidates, languages, the printable report and saved what-ifs, over HTTP on PostgreSQL. */
@MicronautTest(transactional = false)
class DecisionsApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void the_candidates_of_the_demo_department_are_counted_as_the_demo_data_was_designed() {
        // Independently computed when the demo data was made (examples/demo/README.md): of the 197 people
        // employed at the end of 2025, 148 eligible, 37 not eligible, 12 needing review — then 150 and 35
        // once the 40-day absence limit was found to be no national criterion since 2017-10-01 (award
        // catalogue §1.4, December 2026): P-0008 (45 days) and P-0014 (62 days) are eligible.
        JsonNode body = Http.get(http.toBlocking(),
                "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&includeSubunits=true&size=500").body();
        assertThat(body.get("total").asInt()).isEqualTo(197);
        assertThat(body.get("counts").get("ELIGIBLE").asInt()).isEqualTo(150);
        assertThat(body.get("counts").get("NOT_ELIGIBLE").asInt()).isEqualTo(35);
        assertThat(body.get("counts").get("NEEDS_REVIEW").asInt()).isEqualTo(12);
        assertThat(body.get("units")).hasSize(6);
        assertThat(body.get("items").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
    }

    @Test
    void candidates_filter_sort_page_and_export_as_csv() {
        JsonNode review = Http.get(http.toBlocking(),
                "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO-VP&outcome=NEEDS_REVIEW&sort=id").body();
        for (JsonNode item : review.get("items")) {
            assertThat(item.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
            assertThat(item.get("openCriteria")).isNotEmpty();
        }
        JsonNode page = Http.get(http.toBlocking(), "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO-VP&size=5&page=1").body();
        assertThat(page.get("items")).hasSizeLessThanOrEqualTo(5);
        String csv = http.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO-VP&lang=en").accept("text/csv"));
        assertThat(csv).startsWith("subject,name,unit,outcome,quota_rank,quota_allowed,reasons\n");
        assertThat(csv.lines().count()).isEqualTo(1 + page.get("total").asInt());
    }

    @Test
    void the_candidates_of_a_unit_award_are_the_units() {
        JsonNode body = Http.get(http.toBlocking(),
                "/api/v1/awards/ADVANCED_LABOR_COLLECTIVE/candidates?year=2025&unit=HN-SKHCN-DEMO&includeSubunits=true").body();
        assertThat(body.get("items").findValuesAsText("subjectId")).contains("HN-SKHCN-DEMO-QLKH");
    }

    @Test
    void bad_candidate_queries_name_the_parameter() {
        assertThat(Http.get(http.toBlocking(), "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025").body()
                .get("errors").findValuesAsText("field")).containsExactly("unit");
        assertThat(Http.get(http.toBlocking(), "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&outcome=MAYBE").body()
                .get("errors").findValuesAsText("field")).containsExactly("outcome");
        assertThat(Http.get(http.toBlocking(), "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=NOWHERE").status()).isEqualTo(404);
    }

    @Test
    void explanations_come_in_vietnamese_by_default_and_in_english_when_asked() {
        JsonNode vi = Http.get(http.toBlocking(), "/api/v1/subjects/P-0002/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        JsonNode en = Http.call(http.toBlocking(), HttpRequest.GET("/api/v1/subjects/P-0002/eligibility?year=2025&awards=ADVANCED_LABORER")
                .header("Accept-Language", "en-GB,en;q=0.8")).body();
        JsonNode viCriterion = vi.get("results").get(0).get("criteria").get(0);
        assertThat(viCriterion.get("explanation").asText()).contains("Mức độ hoàn thành nhiệm vụ");
        assertThat(viCriterion.get("legalBasis").asText()).contains("Điều 24");
        assertThat(en.get("results").get(0).get("criteria").get(0).get("explanation").asText()).contains("Task-completion rating");
        assertThat(en.get("results").get(0).get("name").asText()).isEqualTo("Advanced Laborer");
    }

    @Test
    void a_decision_reads_as_a_printable_report_with_its_articles_and_sources() {
        long id = Http.post(http.toBlocking(), "/api/v1/subjects/P-0004/eligibility?year=2025&awards=ADVANCED_LABORER").body()
                .get("decisionId").asLong();
        String html = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/decisions/" + id).accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "en"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Eligibility decision #" + id, "P-0004", "NOT_ELIGIBLE",
                "Months of service by the end of 2025: 5", "Law 06/2022/QH15, art. 24", "ratings.csv row", "sha256:");
        String vi = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/decisions/" + id).accept(MediaType.TEXT_HTML_TYPE));
        assertThat(vi).contains("Quyết định xét khen thưởng", "Điều 24");
    }

    /**
     * The attack of issue 13 (medium 6): a CLIENT saves a made-up decision about a real, stored person
     * (P-0002, not eligible on the store's facts) with invented facts, ids and provenance that look like
     * the store's. It is kept — what-ifs about real people are legitimate — but as what it is.
     */
    @Test
    void a_made_up_decision_about_a_stored_person_reads_as_a_submitted_case_everywhere() {
        String forged = """
                {"asOf":"2026-01-15","year":2025,"awards":["ADVANCED_LABORER"],
                 "subject":{"id":"P-0002","kind":"PERSON","name":"Trần Văn Bình","hiredOn":"2012-09-01",
                   "ratings":[{"id":"rating:2","source":"import 1, ratings.csv row 3","year":2025,"rating":"EXCELLENT"}],
                   "attestations":[{"id":"attestation:2","source":"import 1, attestations.csv row 3","year":2025,"criterion":"EMULATION_PARTICIPATION","value":true}]}}
                """;
        Http.Answer saved = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/evaluations?save=true", forged)
                .contentType(MediaType.APPLICATION_JSON).basicAuth("client", "client"));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().get("results").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
        long id = saved.body().get("decisionId").asLong();

        JsonNode record = Http.get(http.toBlocking(), "/api/v1/decisions/" + id + "?lang=en").body();
        assertThat(record.get("subjectId").asText()).isEqualTo("P-0002");
        assertThat(record.get("basis").asText()).isEqualTo("SUBMITTED_CASE");
        assertThat(record.get("basisNote").asText()).contains("submitted case document").doesNotContain("decided on the facts in the store");

        String report = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/decisions/" + id).accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "en"));
        assertThat(report).contains("Submitted case document — not the facts in the store", "Facts as given in the submitted case document")
                .doesNotContain("Facts used and their sources", "decided on the facts in the store");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/decisions/" + id).accept(MediaType.TEXT_HTML_TYPE)))
                .contains("Hồ sơ do người yêu cầu gửi");

        JsonNode submitted = Http.get(http.toBlocking(), "/api/v1/decisions?subject=P-0002&basis=SUBMITTED_CASE&outcome=ELIGIBLE").body();
        assertThat(submitted.get("items").findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(submitted.get("items").findValuesAsText("basis")).containsOnly("SUBMITTED_CASE");
        JsonNode stored = Http.get(http.toBlocking(), "/api/v1/decisions?subject=P-0002&basis=STORED_FACTS").body();
        assertThat(stored.get("items").findValuesAsText("id")).doesNotContain(String.valueOf(id));
        assertThat(Http.get(http.toBlocking(), "/api/v1/decisions?basis=GUESSWORK").body().get("errors").findValuesAsText("field"))
                .containsExactly("basis");

        // Its invented fact ids are not the store's: nothing links it to stored facts, and it is not replayed against
        // them — it is replayed from the document it was decided on, which its record keeps (issue 20).
        assertThat(Store.query(dataSource, "SELECT COUNT(*) FROM decision_fact WHERE decision_id = " + id)).isZero();
        Http.Answer replay = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/decisions/" + id + "/replay", ""));
        assertThat(replay.status()).as(replay.body().toString()).isEqualTo(200);
        assertThat(replay.body().get("with").asText()).contains("submitted case document");
        assertThat(replay.body().get("identical").asBoolean()).isTrue();
        assertThat(replay.body().get("answer").get("results").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
    }

    @Test
    void a_what_if_is_kept_as_a_decision_only_when_asked() {
        String body = "{\"asOf\":\"2026-01-15\",\"year\":2025,\"awards\":[\"ADVANCED_LABORER\"],\"subject\":{\"id\":\"WHAT-IF-9\","
                + "\"kind\":\"PERSON\",\"hiredOn\":\"2020-01-01\",\"ratings\":[{\"year\":2025,\"rating\":\"GOOD\"}]}}";
        JsonNode kept = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/evaluations?save=true", body).contentType(MediaType.APPLICATION_JSON)).body();
        assertThat(kept.get("decisionId").isNumber()).isTrue();
        JsonNode search = Http.get(http.toBlocking(), "/api/v1/decisions?subject=WHAT-IF-9&award=ADVANCED_LABORER&outcome=NEEDS_REVIEW").body();
        assertThat(search.get("items").findValuesAsText("id")).containsExactly(kept.get("decisionId").asText());
        assertThat(Http.get(http.toBlocking(), "/api/v1/decisions?outcome=SOMETIMES").body().get("errors").findValuesAsText("field")).containsExactly("outcome");
    }
}
