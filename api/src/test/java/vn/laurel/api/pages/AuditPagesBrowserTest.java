package vn.laurel.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's console in a real browser: search decisions, read one, replay it, verify the chains
 * (and against a checkpoint), read the rule-set change log — in Vietnamese and English; refused to a
 * CLIENT, to the signed-out, and to a form without its token; bad input answered 4xx, never 500.
 */
@MicronautTest(transactional = false)
class AuditPagesBrowserTest extends BrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("decision", "decision_chain", "decision_flag", "ruleset_change", "audit_checkpoint");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    protected String database() {
        return "laurel_web_audit";
    }

    /** Saves a decision through the API, as the demo admin (the test client's default credentials). */
    private long saveDecision(String subject) throws Exception {
        String body = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/subjects/" + subject + "/eligibility?year=2025", ""));
        return JSON.readTree(body).get("decisionId").asLong();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Row counts of the tables a replay or a verification could touch. */
    private Map<String, Long> rows() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (String t : TABLES) out.put(t, count("SELECT COUNT(*) FROM " + t));
        return out;
    }

    @Test
    void an_auditor_finds_a_decision_replays_it_verifies_the_chain_and_reads_the_change_log() throws Exception {
        long id = saveDecision("P-0001");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            page.click("header nav >> text=Kiểm toán");
            page.waitForURL(base() + "/audit");
            assertThat(page.locator("h1")).hasText("Kiểm toán");
            assertThat(page.locator("label[for=subject]")).hasText("Mã đối tượng");

            // search by subject: the decision just saved comes first (newest first)
            page.fill("#subject", "P-0001");
            page.selectOption("#outcome", "");
            page.click("form.audit-search button[type=submit]");
            page.waitForURL(Pattern.compile(".*/audit\\?subject=P-0001.*"));
            assertThat(page.locator("table.decisions tbody tr").first()).hasAttribute("data-decision", String.valueOf(id));
            assertThat(page.locator("tr[data-decision='" + id + "']")).containsText("P-0001");
            assertThat(page.locator("tr[data-decision='" + id + "']")).containsText("Lao động tiên tiến");
            assertThat(page.locator("tr[data-decision='" + id + "'] td").nth(1)).hasText("2025");
            assertThat(page.locator("p.count")).containsText("trên tổng số");
            for (String subject : page.locator("table.decisions tbody tr th + td").allTextContents()) {
                assertThat(subject.strip()).startsWith("P-0001");
            }
            shot(page, "audit-search-vi");
            page.setViewportSize(375, 800);
            page.locator("#results").scrollIntoViewIfNeeded();
            shot(page, "audit-search-vi-375");
            page.setViewportSize(1280, 900);

            // by award and outcome: the award's own outcome is named in the row
            page.selectOption("#award", "ADVANCED_LABORER");
            page.selectOption("#outcome", "ELIGIBLE");
            page.click("form.audit-search button[type=submit]");
            assertThat(page.locator("tr[data-decision='" + id + "'] p.chosen")).hasText("Lao động tiên tiến: Đủ điều kiện");
            page.navigate(base() + "/audit?subject=P-0001&award=ADVANCED_LABORER&outcome=NOT_ELIGIBLE");
            assertThat(page.locator("#results")).containsText("Không có quyết định nào khớp với điều kiện.");

            // a period in Vietnamese dates that ends before today finds nothing; one that includes today finds it
            page.navigate(base() + "/audit?subject=P-0001&from=01/01/2000&to=31/12/2000");
            assertThat(page.locator("#results")).containsText("Không có quyết định nào khớp với điều kiện.");
            page.navigate(base() + "/audit?subject=P-0001&from=01/01/2000");
            assertThat(page.locator("tr[data-decision='" + id + "']")).isVisible();

            // the decision's report
            page.navigate(base() + "/audit?subject=P-0001");
            page.click("tr[data-decision='" + id + "'] a.decision");
            page.waitForURL(base() + "/audit/decisions/" + id);
            assertThat(page.locator("h1")).containsText("Quyết định #" + id);
            assertThat(page.locator("h1")).containsText("Nguyễn Thị Hoa");
            assertThat(page.locator("td.requested-by")).hasText("admin");
            assertThat(page.locator("table.kv")).containsText("sha256:");
            assertThat(page.locator("table.criteria thead").first()).containsText("Căn cứ pháp lý");
            assertThat(page.locator("table.criteria tbody").first()).containsText("Luật 06/2022/QH15");
            assertThat(page.locator("section.award").first()).containsText("Lao động tiên tiến");
            assertThat(page.locator("table.facts tbody tr").first()).isVisible();
            // No raw code on the Vietnamese report: the regime by its name, facts and sources in words, as the person page says them.
            assertThat(page.locator("table.kv")).containsText("Luật Thi đua, khen thưởng 2022");
            assertThat(page.locator("main")).not().containsText("LAW_2022");
            assertThat(page.locator("table.facts tbody")).containsText("Mức độ hoàn thành nhiệm vụ");
            List<String> factTypes = page.locator("table.facts tbody td:nth-of-type(1)").allTextContents();
            assertThat(factTypes).isNotEmpty().noneMatch(t -> t.strip().matches("[a-z][A-Za-z]*"));
            List<String> factTexts = page.locator("table.facts tbody td:nth-of-type(2)").allTextContents();
            assertThat(factTexts).noneMatch(t -> t.matches("(?s).*\\b(EXCELLENT|GOOD|COMPLETED|[A-Z]+_[A-Z_]+)\\b.*"));
            assertThat(page.locator("table.facts tbody td.source").allTextContents()).noneMatch(t -> t.contains(" row ") || t.startsWith("import "));
            assertThat(page.locator("section.parameters tbody td:nth-of-type(3)").allTextContents()).isNotEmpty()
                    .noneMatch(t -> t.strip().equals("national")).anyMatch(t -> t.strip().equals("toàn quốc"));
            assertThat(page.locator("section.parameters tbody td:nth-of-type(1)").allTextContents())
                    .noneMatch(t -> t.strip().equals("NONE") || t.strip().equals("true")).anyMatch(t -> t.strip().equals("không giới hạn"));
            // The awards are the person page's fragment; a criterion's evidence leads to its row in the table of facts.
            assertThat(page.locator("nav.glance")).containsText("Lao động tiên tiến");
            String evidence = page.locator("table.criteria a.elink").first().getAttribute("href");
            assertThat(evidence).startsWith("#fact-");
            assertThat(page.locator("table.facts tr" + evidence)).hasCount(1);
            assertThat(page.locator("table.criteria a.elink").first()).hasText("Xem trong bảng dữ liệu");
            shot(page, "audit-decision-vi");
            // printed: the report without the controls (no header, no replay form)
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#replay form")).isHidden();
            assertThat(page.locator("header.site")).isHidden();
            assertThat(page.locator("table.criteria").first()).isVisible();
            shot(page, "audit-decision-print-vi");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            // replay: identical, no difference
            page.click("#replay button[type=submit]");
            page.waitForURL(Pattern.compile(".*/audit/decisions/" + id + "/replay.*"));
            assertThat(page.locator("#replay-result .verdict")).hasText("Giống hệt: chạy lại cho đúng kết quả đã lưu.");
            assertThat(page.locator("#replay-result .difference-count")).hasText("0");
            assertThat(page.locator("table.replay-outcomes")).containsText("Đủ điều kiện");
            shot(page, "audit-replay-vi");

            // the same in English
            page.navigate(base() + "/audit/decisions/" + id + "?lang=en");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).containsText("Decision #" + id);
            assertThat(page.locator("table.criteria thead").first()).containsText("Legal basis");
            assertThat(page.locator("section.award").first()).containsText("Advanced Laborer");
            assertThat(page.locator("table.kv")).containsText("Law on Emulation and Commendation 2022");
            assertThat(page.locator("table.facts tbody")).containsText("Task-completion rating");
            shot(page, "audit-decision-en");
            page.click("#replay button[type=submit]");
            page.waitForURL(Pattern.compile(".*/audit/decisions/" + id + "/replay.*"));
            assertThat(page.locator("#replay-result .verdict")).hasText("Identical: the replay gives the saved answer.");
            shot(page, "audit-replay-en");
            // with today's facts and rules: nothing changed since, so identical too
            page.selectOption("#with", "current");
            page.click("#replay button[type=submit]");
            assertThat(page.locator("#replay-result h3")).containsText("today's facts and rules");
            assertThat(page.locator("#replay-result .verdict")).hasText("Identical: the replay gives the saved answer.");
            // the language links of a replay's result lead back to the decision
            page.click("header >> text=Tiếng Việt");
            page.waitForURL(base() + "/audit/decisions/" + id + "?lang=vi");
            assertThat(page.locator("h1")).containsText("Quyết định #" + id);

            page.navigate(base() + "/audit?subject=P-0001&lang=en");
            assertThat(page.locator("h1")).hasText("Audit");
            assertThat(page.locator("tr[data-decision='" + id + "']")).containsText("Advanced Laborer");
            shot(page, "audit-search-en");

            // verify the chain: intact, every record counted
            long chained = count("SELECT COUNT(*) FROM decision_chain");
            assertThat(chained).isGreaterThanOrEqualTo(1);
            page.click("nav.audit-links >> text=Verify the chains and checkpoints");
            page.waitForURL(base() + "/audit/verify");
            page.click("#verify-chain");
            assertThat(page.locator("#verify-result .verdict")).hasText("Intact: no record was altered, inserted or removed.");
            assertThat(page.locator("#verify-result td.records")).hasText(String.valueOf(chained));
            shot(page, "audit-verify-en");
            page.navigate(base() + "/audit/verify?lang=vi");
            page.click("#verify-chain");
            assertThat(page.locator("#verify-result .verdict")).hasText("Toàn vẹn: không bản ghi nào bị sửa, chèn hay xoá.");
            assertThat(page.locator("#verify-result td.records")).hasText(String.valueOf(chained));
            shot(page, "audit-verify-vi");
            page.click("#verify-changes");
            assertThat(page.locator("#verify-result h2")).containsText("Nhật ký thay đổi bộ quy tắc");
            assertThat(page.locator("#verify-result .verdict")).hasText("Toàn vẹn: không bản ghi nào bị sửa, chèn hay xoá.");
            assertThat(page.locator("#verify-result td.records")).hasText(String.valueOf(count("SELECT COUNT(*) FROM ruleset_change")));

            // a checkpoint, once there is one, can be checked against
            String cp = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/audit/checkpoints", ""));
            long cpId = JSON.readTree(cp).get("id").asLong();
            page.navigate(base() + "/audit/verify");
            page.click("table.checkpoints tr:has(th:text-is('" + cpId + "')) button");
            assertThat(page.locator("#verify-result .verdict")).hasText("Toàn vẹn: không bản ghi nào bị sửa, chèn hay xoá.");
            assertThat(page.locator("#verify-result")).containsText("#" + cpId);
            assertThat(page.locator("#verify-result td.records")).hasText(String.valueOf(count("SELECT COUNT(*) FROM decision_chain")));
            shot(page, "audit-checkpoint-vi");

            // the change log, newest first, with at least the seed
            page.click("nav.audit-links >> text=Nhật ký thay đổi bộ quy tắc");
            page.waitForURL(base() + "/audit/changes");
            assertThat(page.locator("h1")).hasText("Nhật ký thay đổi bộ quy tắc");
            assertThat(page.locator("tr[data-action=SEEDED]").first()).containsText("Nạp lần đầu");
            List<String> sequences = page.locator("table.changes tbody th").allTextContents();
            assertThat(sequences).isNotEmpty();
            assertThat(sequences.stream().map(s -> Long.parseLong(s.strip())).toList()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            shot(page, "audit-changes-vi");
            page.navigate(base() + "/audit/changes?lang=en");
            assertThat(page.locator("tr[data-action=SEEDED]").first()).containsText("Seeded");
            shot(page, "audit-changes-en");
            page.navigate(base() + "/audit/changes?limit=1");
            assertThat(page.locator("table.changes tbody tr")).hasCount(1);
        }
    }

    @Test
    void bad_input_is_answered_with_the_field_or_an_error_page_never_a_500() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            Response r = page.navigate(base() + "/audit?from=31/02/2025&subject=P-0001");
            assertThat(r.status()).isEqualTo(400);
            assertThat(page.locator("#from")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#from-error")).containsText("Ngày không hợp lệ");
            assertThat(page.locator("#subject")).hasValue("P-0001");
            assertThat(page.locator("#results")).hasCount(0);
            shot(page, "audit-bad-date-vi");
            r = page.navigate(base() + "/audit?to=2025-13-40&lang=en");
            assertThat(r.status()).isEqualTo(400);
            assertThat(page.locator("#to-error")).containsText("Not a valid date");
            shot(page, "audit-bad-date-en");
            page.navigate(base() + "/audit?lang=vi");

            assertThat(page.navigate(base() + "/audit?subject=" + "P".repeat(300)).status()).isEqualTo(400);
            assertThat(page.locator("#subject-error")).hasText("Quá dài.");
            // a whole address past the service's limit is refused before any page sees it
            assertThat(page.navigate(base() + "/audit?subject=" + "P".repeat(20_000)).status()).isBetween(400, 499);
            assertThat(page.navigate(base() + "/audit?subject=P%00").status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/audit?outcome=MAYBE").status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/audit?award=%27%20OR%201%3D1").status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/audit?page=abc").status()).isEqualTo(400);
            assertThat(page.locator("#search-errors")).containsText("Trang");
            assertThat(page.navigate(base() + "/audit?rulesetVersion=%3Cscript%3Ealert(1)%3C/script%3E").status()).isEqualTo(200);

            r = page.navigate(base() + "/audit/decisions/987654321");
            assertThat(r.status()).isEqualTo(404);
            assertThat(page.locator("main")).containsText("Không có quyết định nào mang số này.");
            assertThat(page.navigate(base() + "/audit/decisions/abc").status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/audit/decisions/" + "9".repeat(30)).status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/audit/decisions/-1").status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/audit/changes?before=x").status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/audit/changes?limit=100000").status()).isEqualTo(400);

            String csrf = page.locator("input[name=_csrf]").first().inputValue();
            APIResponse a = ctx.request().post(base() + "/audit/verify", form(csrf, "what", "everything"));
            assertThat(a.status()).isEqualTo(400);
            a = ctx.request().post(base() + "/audit/verify", form(csrf, "what", "checkpoint", "checkpoint", "987654"));
            assertThat(a.status()).isEqualTo(404);
            a = ctx.request().post(base() + "/audit/verify", form(csrf, "what", "checkpoint", "checkpoint", "x"));
            assertThat(a.status()).isEqualTo(400);
            a = ctx.request().post(base() + "/audit/decisions/987654321/replay", form(csrf));
            assertThat(a.status()).isEqualTo(404);
            long id = saveDecision("P-0002");
            a = ctx.request().post(base() + "/audit/decisions/" + id + "/replay", form(csrf, "with", "yesterday"));
            assertThat(a.status()).isEqualTo(400);
        }
    }

    @Test
    void a_client_is_refused_every_audit_page_and_the_signed_out_are_sent_to_sign_in() throws Exception {
        long id = saveDecision("P-0001");
        List<String> pages = List.of("/audit", "/audit?subject=P-0001", "/audit/decisions/" + id, "/audit/verify", "/audit/changes");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            for (String p : pages) {
                page.navigate(base() + p);
                page.waitForURL(base() + "/login");
            }
            APIResponse post = ctx.request().post(base() + "/audit/verify", RequestOptions.create()
                    .setForm(FormData.create().set("what", "chain")).setMaxRedirects(0));
            assertThat(post.status()).isEqualTo(303);
            assertThat(post.headers().get("location")).isEqualTo("/login");

            signIn(page, "client");
            assertThat(page.locator("header nav")).not().containsText("Kiểm toán");
            for (String p : pages) {
                Response r = page.navigate(base() + p);
                assertThat(r.status()).as(p).isEqualTo(403);
                assertThat(page.locator("main")).containsText("Vai trò của bạn không được xem trang này.");
            }
            // with the client's own valid token, still refused
            String csrf = page.locator("input[name=_csrf]").first().inputValue();
            assertThat(ctx.request().post(base() + "/audit/verify", form(csrf, "what", "chain")).status()).isEqualTo(403);
            assertThat(ctx.request().post(base() + "/audit/decisions/" + id + "/replay", form(csrf)).status()).isEqualTo(403);
        }
    }

    @Test
    void a_replay_or_a_verification_posted_without_its_token_is_refused_and_stores_nothing() throws Exception {
        long id = saveDecision("P-0001");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            Map<String, Long> before = rows();
            for (FormData f : List.of(FormData.create().set("with", "stored"), FormData.create().set("_csrf", "forged"),
                    FormData.create().set("_csrf", ""))) {
                APIResponse r = ctx.request().post(base() + "/audit/decisions/" + id + "/replay", RequestOptions.create().setForm(f).setMaxRedirects(0));
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.text()).contains("CSRF");
            }
            APIResponse v = ctx.request().post(base() + "/audit/verify", RequestOptions.create()
                    .setForm(FormData.create().set("what", "chain")).setMaxRedirects(0));
            assertThat(v.status()).isEqualTo(403);
            assertThat(ctx.request().post(base() + "/audit/verify", RequestOptions.create()
                    .setForm(FormData.create().set("what", "changes").set("_csrf", "forged"))).status()).isEqualTo(403);
            assertThat(rows()).isEqualTo(before);

            // a replay with its token stores nothing either
            String csrf = page.locator("input[name=_csrf]").first().inputValue();
            APIResponse ok = ctx.request().post(base() + "/audit/decisions/" + id + "/replay", form(csrf));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text()).contains("Giống hệt");
            assertThat(rows()).isEqualTo(before);
        }
    }

    /** A form with the token and the given fields (name, value, …), not following redirects. */
    @Test
    void a_decision_altered_behind_the_service_is_named_by_the_verification() throws Exception {
        long id = saveDecision("P-0003");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            try {
                tamper("UPDATE decision SET requested_by = 'mallory' WHERE id = " + id);
                page.navigate(base() + "/audit/verify");
                page.click("#verify-chain");
                assertThat(page.locator("#verify-result .verdict")).hasText("Không toàn vẹn: chuỗi bị phá vỡ.");
                assertThat(page.locator("#verify-result tr.problem")).containsText("Bản ghi bị sửa");
                assertThat(page.locator("#verify-result a[href='/audit/decisions/" + id + "']")).hasText("#" + id);
                shot(page, "audit-verify-broken-vi");
                page.navigate(base() + "/audit/verify?lang=en");
                page.click("#verify-chain");
                assertThat(page.locator("#verify-result .verdict")).hasText("Broken: the chain does not hold.");
                assertThat(page.locator("#verify-result tr.problem")).containsText("A record was altered");
                shot(page, "audit-verify-broken-en");
            } finally {
                tamper("UPDATE decision SET requested_by = 'admin' WHERE id = " + id);
            }
            page.navigate(base() + "/audit/verify?lang=vi");
            page.click("#verify-chain");
            assertThat(page.locator("#verify-result .verdict")).hasText("Toàn vẹn: không bản ghi nào bị sửa, chèn hay xoá.");
        }
    }

    @Test
    void a_record_altered_behind_the_service_is_shown_as_it_is_stored_with_why_it_no_longer_renders() throws Exception {
        long id = saveDecision("P-0004");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            try {
                // The record's question changed (the year): asked again of its rules, the answer is not the record (issue 20).
                tamper("UPDATE decision SET record_text = REPLACE(record_text, '\"year\":2025', '\"year\":2024') WHERE id = " + id);
                page.navigate(base() + "/audit/decisions/" + id);
                assertThat(page.locator("section.unrendered p.alert")).containsText("Không dựng lại được kết quả khớp với bản ghi đã lưu");
                assertThat(page.locator("section.unrendered p.alert")).containsText("khác với bản ghi");
                assertThat(page.locator("section.unrendered pre.record")).containsText("\"question\"");
                shot(page, "audit-decision-unrendered-vi");
                page.navigate(base() + "/audit/decisions/" + id + "?lang=en");
                assertThat(page.locator("section.unrendered p.alert")).containsText("differs from the record");
                shot(page, "audit-decision-unrendered-en");
            } finally {
                tamper("UPDATE decision SET record_text = REPLACE(record_text, '\"year\":2024', '\"year\":2025') WHERE id = " + id);
            }
        }
    }

    @Test
    void a_decision_on_a_submitted_case_says_so_and_replays_from_its_document() throws Exception {
        String forged = """
                {"asOf":"2026-01-15","year":2025,"awards":["ADVANCED_LABORER"],
                 "subject":{"id":"P-0002","kind":"PERSON","name":"Trần Văn Bình","hiredOn":"2012-09-01",
                   "ratings":[{"id":"rating:2","source":"import 1, ratings.csv row 3","year":2025,"rating":"EXCELLENT"}],
                   "attestations":[{"id":"attestation:2","source":"import 1, attestations.csv row 3","year":2025,"criterion":"EMULATION_PARTICIPATION","value":true}]}}
                """;
        long id = JSON.readTree(http.toBlocking().retrieve(HttpRequest.POST("/api/v1/evaluations?save=true", forged)
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON).basicAuth("client", "client"))).get("decisionId").asLong();
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            page.navigate(base() + "/audit?subject=P-0002");
            assertThat(page.locator("tr[data-decision='" + id + "'] .badge.submitted")).hasText("hồ sơ do người yêu cầu gửi");
            page.navigate(base() + "/audit/decisions/" + id);
            assertThat(page.locator("p.alert.submitted")).containsText("Hồ sơ do người yêu cầu gửi — không phải dữ liệu đã lưu trong hệ thống");
            assertThat(page.locator("section.facts h2")).hasText("Dữ liệu trong hồ sơ được gửi (do người yêu cầu khai, không lấy từ hệ thống)");
            // Replayed from the document it was decided on, which its record keeps (issue 20) — not against the store.
            Response r = page.waitForNavigation(() -> page.click("#replay button[type=submit]"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(page.locator("#replay-result .verdict")).hasText("Giống hệt: chạy lại cho đúng kết quả đã lưu.");
        }
    }

    @Test
    void a_replay_with_todays_facts_after_a_correction_shows_what_differs() throws Exception {
        long id = saveDecision("P-0009");
        // P-0009's 2025 absence corrected from 39 to 41 days: the decision is flagged, and today's facts are not its facts.
        String absence = null;
        for (JsonNode a : JSON.readTree(http.toBlocking().retrieve("/api/v1/subjects/P-0009/facts/absences")).get("items")) {
            if (a.get("values").get("year").asInt() == 2025) absence = a.get("id").asText();
        }
        assertThat(absence).startsWith("absence:");
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/facts/absences/" + absence.substring("absence:".length()), "{\"days\":41}")
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON), String.class);
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            page.navigate(base() + "/audit/decisions/" + id);
            assertThat(page.locator("section.flags h2")).hasText("Cần xét lại: dữ liệu đã được sửa sau khi quyết định");
            assertThat(page.locator("section.flags")).containsText(absence);
            assertThat(page.locator("section.flags")).containsText("Dữ liệu đã được sửa (Ngày nghỉ không tính là làm việc): " + absence + " được thay bằng absence:");

            page.selectOption("#with", "current");
            page.click("#replay button[type=submit]");
            assertThat(page.locator("#replay-result .verdict")).hasText("Khác: kết quả chạy lại không giống kết quả đã lưu.");
            assertThat(page.locator("#replay-result")).containsText(absence);
            assertThat(page.locator("table.differences tbody tr").first()).isVisible();
            assertThat(page.locator("table.differences thead")).containsText("Vị trí trong kết quả");
            assertThat(page.locator("table.differences tbody")).containsText("41");
            shot(page, "audit-replay-differs-vi");

            page.navigate(base() + "/audit/decisions/" + id + "?lang=en");
            page.selectOption("#with", "current");
            page.click("#replay button[type=submit]");
            assertThat(page.locator("#replay-result .verdict")).hasText("Different: the replay does not give the saved answer.");
            assertThat(page.locator("table.differences thead")).containsText("Place in the answer");
            shot(page, "audit-replay-differs-en");

            // with the facts as known then, still the saved answer
            page.selectOption("#with", "stored");
            page.click("#replay button[type=submit]");
            assertThat(page.locator("#replay-result .verdict")).hasText("Identical: the replay gives the saved answer.");
        }
    }

    /** A change behind the service's back, as a superuser who lifts the append-only trigger for it. */
    private static void tamper(String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(vn.laurel.api.ThrowawayPostgres.separateDatabaseUrl("laurel_web_audit"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("ALTER TABLE decision DISABLE TRIGGER decision_append_only");
            try {
                s.executeUpdate(sql);
            } finally {
                s.execute("ALTER TABLE decision ENABLE TRIGGER decision_append_only");
            }
        }
    }

    private static RequestOptions form(String csrf, String... fields) {
        FormData f = FormData.create().set("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) f.set(fields[i], fields[i + 1]);
        return RequestOptions.create().setForm(f).setMaxRedirects(0);
    }
}
