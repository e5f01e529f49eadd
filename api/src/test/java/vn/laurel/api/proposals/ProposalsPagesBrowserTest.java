package vn.laurel.api.proposals;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.laurel.api.councils.BallotLookup;
import vn.laurel.api.pages.BrowserTest;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorities and proposal pages in a browser, as the board's official uses them: who decides what; the
 * year's authorities with a button to prepare each list; the printable list with its subtotals, total and cover
 * summary (the same numbers as its workbook); the decision recorded through the form, a bad one refused with the
 * field named and the input kept, the same row refused twice. An auditor reads, without forms, and a POST of
 * theirs is refused. Screenshots in Vietnamese and English.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProposalsPagesBrowserTest extends BrowserTest {
    static final FakeBallots BALLOTS = new FakeBallots();
    static final String HEAD = "UNIT_HEAD:HN-SKHCN-DEMO";

    @MockBean(BallotLookup.class)
    BallotLookup ballots() {
        return BALLOTS;
    }

    @Override
    protected String database() {
        return "laurel_proposals_pages";
    }

    @SuppressWarnings("unchecked")
    static List<List<String>> rows(Page page, String selector) {
        return (List<List<String>>) page.locator(selector)
                .evaluateAll("rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))");
    }

    @Test
    @Order(1)
    void the_authorities_page_says_who_decides_each_award_with_its_basis() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + "/authorities?year=2025");
            assertThat(page.locator("h1")).hasText("Thẩm quyền khen thưởng năm 2025");
            assertThat(page.locator("tr[data-parameter='authority.ADVANCED_LABORER.PERSON']")).containsText("Thủ trưởng cơ quan, đơn vị");
            assertThat(page.locator("tr[data-parameter='authority.ADVANCED_LABORER.PERSON']")).containsText("Điều 80");
            assertThat(page.locator("tr[data-parameter='authority.NATIONAL_EMULATION_SOLDIER.PERSON']")).containsText("Thủ tướng Chính phủ");
            // The basis reads as a legal citation; the confidence is its own column, in words.
            String basis = String.join("\n", page.locator("td.basis").allInnerTexts());
            assertThat(basis).contains("Luật Thi đua, khen thưởng năm 2022, Điều 80")
                    .doesNotContain("VERIFIED", "RECALLED", "UNCONFIRMED", "`", "organisation:", "COMMUNE_CHAIRMAN", "award-catalogue");
            assertThat(page.locator("tr[data-parameter='authority.ADVANCED_LABORER.PERSON'] td.confidence")).hasText("đã đối chiếu nguồn");
            assertThat(page.locator("tr[data-parameter='authority.ADVANCED_LABORER.PERSON'] td").nth(3)).containsText("01/01/2024");
            assertThat(page.locator("tr[data-parameter='authority.MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER.PERSON']"))
                    .containsText("Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương");
            assertThat(page.locator("tr[data-parameter='authority.MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER.PERSON']")).not().containsText("Sở Khoa học");
            assertThat(page.locator("nav.year-nav a[aria-current=page]")).hasText("Thẩm quyền khen thưởng");
            shot(page, "year-proposals-authorities-vi");
            page.navigate(base() + "/authorities?year=2025&lang=en");
            assertThat(page.locator("h1")).hasText("Competent authorities, 2025");
            assertThat(page.locator("tr[data-parameter='authority.LABOR_ORDER_FIRST_CLASS.PERSON']")).containsText("State President");
            assertThat(page.locator("tr[data-parameter='authority.ADVANCED_LABORER.PERSON'] td.basis"))
                    .containsText("Law on Emulation and Commendation 2022, art. 80");
            assertThat(page.locator("tr[data-parameter='authority.ADVANCED_LABORER.PERSON'] td.confidence")).not().hasText("VERIFIED");
            shot(page, "year-proposals-authorities-en");
            page.navigate(base() + "/authorities?year=20x5");
            assertThat(page.locator("#year-error")).isVisible();
        }
    }

    @Test
    @Order(2)
    void a_list_prepared_by_the_button_prints_with_totals_and_cover_that_match_its_workbook() throws Exception {
        BALLOTS.required.add("GRASSROOTS_EMULATION_SOLDIER");
        BALLOTS.ballot("P-0001", "GRASSROOTS_EMULATION_SOLDIER", 2025, true, 9, 10, "0.8");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + "/proposals?year=2025");
            assertThat(page.locator("h1")).hasText("Danh sách đề nghị khen thưởng năm 2025");
            assertThat(page.locator("tr[data-authority='" + HEAD + "']")).containsText("Chưa lập");
            shot(page, "year-proposals-index-vi");
            page.locator("tr[data-authority='" + HEAD + "'] button[type=submit]").click();
            page.waitForURL(u -> u.matches(".*/proposals/\\d+$"));
            assertThat(page.locator("h1")).hasText("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025");
            assertThat(page.locator("p.to")).hasText("Kính gửi: Thủ trưởng cơ quan, đơn vị — Sở Khoa học và Công nghệ (minh hoạ)");
            assertThat(page.locator("p.footnote")).containsText("chưa được đối chiếu");
            // The grassroots soldier: only the one whose ballot passed.
            List<List<String>> ges = rows(page, "tbody[data-award=GRASSROOTS_EMULATION_SOLDIER] tr.row");
            assertThat(ges).hasSize(1);
            assertThat(ges.get(0).get(1)).isEqualTo("Nguyễn Thị Hoa");
            assertThat(ges.get(0).get(6)).isEqualTo("90 % / ≥ 80 %");
            assertThat(ges.get(0).get(7)).as("the council that voted").isEqualTo("HĐ-TĐKT-SỞ");
            assertThat(ges.get(0)).as("no decision id for a board official").hasSize(8);
            // As an official sends it: the national heading opposite the unit, the place and date, the cover summary
            // before the rows, the signatures; the rule set's hash and the notes stay on the screen.
            assertThat(page.locator(".state-head .nation")).containsText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(page.locator(".state-head .nation")).containsText("Độc lập – Tự do – Hạnh phúc");
            assertThat(page.locator(".state-head .org")).hasText("SỞ KHOA HỌC VÀ CÔNG NGHỆ (MINH HOẠ)");
            assertThat(page.locator(".state-head .place-date")).containsText("ngày ");
            assertThat(page.locator(".signatures")).containsText("Người lập biểu");
            assertThat(page.locator(".signatures")).containsText("Thủ trưởng cơ quan, đơn vị");
            assertThat((Boolean) page.evaluate("() => !!(document.querySelector('#cover').compareDocumentPosition(document.querySelector('#proposal-rows')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
                    .as("the cover summary comes first").isTrue();
            assertThat(page.locator("p.from")).containsText("15/01/2026");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(page.locator("p.meta").last()).isHidden();
            assertThat(page.locator(".signatures")).isVisible();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
            int shown = page.locator("#proposal-rows tr.row").count();
            String total = page.locator("#proposal-rows tfoot tr.total td").last().innerText().trim();
            assertThat(total).startsWith(shown + " (");
            List<List<String>> cover = rows(page, "#cover tfoot tr");
            assertThat(cover.get(0).get(3)).isEqualTo(String.valueOf(shown));
            shot(page, "year-proposals-list-vi");

            Download xlsx = page.waitForDownload(() -> page.click("#xlsx"));
            DataFormatter f = new DataFormatter();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx.path())))) {
                Sheet sheet = book.getSheetAt(0);
                Row last = sheet.getRow(sheet.getLastRowNum());
                assertThat(f.formatCellValue(last.getCell(1))).isEqualTo("Tổng cộng");
                assertThat(f.formatCellValue(last.getCell(5))).isEqualTo(total);
                Sheet summary = book.getSheetAt(1);
                Row summaryTotal = null;
                for (int r = 0; r <= summary.getLastRowNum(); r++) {
                    if (summary.getRow(r) != null && "Tổng cộng".equals(f.formatCellValue(summary.getRow(r).getCell(1)))) summaryTotal = summary.getRow(r);
                }
                assertThat(summaryTotal.getCell(4).getNumericCellValue()).isEqualTo(shown);
                assertThat(f.formatCellValue(summary.getRow(0).getCell(1))).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            }
            String url = page.url();
            page.navigate(url + "?lang=en");
            assertThat(page.locator("h1")).hasText("PROPOSAL LIST FOR AWARDS, 2025");
            assertThat(page.locator("#cover-title")).hasText("Summary by award");
            shot(page, "year-proposals-list-en");
            page.navigate(base() + "/proposals?year=2025&lang=en");
            assertThat(page.locator("tr[data-authority='" + HEAD + "']")).containsText(shown + " candidates");
            shot(page, "year-proposals-index-en");
        }
    }

    @Test
    @Order(3)
    void the_decision_is_recorded_through_the_form_a_bad_one_keeps_the_input_and_twice_is_refused() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + "/proposals?year=2025");
            page.locator("tr[data-authority='" + HEAD + "'] td a").first().click();
            page.waitForURL(u -> u.matches(".*/proposals/\\d+$"));
            String url = page.url();
            String hoa = page.locator("tbody[data-award=GRASSROOTS_EMULATION_SOLDIER] tr.row").first().getAttribute("data-row");
            // A decision dated before the achievement year: the form again, 422, the date named, the number kept.
            page.fill("#decisionNo", "15/QĐ-SKHCN");
            page.fill("#decidedOn", "2024-12-31");
            page.locator("input[name=rows]").evaluateAll("boxes => boxes.forEach(b => b.checked = false)");
            page.check("input[name=rows][value='" + hoa + "']");
            com.microsoft.playwright.Response refused = page.waitForResponse(r -> r.url().endsWith("/conferment"), () -> page.click("#confer-form button[type=submit]"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText("2025");
            assertThat(page.locator("#decidedOn")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#decisionNo")).hasValue("15/QĐ-SKHCN");
            assertThat(page.locator("input[name=rows]:checked")).hasCount(1);
            shot(page, "year-proposals-confer-refused-vi");

            page.fill("#decidedOn", "2026-01-20");
            page.click("#confer-form button[type=submit]");
            page.waitForURL(u -> u.contains("conferred="));
            assertThat(page.locator("#done")).hasText("Đã ghi nhận quyết định 15/QĐ-SKHCN: 1 dòng.");
            assertThat(page.locator("tr.row[data-row='" + hoa + "'] .conferred")).isVisible();
            assertThat(page.locator("section.conferments li")).containsText("15/QĐ-SKHCN");
            assertThat(page.locator("input[name=rows][value='" + hoa + "']")).hasCount(0);

            // The same row again (a form sent twice): 409, nothing written.
            String csrf = page.locator("input[name=_csrf]").first().inputValue();
            APIResponse again = ctx.request().post(url + "/conferment", RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                    .set("_csrf", csrf).set("decisionNo", "16/QĐ-SKHCN").set("decidedOn", "2026-01-21").set("rows", hoa)));
            assertThat(again.status()).isEqualTo(409);
            page.reload();
            assertThat(page.locator("section.conferments li")).hasCount(1);
            // Without the form's token: nothing.
            APIResponse forged = ctx.request().post(url + "/conferment", RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                    .set("decisionNo", "17/QĐ-SKHCN").set("decidedOn", "2026-01-21")));
            assertThat(forged.status()).isEqualTo(403);

            // No row is ticked by default; "only the rows ticked" with none ticked is refused, never read as "all".
            page.reload();
            assertThat(page.locator("input[name=rows]:checked")).hasCount(0);
            assertThat(page.locator("#scope-ticked")).isChecked();
            page.fill("#decisionNo", "17/QĐ-SKHCN");
            page.fill("#decidedOn", "2026-01-21");
            com.microsoft.playwright.Response none = page.waitForResponse(r -> r.url().endsWith("/conferment"), () -> page.click("#confer-form button[type=submit]"));
            assertThat(none.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText("chọn ít nhất một dòng");
            assertThat(page.locator("#decisionNo")).hasValue("17/QĐ-SKHCN");
            assertThat(page.locator("section.conferments li")).hasCount(1);
            // "Every row not yet conferred": one field, however long the list; every open row recorded.
            int open = page.locator("input[name=rows]").count();
            page.check("#scope-all");
            page.click("#confer-form button[type=submit]");
            page.waitForURL(u -> u.contains("conferred="));
            assertThat(page.locator("#done")).hasText("Đã ghi nhận quyết định 17/QĐ-SKHCN: " + open + " dòng.");
            assertThat(page.locator("input[name=rows]")).hasCount(0);
            assertThat(page.locator("section.conferments li")).hasCount(2);
        }
    }

    @Test
    @Order(4)
    void an_auditor_reads_the_lists_without_forms_and_cannot_post() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            page.navigate(base() + "/proposals?year=2025");
            assertThat(page.locator("form.prepare")).hasCount(0);
            assertThat(page.locator("p.hint")).containsText("chỉ được xem");
            page.locator("tr[data-authority='" + HEAD + "'] td a").first().click();
            page.waitForURL(u -> u.matches(".*/proposals/\\d+$"));
            assertThat(page.locator("#confer-form")).hasCount(0);
            assertThat(page.locator("#proposal-rows")).isVisible();
            String csrf = (String) page.evaluate("() => document.cookie"); // no token on the page: a POST cannot carry one
            APIResponse post = ctx.request().post(base() + "/proposals", RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                    .set("_csrf", csrf == null ? "" : csrf).set("year", "2025").set("authority", HEAD)));
            assertThat(post.status()).isEqualTo(403);
        }
    }
}
