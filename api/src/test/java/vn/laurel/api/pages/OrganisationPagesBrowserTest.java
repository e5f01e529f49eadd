package vn.laurel.api.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 in a real browser, against PostgreSQL with the demo data: an enterprise's and a household's page (kind,
 * founding day, campaign results, contributions, and their answer as for any subject), search listing them with
 * their kind, and a unit's organisation history — a ward formed from three, a centre renamed twice — with its
 * predecessors linked and reachable from the keyboard; in Vietnamese and in English.
 */
@MicronautTest
class OrganisationPagesBrowserTest extends BrowserTest {
    @Override
    protected String database() {
        return "laurel_web_organisation";
    }

    @Test
    void an_enterprise_and_a_household_have_a_page_with_their_kind_their_facts_and_their_answer() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(base() + "/search?q=minh+hoa");
            Locator others = page.locator("table.others tbody tr");
            assertThat(others.filter(new Locator.FilterOptions().setHasText("DN-0001"))).containsText("Doanh nghiệp");
            assertThat(others.filter(new Locator.FilterOptions().setHasText("HGD-0001"))).containsText("Hộ gia đình");
            page.click("table.others a.subject >> text=Công ty Cổ phần Công nghệ Minh Hoà (minh hoạ)");
            page.waitForURL(base() + "/people/DN-0001?year=2025");

            assertThat(page.locator("h1")).containsText("Công ty Cổ phần Công nghệ Minh Hoà (minh hoạ)");
            assertThat(page.locator("p.subject-kind")).containsText("Doanh nghiệp");
            assertThat(page.locator("p.subject-kind")).containsText("Ngày thành lập: 15/03/2012");
            assertThat(page.locator("main a.unit")).hasAttribute("href", "/units/HN-UBND-DEMO-PMH?year=2025");
            Locator result = page.locator("section.campaign-results tbody tr").first();
            assertThat(result).containsText("Phong trào thi đua đổi mới sáng tạo, chuyển đổi số 2025–2030");
            assertThat(result).containsText("Doanh nghiệp, viện nghiên cứu");
            assertThat(result).containsText("Điểm đánh giá");
            assertThat(result.locator("td.num")).hasText("92");
            assertThat(result.locator("td.source")).containsText("campaign_results.csv");
            // Its answer, as for any subject, and its what-if (the form takes enterprises and households too).
            assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText("Điều kiện khen thưởng năm 2025"))).isVisible();
            assertThat(page.locator("a.whatif")).hasAttribute("href", "/what-if?subject=DN-0001&year=2025");
            assertThat(page.locator("section.contributions")).hasCount(0);
            shot(page, "subject-enterprise-vi");

            page.navigate(base() + "/people/DN-0001?year=2025&lang=en");
            assertThat(page.locator("p.subject-kind")).containsText("Enterprise");
            assertThat(page.locator("p.subject-kind")).containsText("Founded: 2012-03-15");
            assertThat(page.locator("section.campaign-results h2")).hasText("Results in emulation campaigns");
            assertThat(page.locator("section.campaign-results tbody tr").first()).containsText("Review score");
            shot(page, "subject-enterprise-en");

            page.navigate(base() + "/people/HGD-0001?year=2025&lang=vi");
            assertThat(page.locator("p.subject-kind")).containsText("Hộ gia đình");
            Locator land = page.locator("section.contributions tbody tr").first();
            assertThat(land).containsText("Đất đai");
            assertThat(land.locator("td.num")).hasText("350.000.000 đồng");
            assertThat(land).containsText("Hiến 120 m2 đất mở rộng ngõ (minh hoạ)");
            assertThat(page.locator("section.campaign-results")).hasCount(0);
            assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText("Điều kiện khen thưởng năm 2025"))).isVisible();
            shot(page, "subject-household-vi");

            page.navigate(base() + "/people/HGD-0002?year=2025&lang=en");
            assertThat(page.locator("p.subject-kind")).containsText("Household");
            Locator rows = page.locator("section.contributions tbody tr");
            assertThat(rows).hasCount(2);
            assertThat(rows.first()).containsText("Work"); // the most recent year first; work given without a value
            assertThat(rows.nth(1).locator("td.num")).hasText("15,000,000 VND");
            page.navigate(base() + "/people/HGD-0001?year=2025&lang=en");
            assertThat(page.locator("section.contributions tbody tr").first().locator("td.num")).hasText("350,000,000 VND");
            shot(page, "subject-household-en");
        }
    }

    @Test
    void a_ward_formed_from_three_shows_its_organisation_history_and_its_predecessors_linked() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(base() + "/units/HN-UBND-DEMO-PMH?year=2025");
            assertThat(page.locator("p.unit-founded")).hasText("Ngày thành lập: 01/07/2025");
            Locator history = page.locator("section.org-history");
            assertThat(history.locator("h2")).hasText("Lịch sử tổ chức");
            Locator events = history.locator("table.history tbody tr");
            assertThat(events).hasCount(4);
            assertThat(events.first()).containsText("01/07/2025");
            assertThat(events.first()).containsText("Thành lập");
            Locator merged = events.filter(new Locator.FilterOptions().setHasText("Phường Đông Minh (minh hoạ)"));
            assertThat(merged).containsText("Tiếp nhận đơn vị sáp nhập");
            assertThat(merged).containsText("42 thành viên trước sự kiện");
            assertThat(merged).containsText("unit_events.csv");
            assertThat(merged.locator("a.unit")).hasAttribute("href", "/units/HN-UBND-DEMO-PDM?year=2025");

            Locator predecessors = history.locator("ul.predecessors > li");
            assertThat(predecessors).hasCount(3);
            assertThat(predecessors.first()).containsText("sáp nhập vào ngày 01/07/2025");
            assertThat(predecessors.first()).containsText("không được kế thừa");
            page.evaluate("() => document.getElementById('history').scrollIntoView()");
            shot(page, "unit-history-vi");

            // The ward's enterprises and households, each linked to its page.
            assertThat(page.locator("section.others li")).hasCount(4);
            assertThat(page.locator("section.others li").first()).containsText("Doanh nghiệp");
            assertThat(page.locator("section.others a.subject").first()).hasAttribute("href", "/people/DN-0001?year=2025");

            // From the keyboard: a predecessor's link opens its page, where the merger is said from its side.
            Locator dongMinh = history.locator("ul.predecessors a.unit >> text=Phường Đông Minh (minh hoạ)");
            dongMinh.focus();
            page.keyboard().press("Enter");
            page.waitForURL(base() + "/units/HN-UBND-DEMO-PDM?year=2025");
            Locator own = page.locator("section.org-history table.history tbody tr");
            assertThat(own).hasCount(1);
            assertThat(own).containsText("Sáp nhập vào");
            assertThat(own.locator("a.unit")).hasText("Phường Minh Hoà (minh hoạ)");
            assertThat(page.locator("section.org-history")).containsText("Đơn vị không có đơn vị tiền thân.");

            page.navigate(base() + "/units/HN-UBND-DEMO-PMH?year=2025&lang=en");
            assertThat(page.locator("p.unit-founded")).hasText("Founded: 2025-07-01");
            assertThat(page.locator("section.org-history h2")).hasText("Organisation history");
            assertThat(page.locator("section.org-history table.history tbody tr").nth(1)).containsText("Received a merged unit");
            assertThat(page.locator("section.org-history ul.predecessors > li").first()).containsText("merged in on 2025-07-01");
            page.evaluate("() => document.getElementById('history').scrollIntoView()");
            shot(page, "unit-history-en");
        }
    }

    @Test
    void a_centre_renamed_twice_and_moved_shows_each_event_and_its_earlier_code_as_predecessor() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + "/units/HN-UBND-DEMO-TTCNTT?year=2025");
            assertThat(page.locator("h1")).containsText("Trung tâm Chuyển đổi số (minh hoạ)");
            assertThat(page.locator(".unit-place a.unit")).hasText("Sở Xây dựng (minh hoạ)");
            Locator events = page.locator("section.org-history table.history tbody tr");
            assertThat(events).hasCount(3);
            assertThat(events.nth(0)).containsText("01/07/2018");
            assertThat(events.nth(0)).containsText("Tên, mã trước đây của đơn vị");
            assertThat(events.nth(0).locator("a.unit")).hasText("Trung tâm Tin học (minh hoạ)");
            assertThat(page.locator("section.org-history")).containsText("Đổi tên thành “Trung tâm Chuyển đổi số (minh hoạ)”");
            assertThat(events.filter(new Locator.FilterOptions().setHasText("Chuyển về trực thuộc")).locator("a.unit")).hasText("Sở Xây dựng (minh hoạ)");
            Locator predecessor = page.locator("section.org-history ul.predecessors > li");
            assertThat(predecessor).hasCount(1);
            assertThat(predecessor).containsText("Trung tâm Tin học (minh hoạ)");
            assertThat(predecessor).containsText("tên, mã trước ngày 01/07/2018");
            assertThat(predecessor).containsText("được đơn vị sau kế thừa");

            // The department that received another: its predecessor, with its members.
            page.navigate(base() + "/units/HN-UBND-DEMO-SXD?year=2025&lang=en");
            assertThat(page.locator("section.org-history ul.predecessors > li")).containsText("Sở Giao thông vận tải (minh hoạ)");
            assertThat(page.locator("section.org-history ul.predecessors > li")).containsText("120 members before the event");
        }
    }

    @Test
    void the_demo_client_is_kept_to_its_department_and_other_roles_to_their_pages() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            assertThat(page.navigate(base() + "/people/DN-0001?year=2025").status()).isEqualTo(403);
            assertThat(page.navigate(base() + "/units/HN-UBND-DEMO-PMH?year=2025").status()).isEqualTo(403);
            page.navigate(base() + "/search?q=minh+hoa");
            assertThat(page.locator("table.others")).hasCount(0); // outside its scope, not listed
            // The demo department's own unit page: no event recorded, said so.
            page.navigate(base() + "/units/HN-SKHCN-DEMO-TDC?year=2025");
            assertThat(page.locator("section.org-history")).containsText("Chưa ghi nhận sự kiện nào liên quan đến đơn vị.");
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            assertThat(page.navigate(base() + "/people/HGD-0001?year=2025").status()).isEqualTo(403);
        }
    }
}
