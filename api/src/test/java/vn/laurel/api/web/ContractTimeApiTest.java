package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract time at the same agency counts toward a new hire's six months (award-catalogue §1.4,
 * December 2026) for people in the store as for case documents: imported as people.csv's
 * contract_since, kept, and read by the rule. Two people recruited on the same day, 1 September 2025;
 * only the one who worked under contract since 2024 has the months.
 */
@MicronautTest(transactional = false)
class ContractTimeApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected String database() { return "laurel_contract_time"; }

    JsonNode serviceMonths(String person) {
        JsonNode answer = Http.get(http.toBlocking(), "/api/v1/subjects/" + person + "/eligibility?year=2025&awards=ADVANCED_LABORER&lang=en").body();
        for (JsonNode c : answer.get("results").get(0).get("criteria")) {
            if (c.get("criterion").asText().equals("MIN_SERVICE_MONTHS")) return c;
        }
        throw new AssertionError("no MIN_SERVICE_MONTHS in " + answer);
    }

    @Test
    void contract_time_imported_with_the_person_counts_toward_the_six_months() {
        byte[] zip = Zips.of(
                "people.csv", "id,name,unit,hired_on,contract_since\n"
                        + "P-CT01,Lê Văn Hợp Đồng,HN-SKHCN-DEMO-TDC,2025-09-01,2024-03-01\n"
                        + "P-CT02,Lê Văn Mới,HN-SKHCN-DEMO-TDC,2025-09-01,\n",
                "ratings.csv", "subject,year,rating\nP-CT01,2025,GOOD\nP-CT02,2025,GOOD\n");
        Http.Answer imported = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", zip).contentType("application/zip"));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);

        assertThat(serviceMonths("P-CT01").get("status").asText()).isEqualTo("MET");
        assertThat(serviceMonths("P-CT02").get("status").asText()).isEqualTo("NOT_MET");
        assertThat(Http.get(http.toBlocking(), "/api/v1/subjects/P-CT01").body().toString()).contains("2024-03-01");
    }
}
