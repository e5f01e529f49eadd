package vn.laurel.api.pages;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The councils' pages in a browser: a board official goes from the year's hub to the demo council, records
 * a session (member 8 in writing, member 9 absent), opens the agenda, votes on a candidate needing review
 * and reads the result with the attested criterion; a bad date keeps the form with the field named; an
 * auditor reads without forms and is refused a POST; the session prints without its forms. Screenshots in
 * Vietnamese and English.
 */
@MicronautTest(transactional = false)
class CouncilsPagesBrowserTest extends BrowserTest {
    @Override
    protected String database() {
        return "laurel_web_councils";
    }

    @Test
    void aBoardRecordsASessionAndABallot() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            page.navigate(base() + "/year?year=2025");
            page.click("main a[href='/councils?year=2025']");
            assertThat(page.locator("h1")).containsText("Hội đồng thi đua – khen thưởng năm 2025");
            assertThat(page.locator("#councils")).containsText("Hội đồng Thi đua – Khen thưởng Sở Khoa học và Công nghệ (minh hoạ)");
            assertThat(page.locator("#councils")).containsText("Phiên họp");
            shot(page, "year-councils-list-vi");

            page.click("#councils a[href^='/councils/HDTDKT-SKHCN-DEMO']");
            assertThat(page.locator("#members tbody tr")).hasCount(9);
            assertThat(page.locator("#members")).containsText("Giám đốc Sở, Chủ tịch Hội đồng");
            shot(page, "year-councils-council-vi");

            // A date outside the year reviewed and the next: the form again, the field named, the input kept.
            page.fill("#s-year", "2025");
            page.fill("#heldOn", "2024-12-01");
            page.locator("fieldset.attendance tbody tr").nth(7).locator("input[value=WRITTEN]").check();
            page.locator("fieldset.attendance tbody tr").nth(8).locator("input[value=ABSENT]").check();
            Response bad = page.waitForNavigation(() -> page.click("form.session-form button[type=submit]"));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText("2025");
            assertThat(page.locator("#heldOn")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#heldOn")).hasValue("2024-12-01");
            assertThat(page.locator("fieldset.attendance tbody tr").nth(7).locator("input[value=WRITTEN]")).isChecked();

            // Nobody present: no session, the attendance named.
            page.fill("#heldOn", "2026-01-13");
            for (int i = 0; i < 9; i++) page.locator("fieldset.attendance tbody tr").nth(i).locator("input[value=ABSENT]").check();
            Response nobody = page.waitForNavigation(() -> page.click("form.session-form button[type=submit]"));
            assertThat(nobody.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText("có mặt");
            for (int i = 0; i < 7; i++) page.locator("fieldset.attendance tbody tr").nth(i).locator("input[value=PRESENT]").check();
            page.locator("fieldset.attendance tbody tr").nth(7).locator("input[value=WRITTEN]").check();
            page.click("form.session-form button[type=submit]");
            page.waitForURL(u -> u.matches(".*/councils/sessions/\\d+$"));
            String session = page.url().replaceAll(".*/councils/sessions/", "");
            assertThat(page.locator("#attendance-summary")).containsText("9");
            assertThat(page.locator("#attendance")).containsText("Vắng, bỏ phiếu bằng văn bản");
            assertThat(page.locator("#agenda tr[data-subject='P-0019'][data-award='ADVANCED_LABORER']"))
                    .containsText("Tích cực tham gia phong trào thi đua");
            // The agenda at its real size: by default only what the council can act on, counted per award; every row on asking.
            int shown = page.locator("#agenda tbody tr").count();
            assertThat(page.locator("#agenda-summary")).containsText("trên");
            assertThat(page.locator("#agenda-awards li")).not().hasCount(0);
            assertThat(page.locator("#agenda tr[data-subject='P-0007'][data-award='ADVANCED_LABORER']")).hasCount(0);
            page.navigate(base() + "/councils/sessions/" + session + "?what=all");
            assertThat(page.locator("#agenda tbody tr").count()).isGreaterThan(shown);
            assertThat(page.locator("#agenda tr[data-subject='P-0007'][data-award='ADVANCED_LABORER'] a.vote-link")).hasCount(0);
            assertThat(page.locator("#agenda tr[data-subject='P-0007'][data-award='ADVANCED_LABORER']")).containsText("Phiếu bầu không quyết định được");
            page.navigate(base() + "/councils/sessions/" + session + "?award=ADVANCED_LABORER&what=vote");
            assertThat(page.locator("#agenda tbody tr:not([data-award='ADVANCED_LABORER'])")).hasCount(0);
            assertThat(page.locator("#f-award")).hasValue("ADVANCED_LABORER");
            page.navigate(base() + "/councils/sessions/" + session);
            page.locator("#agenda-heading").scrollIntoViewIfNeeded();
            page.evaluate("() => document.getElementById('agenda-heading').scrollIntoView()");
            shot(page, "year-councils-session-vi");

            page.click("#agenda tr[data-subject='P-0019'][data-award='ADVANCED_LABORER'] a.vote-link");
            assertThat(page.locator("#threshold")).containsText("> 50%");
            assertThat(page.locator("fieldset.votes tbody tr")).hasCount(8);
            // No vote chosen: refused, the votes named, nothing written.
            Response empty = page.waitForNavigation(() -> page.click("form.ballot-form button[type=submit]"));
            assertThat(empty.status()).isEqualTo(422);
            assertThat(page.locator("#form-error")).containsText("ít nhất một phiếu");
            assertThat(page.locator("fieldset.votes")).hasClass(java.util.regex.Pattern.compile(".*invalid.*"));
            // A vote for someone who is no member: refused naming its field, not dropped.
            String ballotUrl = base() + "/councils/sessions/" + session + "/ballot";
            APIResponse stranger = ctx.request().post(ballotUrl, RequestOptions.create().setMaxRedirects(0)
                    .setForm(FormData.create().set("_csrf", page.locator("input[name=_csrf]").first().inputValue())
                            .set("subject", "P-0019").set("award", "ADVANCED_LABORER").set("vote-42", "FOR")));
            assertThat(stranger.status()).isEqualTo(422);
            assertThat(stranger.text()).contains("vote-42");
            for (int i = 0; i < 8; i++) page.locator("fieldset.votes tbody tr").nth(i).locator("input[value=" + (i < 5 ? "FOR" : "AGAINST") + "]").check();
            shot(page, "year-councils-ballot-vi");
            page.click("form.ballot-form button[type=submit]");
            page.waitForURL(u -> u.endsWith("/councils/sessions/" + session + "#results"));
            var row = page.locator("#results-table tr[data-subject='P-0019']");
            assertThat(row).containsText("Đạt");
            assertThat(row).containsText("5/9");
            assertThat(row).containsText("Tích cực tham gia phong trào thi đua");
            assertThat(page.locator("#agenda tr[data-subject='P-0019'][data-award='ADVANCED_LABORER'] a.result")).hasText("Đạt");
            // Its ballot page now shows the result and no form; an unknown candidate or award has no page.
            page.navigate(base() + "/councils/sessions/" + session + "/ballot?subject=P-0019&award=ADVANCED_LABORER");
            assertThat(page.locator("#recorded")).containsText("5/9");
            assertThat(page.locator("form.ballot-form")).hasCount(0);
            assertThat(page.navigate(base() + "/councils/sessions/" + session + "/ballot?subject=P-9999&award=ADVANCED_LABORER").status()).isEqualTo(404);
            assertThat(page.navigate(base() + "/councils/sessions/" + session + "/ballot?subject=P-0019&award=NOPE").status()).isEqualTo(404);
            page.navigate(base() + "/councils/sessions/" + session + "#results");

            // The same session in English.
            page.navigate(base() + "/councils/sessions/" + session + "?lang=en");
            assertThat(page.locator("#results-table")).containsText("Passed");
            assertThat(page.locator("#attendance")).containsText("Absent, votes in writing");
            page.evaluate("() => document.getElementById('results').scrollIntoView()");
            shot(page, "year-councils-session-en");
            page.navigate(base() + "/councils?year=2025");
            assertThat(page.locator("h1")).containsText("Emulation and commendation councils, year 2025");
            shot(page, "year-councils-list-en");
            page.navigate(base() + "/councils/HDTDKT-SKHCN-DEMO?year=2025");
            shot(page, "year-councils-council-en");
            page.navigate(base() + "/councils/sessions/" + session + "/ballot?subject=P-0020&award=ADVANCED_LABORER");
            assertThat(page.locator("#threshold")).containsText("votes in favour needed: 5");
            shot(page, "year-councils-ballot-en");
            page.navigate(base() + "/councils/sessions/" + session + "?lang=vi");

            // Printed, the session keeps its results and loses its forms and vote links.
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#results-table")).isVisible();
            assertThat(page.locator("a.vote-link").first()).isHidden();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        }
    }

    @Test
    void anAuditorReadsWithoutFormsAndIsRefusedAPost() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            page.navigate(base() + "/councils?year=2025");
            assertThat(page.locator("form.council-form")).hasCount(0);
            page.click("#councils a[href^='/councils/sessions/']");
            assertThat(page.locator("#results-table")).containsText("P-0028");
            assertThat(page.locator("#results-table tr[data-subject='P-0028']")).containsText("Không đạt");
            assertThat(page.locator("a.vote-link")).hasCount(0);
            String csrf = page.locator("input[name=_csrf]").count() > 0 ? page.locator("input[name=_csrf]").first().inputValue() : "x";
            APIResponse post = ctx.request().post(base() + "/councils", RequestOptions.create().setMaxRedirects(0)
                    .setForm(FormData.create().set("_csrf", csrf).set("code", "X").set("name", "X").set("unit", "HN-SKHCN-DEMO").set("from", "2025-01-01")));
            assertThat(post.status()).isEqualTo(403);
            page.navigate(base() + "/councils/HDTDKT-SKHCN-DEMO");
            assertThat(page.locator("form.session-form")).hasCount(0);
        }
    }

    @Test
    void aFormWithoutItsTokenWritesNothing() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "board");
            APIResponse post = ctx.request().post(base() + "/councils", RequestOptions.create().setMaxRedirects(0)
                    .setForm(FormData.create().set("code", "NO-TOKEN").set("name", "X").set("unit", "HN-SKHCN-DEMO").set("from", "2025-01-01")));
            assertThat(post.status()).isEqualTo(403);
            page.navigate(base() + "/councils/NO-TOKEN");
            assertThat(page.locator("h1")).not().containsText("X");
        }
    }
}
