package vn.laurel.api.year;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year as a board's script goes through it, on the demo department, with the real cluster review,
 * council and proposal lists (no stand-in): the block's scores → its ranking and proposals (one flag) →
 * the review recorded → the council's agenda (the flag's leader waiting for judgment) → ballots, one below
 * its threshold → the proposal lists (the failed ballot absent, the flag present) → the conferment → next
 * year's answer counts the new title.
 */
@MicronautTest(transactional = false)
class EmulationYearJourneyApiTest extends PostgresTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BLOCK = "HN-KHOI-SKHCN-DEMO";
    static final String COUNCIL = "HDTDKT-SKHCN-DEMO";
    static final String FLAG = "MINISTERIAL_PROVINCIAL_EMULATION_FLAG";
    static final String GES = "GRASSROOTS_EMULATION_SOLDIER";
    final HttpClient curl = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    protected String database() {
        return "laurel_year_journey_api";
    }

    JsonNode call(String method, String path, String user, String body, int expected) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en");
        if (body != null) r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        else r.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> a = curl.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as(method + " " + path + ": " + a.body()).isEqualTo(expected);
        return a.body().isEmpty() ? JSON.nullNode() : JSON.readTree(a.body());
    }

    @Test
    void the_year_from_the_clusters_scores_to_next_years_answer() throws Exception {
        // 1. Scores: the office (VP) comes first this time, science management (QLKH) second.
        String scores = """
                {"scores":[
                 {"unit":"HN-SKHCN-DEMO-VP","criterion":"NHIEM_VU","points":49},{"unit":"HN-SKHCN-DEMO-VP","criterion":"PHONG_TRAO","points":19},
                 {"unit":"HN-SKHCN-DEMO-VP","criterion":"CAI_CACH","points":19},{"unit":"HN-SKHCN-DEMO-VP","criterion":"DOAN_KET","points":10},
                 {"unit":"HN-SKHCN-DEMO-QLKH","criterion":"NHIEM_VU","points":47},{"unit":"HN-SKHCN-DEMO-QLKH","criterion":"PHONG_TRAO","points":18},
                 {"unit":"HN-SKHCN-DEMO-QLKH","criterion":"CAI_CACH","points":18},{"unit":"HN-SKHCN-DEMO-QLKH","criterion":"DOAN_KET","points":9},
                 {"unit":"HN-SKHCN-DEMO-QLCN","criterion":"NHIEM_VU","points":44},{"unit":"HN-SKHCN-DEMO-QLCN","criterion":"PHONG_TRAO","points":17},
                 {"unit":"HN-SKHCN-DEMO-QLCN","criterion":"CAI_CACH","points":17},{"unit":"HN-SKHCN-DEMO-QLCN","criterion":"DOAN_KET","points":9},
                 {"unit":"HN-SKHCN-DEMO-TTTT","criterion":"NHIEM_VU","points":43},{"unit":"HN-SKHCN-DEMO-TTTT","criterion":"PHONG_TRAO","points":16},
                 {"unit":"HN-SKHCN-DEMO-TTTT","criterion":"CAI_CACH","points":16},{"unit":"HN-SKHCN-DEMO-TTTT","criterion":"DOAN_KET","points":8},
                 {"unit":"HN-SKHCN-DEMO-TDC","criterion":"NHIEM_VU","points":40},{"unit":"HN-SKHCN-DEMO-TDC","criterion":"PHONG_TRAO","points":15},
                 {"unit":"HN-SKHCN-DEMO-TDC","criterion":"CAI_CACH","points":15},{"unit":"HN-SKHCN-DEMO-TDC","criterion":"DOAN_KET","points":8}]}""";
        call("PUT", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", scores, 200);

        // 2. The ranking and the proposals: one flag, for the leader, still waiting for the council's judgment.
        JsonNode review = call("GET", "/api/v1/clusters/" + BLOCK + "/review?year=2025", "board", null, 200);
        assertThat(review.get("ranking").get(0).get("unit").asText()).isEqualTo("HN-SKHCN-DEMO-VP");
        assertThat(review.get("ranking").get(0).get("total").decimalValue()).isEqualByComparingTo("97");
        JsonNode flag = review.get("proposals").get("flag");
        assertThat(flag.get("award").asText()).isEqualTo(FLAG);
        assertThat(flag.get("proposed")).hasSize(1);
        String leader = flag.get("proposed").get(0).asText();
        assertThat(leader).isEqualTo("HN-SKHCN-DEMO-VP");
        assertThat(review.get("proposals").get("merit").get("proposed")).doesNotContain(JSON.valueToTree(leader));

        // 3. Recorded: from now on, who leads the block is the review's word.
        call("POST", "/api/v1/clusters/" + BLOCK + "/review/record?year=2025", "board", null, 201);
        JsonNode flagAnswer = call("GET", "/api/v1/subjects/" + leader + "/eligibility?year=2025&awards=" + FLAG, "board", null, 200);
        JsonNode leads = criterion(flagAnswer, FLAG, "LEADS_EMULATION_CLUSTER");
        assertThat(leads.get("status").asText()).isEqualTo("MET");
        assertThat(leads.get("evidence").toString()).contains("cluster review " + BLOCK + " 2025");
        assertThat(award(flagAnswer, FLAG).get("outcome").asText()).isEqualTo("NEEDS_REVIEW");

        // 4. The council meets: seven present, one votes in writing, one absent.
        JsonNode council = call("GET", "/api/v1/councils/" + COUNCIL, "board", null, 200);
        List<Long> members = new ArrayList<>();
        council.get("members").forEach(m -> members.add(m.get("id").asLong()));
        assertThat(members).hasSize(9);
        long session = call("POST", "/api/v1/councils/sessions", "board", "{\"council\":\"" + COUNCIL + "\",\"year\":2025,"
                + "\"heldOn\":\"2026-01-13\",\"present\":" + members.subList(0, 7) + ",\"inWriting\":[" + members.get(7) + "]}", 201)
                .get("id").asLong();
        JsonNode agenda = call("GET", "/api/v1/councils/sessions/" + session + "/agenda", "board", null, 200);
        JsonNode flagItem = item(agenda, leader, FLAG);
        assertThat(flagItem).as("the flag's leader is on the agenda").isNotNull();
        assertThat(flagItem.get("ballotRequired").asBoolean()).isTrue();
        // The flag's criteria that only judgment settles — one reads three attestations — wait for the vote.
        assertThat(flagItem.get("waiting").findValuesAsText("criterion")).contains("EXCEEDS_TARGETS", "UNITY_PARTY_ORGANISATION_AND_THRIFT");
        List<String> soldiers = new ArrayList<>();
        agenda.get("items").forEach(i -> {
            if (i.get("award").asText().equals(GES) && i.get("outcome").asText().equals("ELIGIBLE") && i.get("ballot").isNull()) {
                soldiers.add(i.get("subject").asText());
            }
        });
        assertThat(soldiers).hasSizeGreaterThanOrEqualTo(2);
        String passed = soldiers.get(0), failed = soldiers.get(1);

        // 5. Ballots: the flag 8 of 9 (a written vote among them), a soldier 8 of 9, another 7 of 9 — below 80 %.
        JsonNode ballots = call("POST", "/api/v1/councils/sessions/" + session + "/ballots", "board", "{\"ballots\":["
                + ballot(leader, FLAG, members, 8) + "," + ballot(passed, GES, members, 8) + "," + ballot(failed, GES, members, 7) + "]}", 201);
        assertThat(ballots.get("ballots").findValuesAsText("result")).containsExactly("PASSED", "PASSED", "FAILED");
        JsonNode flagBallot = ballots.get("ballots").get(0);
        // What the vote settles is what the flag's open criteria read: targets exceeded, and of "unity, Party
        // organisation and thrift" the two the demo's unit lacks (its internal unity is attested already).
        assertThat(flagBallot.get("attested").toString()).contains("EXCEEDS_TARGETS", "THRIFT_AND_ANTI_CORRUPTION", "PARTY_ORGANISATION_GOOD_OR_BETTER")
                .doesNotContain("INTERNAL_UNITY", "LEADS_EMULATION_CLUSTER");
        // The passed ballot is the attestation now, the session its provenance.
        JsonNode afterVote = call("GET", "/api/v1/subjects/" + leader + "/eligibility?year=2025&awards=" + FLAG, "board", null, 200);
        assertThat(award(afterVote, FLAG).get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(criterion(afterVote, FLAG, "EXCEEDS_TARGETS").get("evidence").toString())
                .contains("council " + COUNCIL + ", session " + session);

        // 6. The lists: the head of the department's without the failed soldier; the city's with the flag.
        JsonNode authorities = call("GET", "/api/v1/authorities?year=2025", "board", null, 200);
        String head = null, city = null;
        for (JsonNode a : authorities.get("items")) {
            String key = a.get("award").asText() + "." + a.get("subjectKind").asText();
            if (key.equals(GES + ".PERSON")) head = a.get("authority").asText();
            if (key.equals(FLAG + ".COLLECTIVE")) city = a.get("authority").asText();
        }
        JsonNode headList = call("POST", "/api/v1/proposals", "board", "{\"year\":2025,\"authority\":\"" + head + "\"}", 201);
        List<String> proposedSoldiers = subjects(headList, GES);
        assertThat(proposedSoldiers).contains(passed).doesNotContain(failed);
        JsonNode cityList = call("POST", "/api/v1/proposals", "board", "{\"year\":2025,\"authority\":\"" + city + "\"}", 201);
        assertThat(subjects(cityList, FLAG)).containsExactly(leader);
        // Totals agree with the rows.
        assertThat(headList.get("totals").get("total").asInt()).isEqualTo(headList.get("rows").size());

        // 7. The city's decision confers the flag, and the head's the soldier's title.
        int flagRow = row(cityList, leader, FLAG);
        call("POST", "/api/v1/proposals/" + cityList.get("id").asLong() + "/conferment", "board",
                "{\"decisionNo\":\"215/QĐ-UBND\",\"decidedOn\":\"2026-02-20\",\"rows\":[" + flagRow + "]}", 201);
        int soldierRow = row(headList, passed, GES);
        call("POST", "/api/v1/proposals/" + headList.get("id").asLong() + "/conferment", "board",
                "{\"decisionNo\":\"31/QĐ-SKHCN\",\"decidedOn\":\"2026-02-02\",\"rows\":[" + soldierRow + "]}", 201);

        // 8. Next year: the new titles are facts with their decision as source, and the answers count them.
        JsonNode titles = call("GET", "/api/v1/subjects/" + passed + "/facts/titles", "admin", null, 200);
        String titleId = null;
        for (JsonNode t : titles.has("items") ? titles.get("items") : titles) {
            if (t.toString().contains(GES) && t.toString().contains("31/QĐ-SKHCN")) titleId = t.get("id").asText();
        }
        assertThat(titleId).as(titles.toString()).isNotNull();
        String factId = titleId.contains(":") ? titleId : "title:" + titleId;
        JsonNode next = call("GET", "/api/v1/subjects/" + passed + "/eligibility?year=2026&awards=MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER",
                "board", null, 200);
        assertThat(next.toString()).contains("\"factId\":\"" + factId + "\"");
        JsonNode unitTitles = call("GET", "/api/v1/subjects/" + leader + "/facts/titles", "admin", null, 200);
        assertThat(unitTitles.toString()).contains(FLAG, "215/QĐ-UBND", "danh sách đề nghị số " + cityList.get("id").asLong());
    }

    static String ballot(String subject, String award, List<Long> members, int inFavour) {
        StringBuilder votes = new StringBuilder("[");
        for (int n = 0; n < 8; n++) {
            if (n > 0) votes.append(',');
            votes.append("{\"member\":").append(members.get(n)).append(",\"vote\":\"").append(n < inFavour ? "FOR" : "AGAINST").append("\"}");
        }
        return "{\"subject\":\"" + subject + "\",\"award\":\"" + award + "\",\"votes\":" + votes + "]}";
    }

    static JsonNode award(JsonNode answer, String award) {
        for (JsonNode a : answer.get("results")) if (a.get("award").asText().equals(award)) return a;
        throw new AssertionError("no " + award + " in " + answer);
    }

    static JsonNode criterion(JsonNode answer, String award, String criterion) {
        for (JsonNode c : award(answer, award).get("criteria")) if (c.get("criterion").asText().equals(criterion)) return c;
        throw new AssertionError("no " + criterion + " in " + answer);
    }

    static JsonNode item(JsonNode agenda, String subject, String award) {
        for (JsonNode i : agenda.get("items")) {
            if (i.get("subject").asText().equals(subject) && i.get("award").asText().equals(award)) return i;
        }
        return null;
    }

    static List<String> subjects(JsonNode list, String award) {
        List<String> out = new ArrayList<>();
        list.get("rows").forEach(r -> {
            if (r.get("award").asText().equals(award)) out.add(r.get("subjectId").asText());
        });
        return out;
    }

    static int row(JsonNode list, String subject, String award) {
        for (JsonNode r : list.get("rows")) {
            if (r.get("subjectId").asText().equals(subject) && r.get("award").asText().equals(award)) return r.get("no").asInt();
        }
        throw new AssertionError(subject + " " + award + " not in " + list);
    }
}
