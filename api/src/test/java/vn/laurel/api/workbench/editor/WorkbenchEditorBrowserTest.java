package vn.laurel.api.workbench.editor;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.pages.BrowserTest;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStatus;
import vn.laurel.api.workbench.WorkbenchSources;
import vn.laurel.engine.catalogue.CriterionDefinition;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule editor in a browser: ACE over the textarea (no CSP refusal in the console), a syntax error
 * saved and shown at its line in the list and in ACE's gutter (and the draft then cannot be proposed),
 * a then-part the allow-list refuses, completion of award codes, the form without JavaScript, the rule
 * metadata as fields, and the refusals (bad path, unknown file, roles, a draft no longer OPEN, too big).
 */
@MicronautTest(transactional = false)
class WorkbenchEditorBrowserTest extends BrowserTest {
    static final String FILE = "rules/awards/advanced-laborer.drl";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    DraftService drafts;

    @Inject
    WorkbenchSources sources;

    @Override
    protected String database() {
        return "laurel_wb_editor";
    }

    /**
     * A draft's file limit below the form decoder's own (1 MB for a form field), so that a file over the
     * limit reaches the page and is answered with the form again (see the report: the two limits).
     */
    @Override
    protected java.util.Map<String, String> settings() {
        return java.util.Map.of("laurel.limits.draft-file-bytes", "200KB");
    }

    @Override
    protected BrowserContext context() {
        BrowserContext ctx = super.context();
        ctx.setDefaultTimeout(120_000); // a save checks the whole draft: on a busy machine, more than Playwright's 30 s
        return ctx;
    }

    long newDraft(String title) {
        return drafts.create(title, null, "policy").id();
    }

    String text(long id) {
        return new String(drafts.file(id, FILE), StandardCharsets.UTF_8);
    }

    String editorUrl(long id, String lang) {
        return base() + "/workbench/drafts/" + id + "/files/" + FILE + "?lang=" + lang;
    }

    /** Opens the editor and waits for ACE; the browser's errors (CSP refusals included) go to the list. */
    Page open(BrowserContext ctx, String user, long id, String lang, List<String> errors) {
        Page page = ctx.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        page.onPageError(e -> errors.add(String.valueOf(e)));
        signIn(page, user);
        page.navigate(editorUrl(id, lang));
        page.waitForSelector("#ace-editor[data-ready=true]");
        return page;
    }

    @Test
    void files_then_editor_with_ace_and_no_csp_refusal() {
        long id = newDraft("Editor: files");
        for (String lang : List.of("vi", "en")) {
            try (BrowserContext ctx = context()) {
                List<String> errors = new ArrayList<>();
                Page page = open(ctx, "policy", id, lang, errors);
                page.navigate(base() + "/workbench/drafts/" + id + "/files?lang=" + lang);
                assertThat(page.locator("tr[data-path='" + FILE + "'] a").getAttribute("href")).endsWith("/files/" + FILE);
                assertThat(page.locator("tr[data-path='rules/parameters/advanced-laborer.yaml']").count()).isEqualTo(1);
                assertThat(page.locator("h2").allInnerTexts()).hasSizeGreaterThanOrEqualTo(3);
                shot(page, "workbench-files-" + lang);
                page.click("tr[data-path='" + FILE + "'] a");
                page.waitForSelector("#ace-editor[data-ready=true]");
                assertThat(page.locator(".ace_editor").count()).isEqualTo(1);
                // ACE styled from the served file (its gutter has a width, its text layer is positioned)...
                assertThat(page.evaluate("() => getComputedStyle(document.querySelector('.ace_scroller')).position")).isEqualTo("absolute");
                // ...and nothing refused by the CSP: no inline <style>, the JSON island not executed.
                assertThat(page.locator("head style").count()).isZero();
                assertThat(page.evaluate("() => window.laurelEditor.getValue()")).isEqualTo(text(id));
                assertThat(page.locator("#rule-list li").count()).isGreaterThan(3);
                assertThat(page.locator("button[type=submit]:has-text('" + ("vi".equals(lang) ? "Lưu" : "Save") + "')").count()).isEqualTo(1);
                shot(page, "workbench-editor-" + lang);
                assertThat(errors).as("browser errors").isEmpty();
            }
        }
    }

    @Test
    void a_syntax_error_is_saved_shown_at_its_line_and_blocks_the_proposal() {
        long id = newDraft("Editor: syntax error");
        String before = text(id);
        List<String> lines = before.lines().toList();
        int endLine = lines.indexOf("end") + 1; // the first rule's "end"
        assertThat(endLine).isGreaterThan(1);
        for (String lang : List.of("vi", "en")) {
            try (BrowserContext ctx = context()) {
                List<String> errors = new ArrayList<>();
                Page page = open(ctx, "policy", id, lang, errors);
                if (lang.equals("vi")) {
                    // Delete the "end" with the keyboard, as a user would.
                    page.evaluate("n => { window.laurelEditor.gotoLine(n, 0); window.laurelEditor.focus(); }", endLine);
                    page.keyboard().press("Shift+End");
                    page.keyboard().press("Backspace");
                    assertThat(page.evaluate("n => window.laurelEditor.session.getLine(n - 1)", endLine)).isEqualTo("");
                    page.click("#editor-form button[type=submit]");
                    page.waitForURL(u -> u.contains("saved=1"));
                } else {
                    page.navigate(editorUrl(id, lang) + "&saved=1"); // the page the save led to, in English
                    page.waitForSelector("#ace-editor[data-ready=true]");
                }
                // Stored although its check fails.
                String saved = text(id);
                assertThat(saved.lines().toList().get(endLine - 1)).isEmpty();
                assertThat(page.locator("#saved").innerText()).contains("vi".equals(lang) ? "chưa thể trình duyệt" : "cannot be proposed");
                var first = page.locator("#problem-list li.p-error").first();
                int line = Integer.parseInt(first.getAttribute("data-line"));
                assertThat(line).isBetween(endLine, endLine + 20);
                assertThat(first.locator("a.goto").innerText()).contains(("vi".equals(lang) ? "dòng " : "line ") + line);
                first.locator("a.goto").click();
                assertThat(page.url()).endsWith("#L" + line);
                page.waitForSelector(".ace_gutter-cell.ace_error");
                List<String> marked = page.locator(".ace_gutter-cell.ace_error").allInnerTexts();
                assertThat(marked).contains(String.valueOf(line));
                shot(page, "workbench-editor-error-" + lang);
                assertThat(errors).as("browser errors").isEmpty();
            }
        }
        assertThat(drafts.view(id).check().passed()).isFalse();
        assertThatThrownBy(() -> drafts.propose(id, "should be refused", "policy")).isInstanceOf(ProblemException.class);
        assertThat(drafts.view(id).status()).isEqualTo(DraftStatus.OPEN);
    }

    @Test
    void a_then_part_calling_system_exit_is_refused_by_the_allow_list() {
        long id = newDraft("Editor: allow-list");
        String before = text(id);
        String record = "    $e.record($h.ratingIn($year).atLeast(Rating.GOOD));";
        assertThat(before).contains(record);
        for (String lang : List.of("vi", "en")) {
            try (BrowserContext ctx = context()) {
                List<String> errors = new ArrayList<>();
                Page page = open(ctx, "policy", id, lang, errors);
                if (lang.equals("vi")) {
                    page.evaluate("t => window.laurelEditor.setValue(t, -1)", before.replace(record, "    System.exit(0);"));
                    page.click("#editor-form button[type=submit]");
                    page.waitForURL(u -> u.contains("saved=1"));
                }
                var refused = page.locator("#problem-list li:has(.refused)");
                assertThat(refused.count()).isGreaterThan(0);
                assertThat(refused.first().innerText()).contains("vi".equals(lang) ? "bị danh sách cho phép từ chối" : "refused by the allow-list");
                assertThat(String.join("\n", page.locator("#problem-list .message").allInnerTexts())).containsAnyOf("System.exit", "$e.record");
                page.locator("#problems-heading").scrollIntoViewIfNeeded();
                page.evaluate("() => document.getElementById('problems-heading').scrollIntoView()");
                shot(page, "workbench-editor-refused-" + lang);
                assertThat(errors).as("browser errors").isEmpty();
            }
        }
        assertThat(text(id)).contains("System.exit(0);");
        assertThatThrownBy(() -> drafts.propose(id, "should be refused", "policy")).isInstanceOf(ProblemException.class);
    }

    @Test
    void completion_offers_award_codes() {
        long id = newDraft("Editor: completion");
        try (BrowserContext ctx = context()) {
            List<String> errors = new ArrayList<>();
            Page page = open(ctx, "policy", id, "vi", errors);
            page.waitForSelector("#ace-editor[data-completions]");
            page.evaluate("() => { const e = window.laurelEditor; e.gotoLine(e.session.getLength(), 0); e.navigateLineEnd(); e.focus(); }");
            page.keyboard().press("Enter");
            page.keyboard().type("ADVANCED_");
            page.keyboard().press("Control+Space");
            page.waitForSelector(".ace_autocomplete");
            assertThat(page.locator(".ace_autocomplete").innerText()).contains("ADVANCED_LABORER");
            assertThat(errors).as("browser errors").isEmpty();
        }
    }

    @Test
    void the_form_saves_without_javascript_and_refuses_bad_requests() throws Exception {
        long id = newDraft("Editor: no JS");
        HttpClient policy = signedIn("policy");
        String page = get(policy, "/workbench/drafts/" + id + "/files/" + FILE).body();
        Matcher m = CSRF.matcher(page.substring(page.indexOf("id=\"editor-form\"")));
        assertThat(m.find()).isTrue();
        String csrf = m.group(1);
        String changed = text(id) + "// edited without JavaScript\n";
        // A browser sends a textarea's lines as CR LF: the file keeps its LF.
        HttpResponse<String> r = post(policy, "/workbench/drafts/" + id + "/files/" + FILE,
                "_csrf=" + enc(csrf) + "&content=" + enc(changed.replace("\n", "\r\n")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("location").orElse("")).endsWith("/files/" + FILE + "?saved=1");
        assertThat(text(id)).isEqualTo(changed);

        // Bad inputs: nothing written.
        assertThat(post(policy, "/workbench/drafts/" + id + "/files/" + FILE, "content=x").statusCode()).isEqualTo(403); // no CSRF
        HttpResponse<String> missing = post(policy, "/workbench/drafts/" + id + "/files/" + FILE, "_csrf=" + enc(csrf));
        assertThat(missing.statusCode()).isEqualTo(422);
        HttpResponse<String> emptied = post(policy, "/workbench/drafts/" + id + "/files/" + FILE, "_csrf=" + enc(csrf) + "&content=%0D%0A");
        assertThat(emptied.statusCode()).isEqualTo(422);
        assertThat(text(id)).isEqualTo(changed);
        String big = "x".repeat(200 * 1024 + 10);
        HttpResponse<String> tooBig = post(policy, "/workbench/drafts/" + id + "/files/" + FILE, "_csrf=" + enc(csrf) + "&content=" + big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("id=\"form-error\"").contains("xxxxxxxxxx");
        assertThat(text(id)).isEqualTo(changed);
        assertThat(get(policy, "/workbench/drafts/" + id + "/files/rules/%2E%2E/awards/advanced-laborer.drl").statusCode()).isEqualTo(400);
        assertThat(get(policy, "/workbench/drafts/" + id + "/files/rules/awards/no-such.drl").statusCode()).isEqualTo(404);
        assertThat(get(policy, "/workbench/drafts/999999/files").statusCode()).isEqualTo(404);
        assertThat(get(policy, "/workbench/drafts/x/files/" + FILE).statusCode()).isEqualTo(404);

        // Roles: a client is refused; an auditor reads but cannot save.
        assertThat(get(signedIn("client"), "/workbench/drafts/" + id + "/files").statusCode()).isEqualTo(403);
        HttpClient auditor = signedIn("auditor");
        HttpResponse<String> read = get(auditor, "/workbench/drafts/" + id + "/files/" + FILE);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("id=\"read-only\"").doesNotContain("type=\"submit\">Lưu").contains("readonly");
        Matcher am = CSRF.matcher(read.body());
        assertThat(am.find()).isTrue();
        assertThat(post(auditor, "/workbench/drafts/" + id + "/files/" + FILE, "_csrf=" + enc(am.group(1)) + "&content=x").statusCode()).isEqualTo(403);
        assertThat(text(id)).isEqualTo(changed);

        // A draft no longer OPEN: read-only, and a save is refused with the text kept.
        long proposed = newDraft("Editor: proposed");
        drafts.propose(proposed, "for the test", "policy");
        String ro = get(policy, "/workbench/drafts/" + proposed + "/files/" + FILE).body();
        assertThat(ro).contains("id=\"read-only\"");
        HttpResponse<String> refused = post(policy, "/workbench/drafts/" + proposed + "/files/" + FILE, "_csrf=" + enc(csrf) + "&content=kept");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains(">\nkept</textarea>");
        assertThat(drafts.view(proposed).status()).isEqualTo(DraftStatus.PROPOSED);

        // The completions, as JSON.
        String json = get(policy, "/workbench/drafts/" + id + "/completions").body();
        assertThat(json).contains("\"ADVANCED_LABORER\"").contains("\"ratingIn\"").contains("\"EMULATION_PARTICIPATION\"").contains("advanced_laborer.");
    }

    @Test
    void rule_metadata_through_fields() throws Exception {
        long id = newDraft("Editor: rule fields");
        String before = text(id);
        String rule = DrlRuleHeadersTest.FIRST;
        String vi = "Mức “hoàn thành” nhiệm vụ năm {year}: {actual}; yêu cầu: {required}";
        for (String lang : List.of("vi", "en")) {
            try (BrowserContext ctx = context()) {
                List<String> errors = new ArrayList<>();
                Page page = ctx.newPage();
                page.onConsoleMessage(m -> {
                    // The 422 answer below is a page the browser reports as a failed load: expected, not an error of the page.
                    if (m.type().equals("error") && !m.text().contains("status of 422")) errors.add(m.text());
                });
                signIn(page, "policy");
                page.navigate(editorUrl(id, lang));
                page.click("#rule-list a:has-text('" + rule + "')");
                assertThat(page.locator("#f-award").inputValue()).isEqualTo("ADVANCED_LABORER");
                assertThat(page.locator("#f-confidence").inputValue()).isEqualTo(lang.equals("vi") ? "VERIFIED" : "RECALLED"); // saved in the vi round
                assertThat(page.locator("#f-confidence_LAW_2026_PROVISIONAL").inputValue()).isEqualTo("UNCONFIRMED");
                assertThat(page.locator("#regime-LAW_2013").isChecked()).isTrue();
                shot(page, "workbench-rule-fields-" + lang);
                if (lang.equals("vi")) {
                    // Nothing chosen as regime: refused, field named, nothing written.
                    page.uncheck("#regime-LAW_2013");
                    page.uncheck("#regime-LAW_2022");
                    page.uncheck("#regime-LAW_2026_PROVISIONAL");
                    Response r = page.waitForNavigation(() -> page.click("form.rule-form button[type=submit]"));
                    assertThat(r.status()).isEqualTo(422);
                    assertThat(page.locator("#form-error").innerText()).contains("@regimes");
                    assertThat(text(id)).isEqualTo(before);
                    page.check("#regime-LAW_2013");
                    page.check("#regime-LAW_2022");
                    page.check("#regime-LAW_2026_PROVISIONAL");
                    // A straight double quote: refused (the engine would show its escape), nothing written.
                    page.fill("#f-vi", "Mức \"hoàn thành\"");
                    Response q = page.waitForNavigation(() -> page.click("form.rule-form button[type=submit]"));
                    assertThat(q.status()).isEqualTo(422);
                    assertThat(page.locator("#form-error").innerText()).contains("@vi");
                    assertThat(page.locator("#f-vi").inputValue()).isEqualTo("Mức \"hoàn thành\"");
                    assertThat(text(id)).isEqualTo(before);
                    page.fill("#f-vi", vi);
                    page.selectOption("#f-confidence", "RECALLED");
                    page.click("form.rule-form button[type=submit]");
                    page.waitForURL(u -> u.contains("saved=1"));
                    assertThat(page.locator("#f-vi").inputValue()).isEqualTo(vi);
                }
                assertThat(errors).isEmpty();
            }
        }
        String after = text(id);
        DrlRuleHeaders.Rule changed = DrlRuleHeaders.rule(after, rule).orElseThrow();
        assertThat(changed.entry("vi").orElseThrow().value()).isEqualTo(vi);
        assertThat(changed.entry("confidence").orElseThrow().value()).isEqualTo("RECALLED");
        List<String> a = before.lines().toList(), b = after.lines().toList();
        assertThat(b).hasSameSizeAs(a);
        int differ = 0;
        for (int i = 0; i < a.size(); i++) if (!a.get(i).equals(b.get(i))) differ++;
        assertThat(differ).isEqualTo(2);
        // Drools reads the escaped literal back as written: the check passes, the criterion says the new sentence.
        assertThat(drafts.view(id).check().passed()).isTrue();
        CriterionDefinition c = sources.draft(id).compiled().compiled("LAW_2022").criteria().stream()
                .filter(d -> d.rule().equals(rule)).findFirst().orElseThrow();
        assertThat(c.template().vi()).isEqualTo(vi);
        assertThat(c.confidence()).isEqualTo("RECALLED");
    }

    // ------------------------------------------------------------------ a browser without JavaScript

    HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher m = CSRF.matcher(get(browser, "/login").body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> r = post(browser, "/login", "_csrf=" + enc(m.group(1)) + "&username=" + user + "&password=" + user);
        assertThat(r.statusCode()).as("sign-in of " + user).isEqualTo(303);
        return browser;
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
