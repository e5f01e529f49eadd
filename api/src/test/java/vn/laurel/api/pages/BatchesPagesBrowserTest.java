package vn.laurel.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.export.ExportFiles;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches in a browser: a client starts one with the form, watches its progress (htmx polls the
 * progress region every second and stops once it is done), reads its outcomes, filters them and
 * downloads them as XLSX and CSV. A form without its CSRF token starts nothing; other roles and
 * other people's batches are refused.
 */
@MicronautTest(transactional = false) // the rows the test writes must be seen by the server's connections
class BatchesPagesBrowserTest extends BrowserTest {
    static final String VP = "HN-SKHCN-DEMO-VP";
    static final List<String> HEADER_VI = List.of("Mã", "Họ và tên", "Đơn vị", "Danh hiệu", "Kết quả", "Thứ hạng trong tỷ lệ", "Số quyết định");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Override
    protected String database() {
        return "laurel_web_batches";
    }

    long batches() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM batch_run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<List<String>> rows(Page page, String table) {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) page.locator(table + " tbody tr")
                .evaluateAll("rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))");
        return rows;
    }

    JsonNode api(String path, String user) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Starts a batch of the technology office's two titles for 2025 through the form; its page's address. */
    String startThroughTheForm(Page page) {
        page.navigate(base() + "/batches");
        page.selectOption("#year", "2025");
        page.selectOption("#unit", VP);
        page.check("#award-ADVANCED_LABORER");
        page.check("#award-GRASSROOTS_EMULATION_SOLDIER");
        page.click("main form.batch-form button[type=submit]");
        page.waitForURL(Pattern.compile(".*/batches/\\d+$"));
        return page.url();
    }

    @Test
    void a_client_starts_a_batch_watches_it_finish_then_reads_filters_and_downloads_its_outcomes() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.click("header nav >> text=Lô xét");
            page.waitForURL(base() + "/batches");
            assertThat(page.locator("h1")).hasText("Lô xét");
            // A scoped client proposes its own department, subunits included; the whole organisation is beyond it.
            assertThat(page.locator("#unit")).hasValue("HN-SKHCN-DEMO");
            assertThat(page.locator("#unit option[value='']")).hasCount(0);
            assertThat(page.locator("#includeSubunits")).isChecked();
            assertThat(page.locator("#saveDecisions")).not().isChecked();
            shot(page, "batches-vi");
            long before = batches();

            String url = startThroughTheForm(page);
            long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            assertThat(batches()).isEqualTo(before + 1);
            assertThat(page.locator("h1")).hasText("Lô xét số " + id);
            // The progress region polls itself until the batch is done, then drops its trigger and brings the outcomes.
            assertThat(page.locator("#progress")).hasAttribute("data-status", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            assertThat(page.locator("#progress")).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
            assertThat(page.locator("#progress .batch-status")).hasText("Hoàn thành");
            assertThat(page.locator("#percent")).hasText("100,0 %");
            assertThat(page.locator("#progress-bar")).hasAttribute("value", "100.0");
            assertThat(page.locator("#progress")).containsText("Đơn vị đã xét: 1/1");
            assertThat(page.locator("#outcome-rows")).isVisible();

            // The counts are the API's, award by award.
            JsonNode status = api("/api/v1/batches/" + id, "client");
            assertThat(status.get("status").asText()).isEqualTo("DONE");
            List<List<String>> counts = rows(page, "#counts");
            assertThat(counts).hasSize(2);
            Map<String, String> totals = new TreeMap<>();
            counts.forEach(r -> totals.put(r.get(0), r.get(r.size() - 1)));
            long laborers = 0;
            for (JsonNode n : status.get("outcomes").get("ADVANCED_LABORER")) laborers += n.asLong();
            long soldiers = 0;
            for (JsonNode n : status.get("outcomes").get("GRASSROOTS_EMULATION_SOLDIER")) soldiers += n.asLong();
            assertThat(totals).containsEntry("Lao động tiên tiến", String.valueOf(laborers)).containsEntry("Chiến sĩ thi đua cơ sở", String.valueOf(soldiers));
            assertThat(counts.get(0).get(1)).isEqualTo(status.get("outcomes").get("ADVANCED_LABORER").path("ELIGIBLE").asText("0"));

            // Every outcome on one page (fewer than 100), as the API's /outcomes lists them.
            List<List<String>> all = rows(page, "#outcome-rows");
            assertThat(all).hasSize((int) (laborers + soldiers));
            JsonNode stored = api("/api/v1/batches/" + id + "/outcomes?size=1000", "client").get("outcomes");
            List<String> expected = new ArrayList<>();
            stored.forEach(o -> expected.add(o.get("subject_id").asText() + " " + o.get("award").asText()));
            List<String> shown = all.stream().map(r -> r.get(0) + " " + (r.get(3).equals("Lao động tiên tiến") ? "ADVANCED_LABORER" : "GRASSROOTS_EMULATION_SOLDIER")).toList();
            assertThat(shown).isEqualTo(expected);
            assertThat(all).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("Văn phòng Sở (minh hoạ)"));
            assertThat(all.stream().map(r -> r.get(1))).anySatisfy(n -> assertThat(n).matches(".*[ăâđêôơưĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ].*"));
            shot(page, "batch-vi");

            // Filtered by award and outcome (htmx swaps the outcomes; the address keeps the filter).
            page.selectOption("#filter-award", "GRASSROOTS_EMULATION_SOLDIER");
            page.click("#outcomes form button[type=submit]");
            page.waitForURL(Pattern.compile(".*/batches/" + id + "\\?award=GRASSROOTS_EMULATION_SOLDIER.*"));
            assertThat(page.locator("#outcome-rows caption")).hasText("Dòng 1–" + soldiers + " trên " + soldiers);
            List<List<String>> filtered = rows(page, "#outcome-rows");
            assertThat(filtered).hasSize((int) soldiers).allSatisfy(r -> assertThat(r.get(3)).isEqualTo("Chiến sĩ thi đua cơ sở"));

            Download xlsx = page.waitForDownload(() -> page.click("#export-xlsx"));
            assertThat(xlsx.suggestedFilename()).isEqualTo("batch-" + id + "-2025-GRASSROOTS_EMULATION_SOLDIER.xlsx");
            ExportFiles.Workbook book = ExportFiles.xlsx(Files.readAllBytes(xlsx.path()));
            assertThat(book.title().get(0)).isEqualTo("Lô xét số " + id + " · Năm 2025");
            assertThat(book.header()).isEqualTo(HEADER_VI);
            assertThat(book.headerBold()).isTrue();
            assertThat(book.rows()).isEqualTo(filtered);

            page.selectOption("#filter-award", "");
            page.selectOption("#filter-outcome", "ELIGIBLE");
            page.click("#outcomes form button[type=submit]");
            page.waitForURL(Pattern.compile(".*/batches/" + id + "\\?.*outcome=ELIGIBLE$"));
            List<List<String>> eligible = rows(page, "#outcome-rows");
            assertThat(eligible).isNotEmpty().allSatisfy(r -> assertThat(r.get(4)).isEqualTo("Đủ điều kiện"));
            Download csv = page.waitForDownload(() -> page.click("#export-csv"));
            ExportFiles.CsvFile file = ExportFiles.csv(Files.readAllBytes(csv.path()));
            assertThat(file.bom()).isTrue();
            assertThat(file.header()).isEqualTo(HEADER_VI);
            assertThat(file.rows()).isEqualTo(eligible);

            // In English, and in the list of recent batches.
            page.navigate(url + "?lang=en");
            assertThat(page.locator("h1")).hasText("Batch " + id);
            assertThat(page.locator("#progress .batch-status")).hasText("Done");
            assertThat(page.locator("#counts thead")).containsText("Eligible");
            assertThat(page.locator("#outcome-rows thead")).containsText("Quota rank");
            shot(page, "batch-en");
            Download en = page.waitForDownload(() -> page.click("#export-xlsx"));
            assertThat(ExportFiles.xlsx(Files.readAllBytes(en.path())).header())
                    .containsExactly("Code", "Name", "Unit", "Award", "Outcome", "Quota rank", "Decision no.");
            page.navigate(base() + "/batches");
            assertThat(page.locator("#batches tbody tr[data-id='" + id + "']")).containsText("Done");
            assertThat(page.locator("#batches tbody tr[data-id='" + id + "']")).containsText("100.0 %");
            assertThat(page.locator("#batches tbody tr[data-id='" + id + "']")).containsText("client");
            shot(page, "batches-en");
            page.setViewportSize(375, 800);
            page.navigate(url + "?lang=vi");
            shot(page, "batch-vi-375");
            page.setViewportSize(1280, 900);

            // A bad filter in the address is said, and the outcomes are shown unfiltered.
            Response bad = page.navigate(url + "?award=NO_SUCH_AWARD");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(page.locator("#form-error")).hasText("Có danh hiệu không có trong danh mục.");
            assertThat(rows(page, "#outcome-rows")).hasSize((int) (laborers + soldiers));
            assertThat(page.navigate(url + "?outcome=MAYBE").status()).isEqualTo(400);
            assertThat(page.navigate(url + "?page=x").status()).isEqualTo(400);
            assertThat(ctx.request().get(url + "/export.xlsx?outcome=MAYBE").status()).isEqualTo(400);
        }
    }

    void sql(String statement, Object... params) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }

    @Test
    void the_progress_region_polls_while_the_batch_runs_and_stops_once_it_is_done() throws Exception {
        // A batch recorded as queued but never handed to the runner: the test moves it along itself, so
        // that the page is seen queued, then running, then done, whatever the speed of the machine.
        sql("INSERT INTO batch_run (status, evaluation_year, as_of, unit_code, include_subunits, save_decisions, requested_by, requested_at) "
                + "VALUES ('QUEUED', 2025, DATE '2026-01-15', ?, FALSE, FALSE, 'client', CURRENT_TIMESTAMP)", VP);
        long id;
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM batch_run")) {
            rs.next();
            id = rs.getLong(1);
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            List<String> polls = Collections.synchronizedList(new ArrayList<>());
            page.onRequest(r -> { if (r.url().endsWith("/batches/" + id + "/progress")) polls.add(r.url()); });
            page.navigate(base() + "/batches/" + id);
            assertThat(page.locator("#progress")).hasAttribute("data-status", "QUEUED");
            assertThat(page.locator("#progress")).hasAttribute("hx-trigger", "every 1s");
            assertThat(page.locator("#progress .batch-status")).hasText("Đang chờ");
            assertThat(page.locator("#outcomes")).containsText("Kết quả sẽ hiện ở đây khi lô xét hoàn thành.");
            for (int i = 0; i < 40 && polls.size() < 2; i++) page.waitForTimeout(250);
            assertThat(polls).as("the region asks for itself every second").hasSizeGreaterThanOrEqualTo(2);

            sql("UPDATE batch_run SET status = 'RUNNING', started_at = CURRENT_TIMESTAMP, units_total = 2, persons_total = 10, units_done = 1, "
                    + "subjects_done = 5 WHERE id = ?", id);
            assertThat(page.locator("#progress")).hasAttribute("data-status", "RUNNING");
            assertThat(page.locator("#progress .batch-status")).hasText("Đang xét");
            assertThat(page.locator("#percent")).hasText("41,7 %"); // 5 of 10 persons and 2 units
            assertThat(page.locator("#progress")).containsText("Đơn vị đã xét: 1/2");
            assertThat(page.locator("#progress")).hasAttribute("hx-trigger", "every 1s");
            // The time left in seconds, the unit in words from the bundle.
            assertThat(page.locator("#progress")).containsText(Pattern.compile("Còn khoảng: \\d+ giây"));
            shot(page, "batch-running-vi");

            sql("UPDATE batch_run SET status = 'DONE', finished_at = CURRENT_TIMESTAMP, units_done = 2, subjects_done = 12 WHERE id = ?", id);
            assertThat(page.locator("#progress")).hasAttribute("data-status", "DONE");
            assertThat(page.locator("#percent")).hasText("100,0 %");
            assertThat(page.locator("#progress")).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
            assertThat(page.locator("#progress")).not().hasAttribute("hx-get", Pattern.compile(".*"));
            // The outcomes came with the last progress region (out of band): none were written here.
            assertThat(page.locator("#outcomes")).containsText("Không có kết quả nào với bộ lọc này.");
            page.waitForTimeout(1500);
            int settled = polls.size();
            page.waitForTimeout(2500);
            assertThat(polls).as("no polling once the batch is done").hasSize(settled);

            // The fragment alone: the region, without its trigger once done, and the outcomes out of band.
            APIResponse fragment = ctx.request().get(base() + "/batches/" + id + "/progress");
            assertThat(fragment.status()).isEqualTo(200);
            String html = fragment.text().strip();
            assertThat(html).startsWith("<section id=\"progress\"").doesNotContain("<html").doesNotContain("hx-trigger");
            assertThat(html).contains("id=\"outcomes\"").contains("hx-swap-oob=\"true\"");
        }
    }

    @Test
    void a_failed_batch_says_so_in_words_with_the_runners_detail_folded_away_and_times_in_vietnam_time() throws Exception {
        // Recorded as the runner records a failure (BatchStore.finish), at a fixed moment: 01:30 UTC is 08:30 in Hanoi.
        String detail = "unit " + VP + ": connection reset";
        sql("INSERT INTO batch_run (status, evaluation_year, as_of, unit_code, include_subunits, save_decisions, requested_by, requested_at, "
                + "started_at, finished_at, units_total, persons_total, failure) VALUES ('FAILED', 2025, DATE '2026-01-15', ?, FALSE, FALSE, 'client', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-15 01:30:00+00', TIMESTAMP WITH TIME ZONE '2026-01-15 01:30:05+00', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-15 01:31:00+00', 1, 33, ?)", VP, detail);
        long id;
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM batch_run")) {
            rs.next();
            id = rs.getLong(1);
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + "/batches/" + id);
            assertThat(page.locator("#progress .batch-status")).hasText("Thất bại");
            assertThat(page.locator("#progress .failure p")).hasText("Lô xét thất bại và đã dừng. Hãy bắt đầu lại; nếu vẫn thất bại, "
                    + "hãy báo cho quản trị viên kèm chi tiết kỹ thuật bên dưới.");
            // The runner's own words: English, marked so, folded until asked for.
            assertThat(page.locator("#progress .failure details")).hasAttribute("lang", "en");
            assertThat(page.locator("#progress .failure summary")).hasAttribute("lang", "vi");
            assertThat(page.locator("#progress .failure-detail")).isHidden();
            page.click("#progress .failure summary");
            assertThat(page.locator("#progress .failure-detail")).hasText(detail);
            assertThat(page.locator("#progress")).containsText("Thời điểm yêu cầu: 15/01/2026 08:30:00");
            assertThat(page.locator("#progress")).containsText("Kết thúc: 15/01/2026 08:31:00");
            assertThat(page.locator("#progress")).containsText("Thời gian theo giờ Việt Nam (UTC+7).");
            shot(page, "batch-failed-vi");
            page.navigate(base() + "/batches/" + id + "?lang=en");
            assertThat(page.locator("#progress .failure p")).containsText("The batch failed and stopped.");
            assertThat(page.locator("#progress")).containsText("Requested at: 2026-01-15 08:30:00");
            assertThat(page.locator("#progress")).containsText("Times are Vietnam time (UTC+7).");
            page.click("#progress .failure summary");
            shot(page, "batch-failed-en");
            page.navigate(base() + "/batches?lang=vi");
            assertThat(page.locator("#batches tbody tr[data-id='" + id + "']")).containsText("15/01/2026 08:30:00");
            assertThat(page.locator("section.recent p.hint")).hasText("Thời gian theo giờ Việt Nam (UTC+7).");
        }
    }

    @Test
    void a_start_without_its_csrf_token_is_refused_and_starts_nothing() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + "/batches");
            String token = page.locator("form.batch-form input[name=_csrf]").inputValue();
            assertThat(token).isNotBlank();
            long before = batches();
            FormData fields = FormData.create().set("year", "2025").set("unit", VP).set("awards", "ADVANCED_LABORER");
            APIResponse none = ctx.request().post(base() + "/batches", RequestOptions.create().setForm(fields).setMaxRedirects(0));
            assertThat(none.status()).isEqualTo(403);
            assertThat(none.text()).contains("CSRF");
            APIResponse forged = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", "forged").set("year", "2025").set("unit", VP)).setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(batches()).as("no batch recorded").isEqualTo(before);

            // The same form with its token starts one.
            APIResponse started = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", token).set("year", "2025").set("unit", VP).set("awards", "ADVANCED_LABORER"))
                    .setMaxRedirects(0));
            assertThat(started.status()).isEqualTo(303);
            assertThat(started.headers().get("location")).matches("/batches/\\d+");
            assertThat(batches()).isEqualTo(before + 1);
        }
    }

    @Test
    void bad_values_show_the_form_again_with_the_field_marked_and_start_nothing() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + "/batches");
            String token = page.locator("form.batch-form input[name=_csrf]").inputValue();
            long before = batches();
            APIResponse year = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", token).set("year", "twenty").set("unit", VP)));
            assertThat(year.status()).isEqualTo(400);
            assertThat(year.text()).contains("Năm không hợp lệ").contains("aria-invalid=\"true\"");
            APIResponse award = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", token).set("year", "2025").set("unit", VP).set("awards", "NO_SUCH_AWARD")));
            assertThat(award.status()).isEqualTo(400);
            assertThat(award.text()).contains("Có danh hiệu không có trong danh mục.");
            APIResponse unit = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", token).set("year", "2025").set("unit", "NOWHERE")));
            assertThat(unit.status()).isEqualTo(403);
            APIResponse whole = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", token).set("year", "2025").set("unit", "")));
            assertThat(whole.status()).as("the whole organisation is beyond a scoped client").isEqualTo(403);
            APIResponse longUnit = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", token).set("year", "2025").set("unit", "A".repeat(5000))));
            assertThat(longUnit.status()).isEqualTo(400);
            assertThat(batches()).isEqualTo(before);

            // Shown in the browser: the form again, the field marked, in the page's language.
            page.navigate(base() + "/batches?lang=en");
            page.evaluate("() => { const o = document.createElement('option'); o.value = '1800'; o.text = '1800'; document.querySelector('#year').add(o); }");
            page.selectOption("#year", "1800");
            page.click("main form.batch-form button[type=submit]");
            assertThat(page.locator("#form-error")).hasText("Not a valid year (from 1945 to this year).");
            assertThat(page.locator("#year")).hasAttribute("aria-invalid", "true");
            shot(page, "batches-error-en");

            assertThat(page.navigate(base() + "/batches/abc").status()).isEqualTo(404);
            assertThat(page.navigate(base() + "/batches/99999999").status()).isEqualTo(404);
            assertThat(page.locator("main")).containsText("No such batch.");
        }
    }

    @Test
    void other_roles_and_other_peoples_batches_are_refused() throws Exception {
        // admin starts a batch through the API: the demo client, scoped to its department, may not see it.
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/batches"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"year\":2025,\"unit\":\"" + VP + "\",\"awards\":[\"ADVANCED_LABORER\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        long adminBatch = JSON.readTree(started.body()).get("id").asLong();
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            for (String path : List.of("/batches", "/batches/" + adminBatch, "/batches/" + adminBatch + "/progress", "/batches/" + adminBatch + "/export.xlsx")) {
                APIResponse r = ctx.request().get(base() + path, RequestOptions.create().setMaxRedirects(0));
                assertThat(r.status()).as(path).isEqualTo(303);
                assertThat(r.headers().get("location")).isEqualTo("/login");
            }
            signIn(page, "client");
            Response other = page.navigate(base() + "/batches/" + adminBatch);
            assertThat(other.status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("Lô xét này do người khác bắt đầu");
            assertThat(ctx.request().get(base() + "/batches/" + adminBatch + "/export.csv").status()).isEqualTo(403);
            page.navigate(base() + "/batches");
            assertThat(page.locator("#batches tbody tr[data-id='" + adminBatch + "']")).hasCount(0);
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            Response r = page.navigate(base() + "/batches");
            assertThat(r.status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("Vai trò của bạn không được xem trang này.");
            shot(page, "batches-forbidden-vi");
            for (String path : List.of("/batches/" + adminBatch, "/batches/" + adminBatch + "/progress", "/batches/" + adminBatch + "/export.xlsx")) {
                assertThat(ctx.request().get(base() + path).status()).as(path).isEqualTo(403);
            }
            // even with the auditor's own valid token, the form's POST is refused by role, and nothing starts
            page.navigate(base() + "/");
            String token = page.locator("header form.signout input[name=_csrf]").inputValue();
            long before = batches();
            APIResponse post = ctx.request().post(base() + "/batches", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", token).set("year", "2025").set("unit", VP)).setMaxRedirects(0));
            assertThat(post.status()).isEqualTo(403);
            assertThat(batches()).isEqualTo(before);
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(base() + "/batches/" + adminBatch);
            assertThat(page.locator("#progress")).hasAttribute("data-status", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            page.navigate(base() + "/batches");
            // An organisation-wide role may run the whole organisation, and sees every batch.
            assertThat(page.locator("#unit")).hasValue("");
            assertThat(page.locator("#batches tbody tr[data-id='" + adminBatch + "']")).hasCount(1);
        }
    }
}
