package vn.laurel.api.clusters;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.laurel.api.export.ExportFiles;
import vn.laurel.api.pages.BrowserTest;

import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board official works the demo block's 2025 review in a browser: the clusters of the year, the
 * review with its ranking and proposals, a score over the maximum refused with the input kept and
 * nothing written, a CSV with a bad row refused by row, the head and deputy changed, the review
 * recorded, the printable proposal and the Excel file; in Vietnamese and English. An auditor reads
 * the same pages without a form, and a POST of theirs is refused. Its own database: it records.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClustersPagesBrowserTest extends BrowserTest {
    static final String REVIEW = "/clusters/HN-KHOI-SKHCN-DEMO?year=2025";

    @Override
    protected String database() { return "laurel_clusters_pages"; }

    @Test
    @Order(1)
    void the_board_reads_the_clusters_of_the_year_and_the_blocks_review() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + "/year?year=2025");
            page.click("main a[href='/clusters?year=2025']");
            assertThat(page.locator("h1")).hasText("Cụm, khối thi đua năm 2025");
            assertThat(page.locator("#clusters")).containsText("Khối thi đua các đơn vị thuộc Sở Khoa học và Công nghệ (minh hoạ)");
            assertThat(page.locator("#clusters")).containsText("Cụm thi đua các sở Khoa học, Công nghệ (minh hoạ)");
            // Head and deputy by name; each review's state.
            assertThat(page.locator("#clusters tr[data-cluster=HN-KHOI-SKHCN-DEMO] td.state")).hasText("Đủ điểm, chưa ghi nhận");
            assertThat(page.locator("#clusters")).not().containsText("HN-SKHCN-DEMO-VP");
            shot(page, "year-clusters-list-vi");

            page.click("text=Khối thi đua các đơn vị thuộc Sở Khoa học và Công nghệ (minh hoạ)");
            assertThat(page.locator(".status")).containsText("Đã đủ điểm");
            assertThat(page.locator("#scores tbody tr").first()).hasAttribute("data-unit", "HN-SKHCN-DEMO-QLKH");
            assertThat(page.locator("#scores tbody tr").first()).containsText("93.5");
            assertThat(page.locator("#scores tbody tr").first()).containsText("Cờ thi đua");
            assertThat(page.locator("table[data-award=MINISTERIAL_PROVINCIAL_EMULATION_FLAG] tr[data-unit=HN-SKHCN-DEMO-QLKH]"))
                    .containsText("Cần xem xét");
            assertThat(page.locator("table[data-award=MINISTERIAL_PROVINCIAL_EMULATION_FLAG] tr[data-unit=HN-SKHCN-DEMO-QLKH]"))
                    .containsText("Hoàn thành vượt mức chỉ tiêu thi đua và nhiệm vụ được giao");
            assertThat(page.locator("#proposals")).not().containsText("EXCEEDS_TARGETS");
            assertThat(page.locator("#scores thead")).containsText("Kết quả thực hiện nhiệm vụ chuyên môn");
            assertThat(page.locator("#table")).not().containsText("RECALLED");
            // At 375 px the page itself does not scroll sideways: the grid scrolls in its own box.
            page.setViewportSize(375, 800);
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(376);
            page.setViewportSize(1280, 900);
            assertThat(page.locator("table[data-award=MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT] tr.proposed")).hasCount(2);
            assertThat(page.locator("#term")).containsText("Văn phòng Sở (minh hoạ)");
            shot(page, "year-clusters-review-vi");
            page.locator("#proposals").scrollIntoViewIfNeeded();
            shot(page, "year-clusters-proposals-vi");

            page.navigate(base() + REVIEW + "&lang=en");
            assertThat(page.locator(".status")).containsText("Every score is in");
            assertThat(page.locator("#proposals")).containsText("the council still has to judge");
            shot(page, "year-clusters-review-en");
            page.navigate(base() + "/clusters?year=2025");
            assertThat(page.locator("h1")).hasText("Emulation clusters and blocks, 2025");
            shot(page, "year-clusters-list-en");
            page.navigate(base() + REVIEW + "&lang=vi");
        }
    }

    @Test
    @Order(2)
    void a_score_over_the_maximum_is_refused_with_the_input_kept_and_nothing_written() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + REVIEW);
            page.fill("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']", "60");
            page.fill("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']", "7");
            Response r = page.waitForNavigation(() -> page.click("#scores-form button[type=submit]"));
            assertThat(r.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText(
                    "Văn phòng Sở (minh hoạ) — Kết quả thực hiện nhiệm vụ chuyên môn: điểm 60 vượt mức tối đa 50 của tiêu chí");
            assertThat(page.locator("#form-error")).not().containsText("scores[");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']")).hasValue("60");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasValue("7");
            shot(page, "year-clusters-score-refused-vi");
            page.navigate(base() + REVIEW);
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']")).hasValue("46");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasValue("8");

            // An empty CSV says so once.
            page.fill("#csv", "");
            Response empty = page.waitForNavigation(() -> page.click("#csv-form button[type=submit]"));
            assertThat(empty.status()).isEqualTo(400);
            assertThat(page.locator("#form-error")).containsText("Tệp CSV trống");
            assertThat(page.locator("#form-error li")).hasCount(0);

            // A CSV with a unit of no member: refused by row and column, kept in the box.
            page.fill("#csv", "unit,criterion,points\nHN-SKHCN-DEMO-TDC,DOAN_KET,9\nHN-SKHCN-DEMO,NHIEM_VU,10\n");
            Response csv = page.waitForNavigation(() -> page.click("#csv-form button[type=submit]"));
            assertThat(csv.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText("dòng 3, cột unit: đơn vị HN-SKHCN-DEMO không là thành viên");
            assertThat(page.locator("#csv")).hasValue("unit,criterion,points\nHN-SKHCN-DEMO-TDC,DOAN_KET,9\nHN-SKHCN-DEMO,NHIEM_VU,10\n");
            page.navigate(base() + REVIEW);
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasValue("8");

            // A good file, chosen on disk, is read into the box and merged.
            page.setInputFiles("#csv-file", new com.microsoft.playwright.options.FilePayload("diem.csv", "text/csv",
                    "unit,criterion,points\nHN-SKHCN-DEMO-TDC,DOAN_KET,9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(page.locator("#csv")).hasValue("unit,criterion,points\nHN-SKHCN-DEMO-TDC,DOAN_KET,9\n");
            page.click("#csv-form button[type=submit]");
            assertThat(page.locator(".notice")).containsText("Đã nhập điểm từ tệp CSV");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasValue("9");
        }
    }

    @Test
    @Order(3)
    void the_board_sets_the_head_records_the_review_and_prints_the_proposal() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + REVIEW);
            page.selectOption("#head", "HN-SKHCN-DEMO-QLCN");
            page.selectOption("#deputy", "HN-SKHCN-DEMO-QLCN");
            Response bad = page.waitForNavigation(() -> page.click(".term-form button[type=submit]"));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText("phó cụm phải khác trưởng cụm");
            assertThat(page.locator("#head")).hasValue("HN-SKHCN-DEMO-QLCN");
            page.selectOption("#deputy", "HN-SKHCN-DEMO-VP");
            page.click(".term-form button[type=submit]");
            assertThat(page.locator(".notice")).containsText("Đã lưu trưởng, phó cụm");

            assertThat(page.locator(".record-form button")).hasText("Ghi nhận kết quả bình xét");
            page.click(".record-form button[type=submit]");
            assertThat(page.locator(".notice")).containsText("Đã ghi nhận kết quả bình xét");
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(page.locator(".recorded")).hasText("Đã ghi nhận kết quả bình xét: người ghi nhận board, ngày " + today + ".");
            assertThat(page.locator(".status")).containsText("Đã ghi nhận kết quả bình xét (người ghi nhận board, ngày " + today + ")");
            // Nothing changed since: nothing to record again. The next step is the councils of the year.
            assertThat(page.locator(".record-form")).hasCount(0);
            assertThat(page.locator("#next-step a")).hasAttribute("href", "/councils?year=2025");
            shot(page, "year-clusters-recorded-vi");
            page.navigate(base() + "/clusters?year=2025");
            assertThat(page.locator("#clusters tr[data-cluster=HN-KHOI-SKHCN-DEMO] td.state")).hasText("Đã ghi nhận (board, " + today + ")");
            page.navigate(base() + REVIEW);

            page.click("text=Bản in đề nghị");
            assertThat(page.locator("h1")).hasText("Kết quả bình xét và đề nghị khen thưởng năm 2025");
            assertThat(page.locator("ol.proposed").first()).containsText("Phòng Quản lý khoa học (minh hoạ)");
            shot(page, "year-clusters-print-vi");
            page.navigate(base() + "/clusters/HN-KHOI-SKHCN-DEMO/print?year=2025&lang=en");
            assertThat(page.locator("h1")).hasText("Review and proposals, 2025");
            shot(page, "year-clusters-print-en");

            page.navigate(base() + REVIEW + "&lang=vi");
            Download d = page.waitForDownload(() -> page.click("text=Tải Excel"));
            ExportFiles.Workbook book = ExportFiles.xlsx(Files.readAllBytes(d.path()));
            assertThat(book.header()).startsWith("Hạng", "Mã đơn vị", "Tên đơn vị");
            assertThat(book.rows().get(0).get(1)).isEqualTo("HN-SKHCN-DEMO-QLKH");
        }
    }

    @Test
    @Order(4)
    void an_auditor_reads_the_review_without_forms_and_cannot_post() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            page.navigate(base() + REVIEW);
            assertThat(page.locator("#scores")).isVisible();
            assertThat(page.locator("main form[method=post]")).hasCount(0);
            assertThat(page.locator("#scores input")).hasCount(0);
            APIResponse post = ctx.request().post(base() + "/clusters/HN-KHOI-SKHCN-DEMO/record?year=2025",
                    RequestOptions.create().setForm(FormData.create().set("_csrf", "x")).setMaxRedirects(0));
            assertThat(post.status()).isEqualTo(403);
            assertThat(ctx.request().get(base() + "/clusters/NO-SUCH?year=2025").status()).isEqualTo(404);
            assertThat(ctx.request().get(base() + "/clusters?year=20x5").status()).isEqualTo(400);
        }
    }

    @Test
    @Order(5)
    void a_grid_opened_before_another_officials_save_is_refused_with_the_input_kept_and_the_recording_says_it_changed() {
        try (BrowserContext mine = context(); BrowserContext theirs = context()) {
            Page page = mine.newPage();
            signIn(page, "board");
            page.navigate(base() + REVIEW);
            assertThat(page.locator("#recorded-changed")).hasCount(0);
            page.fill("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']", "45");

            // Meanwhile another official merges a score from a file.
            Page other = theirs.newPage();
            signIn(other, "board");
            other.navigate(base() + REVIEW);
            other.fill("#csv", "unit,criterion,points\nHN-SKHCN-DEMO-TDC,DOAN_KET,6\n");
            other.click("#csv-form button[type=submit]");
            assertThat(other.locator(".notice")).containsText("Đã nhập điểm từ tệp CSV");
            assertThat(other.locator("#recorded-changed")).containsText("Đã thay đổi từ khi ghi nhận (điểm)");
            assertThat(other.locator("#recorded-changed")).containsText("cần ghi nhận lại");
            assertThat(other.locator(".record-form button")).hasText("Ghi nhận lại kết quả bình xét");

            Response r = page.waitForNavigation(() -> page.click("#scores-form button[type=submit]"));
            assertThat(r.status()).isEqualTo(409);
            assertThat(page.locator("#form-error")).containsText("Điểm đã thay đổi từ khi bạn mở trang");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']")).hasValue("45");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasValue("9");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("tr[data-unit=HN-SKHCN-DEMO-TDC] small.now")).hasText("đang lưu: 6");
            shot(page, "year-clusters-scores-changed-vi");
            other.navigate(base() + REVIEW);
            assertThat(other.locator("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']")).hasValue("46");
            assertThat(other.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasValue("6");

            // Seen, kept: saved again on purpose from the page that shows the change.
            page.fill("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']", "6");
            page.click("#scores-form button[type=submit]");
            assertThat(page.locator(".notice")).containsText("Đã lưu điểm");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-VP.NHIEM_VU']")).hasValue("45");
        }
    }
}
