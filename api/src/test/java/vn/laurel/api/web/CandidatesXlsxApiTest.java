package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.export.ExportFiles;
import vn.laurel.api.security.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.laurel.api.security.Roles.CLIENT;

/**
 * GET /api/v1/awards/{code}/candidates as an Excel workbook, asked for as a client program would (curl
 * with Basic or a bearer token, {@code Accept} or {@code format=xlsx}), the bytes read back with POI:
 * the same rows as the JSON, in the same order, Vietnamese intact; a bad format is a problem naming it.
 */
@MicronautTest(transactional = false)
class CandidatesXlsxApiTest extends PostgresTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Tokens TOKENS = new Tokens();
    static final String TDC = "HN-SKHCN-DEMO-TDC";
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient curl = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> settings() {
        return Map.of("micronaut.security.token.jwt.signatures.jwks-static.agency.path", "file:" + TOKENS.jwksFile(),
                "micronaut.security.token.jwt.claims-validators.issuer", Tokens.ISSUER);
    }

    HttpResponse<byte[]> get(String path, String authorization, String accept) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).header("Authorization", authorization);
        if (accept != null) r.header("Accept", accept);
        return curl.send(r.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void the_demo_departments_grassroots_soldiers_of_2025_as_xlsx_are_the_json_rows_with_vietnamese_names_intact() throws Exception {
        String query = "/api/v1/awards/GRASSROOTS_EMULATION_SOLDIER/candidates?year=2025&unit=HN-SKHCN-DEMO&includeSubunits=true";
        HttpResponse<byte[]> file = get(query, basic("client"), XLSX);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-type").orElse("")).isEqualTo(XLSX);
        assertThat(file.headers().firstValue("content-disposition").orElse(""))
                .startsWith("attachment; filename=\"GRASSROOTS_EMULATION_SOLDIER-HN-SKHCN-DEMO-2025.xlsx\"");
        ExportFiles.Workbook book = ExportFiles.xlsx(file.body());
        assertThat(book.title().get(0)).isEqualTo("Danh sách xét Chiến sĩ thi đua cơ sở năm 2025");
        assertThat(book.title().get(1)).contains("Sở Khoa học và Công nghệ (minh hoạ)", "gồm các đơn vị trực thuộc");
        assertThat(book.title().get(2)).contains("Chế độ áp dụng: Luật Thi đua, khen thưởng 2022").doesNotContain("LAW_2022");
        assertThat(book.header()).containsExactly("Mã", "Họ và tên", "Đơn vị", "Kết quả", "Thứ hạng trong tỷ lệ", "Tiêu chí quyết định");
        assertThat(book.headerBold()).isTrue();
        assertThat(book.frozenRows()).isEqualTo(book.title().size() + 2);

        JsonNode answer = json(get(query + "&size=500", basic("client"), "application/json"));
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(i -> ids.add(i.get("subjectId").asText()));
        assertThat(answer.get("total").asInt()).isEqualTo(197);
        assertThat(book.rows()).hasSize(197);
        assertThat(book.rows().stream().map(r -> r.get(0)).toList()).isEqualTo(ids);
        List<String> hoa = book.rows().stream().filter(r -> r.get(0).equals("P-0001")).findFirst().orElseThrow();
        assertThat(hoa).containsExactly("P-0001", "Nguyễn Thị Hoa", "Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)", "Đủ điều kiện", "",
                "Đạt tất cả các tiêu chí.");
        // A person the rules turn down carries the sentence of the criterion that did it.
        List<String> nam = book.rows().stream().filter(r -> r.get(0).equals("P-0002")).findFirst().orElseThrow();
        assertThat(nam.get(1)).isEqualTo("Trần Văn Nam");
        assertThat(nam.get(3)).isEqualTo("Chưa đủ điều kiện");
        assertThat(nam.get(5)).startsWith("Danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến năm 2025").endsWith("không đạt");

        // format=xlsx says the same as the Accept header
        assertThat(ExportFiles.xlsx(get(query + "&format=xlsx", basic("client"), "*/*").body()).rows()).isEqualTo(book.rows());
    }

    @Test
    void a_scoped_token_gets_its_own_units_rows_in_english_and_403_beyond_them() throws Exception {
        String token = "Bearer " + TOKENS.scoped("tdc-council@agency.gov.vn", List.of(TDC), CLIENT);
        HttpResponse<byte[]> file = get("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=" + TDC + "&format=xlsx&lang=en", token, null);
        assertThat(file.statusCode()).isEqualTo(200);
        ExportFiles.Workbook book = ExportFiles.xlsx(file.body());
        assertThat(book.title().get(0)).isEqualTo("Candidates for Advanced Laborer in 2025");
        assertThat(book.header()).containsExactly("Code", "Name", "Unit", "Outcome", "Quota rank", "Deciding criterion");
        assertThat(book.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get(2)).isEqualTo("Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)"));
        assertThat(book.rows()).anySatisfy(r -> assertThat(r).containsExactly("P-0001", "Nguyễn Thị Hoa",
                "Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)", "Eligible", "", "Every criterion is met."));

        HttpResponse<byte[]> beyond = get("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&format=xlsx", token, null);
        assertThat(beyond.statusCode()).isEqualTo(403);
        assertThat(beyond.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(json(beyond).get("errors").get(0).get("field").asText()).isEqualTo("unit");
    }

    @Test
    void a_unit_with_nobody_to_evaluate_has_a_dash_for_its_regime_not_null() throws Exception {
        // The department without its subunits has no person of its own: nobody evaluated, no regime known.
        HttpResponse<byte[]> file = get("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&format=xlsx", basic("client"), null);
        assertThat(file.statusCode()).isEqualTo(200);
        ExportFiles.Workbook book = ExportFiles.xlsx(file.body());
        assertThat(book.rows()).isEmpty();
        assertThat(book.title().get(2)).contains("Chế độ áp dụng: —");
        assertThat(book.title()).noneSatisfy(t -> assertThat(t).contains("null"));
    }

    @Test
    void quota_ranks_are_numbers_in_the_order_asked_for() throws Exception {
        // 2023 appraised before 2024: under Decree 91/2017 the grassroots soldier title is capped, so a quota ranks people.
        String query = "/api/v1/awards/GRASSROOTS_EMULATION_SOLDIER/candidates?year=2023&asOf=2023-12-20&unit=HN-SKHCN-DEMO&includeSubunits=true"
                + "&outcome=ELIGIBLE_SUBJECT_TO_QUOTA&sort=rank";
        ExportFiles.Workbook book = ExportFiles.xlsx(get(query + "&format=xlsx", basic("admin"), null).body());
        assertThat(book.title()).anySatisfy(t -> assertThat(t).isEqualTo("Kết quả: Đủ điều kiện, trong giới hạn tỷ lệ"));
        assertThat(book.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get(3)).isEqualTo("Đủ điều kiện, trong giới hạn tỷ lệ"));
        assertThat(book.rankIsNumeric()).isTrue();
        List<Integer> ranks = book.rows().stream().map(r -> Integer.parseInt(r.get(4))).toList();
        assertThat(ranks).isSorted();
        assertThat(book.rows().get(0).get(5)).startsWith("Trong chỉ tiêu");
        JsonNode answer = json(get(query, basic("admin"), "application/json"));
        assertThat(answer.get("items").get(0).get("quota").get("rank").asInt()).isEqualTo(ranks.get(0));
    }

    @Test
    void a_bad_format_is_a_problem_naming_the_field_and_a_bad_year_stays_a_problem_even_for_xlsx() throws Exception {
        HttpResponse<byte[]> bad = get("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&format=pdf", basic("client"), null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(json(bad).get("errors").get(0).get("field").asText()).isEqualTo("format");

        HttpResponse<byte[]> year = get("/api/v1/awards/ADVANCED_LABORER/candidates?year=twenty&unit=HN-SKHCN-DEMO", basic("client"), XLSX);
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(json(year).get("errors").get(0).get("field").asText()).isEqualTo("year");

        HttpResponse<byte[]> anonymous = curl.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                + "/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&format=xlsx")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
