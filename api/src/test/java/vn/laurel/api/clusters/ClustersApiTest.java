package vn.laurel.api.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.export.ExportFiles;

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
 * A cluster's review through the API, as a board's script would drive it (curl with Basic): the demo
 * block's 2025 scores, the ranking and the proposals; scores changed so that the leader fails the flag,
 * so that two units pass it (one flag), so that two tie at the top; a CSV with bad rows refused whole;
 * the review recorded, and the flag's "leads its cluster" then read from it. Its own database: it writes.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClustersApiTest extends PostgresTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String BLOCK = "HN-KHOI-SKHCN-DEMO";
    static final String REVIEW = "/api/v1/clusters/" + BLOCK + "/review?year=2025";
    static final String FLAG = "MINISTERIAL_PROVINCIAL_EMULATION_FLAG";
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient curl = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    protected String database() { return "laurel_clusters_api"; }

    record Answer(int status, String type, byte[] bytes) {
        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (Exception e) {
                throw new AssertionError(new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        @Override
        public String toString() { return status + " " + new String(bytes, StandardCharsets.UTF_8); }
    }

    Answer call(String method, String path, String user, String type, String body, String accept, String lang) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) r.header("Accept", accept);
        if (lang != null) r.header("Accept-Language", lang);
        if (type != null) r.header("Content-Type", type);
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> res = curl.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(res.statusCode(), res.headers().firstValue("content-type").orElse(""), res.body());
    }

    JsonNode review() throws Exception {
        Answer a = call("GET", REVIEW, "board", null, null, "application/json", "en");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return a.json();
    }

    Answer putScores(String json) throws Exception {
        return call("PUT", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", "application/json", json, null, "en");
    }

    /** The year's scores set so that the units total as given (all on NHIEM_VU, the rest at fixed points). */
    Answer totals(String... unitAndNhiemVu) throws Exception {
        StringBuilder sb = new StringBuilder("{\"scores\":[");
        for (int i = 0; i < unitAndNhiemVu.length; i += 2) {
            String u = unitAndNhiemVu[i];
            sb.append(i == 0 ? "" : ",").append("{\"unit\":\"").append(u).append("\",\"criterion\":\"NHIEM_VU\",\"points\":")
                    .append(unitAndNhiemVu[i + 1]).append("}");
            for (String k : List.of("PHONG_TRAO", "CAI_CACH", "DOAN_KET")) {
                sb.append(",{\"unit\":\"").append(u).append("\",\"criterion\":\"").append(k).append("\",\"points\":5}");
            }
        }
        return putScores(sb.append("]}").toString());
    }

    static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> {
            JsonNode v = field == null ? n : n.get(field);
            out.add(v == null || v.isNull() ? null : v.asText());
        });
        return out;
    }

    static JsonNode considered(JsonNode list, String unit) {
        for (JsonNode c : list.get("considered")) if (c.get("unit").asText().equals(unit)) return c;
        return null;
    }

    @Test
    @Order(1)
    void the_demo_block_ranks_its_five_units_and_proposes_one_flag_then_certificates_of_merit() throws Exception {
        Answer list = call("GET", "/api/v1/clusters?year=2025", "auditor", null, null, null, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("code")).contains("HN-CUM-KHCN", BLOCK);

        JsonNode r = review();
        assertThat(r.get("status").asText()).isEqualTo("READY");
        assertThat(r.get("head").asText()).isEqualTo("HN-SKHCN-DEMO-VP");
        assertThat(texts(r.get("ranking"), "unit")).containsExactly("HN-SKHCN-DEMO-QLKH", "HN-SKHCN-DEMO-VP", "HN-SKHCN-DEMO-TTTT",
                "HN-SKHCN-DEMO-QLCN", "HN-SKHCN-DEMO-TDC");
        assertThat(texts(r.get("ranking"), "total")).containsExactly("93.5", "91.0", "89.5", "89.0", "84.0");
        JsonNode flag = r.get("proposals").get("flag");
        assertThat(flag.get("award").asText()).isEqualTo(FLAG);
        assertThat(texts(flag.get("proposed"), null)).containsExactly("HN-SKHCN-DEMO-QLKH");
        // Proposed as the block's leader, with the criteria the council still has to judge.
        assertThat(considered(flag, "HN-SKHCN-DEMO-QLKH").get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(considered(flag, "HN-SKHCN-DEMO-QLKH").get("waiting").findValuesAsText("criterion")).contains("EXCEEDS_TARGETS")
                .doesNotContain("LEADS_EMULATION_CLUSTER");
        JsonNode merit = r.get("proposals").get("merit");
        assertThat(merit.get("quota").asInt()).isEqualTo(2);
        assertThat(merit.get("proposed")).hasSize(2);
        assertThat(texts(merit.get("proposed"), null)).doesNotContain("HN-SKHCN-DEMO-QLKH");

        Answer vi = call("GET", REVIEW, "auditor", null, null, "application/json", "vi");
        assertThat(vi.json().get("statusText").asText()).startsWith("Đã đủ điểm");
    }

    @Test
    @Order(2)
    void the_review_as_xlsx_is_the_ranking_with_its_points_and_proposals() throws Exception {
        Answer file = call("GET", REVIEW, "auditor", null, null, XLSX, "vi");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.type()).isEqualTo(XLSX);
        ExportFiles.Workbook book = ExportFiles.xlsx(file.bytes());
        assertThat(book.title().get(0)).isEqualTo("Kết quả chấm điểm, xếp hạng và đề nghị khen thưởng của "
                + "Khối thi đua các đơn vị thuộc Sở Khoa học và Công nghệ (minh hoạ), năm 2025");
        assertThat(book.header()).containsExactly("Hạng", "Mã đơn vị", "Tên đơn vị", "Kết quả thực hiện nhiệm vụ chuyên môn (50)",
                "Tổ chức phong trào thi đua và khen thưởng (20)", "Cải cách hành chính, chuyển đổi số (20)",
                "Xây dựng tổ chức Đảng, đoàn thể vững mạnh, đoàn kết nội bộ (10)", "Tổng điểm", "Đề nghị", "Lý do");
        assertThat(book.rows()).hasSize(5);
        assertThat(book.rows().get(0).subList(0, 3)).containsExactly("1", "HN-SKHCN-DEMO-QLKH", "Phòng Quản lý khoa học (minh hoạ)");
        assertThat(book.rows().get(0).get(7)).isEqualTo("93.5");
        assertThat(book.rows().get(0).get(8)).contains("Cờ thi đua").contains("đề nghị");
    }

    @Test
    @Order(3)
    void a_csv_with_bad_rows_is_refused_by_row_and_column_and_nothing_is_written() throws Exception {
        String csv = "unit,criterion,points\n"
                + "HN-SKHCN-DEMO-VP,NHIEM_VU,10\n"          // good, but the file is refused whole
                + "HN-SKHCN-DEMO,NHIEM_VU,10\n"             // the department is not a member of its units' block
                + "HN-SKHCN-DEMO-TDC,KHONG_CO,5\n"          // no such criterion
                + "HN-SKHCN-DEMO-TDC,DOAN_KET,11\n"         // over the maximum of 10
                + "HN-SKHCN-DEMO-QLCN,PHONG_TRAO,-1\n";     // negative
        Answer a = call("POST", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", "text/csv", csv, null, "vi");
        assertThat(a.status()).as(a.toString()).isEqualTo(422);
        assertThat(a.type()).startsWith("application/problem+json");
        JsonNode errors = a.json().get("errors");
        assertThat(texts(errors, "row")).containsExactly("3", "4", "5", "6");
        assertThat(texts(errors, "field")).containsExactly("unit", "criterion", "points", "points");
        assertThat(errors.get(2).get("message").asText()).isEqualTo("điểm 11 vượt mức tối đa 10 của tiêu chí");
        assertThat(review().get("ranking").get(1).get("points").get("NHIEM_VU").asText()).isEqualTo("46.0");

        Answer missingColumn = call("POST", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", "text/csv",
                "unit,criterion\nHN-SKHCN-DEMO-VP,NHIEM_VU\n", null, "en");
        assertThat(missingColumn.status()).isEqualTo(422);
        assertThat(missingColumn.json().get("errors").get(0).get("message").asText()).isEqualTo("no column \"points\"");

        // Excel in a Vietnamese locale saves with semicolons (the comma is the decimal separator): read as such.
        // An exponent is no way to write points.
        Answer exponent = call("POST", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", "text/csv",
                "unit;criterion;points\r\nHN-SKHCN-DEMO-VP;NHIEM_VU;1e1\r\n", null, "vi");
        assertThat(exponent.status()).as(exponent.toString()).isEqualTo(422);
        assertThat(texts(exponent.json().get("errors"), "row")).containsExactly("2");
        assertThat(texts(exponent.json().get("errors"), "field")).containsExactly("points");
        assertThat(exponent.json().get("errors").get(0).get("message").asText()).isEqualTo("\"1e1\" không phải là số điểm (tối đa hai chữ số thập phân)");
        Answer semicolons = call("POST", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", "text/csv",
                "unit;criterion;points\r\nHN-SKHCN-DEMO-VP;NHIEM_VU;46,0\r\n", null, "vi");
        assertThat(semicolons.status()).as(semicolons.toString()).isEqualTo(200);
        assertThat(review().get("ranking").get(1).get("points").get("NHIEM_VU").asText()).isEqualTo("46.0");

        Answer byAuditor = call("POST", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "auditor", "text/csv",
                "unit,criterion,points\nHN-SKHCN-DEMO-VP,NHIEM_VU,10\n", null, null);
        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/clusters/" + BLOCK + "/review/record?year=2025", "auditor", null, null, null, null).status())
                .isEqualTo(403);
        Answer badYear = call("GET", "/api/v1/clusters/" + BLOCK + "/review?year=20x5", "board", null, null, null, null);
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/clusters/NO-SUCH/review?year=2025", "board", null, null, null, "en").status()).isEqualTo(404);
        assertThat(review().get("ranking").get(1).get("points").get("NHIEM_VU").asText()).isEqualTo("46.0");
    }

    @Test
    @Order(4)
    void the_flag_quota_among_collectives_two_pass_the_flag_and_one_is_proposed() throws Exception {
        // With a quota of two, the first two units both pass the flag as leader...
        Answer two = call("PUT", "/api/v1/clusters/" + BLOCK + "/settings", "board", "application/json",
                "{\"validFrom\":\"2025-06-01\",\"flagQuota\":2,\"meritCount\":2}", null, "en");
        assertThat(two.status()).as(two.toString()).isEqualTo(200);
        assertThat(texts(review().get("proposals").get("flag").get("proposed"), null))
                .containsExactly("HN-SKHCN-DEMO-QLKH", "HN-SKHCN-DEMO-VP");
        // ...with the block's one flag, only the first is proposed; the second goes on to the certificates.
        Answer one = call("PUT", "/api/v1/clusters/" + BLOCK + "/settings", "board", "application/json",
                "{\"validFrom\":\"2025-06-01\",\"flagQuota\":1,\"meritCount\":2}", null, "en");
        assertThat(one.status()).isEqualTo(200);
        JsonNode r = review();
        assertThat(texts(r.get("proposals").get("flag").get("proposed"), null)).containsExactly("HN-SKHCN-DEMO-QLKH");
        assertThat(texts(r.get("proposals").get("merit").get("proposed"), null)).first().isEqualTo("HN-SKHCN-DEMO-VP");
    }

    @Test
    @Order(5)
    void two_units_tied_for_the_flag_are_not_chosen_between_and_the_review_waits() throws Exception {
        Answer tie = totals("HN-SKHCN-DEMO-QLKH", "40", "HN-SKHCN-DEMO-VP", "40", "HN-SKHCN-DEMO-QLCN", "30",
                "HN-SKHCN-DEMO-TDC", "20", "HN-SKHCN-DEMO-TTTT", "10");
        assertThat(tie.status()).as(tie.toString()).isEqualTo(200);
        JsonNode r = review();
        assertThat(r.get("status").asText()).isEqualTo("TIE");
        assertThat(texts(r.get("ranking"), "rank")).startsWith("1", "1", "3");
        assertThat(r.get("ranking").get(0).get("tied").asBoolean()).isTrue();
        assertThat(texts(r.get("proposals").get("flag").get("tied"), null)).containsExactlyInAnyOrder("HN-SKHCN-DEMO-QLKH", "HN-SKHCN-DEMO-VP");
        assertThat(r.get("proposals").get("flag").get("proposed")).isEmpty();
        assertThat(r.get("recordable").asBoolean()).isFalse();
        Answer record = call("POST", "/api/v1/clusters/" + BLOCK + "/review/record?year=2025", "board", null, null, null, "en");
        assertThat(record.status()).isEqualTo(409);
        assertThat(record.json().get("detail").asText()).contains("tied");
    }

    @Test
    @Order(6)
    void a_leader_that_fails_a_criterion_is_skipped_and_the_next_unit_is_proposed() throws Exception {
        assertThat(totals("HN-SKHCN-DEMO-QLKH", "45", "HN-SKHCN-DEMO-VP", "40", "HN-SKHCN-DEMO-QLCN", "30",
                "HN-SKHCN-DEMO-TDC", "20", "HN-SKHCN-DEMO-TTTT", "10").status()).isEqualTo(200);
        // The department's council found the first unit not united in 2025.
        Answer attested = call("POST", "/api/v1/subjects/HN-SKHCN-DEMO-QLKH/facts/attestations", "admin", "application/json",
                "{\"year\":2025,\"criterion\":\"INTERNAL_UNITY\",\"value\":false,\"attestedBy\":\"Hội đồng TĐKT Sở\"}", null, null);
        assertThat(attested.status()).as(attested.toString()).isIn(200, 201);
        JsonNode flag = review().get("proposals").get("flag");
        JsonNode first = considered(flag, "HN-SKHCN-DEMO-QLKH");
        assertThat(first.get("verdict").asText()).isEqualTo("NOT_PROPOSED");
        assertThat(first.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(first.get("failing").findValuesAsText("criterion")).containsExactly("UNITY_PARTY_ORGANISATION_AND_THRIFT");
        // The reason names the criterion by its sentence, not its code.
        assertThat(first.get("reason").asText()).contains(label(first.get("failing").get(0).get("text").asText()), "next unit")
                .doesNotContain("UNITY_PARTY_ORGANISATION_AND_THRIFT");
        assertThat(texts(flag.get("proposed"), null)).containsExactly("HN-SKHCN-DEMO-VP");
    }

    /** A criterion's sentence up to its findings: its label. */
    private static String label(String sentence) {
        int colon = sentence.indexOf(": ");
        return colon > 0 ? sentence.substring(0, colon) : sentence;
    }

    @Test
    @Order(7)
    void recording_the_review_makes_the_flags_leadership_come_from_it() throws Exception {
        Answer recorded = call("POST", "/api/v1/clusters/" + BLOCK + "/review/record?year=2025", "board", null, null, null, "en");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("source").asText()).startsWith("cluster review " + BLOCK + " 2025, recorded by board on ");

        JsonNode members = call("GET", "/api/v1/clusters/" + BLOCK + "?year=2025", "auditor", null, null, null, null).json().get("members");
        for (JsonNode m : members) {
            boolean vp = m.get("unit").asText().equals("HN-SKHCN-DEMO-VP");
            assertThat(m.get("leads").asBoolean()).as(m.toString()).isEqualTo(vp);
            assertThat(m.get("source").asText()).startsWith("cluster review " + BLOCK + " 2025");
        }
        assertThat(texts(members, "rank")).containsExactlyInAnyOrder("1", "2", "3", "4", "5");

        // The second unit leads by the recorded review, not by rank 1; the first, ranked 1, does not.
        JsonNode vp = leads("HN-SKHCN-DEMO-VP");
        assertThat(vp.get("status").asText()).isEqualTo("MET");
        assertThat(vp.get("evidence").get(0).get("source").asText()).startsWith("cluster review " + BLOCK + " 2025, recorded by board");
        JsonNode qlkh = leads("HN-SKHCN-DEMO-QLKH");
        assertThat(qlkh.get("status").asText()).isEqualTo("NOT_MET");
        assertThat(qlkh.get("evidence").get(0).get("summary").asText()).contains("rank 1", "does not lead");
        // The department's own cluster, ranked by import without saying who leads, still leads by rank 1.
        assertThat(leads("HN-SKHCN-DEMO").get("status").asText()).isEqualTo("MET");
        assertThat(review().get("recorded").get("by").asText()).isEqualTo("board");
    }

    @Test
    @Order(8)
    void a_recorded_review_whose_scores_change_says_so_and_a_grid_read_before_the_change_is_refused() throws Exception {
        JsonNode r = review();
        assertThat(r.get("recorded").get("changed").asBoolean()).as("just recorded: nothing changed").isFalse();
        assertThat(r.get("recorded").get("changedText").isNull()).isTrue();
        String read = r.get("scoresVersion").asText();

        // Another official merges one score from a file.
        Answer csv = call("POST", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", "text/csv",
                "unit,criterion,points\nHN-SKHCN-DEMO-TDC,DOAN_KET,4\n", null, "en");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        Answer vi = call("GET", REVIEW, "auditor", null, null, "application/json", "vi");
        JsonNode recorded = vi.json().get("recorded");
        assertThat(recorded.get("changed").asBoolean()).isTrue();
        assertThat(texts(recorded.get("changedParts"), null)).containsExactly("scores");
        assertThat(recorded.get("changedText").asText()).startsWith("Đã thay đổi từ khi ghi nhận (điểm)").contains("cần ghi nhận lại");
        String now = vi.json().get("scoresVersion").asText();
        assertThat(now).isNotEqualTo(read);

        // A grid read before that file: refused whole (409), nothing written.
        Answer stale = putScores("{\"version\":\"" + read + "\",\"scores\":[{\"unit\":\"HN-SKHCN-DEMO-VP\",\"criterion\":\"NHIEM_VU\",\"points\":1}]}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("version");
        assertThat(stale.json().get("detail").asText()).contains("changed since you opened the page");
        assertThat(review().get("scoresVersion").asText()).isEqualTo(now);

        // Recorded again, the review is current.
        Answer again = call("POST", "/api/v1/clusters/" + BLOCK + "/review/record?year=2025", "board", null, null, null, "en");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(review().get("recorded").get("changed").asBoolean()).isFalse();
    }

    @Test
    @Order(9)
    void bad_requests_are_answered_in_the_callers_language_and_dates_are_bounded() throws Exception {
        Answer farVi = call("PUT", "/api/v1/clusters/" + BLOCK + "/settings", "board", "application/json",
                "{\"validFrom\":\"0001-01-01\"}", null, "vi");
        assertThat(farVi.status()).as(farVi.toString()).isEqualTo(400);
        assertThat(farVi.json().get("errors").get(0).get("field").asText()).isEqualTo("validFrom");
        assertThat(farVi.json().get("errors").get(0).get("message").asText()).isEqualTo("phải từ 1900-01-01 đến 2100-12-31");
        Answer farEn = call("PUT", "/api/v1/clusters/" + BLOCK + "/table", "board", "application/json",
                "{\"validFrom\":\"+99999-01-01\",\"criteria\":[]}", null, "en");
        assertThat(farEn.status()).as(farEn.toString()).isEqualTo(400);
        assertThat(farEn.json().get("errors").get(0).get("field").asText()).isEqualTo("validFrom");

        Answer notJsonVi = putScoresIn("{oops", "vi");
        assertThat(notJsonVi.status()).isEqualTo(400);
        assertThat(notJsonVi.json().get("detail").asText()).isEqualTo("Yêu cầu không hợp lệ, không có gì được ghi: body: không phải là JSON;");
        Answer notJsonEn = putScoresIn("{oops", "en");
        assertThat(notJsonEn.json().get("errors").get(0).get("message").asText()).isEqualTo("is not JSON");
        Answer noList = putScoresIn("{}", "vi");
        assertThat(noList.json().get("errors").get(0).get("message").asText()).startsWith("bắt buộc");
        Answer noYear = call("GET", "/api/v1/clusters/" + BLOCK + "/review", "board", null, null, null, "vi");
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.json().get("errors").get(0).get("message").asText()).isEqualTo("bắt buộc, ví dụ year=2025");
        Answer badFormat = call("GET", REVIEW + "&format=pdf", "board", null, null, null, "vi");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("errors").get(0).get("message").asText()).isEqualTo("phải là json hoặc xlsx");
    }

    @Test
    @Order(10)
    void a_ranking_that_says_who_leads_must_have_its_rank() throws Exception {
        Answer noRank = call("POST", "/api/v1/subjects/HN-SKHCN-DEMO-TDC/facts/clusterMembers", "admin", "application/json",
                "{\"cluster\":\"" + BLOCK + "\",\"year\":2024,\"leads\":true}", null, "en");
        assertThat(noRank.status()).as(noRank.toString()).isEqualTo(400);
        assertThat(noRank.json().get("errors").findValuesAsText("field")).contains("rank");
        Answer ranked = call("POST", "/api/v1/subjects/HN-SKHCN-DEMO-TDC/facts/clusterMembers", "admin", "application/json",
                "{\"cluster\":\"" + BLOCK + "\",\"year\":2024,\"rank\":2,\"leads\":true}", null, "en");
        assertThat(ranked.status()).as(ranked.toString()).isEqualTo(201);
    }

    Answer putScoresIn(String json, String lang) throws Exception {
        return call("PUT", "/api/v1/clusters/" + BLOCK + "/review/scores?year=2025", "board", "application/json", json, null, lang);
    }

    JsonNode leads(String unit) throws Exception {
        Answer a = call("GET", "/api/v1/subjects/" + unit + "/eligibility?year=2025&awards=" + FLAG, "admin", null, null, null, "en");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        for (JsonNode c : a.json().get("results").get(0).get("criteria")) {
            if (c.get("criterion").asText().equals("LEADS_EMULATION_CLUSTER")) return c;
        }
        throw new AssertionError("no LEADS_EMULATION_CLUSTER in " + a);
    }
}
