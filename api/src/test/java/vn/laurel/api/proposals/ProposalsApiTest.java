package vn.laurel.api.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.councils.BallotLookup;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The competent authorities and the proposal lists through the API, as a board's script would use them: the
 * routing of each award and kind; a list prepared for the head of the demo department holds only ELIGIBLE
 * candidates, and for an award that needs a ballot only the one whose ballot passed; its totals agree in JSON and
 * XLSX; the conferment writes the title with the decision as its source, next year's answer counts it, and
 * conferring it twice is a 409. The councils' answers come from {@link FakeBallots}.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProposalsApiTest extends PostgresTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String HEAD = "UNIT_HEAD:HN-SKHCN-DEMO";
    static final String GES = "GRASSROOTS_EMULATION_SOLDIER";
    static final ObjectMapper JSON = new ObjectMapper();
    static final FakeBallots BALLOTS = new FakeBallots();
    final HttpClient curl = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @MockBean(BallotLookup.class)
    BallotLookup ballots() {
        return BALLOTS;
    }

    @Override
    protected String database() {
        return "laurel_proposals_api";
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> send(String method, String path, String user, String body, String accept, String language) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).header("Authorization", basic(user));
        if (accept != null) r.header("Accept", accept);
        if (language != null) r.header("Accept-Language", language);
        if (body != null) r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        else r.method(method, HttpRequest.BodyPublishers.noBody());
        return curl.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    JsonNode ok(HttpResponse<byte[]> r, int status) throws Exception {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        return json(r);
    }

    /** The ids ELIGIBLE for an award in 2025 across the demo department, as the candidates list says. */
    List<String> eligible(String award) throws Exception {
        JsonNode c = ok(send("GET", "/api/v1/awards/" + award + "/candidates?year=2025&unit=HN-SKHCN-DEMO&includeSubunits=true&outcome=ELIGIBLE&size=500",
                "admin", null, "application/json", null), 200);
        List<String> ids = new ArrayList<>();
        c.get("items").forEach(i -> ids.add(i.get("subjectId").asText()));
        return ids;
    }

    @Test
    @Order(1)
    void each_award_and_kind_is_routed_to_its_authority_with_its_legal_basis() throws Exception {
        JsonNode a = ok(send("GET", "/api/v1/authorities?year=2025", "board", null, null, "en"), 200);
        assertThat(a.get("asOf").asText()).isEqualTo("2026-01-15");
        assertThat(a.get("organisation").asText()).isEqualTo("HN-SKHCN-DEMO");
        Map<String, JsonNode> by = new HashMap<>();
        a.get("items").forEach(i -> by.put(i.get("award").asText() + "." + i.get("subjectKind").asText(), i));
        assertThat(by.get("ADVANCED_LABORER.PERSON").get("authority").asText()).isEqualTo(HEAD);
        assertThat(by.get("ADVANCED_LABORER.PERSON").get("reference").asText()).contains("Điều 80", "129/2025");
        assertThat(by.get("ADVANCED_LABORER.PERSON").get("confidence").asText()).isEqualTo("VERIFIED");
        assertThat(by.get("ADVANCED_LABOR_COLLECTIVE.COLLECTIVE").get("authority").asText()).isEqualTo(HEAD);
        assertThat(by.get("MINISTERIAL_PROVINCIAL_EMULATION_FLAG.COLLECTIVE").get("authority").asText()).isEqualTo("PROVINCIAL:HN-SKHCN-DEMO");
        assertThat(by.get("EXCELLENT_LABOR_COLLECTIVE.COLLECTIVE").get("confidence").asText()).isEqualTo("UNCONFIRMED");
        assertThat(by.get("NATIONAL_EMULATION_SOLDIER.PERSON").get("authority").asText()).isEqualTo("PRIME_MINISTER");
        assertThat(by.get("LABOR_ORDER_THIRD_CLASS.COLLECTIVE").get("authority").asText()).isEqualTo("PRESIDENT");
        assertThat(by.get("CREATIVE_LABOR_CERTIFICATE.PERSON").get("authority").asText()).isEqualTo("VGCL_PRESIDIUM");
        assertThat(by.get("UNIT_CERTIFICATE_OF_MERIT.COLLECTIVE").get("kindName").asText()).isEqualTo("Head of the agency or unit");
        // Before the 2022 law, the catalogue says nothing of the authority: not set, not guessed.
        JsonNode old = ok(send("GET", "/api/v1/authorities?year=2020", "auditor", null, null, null), 200);
        assertThat(old.get("items").get(0).get("status").asText()).isEqualTo("NOT_SET");
    }

    @Test
    @Order(2)
    void a_list_holds_only_eligible_candidates_and_for_a_ballot_award_only_the_passed_ballot() throws Exception {
        List<String> soldiers = eligible(GES);
        assertThat(soldiers).contains("P-0001").hasSizeGreaterThanOrEqualTo(2);
        String failed = soldiers.stream().filter(s -> !s.equals("P-0001")).findFirst().orElseThrow();
        BALLOTS.required.add(GES);
        BALLOTS.ballot("P-0001", GES, 2025, true, 9, 10, "0.8");
        BALLOTS.ballot(failed, GES, 2025, false, 7, 10, "0.8");

        JsonNode list = ok(send("POST", "/api/v1/proposals", "board", "{\"year\":2025,\"authority\":\"" + HEAD + "\"}", null, "vi"), 201);
        assertThat(list.get("authority").asText()).isEqualTo(HEAD);
        assertThat(list.get("authorityName").asText()).isEqualTo("Thủ trưởng cơ quan, đơn vị — Sở Khoa học và Công nghệ (minh hoạ)");
        List<JsonNode> rows = new ArrayList<>();
        list.get("rows").forEach(rows::add);
        List<String> ges = rows.stream().filter(r -> r.get("award").asText().equals(GES)).map(r -> r.get("subjectId").asText()).toList();
        assertThat(ges).containsExactly("P-0001");
        JsonNode hoa = rows.stream().filter(r -> r.get("award").asText().equals(GES)).findFirst().orElseThrow();
        assertThat(hoa.get("ballot").get("text").asText()).isEqualTo("90 % / ≥ 80 %");
        assertThat(hoa.get("ballot").get("council").asText()).as("the council that voted").isEqualTo("HĐ-TĐKT-SỞ");
        assertThat(hoa.get("decision").asText()).isEqualTo("/audit/decisions/" + hoa.get("decisionId").asLong());
        assertThat(hoa.get("facts").asText()).contains("2025");
        assertThat(list.get("withheld").asInt()).isEqualTo(soldiers.size() - 1);
        // Eligible and needing no ballot: everyone the candidates list calls eligible for the Advanced Laborer title.
        List<String> laborers = rows.stream().filter(r -> r.get("award").asText().equals("ADVANCED_LABORER")).map(r -> r.get("subjectId").asText()).toList();
        assertThat(laborers).containsExactlyInAnyOrderElementsOf(eligible("ADVANCED_LABORER"));
        // The decree's order: titles first, the higher first, then commendations; numbered from 1.
        List<String> awards = rows.stream().map(r -> r.get("award").asText()).distinct().toList();
        assertThat(awards.indexOf(GES)).isLessThan(awards.indexOf("ADVANCED_LABORER"));
        for (int i = 0; i < rows.size(); i++) assertThat(rows.get(i).get("no").asInt()).isEqualTo(i + 1);
        // Each row's decision is saved and names the subject.
        JsonNode decision = ok(send("GET", "/api/v1/decisions/" + hoa.get("decisionId").asLong(), "auditor", null, "application/json", null), 200);
        assertThat(decision.toString()).contains("P-0001");

        // The list as GET shows it, never written again.
        JsonNode got = ok(send("GET", "/api/v1/proposals?year=2025&authority=" + HEAD, "auditor", null, null, null), 200);
        assertThat(got.get("lists")).hasSize(1);
        assertThat(got.get("lists").get(0).get("id").asLong()).isEqualTo(list.get("id").asLong());
        assertThat(got.get("lists").get(0).get("rows")).hasSize(rows.size());
    }

    @Test
    @Order(3)
    void the_lists_totals_per_award_and_overall_agree_in_json_and_xlsx() throws Exception {
        JsonNode list = ok(send("GET", "/api/v1/proposals?year=2025&authority=" + HEAD, "board", null, null, null), 200).get("lists").get(0);
        Map<String, int[]> counted = new LinkedHashMap<>();
        list.get("rows").forEach(r -> counted.computeIfAbsent(r.get("award").asText(), k -> new int[2])
                [r.get("subjectKind").asText().equals("PERSON") ? 0 : 1]++);
        JsonNode totals = list.get("totals");
        assertThat(totals.get("awards")).hasSize(counted.size());
        int persons = 0, collectives = 0;
        for (JsonNode a : totals.get("awards")) {
            int[] n = counted.get(a.get("award").asText());
            assertThat(a.get("persons").asInt()).isEqualTo(n[0]);
            assertThat(a.get("collectives").asInt()).isEqualTo(n[1]);
            assertThat(a.get("total").asInt()).isEqualTo(n[0] + n[1]);
            persons += n[0];
            collectives += n[1];
        }
        assertThat(totals.get("persons").asInt()).isEqualTo(persons);
        assertThat(totals.get("collectives").asInt()).isEqualTo(collectives);
        assertThat(totals.get("total").asInt()).isEqualTo(list.get("rows").size()).isPositive();
        assertThat(collectives).as("the demo's units earn collective titles too").isPositive();

        HttpResponse<byte[]> file = send("GET", "/api/v1/proposals?year=2025&authority=" + HEAD, "board", null, XLSX, "vi");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-type").orElse("")).isEqualTo(XLSX);
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = book.getSheetAt(0);
            assertThat(f.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025");
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("Kính gửi: Thủ trưởng cơ quan, đơn vị — Sở Khoa học và Công nghệ (minh hoạ)");
            int header = sheet.getPaneInformation().getHorizontalSplitPosition() - 1;
            assertThat(f.formatCellValue(sheet.getRow(header).getCell(0))).isEqualTo("STT");
            int dataRows = 0;
            Map<String, String> subtotals = new LinkedHashMap<>();
            String total = null;
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String no = f.formatCellValue(row.getCell(0)), name = f.formatCellValue(row.getCell(1)), facts = f.formatCellValue(row.getCell(5));
                if (!no.isEmpty()) dataRows++;
                else if (name.startsWith("Cộng: ")) subtotals.put(name.substring(6), facts);
                else if (name.equals("Tổng cộng")) total = facts;
            }
            assertThat(dataRows).isEqualTo(list.get("rows").size());
            assertThat(total).isEqualTo(totals.get("total").asInt() + " (" + persons + " cá nhân, " + collectives + " tập thể)");
            assertThat(subtotals).hasSize(counted.size());
            for (JsonNode a : ok(send("GET", "/api/v1/proposals?year=2025&authority=" + HEAD, "board", null, null, "vi"), 200)
                    .get("lists").get(0).get("totals").get("awards")) {
                assertThat(subtotals.get(a.get("awardName").asText()))
                        .isEqualTo(a.get("total").asInt() + " (" + a.get("persons").asInt() + " cá nhân, " + a.get("collectives").asInt() + " tập thể)");
            }
            Sheet cover = book.getSheetAt(1);
            assertThat(cover.getSheetName()).isEqualTo("Tổng hợp");
            assertThat(f.formatCellValue(cover.getRow(0).getCell(1))).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(f.formatCellValue(cover.getRow(1).getCell(1))).isEqualTo("Độc lập – Tự do – Hạnh phúc");
            assertThat(f.formatCellValue(cover.getRow(cover.getLastRowNum() - 1).getCell(0))).isEqualTo("Người lập biểu");
            assertThat(f.formatCellValue(cover.getRow(cover.getLastRowNum() - 1).getCell(1))).isEqualTo("Thủ trưởng cơ quan, đơn vị");
            Row last = null;
            for (int r = 0; r <= cover.getLastRowNum(); r++) {
                if (cover.getRow(r) != null && "Tổng cộng".equals(f.formatCellValue(cover.getRow(r).getCell(1)))) last = cover.getRow(r);
            }
            assertThat(f.formatCellValue(last.getCell(1))).isEqualTo("Tổng cộng");
            assertThat(last.getCell(2).getNumericCellValue()).isEqualTo(persons);
            assertThat(last.getCell(3).getNumericCellValue()).isEqualTo(collectives);
            assertThat(last.getCell(4).getNumericCellValue()).isEqualTo(persons + collectives);
        }
    }

    @Test
    @Order(4)
    void a_conferment_writes_the_title_with_the_decision_as_source_next_year_counts_it_and_twice_is_a_409() throws Exception {
        JsonNode list = ok(send("GET", "/api/v1/proposals?year=2025&authority=" + HEAD, "board", null, null, null), 200).get("lists").get(0);
        long id = list.get("id").asLong();
        int row = 0;
        for (JsonNode r : list.get("rows")) if (r.get("award").asText().equals(GES)) row = r.get("no").asInt();
        assertThat(row).isPositive();

        // Refusals name their field, in the caller's language, and write nothing.
        JsonNode bad = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board", "{\"decisionNo\":\"\",\"decidedOn\":\"2026-01-20\",\"rows\":[" + row + "]}",
                null, "en"), 422);
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("decisionNo");
        assertThat(bad.get("errors").get(0).get("message").asText()).isEqualTo("The decision number is required.");
        JsonNode badRow = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board", "{\"decisionNo\":\"15/QĐ-SKHCN\",\"decidedOn\":\"2026-01-20\",\"rows\":[99999]}",
                null, "vi"), 422);
        assertThat(badRow.get("errors").get(0).get("field").asText()).isEqualTo("rows[0]");
        assertThat(badRow.get("errors").get(0).get("message").asText()).contains("không phải số thứ tự");
        assertThat(send("POST", "/api/v1/proposals/" + id + "/conferment", "auditor", "{\"decisionNo\":\"1\",\"decidedOn\":\"2026-01-20\"}", null, null)
                .statusCode()).isEqualTo(403);

        JsonNode after = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board",
                "{\"decisionNo\":\"15/QĐ-SKHCN\",\"decidedOn\":\"2026-01-20\",\"rows\":[" + row + "]}", null, null), 201);
        assertThat(after.get("conferments")).hasSize(1);
        assertThat(after.get("conferred").asInt()).isEqualTo(1);

        JsonNode titles = ok(send("GET", "/api/v1/subjects/P-0001/facts/titles", "admin", null, null, null), 200);
        JsonNode title = null;
        for (JsonNode t : titles.has("items") ? titles.get("items") : titles) {
            if (t.toString().contains(GES) && t.toString().contains("2025")) title = t;
        }
        assertThat(title).as(titles.toString()).isNotNull();
        assertThat(title.toString()).contains("15/QĐ-SKHCN", "2026-01-20", "danh sách đề nghị số " + id + " (Thủ trưởng cơ quan, đơn vị — Sở Khoa học và Công nghệ (minh hoạ), năm 2025)",
                "quyết định 15/QĐ-SKHCN ngày 20/01/2026", "dòng " + row);

        // Next year's answer counts the conferred title in the grassroots soldiers' run.
        JsonNode next = ok(send("GET", "/api/v1/subjects/P-0001/eligibility?year=2026&awards=MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER&lang=en",
                "admin", null, null, null), 200);
        String titleId = title.get("id").asText();
        assertThat(next.toString()).as(next.toString()).contains("\"factId\":\"" + (titleId.contains(":") ? titleId : "title:" + titleId) + "\"");

        // Twice: refused, nothing written.
        JsonNode twice = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board",
                "{\"decisionNo\":\"16/QĐ-SKHCN\",\"decidedOn\":\"2026-01-21\",\"rows\":[" + row + "]}", null, "en"), 409);
        assertThat(twice.get("errors").get(0).get("field").asText()).isEqualTo("rows");

        // The same decision number again on this list with another date: 409 on decisionNo. A decision dated before
        // the list's appraisal date (2026-01-15), e.g. inside the achievement year: 422 on decidedOn. Nothing written.
        int other = 0;
        for (JsonNode r : list.get("rows")) if (r.get("no").asInt() != row) other = r.get("no").asInt();
        JsonNode redated = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board",
                "{\"decisionNo\":\"15/QĐ-SKHCN\",\"decidedOn\":\"2026-02-02\",\"rows\":[" + other + "]}", null, "vi"), 409);
        assertThat(redated.get("errors").get(0).get("field").asText()).isEqualTo("decisionNo");
        assertThat(redated.get("errors").get(0).get("message").asText()).contains("15/QĐ-SKHCN", "20/01/2026");
        JsonNode early = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board",
                "{\"decisionNo\":\"18/QĐ-SKHCN\",\"decidedOn\":\"2025-06-30\",\"rows\":[" + other + "]}", null, "vi"), 422);
        assertThat(early.get("errors").get(0).get("field").asText()).isEqualTo("decidedOn");
        assertThat(early.get("errors").get(0).get("message").asText()).contains("15/01/2026");
        assertThat(ok(send("GET", "/api/v1/proposals/" + id, "auditor", null, null, null), 200).get("conferments")).hasSize(1);
        assertThat(ok(send("GET", "/api/v1/proposals/" + id, "auditor", null, null, null), 200).get("conferments")).hasSize(1);
        assertThat(ok(send("GET", "/api/v1/subjects/P-0001/facts/titles", "admin", null, null, null), 200).toString()).doesNotContain("16/QĐ-SKHCN");
    }

    @Test
    @Order(5)
    void bad_requests_are_problems_naming_the_field() throws Exception {
        JsonNode unknown = ok(send("POST", "/api/v1/proposals", "board", "{\"year\":2025,\"authority\":\"MAYOR\"}", null, "vi"), 422);
        assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("authority");
        JsonNode outside = ok(send("POST", "/api/v1/proposals", "board", "{\"year\":2025,\"authority\":\"UNIT_HEAD:ELSEWHERE\"}", null, "en"), 404);
        assertThat(outside.get("errors").get(0).get("field").asText()).isEqualTo("unit");
        JsonNode field = ok(send("POST", "/api/v1/proposals", "board", "{\"year\":2025,\"authority\":\"PRIME_MINISTER\",\"colour\":1}", null, null), 400);
        assertThat(field.get("errors").get(0).get("field").asText()).isEqualTo("colour");
        assertThat(send("POST", "/api/v1/proposals", "auditor", "{\"year\":2025,\"authority\":\"PRIME_MINISTER\"}", null, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/proposals/123456", "board", null, null, null).statusCode()).isEqualTo(404);
        // A workbook asked for an authority with no list: 404 naming the authority, not an empty workbook.
        HttpResponse<byte[]> none = send("GET", "/api/v1/proposals?year=2025&authority=PRESIDENT", "board", null, XLSX, "vi");
        assertThat(none.statusCode()).isEqualTo(404);
        JsonNode noneBody = new com.fasterxml.jackson.databind.ObjectMapper().readTree(none.body());
        assertThat(noneBody.get("errors").get(0).get("field").asText()).isEqualTo("authority");
        assertThat(noneBody.get("errors").get(0).get("message").asText()).contains("PRESIDENT", "2025");
        assertThat(send("GET", "/api/v1/proposals?year=2025&authority=" + "X".repeat(300), "board", null, null, null).statusCode()).isEqualTo(400);
    }

    /** Review C1 and C7: a passed ballot counts only if judged against the award's own threshold, as it stands on the appraisal date. */
    @Test
    @Order(6)
    void a_ballot_judged_against_another_threshold_or_below_the_one_in_force_withholds_the_candidate_with_the_reason() throws Exception {
        List<String> soldiers = eligible(GES);
        assertThat(soldiers).isNotEmpty();
        BALLOTS.required.add(GES);
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < soldiers.size(); i++) {
            String s = soldiers.get(i);
            if (i % 2 == 0) {
                // Held before the award's threshold came into force: judged (and passed) against the default > 50 %.
                BALLOTS.ballot(s, GES, 2025, java.time.LocalDate.of(2023, 12, 1), true, 6, 10, "0.5", "council.vote_share.default", true);
                expected.put(s, "OTHER_THRESHOLD");
            } else {
                // The award's own parameter, but a value lower than the 80 % in force on the appraisal date.
                BALLOTS.ballot(s, GES, 2025, java.time.LocalDate.of(2025, 12, 20), true, 7, 10, "0.7", "council.vote_share." + GES, false);
                expected.put(s, "BELOW_THRESHOLD");
            }
        }
        // A ballot on an award that needs none is shown as judged: strictly more than half.
        String laborer = eligible("ADVANCED_LABORER").get(0);
        BALLOTS.ballot(laborer, "ADVANCED_LABORER", 2025, java.time.LocalDate.of(2025, 12, 20), true, 6, 10, "0.5", "council.vote_share.default", true);

        JsonNode list = ok(send("POST", "/api/v1/proposals", "board", "{\"year\":2025,\"authority\":\"" + HEAD + "\"}", null, "vi"), 201);
        List<String> ges = new ArrayList<>();
        String laborerBallot = null;
        for (JsonNode r : list.get("rows")) {
            if (r.get("award").asText().equals(GES)) ges.add(r.get("subjectId").asText());
            if (r.get("award").asText().equals("ADVANCED_LABORER") && r.get("subjectId").asText().equals(laborer)) {
                laborerBallot = r.get("ballot").get("text").asText();
            }
        }
        assertThat(ges).isEmpty();
        assertThat(laborerBallot).isEqualTo("60 % / > 50 %");
        assertThat(list.get("withheld").asInt()).isEqualTo(soldiers.size());
        Map<String, JsonNode> withheld = new HashMap<>();
        list.get("withheldRows").forEach(w -> withheld.put(w.get("subjectId").asText(), w));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode w = withheld.get(e.getKey());
            assertThat(w).as(e.getKey()).isNotNull();
            assertThat(w.get("award").asText()).isEqualTo(GES);
            assertThat(w.get("reason").asText()).isEqualTo(e.getValue());
            if (e.getValue().equals("OTHER_THRESHOLD")) {
                assertThat(w.get("ballot").get("text").asText()).isEqualTo("60 % / > 50 %");
                assertThat(w.get("reasonText").asText()).contains("council.vote_share.default", "bỏ phiếu lại");
            } else {
                assertThat(w.get("ballot").get("text").asText()).isEqualTo("70 % / ≥ 80 %");
            }
        }
        // The page lists them with their reason.
        JsonNode again = ok(send("GET", "/api/v1/proposals/" + list.get("id").asLong(), "auditor", null, null, "en"), 200);
        assertThat(again.get("withheldRows")).hasSize(soldiers.size());
        BALLOTS.ballots.clear();
        BALLOTS.required.clear();
    }

    /** Review C5: a conferment never replaces a title recorded under another decision, nor one revoked. */
    @Test
    @Order(7)
    void a_conferment_over_a_title_of_another_decision_or_a_revoked_one_is_a_409_naming_it_and_writes_nothing() throws Exception {
        JsonNode list = ok(send("GET", "/api/v1/proposals?year=2025&authority=" + HEAD, "board", null, null, null), 200).get("lists").get(0);
        long id = list.get("id").asLong();
        List<JsonNode> laborers = new ArrayList<>();
        for (JsonNode r : list.get("rows")) if (r.get("award").asText().equals("ADVANCED_LABORER") && r.get("subjectKind").asText().equals("PERSON")) laborers.add(r);
        assertThat(laborers).hasSizeGreaterThanOrEqualTo(2);
        JsonNode other = laborers.get(0), revoked = laborers.get(1);
        ok(send("POST", "/api/v1/subjects/" + other.get("subjectId").asText() + "/facts/titles", "admin",
                "{\"year\":2025,\"code\":\"ADVANCED_LABORER\",\"decisionNo\":\"99/QĐ-CŨ\",\"decidedOn\":\"2026-01-05\"}", null, null), 201);
        ok(send("POST", "/api/v1/subjects/" + revoked.get("subjectId").asText() + "/facts/titles", "admin",
                "{\"year\":2025,\"code\":\"ADVANCED_LABORER\",\"decisionNo\":\"40/QĐ-SKHCN\",\"decidedOn\":\"2026-01-05\",\"revoked\":true}",
                null, null), 201);
        int before = list.get("conferments").size();

        JsonNode refused = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board",
                "{\"decisionNo\":\"40/QĐ-SKHCN\",\"decidedOn\":\"2026-01-20\",\"rows\":[" + other.get("no").asInt() + "]}", null, "en"), 409);
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("rows");
        assertThat(refused.get("errors").get(0).get("message").asText()).contains("Row " + other.get("no").asInt(), "title:", "99/QĐ-CŨ");
        JsonNode undo = ok(send("POST", "/api/v1/proposals/" + id + "/conferment", "board",
                "{\"decisionNo\":\"40/QĐ-SKHCN\",\"decidedOn\":\"2026-01-20\",\"rows\":[" + revoked.get("no").asInt() + "]}", null, "vi"), 409);
        assertThat(undo.get("errors").get(0).get("message").asText()).contains("Dòng " + revoked.get("no").asInt(), "thu hồi");

        assertThat(ok(send("GET", "/api/v1/proposals/" + id, "auditor", null, null, null), 200).get("conferments")).hasSize(before);
        String titles = ok(send("GET", "/api/v1/subjects/" + other.get("subjectId").asText() + "/facts/titles", "admin", null, null, null), 200).toString();
        assertThat(titles).contains("99/QĐ-CŨ").doesNotContain("danh sách đề nghị số " + id);
        String still = ok(send("GET", "/api/v1/subjects/" + revoked.get("subjectId").asText() + "/facts/titles", "admin", null, null, null), 200).toString();
        assertThat(still).contains("\"revoked\":true").doesNotContain("danh sách đề nghị số " + id);
    }
}
