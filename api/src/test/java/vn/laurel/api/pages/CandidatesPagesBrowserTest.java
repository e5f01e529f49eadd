package vn.laurel.api.pages;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.laurel.api.export.ExportFiles;

import java.nio.file.Files;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Who is eligible" in a browser: a client lists the demo department's Grassroots Emulation Soldier
 * candidates for 2025, pages through them, sorts and filters them (the address keeps it all), and
 * downloads the list as XLSX and CSV — every row of the filtered list, as the page shows them.
 */
@MicronautTest
class CandidatesPagesBrowserTest extends BrowserTest {
    static final String LIST = "/candidates?unit=HN-SKHCN-DEMO&includeSubunits=true&award=GRASSROOTS_EMULATION_SOLDIER&year=2025";
    static final List<String> HEADER_VI = List.of("Mã", "Họ và tên", "Đơn vị", "Kết quả", "Thứ hạng trong tỷ lệ", "Tiêu chí quyết định");

    @Override
    protected String database() {
        return "laurel_web_candidates";
    }

    /** The rows of the table on the page, each cell's text. */
    static List<List<String>> rows(Page page) {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) page.locator("#candidates tbody tr")
                .evaluateAll("rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))");
        return rows;
    }

    static List<String> header(Page page) {
        return page.locator("#candidates thead th").allInnerTexts().stream().map(String::trim).toList();
    }

    /** Every row of the list, page after page through the "next page" link (htmx swaps the results in). */
    static List<List<String>> allRows(Page page) {
        List<List<String>> all = new ArrayList<>(rows(page));
        while (page.locator("#results a[rel=next]").count() > 0) {
            String caption = page.locator("#candidates caption").innerText();
            page.click("#results a[rel=next]");
            assertThat(page.locator("#candidates caption")).not().hasText(caption);
            all.addAll(rows(page));
        }
        return all;
    }

    @Test
    void a_client_lists_the_departments_grassroots_soldiers_for_2025_and_downloads_every_row_as_xlsx_and_csv() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.click("header nav >> text=Danh sách đủ điều kiện");
            page.waitForURL(base() + "/candidates");
            assertThat(page.locator("h1")).hasText("Danh sách đủ điều kiện");
            // The demo department is chosen by default, its subunits included, last year proposed.
            assertThat(page.locator("#unit")).hasValue("HN-SKHCN-DEMO");
            assertThat(page.locator("#includeSubunits")).isChecked();
            assertThat(page.locator("#year")).hasValue("2025");
            assertThat(page.locator("#award option[value=GRASSROOTS_EMULATION_SOLDIER]")).hasText("Chiến sĩ thi đua cơ sở");
            shot(page, "candidates-form-vi");

            page.selectOption("#award", "GRASSROOTS_EMULATION_SOLDIER");
            page.click("main form button[type=submit]");
            page.waitForURL(Pattern.compile(".*/candidates\\?unit=HN-SKHCN-DEMO&includeSubunits=true&award=GRASSROOTS_EMULATION_SOLDIER&year=2025.*"));
            assertThat(page.locator("#results h2")).hasText("Chiến sĩ thi đua cơ sở · Năm 2025");
            assertThat(page.locator("#candidates caption")).hasText("Dòng 1–50 trên 197");
            assertThat(page.locator("#results nav.filters")).containsText("Tất cả (197)");
            assertThat(header(page)).isEqualTo(HEADER_VI);
            List<List<String>> first = rows(page);
            assertThat(first).hasSize(50);
            assertThat(first.get(0)).containsExactly("P-0001", "Nguyễn Thị Hoa", "Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)",
                    "Đủ điều kiện", "", "Đạt tất cả các tiêu chí.");
            assertThat(page.locator("#candidates a.person").first()).hasAttribute("href", "/people/P-0001?year=2025");
            // The regime by its name, not its code.
            assertThat(page.locator("#results p.meta")).containsText("Chế độ áp dụng: Luật Thi đua, khen thưởng 2022");
            assertThat(page.locator("#results")).not().containsText("LAW_2022");
            shot(page, "candidates-vi");
            page.setViewportSize(375, 800);
            page.locator("#candidates tbody tr").first().scrollIntoViewIfNeeded();
            shot(page, "candidates-vi-375");
            page.setViewportSize(1280, 900);

            List<List<String>> all = allRows(page);
            assertThat(all).hasSize(197);
            assertThat(page).hasURL(Pattern.compile(".*&page=4$"));
            assertThat(all.stream().map(r -> r.get(0)).distinct().count()).isEqualTo(197);

            Download xlsx = page.waitForDownload(() -> page.click("#export-xlsx"));
            assertThat(xlsx.suggestedFilename()).isEqualTo("GRASSROOTS_EMULATION_SOLDIER-HN-SKHCN-DEMO-2025.xlsx");
            ExportFiles.Workbook book = ExportFiles.xlsx(Files.readAllBytes(xlsx.path()));
            assertThat(book.title().get(0)).isEqualTo("Danh sách xét Chiến sĩ thi đua cơ sở năm 2025");
            assertThat(book.title().get(2)).contains("Chế độ áp dụng: Luật Thi đua, khen thưởng 2022").doesNotContain("LAW_2022");
            assertThat(book.header()).isEqualTo(HEADER_VI);
            assertThat(book.headerBold()).isTrue();
            assertThat(book.frozenRows()).isEqualTo(book.title().size() + 2);
            assertThat(book.rows()).isEqualTo(all);
            assertThat(book.rows()).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("Nguyễn Thị Hoa"));

            Download csv = page.waitForDownload(() -> page.click("#export-csv"));
            assertThat(csv.suggestedFilename()).isEqualTo("GRASSROOTS_EMULATION_SOLDIER-HN-SKHCN-DEMO-2025.csv");
            ExportFiles.CsvFile file = ExportFiles.csv(Files.readAllBytes(csv.path()));
            assertThat(file.bom()).as("a byte order mark, so that Excel reads UTF-8").isTrue();
            assertThat(file.header()).isEqualTo(HEADER_VI);
            assertThat(file.rows()).isEqualTo(all);
            assertThat(file.text()).contains("P-0001,Nguyễn Thị Hoa,Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ),Đủ điều kiện,");
        }
    }

    @Test
    void sorting_and_filtering_change_the_rows_and_the_address_shares_them() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + LIST);
            List<List<String>> byOutcome = rows(page);

            // Sorted by name, in Vietnamese order, across the whole list.
            page.click("#results nav.sorts >> text=Họ và tên");
            page.waitForURL(Pattern.compile(".*&sort=name$"));
            assertThat(page.locator("#results nav.sorts a[aria-current=true]")).hasText("Họ và tên");
            List<List<String>> byName = rows(page);
            assertThat(byName).isNotEqualTo(byOutcome);
            List<String> names = byName.stream().map(r -> r.get(1)).toList();
            assertThat(names).isSortedAccordingTo(Collator.getInstance(Locale.forLanguageTag("vi")));

            // Filtered to those not eligible: every row says so, as many as the filter's count.
            page.click("#results nav.filters >> text=Chưa đủ điều kiện");
            page.waitForURL(Pattern.compile(".*&outcome=NOT_ELIGIBLE&sort=name$"));
            String count = page.locator("#results nav.filters a[aria-current=true]").innerText().replaceAll("\\D", "");
            assertThat(page.locator("#candidates caption")).hasText("Dòng 1–50 trên " + count);
            List<List<String>> notEligible = allRows(page);
            assertThat(notEligible).hasSize(Integer.parseInt(count));
            assertThat(notEligible).allSatisfy(r -> {
                assertThat(r.get(3)).isEqualTo("Chưa đủ điều kiện");
                assertThat(r.get(5)).as("the deciding criterion as a sentence, not a code").endsWith("không đạt").doesNotContain("_");
            });
            // The form, too, shows what the address says.
            assertThat(page.locator("#outcome")).hasValue("NOT_ELIGIBLE");
            assertThat(page.locator("#sort")).hasValue("name");

            // The same address in another tab gives the same rows.
            String url = page.url().replaceAll("&page=\\d+", "");
            Page other = ctx.newPage();
            other.navigate(url);
            assertThat(rows(other)).isEqualTo(notEligible.subList(0, 50));

            // The file of a filtered list holds the filtered rows only.
            Download xlsx = other.waitForDownload(() -> other.click("#export-xlsx"));
            ExportFiles.Workbook book = ExportFiles.xlsx(Files.readAllBytes(xlsx.path()));
            assertThat(book.rows()).isEqualTo(notEligible);
            assertThat(book.title()).contains("Kết quả: Chưa đủ điều kiện");

            // The form (not only the links) filters too: those needing review.
            other.selectOption("#outcome", "NEEDS_REVIEW");
            other.click("main form button[type=submit]");
            other.waitForURL(Pattern.compile(".*&outcome=NEEDS_REVIEW.*"));
            assertThat(rows(other)).isNotEmpty().allSatisfy(r -> assertThat(r.get(3)).isEqualTo("Cần xem xét"));
        }
    }

    @Test
    void the_list_in_english_with_its_file_headed_in_english() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + LIST + "&lang=en");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("Who is eligible");
            assertThat(page.locator("#results h2")).hasText("Grassroots Emulation Soldier · Year 2025");
            assertThat(page.locator("#candidates caption")).hasText("Rows 1–50 of 197");
            assertThat(header(page)).containsExactly("Code", "Name", "Unit", "Outcome", "Quota rank", "Deciding criterion");
            assertThat(rows(page).get(0)).containsExactly("P-0001", "Nguyễn Thị Hoa", "Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)",
                    "Eligible", "", "Every criterion is met.");
            page.click("#results nav.filters >> text=Not eligible");
            assertThat(page.locator("#candidates tbody tr").first()).containsText("not met");
            shot(page, "candidates-en");
            Download xlsx = page.waitForDownload(() -> page.click("#export-xlsx"));
            ExportFiles.Workbook book = ExportFiles.xlsx(Files.readAllBytes(xlsx.path()));
            assertThat(book.title().get(0)).isEqualTo("Candidates for Grassroots Emulation Soldier in 2025");
            assertThat(book.header()).containsExactly("Code", "Name", "Unit", "Outcome", "Quota rank", "Deciding criterion");
            assertThat(book.rows()).allSatisfy(r -> assertThat(r.get(3)).isEqualTo("Not eligible"));

            page.navigate(base() + "/candidates");
            shot(page, "candidates-form-en");
        }
    }

    @Test
    void a_unit_with_nobody_to_evaluate_names_no_regime_and_never_says_null() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            // The department itself, without its subunits, has no person of its own: nobody is evaluated, so no regime is known.
            page.navigate(base() + "/candidates?unit=HN-SKHCN-DEMO&award=ADVANCED_LABORER&year=2025");
            assertThat(page.locator("#results p.none")).hasText("Không có ai trong danh sách với bộ lọc này.");
            assertThat(page.locator("#results p.meta")).containsText("Chế độ áp dụng: —");
            assertThat(page.locator("main")).not().containsText("null");
            Download xlsx = page.waitForDownload(() -> page.click("#export-xlsx"));
            ExportFiles.Workbook book = ExportFiles.xlsx(Files.readAllBytes(xlsx.path()));
            assertThat(book.rows()).isEmpty();
            assertThat(book.title()).noneSatisfy(t -> assertThat(t).contains("null"));
            assertThat(book.title().get(2)).contains("Chế độ áp dụng: —");
        }
    }

    @Test
    void bad_parameters_show_the_form_again_with_the_field_marked_never_a_500() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            Response year = page.navigate(base() + LIST.replace("year=2025", "year=twenty"));
            assertThat(year.status()).isEqualTo(400);
            assertThat(page.locator("#form-error")).hasText("Năm không hợp lệ (từ 1945 đến năm nay).");
            assertThat(page.locator("#year")).hasAttribute("aria-invalid", "true");
            shot(page, "candidates-error-vi");

            Response award = page.navigate(base() + LIST.replace("GRASSROOTS_EMULATION_SOLDIER", "NO_SUCH_AWARD") + "&lang=en");
            assertThat(award.status()).isEqualTo(404);
            assertThat(page.locator("#form-error")).hasText("No such award.");
            assertThat(page.locator("#award")).hasAttribute("aria-invalid", "true");
            shot(page, "candidates-error-en");

            assertThat(page.navigate(base() + LIST + "&outcome=MAYBE").status()).isEqualTo(400);
            assertThat(page.locator("#outcome")).hasAttribute("aria-invalid", "true");
            assertThat(page.navigate(base() + LIST + "&sort=salary").status()).isEqualTo(400);
            assertThat(page.navigate(base() + LIST + "&page=0").status()).isEqualTo(400);
            assertThat(page.navigate(base() + LIST + "&page=-3").status()).isEqualTo(400);
            assertThat(page.navigate(base() + LIST.replace("unit=HN-SKHCN-DEMO", "unit=NOWHERE")).status()).isEqualTo(404);
            assertThat(page.navigate(base() + LIST.replace("unit=HN-SKHCN-DEMO", "unit=" + "A".repeat(300))).status()).isEqualTo(400);
            assertThat(page.locator("#form-error")).hasText("Too long a value (at most 200 characters)."); // English since ?lang=en above
            assertThat(page.navigate(base() + LIST.replace("year=2025", "year=2030")).status()).isEqualTo(400);
            APIResponse file = ctx.request().get(base() + "/candidates/export.xlsx?unit=HN-SKHCN-DEMO&award=NO_SUCH_AWARD&year=2025");
            assertThat(file.status()).isEqualTo(404);
            assertThat(file.headers().get("content-type")).startsWith("text/html");
        }
    }

    @Test
    void an_auditor_is_refused_the_list_and_its_files_and_a_stranger_is_sent_to_sign_in() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            for (String path : List.of(LIST, "/candidates/export.csv" + LIST.substring(11), "/candidates/export.xlsx" + LIST.substring(11))) {
                APIResponse r = ctx.request().get(base() + path, RequestOptions.create().setMaxRedirects(0));
                assertThat(r.status()).as(path).isEqualTo(303);
                assertThat(r.headers().get("location")).isEqualTo("/login");
            }
            signIn(page, "auditor");
            assertThat(page.locator("header nav")).not().containsText("Danh sách đủ điều kiện");
            Response r = page.navigate(base() + LIST);
            assertThat(r.status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("Vai trò của bạn không được xem trang này.");
            for (String path : List.of("/candidates/export.csv" + LIST.substring(11), "/candidates/export.xlsx" + LIST.substring(11))) {
                APIResponse file = ctx.request().get(base() + path);
                assertThat(file.status()).as(path).isEqualTo(403);
                assertThat(file.headers().get("content-type")).startsWith("text/html");
            }
        }
    }
}
