package vn.laurel.api.workbench.drafts;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.pages.BrowserTest;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStatus;
import vn.laurel.api.rules.drafts.DraftView;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change from draft to service in a browser: policy opens a draft, changes a file (through
 * DraftService.save, as the editor will), sees the check on the draft's page and proposes it with a
 * note; the author cannot approve it (no button, and a forged POST is refused with the reason);
 * reviewer reads the diff and approves; policy publishes; the history shows the new version and the
 * change log; a rollback restores the previous version. Refusals (no note, no CSRF token, an auditor,
 * an unknown draft) change nothing.
 */
@MicronautTest(transactional = false)
class WorkbenchDraftsBrowserTest extends BrowserTest {
    static final String SCENARIO = "scenarios/advanced-laborer/excellent-rating-is-eligible.yaml";
    static final String OLD_NAME = "name: \"A rating of excellent is above the good-or-better bar and qualifies\"";
    static final String NEW_NAME = "name: \"An excellent rating clears the good-or-better bar and qualifies\"";

    @Inject
    DraftService drafts;

    @Inject
    RuleSetHolder holder;

    @Override
    protected String database() {
        return "laurel_wb_drafts";
    }

    /** The draft's file with one text replaced, saved as {@code by} (the check runs: seconds). */
    DraftView replace(long id, String path, String from, String to, String by) {
        String text = new String(drafts.file(id, path), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return drafts.save(id, path, text.replace(from, to).getBytes(StandardCharsets.UTF_8), by);
    }

    static String token(Page page) {
        return page.locator("main input[name=_csrf]").first().inputValue();
    }

    static APIResponse post(BrowserContext ctx, String url, FormData form) {
        return ctx.request().post(url, RequestOptions.create().setForm(form).setMaxRedirects(0));
    }

    long idOf(Page page) {
        String path = page.url().substring(base().length()).replaceAll("[?#].*", "");
        return Long.parseLong(path.substring("/workbench/drafts/".length()));
    }

    @Test
    void a_change_goes_from_draft_to_service_with_a_second_officer_and_rolls_back() {
        Long before = holder.active().revisionId();
        String versionBefore = holder.current().version();
        try (BrowserContext policyCtx = context(); BrowserContext reviewerCtx = context()) {
            Page policy = policyCtx.newPage();
            signIn(policy, "policy");
            policy.navigate(base() + "/workbench/drafts?lang=en");
            policy.fill("#title", "Clearer scenario name");
            policy.click("form.wb-form button[type=submit]");
            policy.waitForURL(u -> u.matches(".*/workbench/drafts/[0-9]+$"));
            long id = idOf(policy);
            assertThat(policy.locator("#status").innerText()).isEqualTo("Open");
            assertThat(policy.locator("#base").innerText()).contains("Revision " + before, "still in service");

            replace(id, SCENARIO, OLD_NAME, NEW_NAME, "policy");
            policy.reload();
            assertThat(policy.locator("#check-result").innerText()).contains("Passes");
            assertThat(policy.locator("#changed-files").innerText()).contains("changed", SCENARIO);
            assertThat(policy.locator("#changed-files a").first().getAttribute("href"))
                    .isEqualTo("/workbench/drafts/" + id + "/files/scenarios/advanced-laborer/excellent-rating-is-eligible.yaml");
            assertThat(policy.locator("#review-link").getAttribute("href")).isEqualTo("/workbench/drafts/" + id + "/diff");
            assertThat(policy.locator("#preview-link").getAttribute("href")).isEqualTo("/workbench/drafts/" + id + "/preview");

            // A proposal without its note: 400, the note named, nothing changed.
            APIResponse noNote = post(policyCtx, base() + "/workbench/drafts/" + id + "/propose",
                    FormData.create().set("_csrf", token(policy)).set("note", "  "));
            assertThat(noNote.status()).isEqualTo(400);
            assertThat(noNote.text()).contains("“Why this change” is required", "aria-invalid=\"true\"");
            assertThat(drafts.view(id).status()).isEqualTo(DraftStatus.OPEN);

            policy.fill("#note", "The scenario's name says what it proves");
            policy.click("#propose-form button[type=submit]");
            policy.waitForURL(u -> u.endsWith("?done=proposed"));
            assertThat(policy.locator("#status").innerText()).isEqualTo("Proposed, awaiting review");
            assertThat(policy.locator("#note-text").innerText()).isEqualTo("The scenario's name says what it proves");
            // The author: no approve button, a sentence why, and a forged approval refused with the reason.
            assertThat(policy.locator("#approve").count()).isZero();
            assertThat(policy.locator("#why").innerText()).contains("Waiting for review by another officer");
            APIResponse own = post(policyCtx, base() + "/workbench/drafts/" + id + "/approve",
                    FormData.create().set("_csrf", token(policy)).set("contentHash", drafts.view(id).contentHash()));
            assertThat(own.status()).isEqualTo(403);
            assertThat(own.text()).contains("You wrote or changed this draft, so you cannot approve or reject it");
            assertThat(drafts.view(id).approvals()).isEmpty();

            // The reviewer reads the diff, then approves.
            Page reviewer = reviewerCtx.newPage();
            signIn(reviewer, "reviewer");
            reviewer.navigate(base() + "/workbench/drafts/" + id + "?lang=en");
            assertThat(reviewer.locator("#approve").count()).isOne();
            reviewer.click("#review-link");
            reviewer.waitForURL(u -> u.contains("/diff"));
            assertThat(reviewer.locator("#against").innerText()).contains("revision " + before);
            var changed = reviewer.locator("section.diff-file[data-path='" + SCENARIO + "'] tr.changed").first();
            assertThat(changed.locator("td.old").innerText()).isEqualTo("−" + OLD_NAME);
            assertThat(changed.locator("td.new").innerText()).isEqualTo("+" + NEW_NAME);
            assertThat(changed.locator("td.no").first().innerText()).isEqualTo("2");
            assertThat(reviewer.locator("tr.gap").last().innerText()).contains("the rest of the file is unchanged");
            shot(reviewer, "workbench-diff-en");
            reviewer.navigate(base() + "/workbench/drafts/" + id + "/diff?lang=vi");
            assertThat(reviewer.locator("section.diff-file tr.changed td.new").first().innerText()).isEqualTo("+" + NEW_NAME);
            shot(reviewer, "workbench-diff-vi");
            // Stacked at 375 px: no sideways scroll.
            reviewer.setViewportSize(375, 800);
            assertThat((Boolean) reviewer.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
            reviewer.setViewportSize(1280, 900);

            reviewer.navigate(base() + "/workbench/drafts/" + id + "?lang=en");
            shot(reviewer, "workbench-draft-review-en");
            reviewer.fill("#approve-note", "Read the diff: only the name changes");
            reviewer.click("#approve");
            reviewer.waitForURL(u -> u.endsWith("?done=approved"));
            assertThat(reviewer.locator("#status").innerText()).isEqualTo("Approved, awaiting publication");
            assertThat(reviewer.locator("#reviews").innerText()).contains("Approved", "reviewer", "Read the diff: only the name changes");

            // Policy publishes.
            policy.navigate(base() + "/workbench/drafts/" + id);
            policy.click("#publish");
            policy.waitForURL(u -> u.endsWith("?done=published"));
            DraftView published = drafts.view(id);
            assertThat(published.status()).isEqualTo(DraftStatus.PUBLISHED);
            assertThat(holder.active().revisionId()).isEqualTo(published.publishedRevision());
            assertThat(policy.locator("#status").innerText()).isEqualTo("Published");
            assertThat(policy.locator("#history-link").getAttribute("href")).isEqualTo("/workbench/history");
            assertThat(policy.locator("#publish").count()).isZero();

            // The history: the new version in service, the change log's lines, the chain verified.
            policy.click("#history-link");
            policy.waitForURL(u -> u.endsWith("/workbench/history"));
            String newest = policy.locator("#activations tbody tr").first().innerText();
            assertThat(newest).contains("Published", String.valueOf(published.publishedRevision()), "policy");
            String log = policy.locator("#changes").innerText();
            assertThat(log).contains("Draft opened", "File saved", "Proposed", "Approved", "Published", "reviewer",
                    "The scenario's name says what it proves");
            assertThat(policy.locator("#verification").innerText()).startsWith("✓ The log’s hash chain is intact");
            shot(policy, "workbench-history-en");

            // Rolling back without confirming: 400, nothing changed; confirmed: the previous version again.
            APIResponse unconfirmed = post(policyCtx, base() + "/workbench/history/rollback",
                    FormData.create().set("_csrf", token(policy)).set("revision", String.valueOf(before)));
            assertThat(unconfirmed.status()).isEqualTo(400);
            assertThat(unconfirmed.text()).contains("Tick “I confirm”");
            assertThat(holder.active().revisionId()).isEqualTo(published.publishedRevision());
            policy.check("#confirm-" + before);
            policy.click("#rollback-" + before);
            policy.waitForURL(u -> u.endsWith("?rolledBack=" + before));
            assertThat(holder.active().revisionId()).isEqualTo(before);
            assertThat(holder.current().version()).isEqualTo(versionBefore);
            assertThat(policy.locator("#done").innerText()).contains("Rolled back to revision " + before);
            assertThat(policy.locator("#activations tbody tr").first().innerText()).contains("Rolled back", "policy");
            assertThat(policy.locator("#changes tbody tr").first().innerText()).contains("Rolled back");
            policy.navigate(base() + "/workbench/history?lang=vi");
            assertThat(policy.locator("#verification").innerText()).startsWith("✓ Chuỗi băm của nhật ký nguyên vẹn");
            shot(policy, "workbench-history-vi");
        }
    }

    @Test
    void a_draft_whose_check_fails_says_why_links_each_failure_and_cannot_be_proposed() {
        DraftView d = drafts.create("Wrong expectation", null, "policy");
        replace(d.id(), SCENARIO, "ADVANCED_LABORER: ELIGIBLE", "ADVANCED_LABORER: NOT_ELIGIBLE", "policy");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "policy");
            page.navigate(base() + "/workbench/drafts/" + d.id() + "?lang=en");
            assertThat(page.locator("#check-result").innerText()).contains("Fails", "0 rule problem(s), 1 failing scenario(s)");
            assertThat(page.locator("#failures a").first().getAttribute("href"))
                    .isEqualTo("/workbench/drafts/" + d.id() + "/scenarios/edit?file=scenarios%2Fadvanced-laborer%2Fexcellent-rating-is-eligible.yaml");
            assertThat(page.locator("#failures").innerText()).contains(SCENARIO, "Advanced Laborer", "expected \"Not eligible\"",
                    "but the result is \"Eligible\"");
            assertThat(page.locator("#propose-form").count()).isZero();
            assertThat(page.locator("#propose-why").innerText()).isEqualTo("Cannot be proposed: 0 rule problem(s), 1 failing scenario(s). "
                    + "Correct the files named above and propose it again.");
            shot(page, "workbench-draft-en");
            // A forged proposal is refused by the service, and the page says so in its language.
            APIResponse forged = post(ctx, base() + "/workbench/drafts/" + d.id() + "/propose",
                    FormData.create().set("_csrf", token(page)).set("note", "anyway"));
            assertThat(forged.status()).isEqualTo(422);
            assertThat(forged.text()).contains("Cannot be proposed: its check does not pass.");
            assertThat(drafts.view(d.id()).status()).isEqualTo(DraftStatus.OPEN);
            page.navigate(base() + "/workbench/drafts/" + d.id() + "?lang=vi");
            assertThat(page.locator("#propose-why").innerText()).startsWith("Chưa thể trình duyệt: 0 lỗi quy tắc, 1 kịch bản sai.");
            // The failure in Vietnamese, not the engine's English (trial report §6).
            assertThat(page.locator("#failures").innerText()).contains("Lao động tiên tiến", "mong đợi «Chưa đủ điều kiện»",
                    "nhưng kết quả là «Đủ điều kiện»").doesNotContain("expected");
            shot(page, "workbench-draft-vi");

            page.navigate(base() + "/workbench/drafts?lang=vi");
            assertThat(page.locator("#drafts tr[data-id='" + d.id() + "']").innerText()).contains("Wrong expectation", "Đang soạn", "✗ chưa đạt");
            shot(page, "workbench-drafts-vi");
            page.navigate(base() + "/workbench/drafts?status=OPEN&lang=en");
            assertThat(page.locator("#drafts tr[data-id='" + d.id() + "']").innerText()).contains("Open", "✗ fails");
            shot(page, "workbench-drafts-en");
            page.navigate(base() + "/workbench/drafts?lang=vi");
        }
    }

    @Test
    void a_broken_rule_file_is_shown_at_its_line_with_a_link_to_the_editor() {
        DraftView d = drafts.create("Broken file", null, "policy");
        String path = "rules/parameters/advanced-laborer.yaml";
        String text = new String(drafts.file(d.id(), path), StandardCharsets.UTF_8);
        drafts.save(d.id(), path, (text + "\n  - [unclosed\n").getBytes(StandardCharsets.UTF_8), "policy");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "policy");
            page.navigate(base() + "/workbench/drafts/" + d.id() + "?lang=en");
            assertThat(page.locator("#check-result").innerText()).contains("Fails");
            String href = page.locator("#problems a").first().getAttribute("href");
            assertThat(href).startsWith("/workbench/drafts/" + d.id() + "/files/rules/");
            assertThat(page.locator("#propose-why").innerText()).startsWith("Cannot be proposed:");
        }
    }

    @Test
    void an_auditor_reads_without_forms_and_a_post_without_its_token_or_by_an_auditor_is_refused() {
        DraftView d = drafts.create("Read only", null, "policy");
        try (BrowserContext auditorCtx = context(); BrowserContext policyCtx = context()) {
            Page auditor = auditorCtx.newPage();
            signIn(auditor, "auditor");
            for (String url : new String[]{"/workbench/drafts", "/workbench/drafts/" + d.id(), "/workbench/drafts/" + d.id() + "/diff",
                    "/workbench/history"}) {
                assertThat(auditor.navigate(base() + url).status()).as(url).isEqualTo(200);
                assertThat(auditor.locator("main form[method=post]").count()).as(url).isZero();
            }
            auditor.navigate(base() + "/workbench/drafts/" + d.id() + "?lang=en");
            assertThat(auditor.locator("#why").innerText()).isEqualTo("Your role may read drafts, not change them.");
            auditor.navigate(base() + "/");
            String auditorToken = auditor.locator("input[name=_csrf]").first().inputValue();
            APIResponse byAuditor = post(auditorCtx, base() + "/workbench/drafts/" + d.id() + "/propose",
                    FormData.create().set("_csrf", auditorToken).set("note", "x"));
            assertThat(byAuditor.status()).isEqualTo(403);
            assertThat(post(auditorCtx, base() + "/workbench/history/rollback",
                    FormData.create().set("_csrf", auditorToken).set("revision", "1").set("confirm", "yes")).status()).isEqualTo(403);

            Page policy = policyCtx.newPage();
            signIn(policy, "policy");
            APIResponse noToken = post(policyCtx, base() + "/workbench/drafts/" + d.id() + "/discard", FormData.create());
            assertThat(noToken.status()).isEqualTo(403);
            assertThat(post(policyCtx, base() + "/workbench/drafts", FormData.create().set("title", "no token")).status()).isEqualTo(403);
            assertThat(drafts.view(d.id()).status()).isEqualTo(DraftStatus.OPEN);

            for (String url : new String[]{"/workbench/drafts/999999", "/workbench/drafts/abc", "/workbench/drafts/999999/diff"}) {
                assertThat(policy.navigate(base() + url + "?lang=en").status()).as(url).isEqualTo(404);
                assertThat(policy.locator("main .alert").innerText()).isEqualTo("There is no such draft.");
            }
            assertThat(policy.navigate(base() + "/workbench/drafts/" + d.id() + "/diff?against=elsewhere").status()).isEqualTo(400);
            // A bad base revision in the form: 400 naming it, the title kept, no draft opened.
            policy.navigate(base() + "/workbench/drafts?lang=en");
            int count = drafts.list(null, null, 1000).size();
            policy.fill("#title", "Kept title");
            policy.fill("#from", "twelve");
            policy.click("form.wb-form button[type=submit]");
            assertThat(policy.locator("#form-error").innerText()).contains("The base revision is a positive whole number");
            assertThat(policy.locator("#from").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(policy.inputValue("#title")).isEqualTo("Kept title");
            policy.fill("#from", "999999");
            policy.click("form.wb-form button[type=submit]");
            assertThat(policy.locator("#form-error").innerText()).isEqualTo("There is no revision 999999.");
            assertThat(drafts.list(null, null, 1000)).hasSize(count);
            // The author discards through the form.
            policy.navigate(base() + "/workbench/drafts/" + d.id());
            policy.click("#discard");
            policy.waitForURL(u -> u.endsWith("?done=discarded"));
            assertThat(drafts.view(d.id()).status()).isEqualTo(DraftStatus.DISCARDED);
            assertThat(policy.locator("main form[method=post]").count()).isZero();
        }
    }

    /** As EveryPageBrowserTest checks every page an admin reaches (these are reached once the catalogue's /workbench exists). */
    @Test
    void every_page_is_labelled_fits_375_px_and_reports_no_error_in_both_languages() {
        DraftView d = drafts.create("Sound pages", null, "policy");
        replace(d.id(), SCENARIO, OLD_NAME, NEW_NAME, "policy");
        for (String lang : java.util.List.of("vi", "en")) {
            try (BrowserContext ctx = context()) {
                Page page = ctx.newPage();
                java.util.List<String> errors = new java.util.ArrayList<>(), wide = new java.util.ArrayList<>();
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error")) errors.add(page.url() + ": " + m.text());
                });
                page.onPageError(e -> errors.add(page.url() + ": " + e));
                signIn(page, "admin");
                page.navigate(base() + "/?lang=" + lang);
                for (String url : new String[]{"/workbench/drafts", "/workbench/drafts/" + d.id(), "/workbench/drafts/" + d.id() + "/diff",
                        "/workbench/drafts/" + d.id() + "/diff?against=active", "/workbench/history"}) {
                    page.setViewportSize(1280, 900);
                    assertThat(page.navigate(base() + url).status()).as(url).isEqualTo(200);
                    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang);
                    Object unlabelled = page.evaluate("() => [...document.querySelectorAll('input, select, textarea')]"
                            + ".filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')"
                            + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))"
                            + ".map(e => e.name || e.id)");
                    assertThat((java.util.List<?>) unlabelled).as(url + " controls without a label").isEmpty();
                    page.setViewportSize(375, 800);
                    // The page's own part (main): the site header's width is the layout's (see the report), a table scrolls in its box.
                    Object over = page.evaluate("() => [...document.querySelectorAll('main, main *')]"
                            + ".filter(e => !(e.parentElement && e.parentElement.closest('.scroll')) && e.getBoundingClientRect().right > 376)"
                            + ".slice(0, 12).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
                    if (over instanceof java.util.List<?> l && !l.isEmpty()) wide.add(url + " " + lang + ": " + l);
                }
                assertThat(errors).as("errors reported by the browser").isEmpty();
                assertThat(wide).as("pages wider than 375 px").isEmpty();
            }
        }
    }
}
