package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Media;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.FactKinds;
import vn.laurel.api.store.FactWriter;
import vn.laurel.engine.model.RatingFact;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's page and a unit's page in a real browser, against PostgreSQL with the demo department:
 * from search to a criterion's evidence and on to the fact in the timeline, what keeps an award out
 * of reach, the unit's members and shares, the unit tree, corrections, roles and bad input.
 */
@MicronautTest
class PersonPagesBrowserTest extends BrowserTest {
    /** A code of the answer that a Vietnamese reader must never see in a criterion's sentence or cells. */
    private static final Pattern RAW = Pattern.compile("\\b(EXCELLENT|GOOD|COMPLETED|VERIFIED|RECALLED|UNCONFIRMED|MERIT|true|false|null"
            + "|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\b");

    @Inject
    FactWriter writer;

    @Inject
    FactStore facts;

    @Inject
    RuleSetHolder rules;

    @Override
    protected String database() {
        return "laurel_web_person";
    }

    @Test
    void a_client_finds_her_opens_2025_expands_a_criterion_and_follows_its_evidence_to_the_timeline() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + "/search");
            page.fill("#q", "nguyen thi hoa");
            page.press("#q", "Enter");
            page.click("a.person >> text=Nguyễn Thị Hoa");
            page.waitForURL(base() + "/people/P-0001?year=2025");
            assertThat(page.locator("h1")).containsText("Nguyễn Thị Hoa");
            assertThat(page.locator("main .meta")).containsText("Luật Thi đua, khen thưởng 2022");

            // the criterion leads with its sentence; its facts are folded until asked for
            Locator rating = page.locator("#award-ADVANCED_LABORER table.criteria tbody tr").first();
            assertThat(rating.locator("summary")).containsText("Mức độ hoàn thành nhiệm vụ năm 2025: hoàn thành xuất sắc nhiệm vụ");
            assertThat(rating.locator("td").nth(1)).hasText("hoàn thành xuất sắc nhiệm vụ");
            assertThat(rating.locator("td").nth(2)).hasText("hoàn thành tốt nhiệm vụ trở lên");
            assertThat(rating.locator("td").nth(4)).hasText("đã đối chiếu nguồn");
            Locator link = rating.locator("a.elink");
            assertThat(link).isHidden();
            rating.locator("summary").click();
            assertThat(rating.locator("details")).hasAttribute("open", "");
            assertThat(rating.locator(".evidence")).containsText("RATING_GOOD_OR_BETTER");
            assertThat(rating.locator(".evidence li")).containsText("2025 — hoàn thành xuất sắc nhiệm vụ");
            assertThat(rating.locator(".evidence li")).containsText("lần nhập 1, tệp ratings.csv, dòng 11");
            assertThat(link).hasAttribute("href", "#fact-rating-10");
            assertThat(link).hasText("Xem trong dòng thời gian");
            shot(page, "person-criterion-vi");

            link.click();
            page.waitForURL(base() + "/people/P-0001?year=2025#fact-rating-10");
            Locator fact = page.locator("#fact-rating-10");
            assertThat(fact).isInViewport();
            assertThat(fact).containsText("hoàn thành xuất sắc nhiệm vụ");
            assertThat(fact).containsText("Nguồn: lần nhập 1, tệp ratings.csv, dòng 11");
            assertThat(page.locator(":target")).hasAttribute("id", "fact-rating-10");
            assertThat(fact.locator("xpath=ancestor::li[contains(@class,'year')]/h3")).hasText("2025");
            assertThat(page.locator("#timeline h2")).hasText("Dòng thời gian 2016–2025");
            assertThat(page.locator("#timeline li.year")).hasCount(10);
            assertThat(page.locator("#timeline li.year h3").first()).hasText("2025");
            assertThat(page.locator("#timeline")).containsText("Lao động tiên tiến");
            shot(page, "person-timeline-vi");

            // the keyboard opens a criterion too: a summary is a button without any script
            Locator attestation = page.locator("#award-ADVANCED_LABORER table.criteria tbody tr").nth(1);
            attestation.locator("summary").focus();
            page.keyboard().press("Enter");
            assertThat(attestation.locator("details")).hasAttribute("open", "");
            assertThat(attestation.locator(".evidence li")).containsText("Tích cực tham gia phong trào thi đua: có");

            // an award out of reach says what is missing, naming the criterion
            assertThat(page.locator("#award-ADVANCED_SOLDIER p.missing")).hasText("Chưa đạt: Thuộc lực lượng vũ trang, công an.");
            assertThat(page.locator("#award-MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER p.missing"))
                    .hasText("Cần xác nhận: Thành tích xuất sắc tiêu biểu trong số các Chiến sĩ thi đua cơ sở năm 2025 (xác nhận).");
            assertThat(page.locator("#award-ADVANCED_LABORER p.missing")).hasCount(0);

            // no raw code in the Vietnamese criterion tables: sentences, values, requirements, articles, confidence
            List<String> shown = page.locator("table.criteria td, table.criteria summary, p.missing, #timeline li.fact").allInnerTexts();
            assertThat(shown).hasSizeGreaterThan(100);
            assertThat(shown.stream().filter(t -> RAW.matcher(t).find()).toList()).as("texts with a raw code").isEmpty();
            assertThat(page.locator("table.criteria td").allInnerTexts()).contains("chưa đối chiếu văn bản", "chưa có dữ liệu", "có", "không");

            page.setViewportSize(375, 800);
            rating.locator("summary").scrollIntoViewIfNeeded();
            shot(page, "person-criterion-vi-375");
            page.setViewportSize(1280, 900);

            // printed: no navigation, no form, every criterion open
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("header.site")).isHidden();
            for (Locator form : page.locator("main form").all()) assertThat(form).isHidden(); // the year's and the earliest year's
            Locator folded = page.locator("#award-ADVANCED_SOLDIER table.criteria tbody tr").first().locator(".evidence");
            assertThat(folded).isVisible();
            top(page, "award-ADVANCED_SOLDIER");
            shot(page, "person-print-vi");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            // the same page in English
            page.navigate(base() + "/people/P-0001?year=2025&lang=en");
            assertThat(page.locator("#award-ADVANCED_SOLDIER p.missing")).hasText("Not met: Serves in the armed forces or the police.");
            Locator en = page.locator("#award-ADVANCED_LABORER table.criteria tbody tr").first();
            assertThat(en.locator("td").nth(1)).hasText("excellently completed tasks");
            assertThat(en.locator("td").nth(4)).hasText("verified against a source");
            en.locator("summary").click();
            assertThat(en.locator(".evidence li")).containsText("import 1, ratings.csv row 11");
            assertThat(en.locator("a.elink")).hasText("See in the timeline");
            shot(page, "person-criterion-en");
            en.locator("a.elink").click();
            assertThat(page.locator("#fact-rating-10")).containsText("Source: import 1, ratings.csv row 11");
            assertThat(page.locator("#timeline h2")).hasText("Timeline 2016–2025");
            shot(page, "person-timeline-en");
        }
    }

    @Test
    void a_unit_page_shows_its_place_its_members_their_outcomes_and_the_shares_its_awards_require() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + "/search");
            page.fill("#q", "tieu chuan do luong");
            page.press("#q", "Enter");
            page.click("a.unit >> text=Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)");
            page.waitForURL(base() + "/units/HN-SKHCN-DEMO-TDC?year=2025");
            assertThat(page.locator("h1")).containsText("Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)");
            assertThat(page.locator(".unit-place a.unit")).hasText("Sở Khoa học và Công nghệ (minh hoạ)");
            assertThat(page.locator(".unit-place a.unit")).hasAttribute("href", "/units/HN-SKHCN-DEMO?year=2025");

            // the shares the collective awards count, against the share they require
            Locator shares = page.locator("table.shares tbody tr");
            Locator laborers = shares.filter(new Locator.FilterOptions().setHasText("Tập thể lao động tiên tiến"));
            assertThat(laborers.locator("td").nth(1)).hasText("75,0%");
            assertThat(laborers.locator("td").nth(2)).hasText("trên 50,0%");
            assertThat(laborers.locator("td").nth(3)).hasText("Đạt");
            Locator soldiers = shares.filter(new Locator.FilterOptions().setHasText("Đơn vị tiên tiến"));
            assertThat(soldiers.locator("td").nth(1)).hasText("0,0%");
            assertThat(soldiers.locator("td").nth(3)).hasText("Không đạt");
            assertThat(shares.filter(new Locator.FilterOptions().setHasText("Tập thể lao động xuất sắc")).locator("td").nth(2))
                    .hasText("70,0% trở lên");
            shot(page, "unit-vi");

            // its members, each linked to their own page for the year, with their outcomes
            Locator members = page.locator("table.members tbody tr");
            assertThat(members).hasCount(53);
            Locator hoa = members.filter(new Locator.FilterOptions().setHasText("P-0001"));
            assertThat(hoa.locator("a.person")).hasAttribute("href", "/people/P-0001?year=2025");
            assertThat(hoa.locator("td").nth(1)).hasText("Đủ điều kiện");
            assertThat(page.locator("table.members thead")).containsText("Lao động tiên tiến");
            assertThat(page.locator("table.members tfoot td").first()).hasText("39/53 (73,6%)");
            assertThat(page.locator("ul.reached li").first()).hasText("Lao động tiên tiến: 39/53 (73,6%)");
            assertThat(page.locator("#award-ADVANCED_UNIT p.missing")).containsText("Chưa đạt: Cá nhân đạt danh hiệu Chiến sĩ tiên tiến năm 2025");
            top(page, "members-h");
            shot(page, "unit-members-vi");

            // a member counted by a criterion is linked to its page; the unit's own facts to its timeline
            Locator share = page.locator("#award-ADVANCED_LABOR_COLLECTIVE table.criteria tbody tr")
                    .filter(new Locator.FilterOptions().setHasText("ADVANCED_LABORER_SHARE"));
            share.locator("summary").click();
            assertThat(share.locator("a.elink[href='/people/P-0001?year=2025']")).hasText("Xem trang của thành viên");
            Locator unitRating = page.locator("#award-ADVANCED_LABOR_COLLECTIVE table.criteria tbody tr").first();
            unitRating.locator("summary").click();
            unitRating.locator("a.elink").click();
            assertThat(page.locator(":target")).containsText("tệp ratings.csv");

            hoa.locator("a.person").click();
            page.waitForURL(base() + "/people/P-0001?year=2025");
            assertThat(page.locator("main a.unit")).hasAttribute("href", "/units/HN-SKHCN-DEMO-TDC?year=2025");
            assertThat(page.locator("main a.unit")).hasText("Chi cục Tiêu chuẩn Đo lường Chất lượng (minh hoạ)");

            page.navigate(base() + "/units/HN-SKHCN-DEMO-TDC?year=2025&lang=en");
            assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText("Members in 2025 (53)"))).isVisible();
            assertThat(page.locator("table.shares tbody tr").first().locator("td").nth(2)).hasText("more than 50.0%");
            shot(page, "unit-en");
            top(page, "members-h");
            shot(page, "unit-members-en");
            page.navigate(base() + "/units/HN-SKHCN-DEMO?year=2025&lang=vi"); // the root: its units below, no member of its own
            assertThat(page.locator("section.children li")).hasCount(5);
            assertThat(page.locator("section.members")).containsText("Đơn vị không có thành viên nào trong năm này.");
            assertThat(page.locator("#timeline li.year").first()).containsText("cụm HN-CUM-KHCN: xếp hạng 1");
        }
    }

    @Test
    void the_unit_tree_lists_the_visible_units_root_first_and_is_linked_from_search() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + "/search");
            page.click("a.browse");
            page.waitForURL(base() + "/units?year=2025");
            assertThat(page.locator("h1")).hasText("Cây đơn vị");
            assertThat(page.locator("ul.tree > li")).hasCount(1);
            assertThat(page.locator("ul.tree > li > a.unit")).hasText("Sở Khoa học và Công nghệ (minh hoạ)");
            assertThat(page.locator("ul.tree > li > ul > li")).hasCount(5);
            assertThat(page.locator("ul.tree > li > ul > li > a.unit").first()).hasAttribute("href", "/units/HN-SKHCN-DEMO-QLCN?year=2025");
            shot(page, "units-tree-vi");
            page.navigate(base() + "/units?lang=en");
            assertThat(page.locator("h1")).hasText("Unit tree");
            shot(page, "units-tree-en");
        }
    }

    @Test
    void a_corrected_fact_is_marked_and_a_reader_of_fact_history_sees_its_earlier_value() {
        RatingFact old = facts.subject("P-0002").orElseThrow().ratings().stream().filter(r -> r.year() == 2020).findFirst().orElseThrow();
        String next = old.rating().name().equals("EXCELLENT") ? "GOOD" : "EXCELLENT";
        long oldId = Long.parseLong(old.id().substring(old.id().indexOf(':') + 1));
        FactWriter.Written w = writer.correct(FactKinds.RATINGS, oldId, Map.of("rating", next), rules.current(), "clerk");
        String anchor = "#fact-rating-" + w.fact().id();
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(base() + "/people/P-0002?year=2025");
            Locator fact = page.locator(anchor);
            assertThat(fact.locator(".badge.corrected")).hasText("đã sửa");
            assertThat(fact.locator(".ftext").first()).hasText(new ValueLabels().vi(next));
            assertThat(fact.locator("ul.earlier li")).containsText("Trước khi sửa: " + new ValueLabels().vi(old.rating().name()));
            assertThat(fact.locator("ul.earlier li")).containsText("lần nhập 1, tệp ratings.csv");
            assertThat(fact).containsText("sửa rating:" + oldId + " qua API bởi clerk");
            fact.scrollIntoViewIfNeeded();
            shot(page, "person-corrected-vi");

        }
        try (BrowserContext ctx = context()) {
            // a client reads the answer, where the correction's source says so, but not the fact's history
            Page client = ctx.newPage();
            signIn(client, "client");
            client.navigate(base() + "/people/P-0002?year=2025");
            assertThat(client.locator(anchor + " .badge.corrected")).hasText("đã sửa");
            assertThat(client.locator(anchor + " ul.earlier")).hasCount(0);
            assertThat(client.locator("#timeline")).containsText("chỉ hiện với vai trò được xem lịch sử dữ kiện");
        }
    }

    @Test
    void roles_sign_in_and_bad_input_are_answered_with_pages_never_a_500() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            for (String path : List.of("/people/P-0001?year=2025", "/units/HN-SKHCN-DEMO-TDC?year=2025", "/units")) {
                page.navigate(base() + path);
                page.waitForURL(base() + "/login");
            }
            signIn(page, "auditor");
            for (String path : List.of("/people/P-0001?year=2025", "/units/HN-SKHCN-DEMO-TDC?year=2025")) {
                Response r = page.navigate(base() + path);
                assertThat(r.status()).as(path).isEqualTo(403);
                assertThat(page.locator("main")).containsText("Vai trò của bạn không được xem trang này.");
            }
            // the tree is for every signed-in role (as GET /api/v1/units), without links to pages the role cannot open
            assertThat(page.navigate(base() + "/units").status()).isEqualTo(200);
            assertThat(page.locator("ul.tree")).containsText("Sở Khoa học và Công nghệ (minh hoạ)");
            assertThat(page.locator("ul.tree a")).hasCount(0);
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            Map<String, Integer> expected = new java.util.LinkedHashMap<>();
            expected.put("/people/P-0001?year=abc", 400);
            expected.put("/people/P-0001?year=1900", 400);
            expected.put("/people/P-0001?year=2999", 400);
            expected.put("/people/P-0001?year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95", 400);
            expected.put("/people/P-9999?year=2025", 404);
            expected.put("/people/" + "X".repeat(500) + "?year=2025", 404);
            expected.put("/people/%00?year=2025", 400); // a control character: refused before the page
            expected.put("/units/NO-SUCH-UNIT?year=2025", 404);
            expected.put("/units/HN-SKHCN-DEMO-TDC?year=20x5", 400);
            expected.put("/units/" + "%C4%90".repeat(300), 404);
            expected.put("/units?year=-1", 400);
            expected.forEach((path, status) -> {
                Response r = page.navigate(base() + path);
                assertThat(r.status()).as(path).isEqualTo(status);
                assertThat(page.locator("main .alert")).isVisible();
            });
            page.navigate(base() + "/units/NO-SUCH-UNIT?year=2025");
            assertThat(page.locator("main .alert")).hasText("Không tìm thấy đơn vị này.");
            page.navigate(base() + "/people/P-0001?year=abc");
            assertThat(page.locator("main .alert")).hasText("Năm không hợp lệ (từ 1945 đến năm nay).");
            shot(page, "person-bad-year-vi");
            page.navigate(base() + "/units/NO-SUCH-UNIT?year=2025&lang=en");
            assertThat(page.locator("main .alert")).hasText("No such unit.");
            // a unit asked for as a person is sent to its own page
            page.navigate(base() + "/people/HN-SKHCN-DEMO-TDC?year=2024");
            page.waitForURL(base() + "/units/HN-SKHCN-DEMO-TDC?year=2024");
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            // a scoped client cannot tell an unknown unit from one beyond its scope
            assertThat(page.navigate(base() + "/units/NO-SUCH-UNIT?year=2025").status()).isEqualTo(403);
        }
    }

    /** Scrolls the element with this id to the top of the window, for a screenshot that starts there. */
    private static void top(Page page, String id) {
        page.evaluate("id => document.getElementById(id).scrollIntoView()", id);
    }

    /** The Vietnamese names of ratings, as the page must show them. */
    private static final class ValueLabels {
        String vi(String rating) {
            return new Messages().text("vi", "values.rating." + rating);
        }
    }
}
