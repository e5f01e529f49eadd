package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class CatalogueAndHealthApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void the_awards_list_names_every_award_in_both_languages_with_its_criteria_per_regime() {
        Http.Answer a = Http.get(http.toBlocking(), "/api/v1/awards?lang=both");
        assertThat(a.status()).isEqualTo(200);
        JsonNode awards = a.body().get("awards");
        assertThat(awards.findValuesAsText("code")).contains("ADVANCED_LABORER", "HANOI_OUTSTANDING_CITIZEN",
                "GOVERNMENT_EMULATION_FLAG", "CREATIVE_LABOR_CERTIFICATE", "LABOR_ORDER_FIRST_CLASS",
                "CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION").hasSizeGreaterThanOrEqualTo(20);
        JsonNode laborer = EligibilityApiTest.find(awards, "code", "ADVANCED_LABORER");
        assertThat(laborer.get("name").get("vi").asText()).isEqualTo("Lao động tiên tiến");
        JsonNode law2022 = EligibilityApiTest.find(laborer.get("regimes"), "regime", "LAW_2022");
        assertThat(law2022.get("modelled").asBoolean()).isTrue();
        assertThat(law2022.get("criteria").findValuesAsText("criterion")).contains("RATING_GOOD_OR_BETTER", "MIN_SERVICE_MONTHS");
        assertThat(law2022.get("criteria").get(0).get("legalBasis").get("vi").asText()).contains("Luật 06/2022/QH15");
        assertThat(EligibilityApiTest.find(laborer.get("regimes"), "regime", "LAW_2013").get("modelled").asBoolean()).isTrue();
        JsonNode unitCertificate = EligibilityApiTest.find(awards, "code", "UNIT_CERTIFICATE_OF_MERIT");
        assertThat(EligibilityApiTest.find(unitCertificate.get("regimes"), "regime", "LAW_2013").get("modelled").asBoolean()).isFalse();
    }

    @Test
    void health_reports_up_with_the_rule_set_version() {
        Http.Answer a = Http.get(http.toBlocking(), "/health");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("status").asText()).isEqualTo("UP");
        assertThat(a.body().get("database").asText()).isEqualTo("UP");
        assertThat(a.body().get("rulesetVersion").asText()).startsWith("sha256:");
    }

    @Test
    void liveness_answers_up_without_asking_anything() {
        Http.Answer a = Http.get(http.toBlocking(), "/health/live");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("status").asText()).isEqualTo("UP");
        assertThat(a.body().size()).isEqualTo(1);
    }

    @Test
    void an_unknown_path_or_method_is_a_problem_document_too() {
        Http.Answer missing = Http.get(http.toBlocking(), "/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        Http.Answer notADecision = Http.get(http.toBlocking(), "/api/v1/decisions/abc");
        assertThat(notADecision.status()).isEqualTo(400);
        assertThat(notADecision.body().get("errors").findValuesAsText("field")).containsExactly("id");
    }
}
