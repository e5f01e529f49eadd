package vn.laurel.api.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The section "Sớm nhất có thể đạt / Earliest year" of a person's and a unit's page in a real browser, against
 * PostgreSQL with the demo department: the form used from the keyboard, the answer (headline, the criteria that
 * gate it with the year each is met and what it still needs; never, with the reason), in Vietnamese and English,
 * a bad value, and the page as printed.
 */
@MicronautTest
class EarliestBrowserTest extends BrowserTest {

    /** Opens a page of the demo client, the section in view. */
    private Page open(BrowserContext ctx, String path) {
        Page page = ctx.newPage();
        signIn(page, "client");
        page.navigate(base() + path);
        return page;
    }

    @Test
    void a_client_asks_when_a_new_hire_can_be_an_advanced_laborer_from_the_keyboard_in_vietnamese() {
        try (BrowserContext ctx = context()) {
            Page page = open(ctx, "/people/P-0004?year=2025&lang=vi");
            Locator section = page.locator("section#earliest");
            assertThat(section.locator("h2")).hasText("Sớm nhất có thể đạt");
            assertThat(section.locator(".earliest-answer")).hasCount(0);

            // Keyboard only: focus the award, choose it, tab to the initiatives and submit with Enter.
            page.focus("#earliest-award");
            page.selectOption("#earliest-award", "ADVANCED_LABORER");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(page.locator("#earliest-initiatives")).isFocused();
            page.keyboard().press("Enter");
            page.waitForURL(u -> u.contains("earliest=ADVANCED_LABORER"));
            assertThat(page.url()).endsWith("#earliest");

            Locator answer = page.locator("section#earliest .earliest-answer");
            assertThat(answer.locator("p.headline")).hasText("Lao động tiên tiến: sớm nhất năm 2026");
            assertThat(answer.locator("p.then")).containsText("Năm 2026: xét ngày 15/01/2027");
            assertThat(answer.locator("p.basis")).containsText("Mỗi năm dự báo, theo hồ sơ năm 2025 và các giả định: xếp loại hoàn thành tốt nhiệm vụ");
            Locator gate = answer.locator("table.gates tbody tr[data-criterion=MIN_SERVICE_MONTHS]");
            assertThat(gate.locator("td.met-in")).hasText("2026");
            assertThat(gate.locator("td.needs")).hasText("còn thiếu 1");
            assertThat(gate.locator("td").first()).hasText("Không đạt: 5");
            // The chosen award stays chosen; the criterion's sentences open from the keyboard too.
            assertThat(page.locator("#earliest-award")).hasValue("ADVANCED_LABORER");
            gate.locator("summary").focus();
            page.keyboard().press("Enter");
            assertThat(gate.locator("details")).hasAttribute("open", "");
            assertThat(gate.locator("details")).containsText("2026");
            section.scrollIntoViewIfNeeded();
            shot(page, "earliest-person-vi");
        }
    }

    @Test
    void assumptions_bring_the_grassroots_title_within_reach_in_english() {
        try (BrowserContext ctx = context()) {
            Page page = open(ctx, "/people/P-0004?year=2025&lang=en");
            Locator section = page.locator("section#earliest");
            assertThat(section.locator("h2")).hasText("Earliest year");
            page.selectOption("#earliest-award", "GRASSROOTS_EMULATION_SOLDIER");
            page.selectOption("#earliest-rating", "EXCELLENT");
            page.fill("#earliest-initiatives", "1");
            page.click("#earliest-form button[type=submit]");
            page.waitForURL(u -> u.contains("earliest=GRASSROOTS_EMULATION_SOLDIER"));
            Locator answer = section.locator(".earliest-answer");
            assertThat(answer.locator("p.headline")).hasText("Grassroots Emulation Soldier: 2026 at the earliest"
                    + " — initiatives or science works recognised at grassroots level or above: 1 more");
            assertThat(answer.locator("p.basis")).containsText("rating excellently completed tasks");
            assertThat(answer.locator("p.basis")).containsText("1 initiatives");
            assertThat(answer.locator("table.gates caption")).hasText("Criteria not met in 2025");
            assertThat(page.locator("#earliest-rating")).hasValue("EXCELLENT");
            assertThat(page.locator("#earliest-initiatives")).hasValue("1");
            section.scrollIntoViewIfNeeded();
            shot(page, "earliest-person-en");
        }
    }

    @Test
    void a_person_rated_completed_is_never_an_advanced_laborer_as_the_record_stands_in_both_languages() {
        try (BrowserContext ctx = context()) {
            Page page = open(ctx, "/people/P-0002?year=2025&lang=vi&earliest=ADVANCED_LABORER#earliest");
            Locator answer = page.locator("section#earliest .earliest-answer");
            assertThat(answer).hasAttribute("data-answer", "NEVER");
            assertThat(answer.locator("p.headline")).hasText("Lao động tiên tiến: chưa thể đạt đến năm 2035 với hồ sơ như hiện nay");
            assertThat(answer.locator(".never h3")).hasText("Chưa thể đạt, với hồ sơ như hiện nay");
            assertThat(answer.locator(".never-criteria li")).hasCount(1);
            assertThat(answer.locator(".never-criteria li").first()).containsText("2035");
            assertThat(answer.locator("tr[data-criterion=RATING_GOOD_OR_BETTER] td.met-in")).hasText("Chưa đạt trong 10 năm");
            page.locator("section#earliest").scrollIntoViewIfNeeded();
            shot(page, "earliest-never-vi");

            page.navigate(base() + "/people/P-0002?year=2025&lang=en&earliest=ADVANCED_LABORER#earliest");
            assertThat(answer.locator("p.headline")).hasText("Advanced Laborer: never, as the record stands (projected to 2035)");
            assertThat(answer.locator(".never h3")).hasText("Never, as the record stands");
            assertThat(answer.locator("tr[data-criterion=RATING_GOOD_OR_BETTER] td.met-in")).hasText("Not within 10 years");
            page.locator("section#earliest").scrollIntoViewIfNeeded();
            shot(page, "earliest-never-en");
        }
    }

    @Test
    void a_unit_s_page_answers_for_the_unit_with_its_members_in_both_languages() {
        try (BrowserContext ctx = context()) {
            Page page = open(ctx, "/units/HN-SKHCN-DEMO-VP?year=2025&lang=vi");
            Locator section = page.locator("section#earliest");
            assertThat(section.locator("h2")).hasText("Sớm nhất có thể đạt");
            // The choice holds the awards of a collective only.
            assertThat(page.locator("#earliest-award option[value=EXCELLENT_LABOR_COLLECTIVE]")).hasCount(1);
            assertThat(page.locator("#earliest-award option[value=ADVANCED_LABORER]")).hasCount(0);
            page.selectOption("#earliest-award", "EXCELLENT_LABOR_COLLECTIVE");
            page.selectOption("#earliest-rating", "EXCELLENT");
            page.check("#earliest-attested");
            page.click("#earliest-form button[type=submit]");
            page.waitForURL(u -> u.contains("earliest=EXCELLENT_LABOR_COLLECTIVE"));
            Locator headline = section.locator(".earliest-answer p.headline");
            assertThat(headline).containsText("Tập thể lao động xuất sắc: ");
            assertThat(page.locator("#earliest-attested")).isChecked();
            assertThat(section.locator("p.basis")).containsText("xác nhận: mọi nội dung (giả định)");
            section.scrollIntoViewIfNeeded();
            shot(page, "earliest-unit-vi");

            page.navigate(base() + "/units/HN-SKHCN-DEMO-VP?year=2025&lang=en&earliest=EXCELLENT_LABOR_COLLECTIVE&earliestRating=EXCELLENT"
                    + "&earliestAttested=true#earliest");
            assertThat(headline).containsText("Excellent Labour Collective: ");
            section.scrollIntoViewIfNeeded();
            shot(page, "earliest-unit-en");
        }
    }

    @Test
    void a_bad_value_is_said_in_the_section_and_the_page_prints_the_answer_without_the_form() {
        try (BrowserContext ctx = context()) {
            Page page = open(ctx, "/people/P-0004?year=2025&lang=en&earliest=ADVANCED_LABORER&earliestRating=BEST#earliest");
            assertThat(page.locator("section#earliest p.alert")).hasText("The rating assumed is not valid.");
            assertThat(page.locator("section#earliest .earliest-answer")).hasCount(0);
            page.navigate(base() + "/people/P-0004?year=2025&lang=en&earliest=EXCELLENT_LABOR_COLLECTIVE#earliest");
            assertThat(page.locator("section#earliest p.alert")).hasText("The award chosen does not exist or is not given to this subject.");

            page.navigate(base() + "/people/P-0004?year=2025&lang=vi&earliest=ADVANCED_LABORER#earliest");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#earliest-form")).isHidden();
            assertThat(page.locator("section#earliest .earliest-answer p.headline")).isVisible();
            assertThat(page.locator("section#earliest tr[data-criterion=MIN_SERVICE_MONTHS] details p").first()).isVisible();
            page.locator("section#earliest").scrollIntoViewIfNeeded();
            shot(page, "earliest-print-vi");
        }
    }
}
