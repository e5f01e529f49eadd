package vn.laurel.api.workbench.parameters;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.laurel.api.pages.BrowserTest;
import vn.laurel.api.rules.drafts.DraftService;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy officer changes a threshold through the form: the new value lands in the draft's file (its
 * comments kept), the parameter page shows it and the draft's check, which now fails the advanced-laborer
 * scenarios of a six-month new hire. Bad input answers 400 naming the field, and writes nothing; an
 * auditor reads without a form, a client is refused.
 */
@MicronautTest(transactional = false)
class WorkbenchParametersBrowserTest extends BrowserTest {
    static final String PARAM = "advanced_laborer.min_service_months";
    static final String FILE = "rules/parameters/advanced-laborer.yaml";

    @Inject
    DraftService drafts;

    long draft;

    @Override
    protected String database() {
        return "laurel_web_wbparams";
    }

    @BeforeAll
    void openDraft() {
        draft = drafts.create("Thử đổi ngưỡng LĐTT", null, "policy").id();
    }

    String page(String rest) {
        return base() + "/workbench/drafts/" + draft + "/parameters" + rest;
    }

    byte[] file() {
        return drafts.file(draft, FILE);
    }

    /** Fills the form and sends it; the answer to the POST. */
    Response send(Page page, String from, String value, String reference, String confidence, String org, String sector) {
        if (from.equals("2026-13-01")) page.evaluate("document.getElementById('from').type = 'text'"); // a date field takes no such date
        page.fill("#from", from);
        page.fill("#value", value);
        page.fill("#reference", reference);
        page.selectOption("#confidence", confidence);
        page.fill("#organisation", org);
        page.fill("#sector", sector);
        return page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.click("#new-value button[type=submit]"));
    }

    @Test
    void a_policy_officer_adds_a_dated_value_and_sees_the_check_fail_by_scenario() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "policy");
            // The list: the value in force today is the 2024 one (6 months).
            Response list = page.navigate(page("?lang=vi"));
            assertThat(list.status()).isEqualTo(200);
            String row = page.locator("tr[data-name='" + PARAM + "'] td.today").innerText();
            assertThat(row).contains("6", "2024-01-01");
            assertThat(page.locator("tr[data-name='" + PARAM + "'] th").innerText()).contains("Số tháng công tác tối thiểu");
            shot(page, "workbench-parameters-vi");
            page.navigate(page("?q=absence"));
            assertThat(page.locator("tbody tr").allInnerTexts()).singleElement().asString().contains("excluding_absence_days");

            page.navigate(page("/" + PARAM));
            assertThat(page.locator("#values tbody tr").count()).isEqualTo(3);
            assertThat(page.locator("#values tr.in-force").getAttribute("data-from")).isEqualTo("2024-01-01");
            assertThat(page.locator("#value-hint").innerText()).contains("số nguyên");
            assertThat(page.locator("#edit-file").getAttribute("href")).isEqualTo("/workbench/drafts/" + draft + "/files/" + FILE);
            shot(page, "workbench-parameter-vi");

            byte[] before = file();
            String ref = "Thông tư 99/2026/TT-BNV (giả định): Điều 3 \"khoản 1\"";
            record Bad(String from, String value, String reference, String org, String sector, String field, String id) {}
            for (Bad b : List.of(new Bad("2026-01-01", "7", "", "", "", "Căn cứ pháp lý", "reference"),
                    new Bad("2026-01-01", "abc", ref, "", "", "Giá trị", "value"),
                    new Bad("2026-13-01", "7", ref, "", "", "Áp dụng từ ngày", "from"),
                    new Bad("2026-01-01", "7", ref, "HN-SGDDT", "EDUCATION", "Ngành", "sector"),
                    // Months are never negative; an organisation and a sector must be known codes (trial report §4).
                    new Bad("2026-01-01", "-5", ref, "", "", "Giá trị: không được là số âm", "value"),
                    new Bad("2026-01-01", "7", ref, "NO-SUCH-ORG", "", "Mã cơ quan: không có đơn vị", "organisation"),
                    new Bad("2026-01-01", "7", ref, "", "NOPE_SECTOR", "Ngành: hệ thống không biết ngành", "sector"))) {
                Response r = send(page, b.from(), b.value(), b.reference(), "UNCONFIRMED", b.org(), b.sector());
                assertThat(r.status()).as(b.toString()).isEqualTo(400);
                assertThat(page.locator("#field-errors").innerText()).as(b.toString()).contains(b.field());
                assertThat(page.locator("#" + b.id()).getAttribute("aria-invalid")).isEqualTo("true");
                // The input is kept, nothing is written.
                assertThat(page.inputValue("#value")).isEqualTo(b.value());
                assertThat(page.inputValue("#from")).isEqualTo(b.from());
                assertThat(file()).as(b.toString()).isEqualTo(before);
                if (b.id().equals("value")) {
                    page.locator("#new-heading").scrollIntoViewIfNeeded();
                    page.evaluate("document.getElementById('new-heading').scrollIntoView()");
                    shot(page, "workbench-parameter-error-vi");
                }
            }

            // A share (0.50, 0.70, unit "fraction") lies between 0 and 1.
            String share = "advanced_labor_collective.min_advanced_laborer_share";
            String shareFile = "rules/parameters/advanced-labor-collective.yaml";
            byte[] shareBefore = drafts.file(draft, shareFile);
            page.navigate(page("/" + share));
            for (String v : List.of("-0.5", "1.5")) {
                Response r = send(page, "2026-01-01", v, ref, "UNCONFIRMED", "", "");
                assertThat(r.status()).as(v).isEqualTo(400);
                assertThat(page.locator("#field-errors").innerText()).as(v).contains("Giá trị: là một tỷ lệ");
                assertThat(page.inputValue("#value")).isEqualTo(v);
                assertThat(drafts.file(draft, shareFile)).as(v).isEqualTo(shareBefore);
            }
            assertThat(file()).isEqualTo(before);
            page.navigate(page("/" + PARAM));

            Response saved = send(page, "2026-01-01", "7", ref, "UNCONFIRMED", "", "");
            assertThat(saved.status()).isEqualTo(303);
            page.waitForURL(u -> u.endsWith("?saved=1"));
            assertThat(page.locator("#saved").isVisible()).isTrue();
            assertThat(page.locator("#values tbody tr").count()).isEqualTo(4);
            assertThat(page.locator("#values tr[data-from='2026-01-01'] td.value").innerText()).isEqualTo("7");
            assertThat(page.locator("#values tr[data-from='2026-01-01']").innerText()).contains("Chưa xác nhận", ref);
            // The check fails, naming the scenarios of a new hire with exactly six months.
            assertThat(page.locator("#check-failed").isVisible()).isTrue();
            List<String> failing = page.locator("#failures li a").allInnerTexts();
            assertThat(failing).contains("scenarios/advanced-laborer/hired-exactly-six-months-before-year-end-is-eligible.yaml",
                    "scenarios/advanced-laborer/provisional-2026-hired-exactly-six-months-before-year-end-is-eligible.yaml");
            // Said in Vietnamese, with the award's name and the outcome words (trial report §6).
            assertThat(page.locator("#failures li").first().innerText())
                    .contains("Lao động tiên tiến", "mong đợi «Đủ điều kiện»", "kết quả là «Chưa đủ điều kiện»").doesNotContain("expected");
            assertThat(page.locator("#failures li a").first().getAttribute("href"))
                    .startsWith("/workbench/drafts/" + draft + "/scenarios/edit?file=scenarios%2F");
            // The file keeps its comments, with the value after the 2024 one.
            String text = new String(file(), StandardCharsets.UTF_8);
            String was = new String(before, StandardCharsets.UTF_8);
            assertThat(text).contains("      # Whether Circular 15/2025/TT-BNV (from 2025-08-05) keeps 6 months is UNCONFIRMED.\n",
                    "    - from: 2026-01-01\n      value: 7\n      reference: \"Thông tư 99/2026/TT-BNV (giả định): Điều 3 \\\"khoản 1\\\"\"\n"
                            + "      confidence: UNCONFIRMED\n");
            assertThat(text.length()).isGreaterThan(was.length());
            page.evaluate("document.getElementById('check').scrollIntoView()");
            shot(page, "workbench-parameter-saved-vi");

            // The same date again, same scope: refused, not duplicated.
            byte[] after = file();
            Response again = send(page, "2026-01-01", "8", ref, "VERIFIED", "", "");
            assertThat(again.status()).isEqualTo(422);
            assertThat(page.locator("#field-errors").innerText()).contains("đã có một giá trị từ ngày đó");
            assertThat(file()).isEqualTo(after);

            // English.
            page.navigate(page("?lang=en"));
            assertThat(page.locator("h1").innerText()).contains("Parameters");
            shot(page, "workbench-parameters-en");
            page.navigate(page("/" + PARAM));
            assertThat(page.locator("#check-heading").innerText()).isEqualTo("The draft's check");
            shot(page, "workbench-parameter-en");
            Response bad = send(page, "2026-02-01", "abc", "", "VERIFIED", "", "");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(page.locator("#field-errors").innerText()).contains("Value:", "Legal reference:");
            page.evaluate("document.getElementById('new-heading').scrollIntoView()");
            shot(page, "workbench-parameter-error-en");
            assertThat(file()).isEqualTo(after);
        }
    }

    @Test
    void an_auditor_reads_without_a_form_and_a_client_is_refused() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            assertThat(page.navigate(page("")).status()).isEqualTo(200);
            assertThat(page.navigate(page("/" + PARAM)).status()).isEqualTo(200);
            assertThat(page.locator("#new-value").count()).isZero();
            assertThat(page.locator("#edit-file").count()).isZero();
            assertThat(page.locator("#read-only").isVisible()).isTrue();
            String csrf = page.locator("input[name=_csrf]").first().getAttribute("value");
            APIResponse post = page.request().post(page("/" + PARAM), RequestOptions.create().setForm(FormData.create()
                    .set("_csrf", csrf).set("from", "2027-01-01").set("value", "9").set("reference", "x").set("confidence", "VERIFIED"))
                    .setMaxRedirects(0));
            assertThat(post.status()).isEqualTo(403);
            // No sideways scroll on a 375 px screen (the tables become cards).
            page.setViewportSize(375, 800);
            for (String url : List.of(page(""), page("/" + PARAM))) {
                page.navigate(url);
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as(url).isLessThanOrEqualTo(375);
            }
            assertThat(page.navigate(page("/no.such.parameter")).status()).isEqualTo(404);
            assertThat(page.navigate(base() + "/workbench/drafts/999999/parameters").status()).isEqualTo(404);
        }
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            assertThat(page.navigate(page("")).status()).isEqualTo(403);
            assertThat(page.navigate(page("/" + PARAM)).status()).isEqualTo(403);
        }
    }

    @Test
    void a_proposed_draft_is_read_only() {
        long proposed = drafts.create("Bản nháp đã trình", null, "policy").id();
        drafts.propose(proposed, "không đổi gì", "policy");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "policy");
            page.navigate(base() + "/workbench/drafts/" + proposed + "/parameters/" + PARAM);
            assertThat(page.locator("#new-value").count()).isZero();
            assertThat(page.locator("#not-open").innerText()).contains("đã trình duyệt");
        }
    }
}
