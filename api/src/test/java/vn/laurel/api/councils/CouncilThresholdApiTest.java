package vn.laurel.api.councils;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.RulesCopyPostgresTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A threshold per organisation: with an {@code organisation:} value of 70 % for the demo department's
 * grassroots soldiers (Decree 152/2025: set locally), 7 of 9 members in favour passes — the same ballot
 * that fails against the national 80 % (CouncilsApiTest) — and the ballot keeps the value and scope used.
 */
@MicronautTest(transactional = false)
class CouncilThresholdApiTest extends RulesCopyPostgresTest {
    @Inject
    EmbeddedServer server;

    @Override
    protected String database() {
        return "councils_threshold";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        String fallback = "      reference: Nghị định 152/2025/NĐ-CP — tỷ lệ đối với danh hiệu cấp cơ sở do cơ quan, đơn vị quy định; chưa có quy định riêng thì áp dụng từ 80% trở lên tổng số thành viên hội đồng\n";
        replace(rulesDir.resolve("parameters/council-vote.yaml"), fallback, fallback
                + "    - from: 2025-07-01\n      value: 0.70\n      organisation: HN-SKHCN-DEMO\n"
                + "      reference: Quy chế thi đua, khen thưởng của Sở (minh hoạ)\n");
        return p;
    }

    @Test
    void anOrganisationsOwnThresholdDecidesTheBallot() {
        CouncilHttp http = new CouncilHttp(server.getPort());
        JsonNode council = http.get("board", "/api/v1/councils/HDTDKT-SKHCN-DEMO").body();
        JsonNode m = council.get("members");
        List<Long> present = new ArrayList<>();
        for (int i = 0; i < 9; i++) present.add(m.get(i).get("id").asLong());
        CouncilHttp.Answer s = http.post("board", "/api/v1/councils/sessions",
                "{\"council\":\"HDTDKT-SKHCN-DEMO\",\"year\":2025,\"heldOn\":\"2026-01-12\",\"present\":" + present + "}");
        assertThat(s.status()).isEqualTo(201);
        long id = s.body().get("id").asLong();
        JsonNode agenda = http.get("board", "/api/v1/councils/sessions/" + id + "/agenda").body();
        JsonNode soldier = CouncilsApiTest.first(agenda, "GRASSROOTS_EMULATION_SOLDIER", "ELIGIBLE");
        assertThat(soldier.get("threshold").get("text").asText()).isEqualTo("≥ 70%");
        assertThat(soldier.get("threshold").get("scope").asText()).isEqualTo("organisation HN-SKHCN-DEMO");
        StringBuilder votes = new StringBuilder("[");
        for (int i = 0; i < 9; i++) {
            if (i > 0) votes.append(',');
            votes.append("{\"member\":").append(present.get(i)).append(",\"vote\":\"").append(i < 7 ? "FOR" : "AGAINST").append("\"}");
        }
        votes.append(']');
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + id + "/ballots",
                "{\"ballots\":[" + CouncilsApiTest.one(soldier.get("subject").asText(), "GRASSROOTS_EMULATION_SOLDIER", votes.toString()) + "]}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        JsonNode b = a.body().get("ballots").get(0);
        assertThat(b.get("inFavour").asInt()).isEqualTo(7);
        assertThat(b.get("result").asText()).isEqualTo("PASSED");
        assertThat(b.get("threshold").get("share").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(b.get("threshold").get("scope").asText()).isEqualTo("organisation HN-SKHCN-DEMO");
        // Another award keeps the national value: the flag's 80 %.
        JsonNode flag = CouncilsApiTest.first(agenda, "MINISTERIAL_PROVINCIAL_EMULATION_FLAG", "NEEDS_REVIEW");
        assertThat(flag.get("threshold").get("text").asText()).isEqualTo("≥ 80%");
    }
}
