package vn.laurel.api.year;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.laurel.api.pages.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year through the pages only, as the demo's board official works it: the hub; the block's
 * scores typed in the grid, its ranking and its one flag, the review recorded; a council session set up,
 * the flag's leader on its agenda with the criteria waiting for judgment, ballots (the flag and a soldier
 * passed, another soldier below 80 %); the lists of the department's head and of the city prepared (the
 * failed ballot absent, the flag present); the decisions recorded; next year's page of the soldier shows
 * the title with its decision.
 */
@MicronautTest(transactional = false)
class EmulationYearJourneyBrowserTest extends BrowserTest {
    static final String FLAG = "MINISTERIAL_PROVINCIAL_EMULATION_FLAG";
    static final String GES = "GRASSROOTS_EMULATION_SOLDIER";
    static final String HEAD = "UNIT_HEAD:HN-SKHCN-DEMO";
    static final String CITY = "PROVINCIAL:HN-SKHCN-DEMO";

    @Override
    protected String database() {
        return "laurel_year_journey_pages";
    }

    @Test
    void a_board_official_works_the_year_in_the_browser() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");

            // The hub, reached from the header.
            page.click("header nav a[href='/year']");
            assertThat(page.locator("ol.year-steps li")).hasCount(4);
            page.navigate(base() + "/year?year=2025");
            shot(page, "year-overview-vi");
            page.navigate(base() + "/year?year=2025&lang=en");
            assertThat(page.locator("h1")).containsText("2025");
            shot(page, "year-overview-en");
            page.navigate(base() + "/year?year=2025&lang=vi");

            // 1. The block's scores: one corrected in the grid; the ranking and the one flag follow.
            page.click("main a[href='/clusters?year=2025']");
            page.click("text=Khối thi đua các đơn vị thuộc Sở Khoa học và Công nghệ (minh hoạ)");
            page.fill("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']", "9");
            page.click("#scores-form button[type=submit]");
            assertThat(page.locator("input[name='p.HN-SKHCN-DEMO-TDC.DOAN_KET']")).hasValue("9");
            Locator flagProposed = page.locator("table[data-award=" + FLAG + "] tr.proposed");
            assertThat(flagProposed).hasCount(1);
            String leader = flagProposed.getAttribute("data-unit");
            assertThat(page.locator("#scores tbody tr").first()).hasAttribute("data-unit", leader);
            page.click(".record-form button[type=submit]");
            assertThat(page.locator(".recorded")).containsText("Đã ghi nhận kết quả bình xét: người ghi nhận board");

            // 2. The council meets: seven present, one in writing, one absent.
            page.navigate(base() + "/councils/HDTDKT-SKHCN-DEMO?year=2025");
            page.fill("#s-year", "2025");
            page.fill("#heldOn", "2026-01-13");
            page.locator("fieldset.attendance tbody tr").nth(7).locator("input[value=WRITTEN]").check();
            page.locator("fieldset.attendance tbody tr").nth(8).locator("input[value=ABSENT]").check();
            page.click("form.session-form button[type=submit]");
            page.waitForURL(u -> u.matches(".*/councils/sessions/\\d+$"));
            String session = page.url().replaceAll(".*/councils/sessions/", "");
            Locator flagItem = page.locator("#agenda tr[data-subject='" + leader + "'][data-award='" + FLAG + "']");
            assertThat(flagItem).containsText("Hoàn thành vượt mức chỉ tiêu thi đua");
            assertThat(flagItem).containsText("Đoàn kết, tổ chức đảng, thực hành tiết kiệm");

            // 3. Ballots: the flag 8 of 9, a soldier 8 of 9, another soldier 7 of 9 (below 80 %).
            vote(page, flagItem, 8);
            assertThat(page.locator("#results-table tr[data-subject='" + leader + "']")).containsText("Đạt");
            page.navigate(base() + "/councils/sessions/" + session);
            Locator soldiers = page.locator("#agenda tr[data-award='" + GES + "']:has(a.vote-link)");
            String passed = soldiers.nth(0).getAttribute("data-subject");
            String failed = soldiers.nth(1).getAttribute("data-subject");
            vote(page, soldiers.nth(0), 8);
            page.navigate(base() + "/councils/sessions/" + session);
            vote(page, page.locator("#agenda tr[data-subject='" + failed + "'][data-award='" + GES + "']"), 7);
            assertThat(page.locator("#results-table tr[data-subject='" + failed + "']")).containsText("Không đạt");

            // 4. The department head's list: the passed soldier in it, the failed one not.
            page.navigate(base() + "/proposals?year=2025");
            page.locator("tr[data-authority='" + HEAD + "'] button[type=submit]").click();
            page.waitForURL(u -> u.matches(".*/proposals/\\d+$"));
            assertThat(page.locator("tbody[data-award=" + GES + "] tr.row[data-subject='" + passed + "']")).hasCount(1);
            assertThat(page.locator("tbody[data-award=" + GES + "] tr.row[data-subject='" + failed + "']")).hasCount(0);
            String soldierRow = page.locator("tbody[data-award=" + GES + "] tr.row[data-subject='" + passed + "']").getAttribute("data-row");
            confer(page, "31/QĐ-SKHCN", "2026-02-02", soldierRow);

            // 5. The city's list: the block's flag.
            page.navigate(base() + "/proposals?year=2025");
            page.locator("tr[data-authority='" + CITY + "'] button[type=submit]").click();
            page.waitForURL(u -> u.matches(".*/proposals/\\d+$"));
            Locator flagRow = page.locator("tbody[data-award=" + FLAG + "] tr.row[data-subject='" + leader + "']");
            assertThat(flagRow).hasCount(1);
            confer(page, "215/QĐ-UBND", "2026-02-20", flagRow.getAttribute("data-row"));

            // 6. Next year: the soldier's page counts the title, its decision named.
            page.navigate(base() + "/people/" + passed + "?year=2026");
            assertThat(page.locator("main")).containsText("31/QĐ-SKHCN");
            assertThat(page.content()).contains("danh sách đề nghị số");
        }
    }

    /** Opens the ballot of an agenda row and records it: the first {@code inFavour} of the eight voters for, the rest against. */
    static void vote(Page page, Locator agendaRow, int inFavour) {
        agendaRow.locator("a.vote-link").click();
        Locator voters = page.locator("fieldset.votes tbody tr");
        assertThat(voters).hasCount(8);
        for (int i = 0; i < 8; i++) voters.nth(i).locator("input[value=" + (i < inFavour ? "FOR" : "AGAINST") + "]").check();
        page.click("form.ballot-form button[type=submit]");
        page.waitForURL(u -> u.matches(".*/councils/sessions/\\d+.*"));
    }

    static void confer(Page page, String number, String date, String row) {
        page.fill("#decisionNo", number);
        page.fill("#decidedOn", date);
        page.locator("input[name=rows]").evaluateAll("boxes => boxes.forEach(b => b.checked = false)");
        page.check("input[name=rows][value='" + row + "']");
        page.click("#confer-form button[type=submit]");
        assertThat(page.locator("main")).containsText(number);
    }
}
