package vn.laurel.api.pages;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.decisions.EligibilityService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The What-if page in a real browser: a copy of P-0001's facts (Nguyễn Thị Hoa) edited and evaluated,
 * the answer set beside the stored one; nothing written unless the user saves, and then one decision.
 */
@MicronautTest
class WhatIfPagesBrowserTest extends BrowserTest {
    private static final String HOA = "/what-if?subject=P-0001&year=2025";

    @Inject
    DataSource dataSource;

    @Inject
    EligibilityService eligibility;

    @Override
    protected String database() {
        return "laurel_web_whatif";
    }

    @Test
    void a_client_lowers_her_2025_rating_and_sees_advanced_laborer_flip_while_her_stored_facts_stay() {
        long decisionsBefore = decisions();
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.click("header nav >> text=Giả định");
            page.waitForURL(base() + "/what-if");
            assertThat(page.locator("h1")).hasText("Giả định");
            assertThat(page.locator("#chooser-year")).hasValue(String.valueOf(LocalDate.now().getYear() - 1));
            shot(page, "whatif-chooser-vi");
            page.fill("#chooser-subject", "P-0001");
            page.fill("#chooser-year", "2025");
            page.click(".whatif-chooser button[type=submit]");
            page.waitForURL(base() + HOA);

            // The copy: her stored facts, per year, as fields people read
            assertThat(page.locator("#whatif h2")).containsText("Nguyễn Thị Hoa");
            assertThat(page.locator("#rating-2025")).hasValue("EXCELLENT");
            assertThat(page.locator("#rating-2025 option:checked")).hasText("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(page.locator("#rating-2017")).hasValue("GOOD");
            assertThat(page.locator("#year-2016")).isVisible();
            assertThat(page.locator("#title-2024-ADVANCED_LABORER")).isChecked();
            assertThat(page.locator("label[for=title-2024-GRASSROOTS_EMULATION_SOLDIER]")).hasText("Chiến sĩ thi đua cơ sở");
            assertThat(page.locator("#title-2025-ADVANCED_LABORER")).not().isChecked();
            assertThat(page.locator("#att-2025-EMULATION_PARTICIPATION")).hasValue("true");
            assertThat(page.locator("label[for=att-2025-EMULATION_PARTICIPATION]")).hasText("Tích cực tham gia phong trào thi đua");
            assertThat(page.locator("#asOf")).hasValue("15/01/2026");
            assertThat(page.locator("#hiredOn")).hasValue("01/09/2012");
            assertThat(page.locator("#asOf")).hasAttribute("placeholder", "ngày/tháng/năm");
            assertThat(page.locator("#education")).hasValue("POSTGRADUATE");
            assertThat(page.locator("#com-1-code")).hasValue("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT");
            assertThat(page.locator("#ini-1-level")).hasValue("MINISTERIAL_PROVINCIAL");
            assertThat(page.locator("#ini-1-title")).hasValue(Pattern.compile("^Nghiên cứu giải pháp nâng cao hiệu quả.*"));
            assertThat(page.locator("#result")).hasAttribute("aria-live", "polite");
            shot(page, "whatif-form-vi");

            // Unchanged, the copy answers as the stored facts do: the form round-trips to the same case
            page.click("#evaluate");
            assertThat(page.locator("#result h3")).hasText("Kết quả giả định năm 2025");
            assertThat(page.locator("#result .summary")).containsText("Không danh hiệu, hình thức nào đổi kết quả.");
            assertThat(page.locator("#result tr.changed")).hasCount(0);
            assertThat(page).hasURL(base() + HOA); // htmx swapped the result in place

            // Her 2025 rating lowered to "completed": Advanced Laborer flips, the rating criterion says why
            page.selectOption("#rating-2025", "COMPLETED");
            page.click("#evaluate");
            Locator laborer = page.locator("#change-ADVANCED_LABORER");
            assertThat(laborer).hasClass(Pattern.compile("\\bflipped\\b"));
            assertThat(laborer.locator(".badge.before")).hasText("Đủ điều kiện");
            assertThat(laborer.locator(".badge.after")).hasText("Chưa đủ điều kiện");
            assertThat(laborer.locator("summary")).containsText("Lao động tiên tiến");
            assertThat(laborer.locator("summary .flag")).hasText("Đổi kết quả");
            Locator changed = laborer.locator("tr.changed");
            assertThat(changed).hasCount(1);
            assertThat(changed.locator("th .criterion")).hasText("RATING_GOOD_OR_BETTER");
            assertThat(changed.locator("td.st .v").nth(0)).hasText("Đạt");
            assertThat(changed.locator("td.st .v").nth(1)).hasText("Không đạt");
            assertThat(changed).containsText("hoàn thành nhiệm vụ"); // the rating in words, not its code
            assertThat(changed).not().containsText(java.util.regex.Pattern.compile("\\bCOMPLETED\\b"));
            assertThat(page.locator("#result .summary")).containsText("Số danh hiệu, hình thức đổi kết quả:");
            assertThat(page.locator("#result .saved")).hasCount(0);
            assertThat(page.locator("#result details.case-document pre")).containsText("\"rating\" : \"COMPLETED\"");
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-result-vi");
            page.setViewportSize(375, 800);
            shot(page, "whatif-result-vi-375");
            page.setViewportSize(1280, 900);

            // Nothing saved, the stored facts untouched: the person page and the service still say eligible
            assertThat(decisions()).isEqualTo(decisionsBefore);
            page.navigate(base() + "/people/P-0001?year=2025");
            assertThat(page.locator("#award-ADVANCED_LABORER .badge")).hasText("Đủ điều kiện");
            assertThat(storedOutcome("ADVANCED_LABORER")).isEqualTo("ELIGIBLE");

            // The same in English; an attestation withdrawn instead makes it need review
            page.navigate(base() + HOA + "&lang=en");
            assertThat(page.locator("h1")).hasText("What if");
            assertThat(page.locator("#rating-2025 option:checked")).hasText("Completed tasks excellently");
            assertThat(page.locator("#asOf")).hasValue("2026-01-15");
            shot(page, "whatif-form-en");
            page.selectOption("#rating-2025", "COMPLETED");
            page.click("#evaluate");
            laborer = page.locator("#change-ADVANCED_LABORER");
            assertThat(laborer.locator(".badge.before")).hasText("Eligible");
            assertThat(laborer.locator(".badge.after")).hasText("Not eligible");
            assertThat(laborer.locator("summary")).containsText("Advanced Laborer");
            assertThat(laborer.locator("tr.changed th .criterion")).hasText("RATING_GOOD_OR_BETTER");
            assertThat(page.locator("#result h3")).hasText("What-if answer for 2025");
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-result-en");

            page.selectOption("#rating-2025", "EXCELLENT");
            page.selectOption("#att-2025-EMULATION_PARTICIPATION", "");
            page.click("#evaluate");
            laborer = page.locator("#change-ADVANCED_LABORER");
            assertThat(laborer.locator(".badge.after")).hasText("Needs review");
            assertThat(laborer.locator("tr.changed th .criterion")).hasText("EMULATION_PARTICIPATION");
        }
        assertThat(decisions()).isEqualTo(decisionsBefore);
    }

    @Test
    void saving_the_what_if_keeps_one_decision_on_the_submitted_case_and_only_when_asked() throws SQLException {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(base() + HOA);
            page.selectOption("#rating-2025", "COMPLETED");
            long before = decisions();
            page.click("#evaluate");
            assertThat(page.locator("#change-ADVANCED_LABORER .badge.after")).hasText("Chưa đủ điều kiện");
            assertThat(decisions()).isEqualTo(before);

            page.click("#save");
            page.waitForURL(base() + "/what-if/save");
            assertThat(page.locator("#result .saved")).containsText("Đã lưu thành quyết định số");
            assertThat(decisions()).isEqualTo(before + 1);
            long id = lastDecision();
            assertThat(page.locator("#result .saved")).containsText("số " + id + ".");
            assertThat(page.locator("#result .saved")).containsText("/api/v1/decisions/" + id);
            assertThat(page.locator("#change-ADVANCED_LABORER .badge.after")).hasText("Chưa đủ điều kiện");
            // the form keeps the edit after a full-page post
            assertThat(page.locator("#rating-2025")).hasValue("COMPLETED");
            try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT subject_id, basis, requested_by, evaluation_year FROM decision WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("subject_id")).isEqualTo("P-0001");
                    assertThat(rs.getString("basis")).isEqualTo("SUBMITTED_CASE");
                    assertThat(rs.getString("requested_by")).isEqualTo("admin");
                    assertThat(rs.getInt("evaluation_year")).isEqualTo(2025);
                }
            }
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-saved-vi");
            // the stored facts did not change
            assertThat(storedOutcome("ADVANCED_LABORER")).isEqualTo("ELIGIBLE");

            page.navigate(base() + HOA + "&lang=en");
            page.selectOption("#rating-2025", "GOOD");
            page.click("#save");
            assertThat(page.locator("#result .saved")).containsText("Saved as decision no. " + (id + 1));
            assertThat(decisions()).isEqualTo(before + 2);
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-saved-en");

            // an organisation-wide role is told that a code does not exist
            Response unknown = page.navigate(base() + "/what-if?subject=P-9999&year=2025&lang=vi");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(page.locator("#chooser-subject-error")).hasText("Mã cá nhân: không có người nào mang mã „P-9999“");
            assertThat(page.locator("#chooser-subject")).hasAttribute("aria-invalid", "true");
            shot(page, "whatif-chooser-error-vi");
            Response unit = page.navigate(base() + "/what-if?subject=HN-SKHCN-DEMO-TDC&year=2025");
            assertThat(unit.status()).isEqualTo(422);
            assertThat(page.locator("#chooser-subject-error")).containsText("là một đơn vị");
            page.navigate(base() + "/what-if?subject=P-9999&lang=en");
            assertThat(page.locator("#chooser-subject-error")).hasText("Person's code: no person has the code \"P-9999\"");
            shot(page, "whatif-chooser-en");
        }
    }

    @Test
    void a_policy_officer_who_may_not_read_a_stored_person_is_refused_her_copy() {
        // The API gives POLICY no stored facts and no eligibility of a stored person: neither does the page.
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "policy");
            assertThat(page.locator("header nav")).not().containsText("Giả định");
            Response r = page.navigate(base() + HOA);
            assertThat(r.status()).isEqualTo(403);
            assertThat(page.locator("main")).not().containsText("Nguyễn Thị Hoa");
        }
    }

    @Test
    void an_auditor_is_refused_and_a_signed_out_visitor_is_sent_to_sign_in() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            page.navigate(base() + HOA);
            page.waitForURL(base() + "/login");

            signIn(page, "auditor");
            assertThat(page.locator("header nav")).not().containsText("Giả định");
            Response r = page.navigate(base() + HOA);
            assertThat(r.status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("Vai trò của bạn không được xem trang này.");
            String csrf = page.locator("header form.signout input[name=_csrf]").inputValue();
            long before = decisions();
            APIResponse post = ctx.request().post(base() + "/what-if/save", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("subject", "P-0001").set("year", "2025").set("asOf", "2026-01-15"))
                    .setMaxRedirects(0));
            assertThat(post.status()).isEqualTo(403);
            assertThat(decisions()).isEqualTo(before);
        }
    }

    @Test
    void a_post_without_its_csrf_token_is_refused_and_saves_nothing() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + HOA);
            long before = decisions();
            for (String action : List.of("/what-if/save", "/what-if/evaluate", "/what-if/form")) {
                APIResponse none = ctx.request().post(base() + action, RequestOptions.create()
                        .setForm(form(page).set("_csrf", "")).setMaxRedirects(0));
                assertThat(none.status()).as(action).isEqualTo(403);
                assertThat(none.text()).contains("CSRF");
                APIResponse forged = ctx.request().post(base() + action, RequestOptions.create()
                        .setForm(form(page).set("_csrf", "forged")).setMaxRedirects(0));
                assertThat(forged.status()).as(action).isEqualTo(403);
            }
            assertThat(decisions()).isEqualTo(before);
            // with its token, the same form is saved
            APIResponse ok = ctx.request().post(base() + "/what-if/save", RequestOptions.create().setForm(form(page)).setMaxRedirects(0));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(decisions()).isEqualTo(before + 1);

            // a token gone stale under the page: the refusal is shown in place, not swallowed by htmx
            page.evaluate("() => { document.querySelector('#whatif-form input[name=_csrf]').value = 'stale'; }");
            page.click("#evaluate");
            assertThat(page.locator("main")).containsText("Biểu mẫu đã hết hạn hoặc thiếu mã bảo vệ (CSRF)");
            assertThat(decisions()).isEqualTo(before + 1);
        }
    }

    @Test
    void a_malformed_form_comes_back_422_in_vietnamese_naming_the_field_and_nothing_is_evaluated_or_saved() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            page.navigate(base() + HOA);
            long before = decisions();

            // a rating that is not in the list, through the page itself (htmx swaps the marked form in)
            page.evaluate("() => { const s = document.getElementById('rating-2025'); s.add(new Option('SUPER', 'SUPER', true, true)); }");
            page.click("#evaluate");
            assertThat(page.locator("#whatif-errors")).containsText("Năm 2025 · Mức độ hoàn thành nhiệm vụ: „SUPER“ không có trong danh sách");
            assertThat(page.locator("#rating-2025")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#rating-2025-error")).isVisible();
            assertThat(page.locator("#whatif-errors")).isFocused();
            assertThat(page.locator("#result h3")).hasCount(0);
            shot(page, "whatif-error-vi");
            page.click("#whatif-errors a");
            assertThat(page.locator("#rating-2025")).isFocused();
            shot(page, "whatif-error-field-vi");

            // the same kinds of mistakes posted directly: 422, the field named, nothing evaluated or saved
            for (String[] bad : List.of(
                    new String[]{"rating-2025", "SUPER", "Năm 2025 · Mức độ hoàn thành nhiệm vụ"},
                    new String[]{"year", "3000", "Năm xét: phải là một năm từ 1945 đến 2100"},
                    new String[]{"absence-2024", "999", "Năm 2024 · Số ngày nghỉ không tính là làm việc: phải là một số nguyên từ 0 đến 366"},
                    new String[]{"ini-0-title", "x".repeat(600), "Sáng kiến, đề tài khoa học 1 · Tên sáng kiến, đề tài: quá dài (tối đa 500 ký tự)"},
                    new String[]{"comRows", "500", "Hình thức khen thưởng đã nhận: quá nhiều dòng (tối đa 50)"},
                    new String[]{"years", "1800", "Các năm: phải là một năm từ 1945 đến 2100"},
                    new String[]{"att-2025-EMULATION_PARTICIPATION", "maybe", "Năm 2025 · Tích cực tham gia phong trào thi đua"},
                    new String[]{"title-2024", "ADVANCED_LABOURER", "Năm 2024 · Danh hiệu thi đua đã được tặng: „ADVANCED_LABOURER“"},
                    new String[]{"asOf", "2026-02-30", "Ngày xét: phải là một ngày hợp lệ"},
                    new String[]{"ini-0-title", "Số hoá\u0000", "Sáng kiến, đề tài khoa học 1 · Tên sáng kiến, đề tài: chứa ký tự điều khiển"})) {
                for (String action : List.of("/what-if/evaluate", "/what-if/save")) {
                    APIResponse r = ctx.request().post(base() + action, RequestOptions.create().setForm(form(page).set(bad[0], bad[1])).setMaxRedirects(0));
                    assertThat(r.status()).as(bad[0] + " " + action).isEqualTo(422);
                    assertThat(r.text()).as(bad[0]).contains(bad[2]).doesNotContain("Kết quả giả định năm");
                }
            }
            // a body larger than a what-if form ever is: 413, no stack trace
            APIResponse huge = ctx.request().post(base() + "/what-if/evaluate", RequestOptions.create()
                    .setForm(form(page).set("ini-0-title", "x".repeat(300_000))).setMaxRedirects(0));
            assertThat(huge.status()).isEqualTo(413);
            assertThat(huge.text()).contains("Biểu mẫu quá lớn").doesNotContain("Exception");
            assertThat(decisions()).isEqualTo(before);

            // the chooser: a code a client cannot see (unknown, or outside her scope), a bad year
            Response unknown = page.navigate(base() + "/what-if?subject=P-9999&year=2025");
            assertThat(unknown.status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("nằm ngoài phạm vi tổ chức của bạn");
            Response badYear = page.navigate(base() + "/what-if?subject=P-0001&year=20x5");
            assertThat(badYear.status()).isEqualTo(400);
            assertThat(page.locator("#chooser-year-error")).containsText("Năm xét: phải là một năm từ 1945 đến");
            Response tooLong = page.navigate(base() + "/what-if?subject=" + "P".repeat(300));
            assertThat(tooLong.status()).isEqualTo(400);
            Response nul = page.navigate(base() + "/what-if?subject=P-0001%00&year=2025");
            assertThat(nul.status()).isEqualTo(400); // refused before the page, as every page address with a control character
            assertThat(page.locator("main")).containsText("ký tự không hợp lệ");
            page.navigate(base() + HOA);
            APIResponse nulPosted = ctx.request().post(base() + "/what-if/evaluate", RequestOptions.create()
                    .setForm(form(page).set("subject", "P-0001\u0000")).setMaxRedirects(0));
            assertThat(nulPosted.status()).isEqualTo(422);

            page.navigate(base() + HOA + "&lang=en");
            page.evaluate("() => { const s = document.getElementById('rating-2025'); s.add(new Option('SUPER', 'SUPER', true, true)); }");
            page.click("#evaluate");
            assertThat(page.locator("#whatif-errors")).containsText("Year 2025 · Task-completion rating: \"SUPER\" is not in the list");
            shot(page, "whatif-error-en");
        }
    }

    @Test
    void a_year_and_a_row_are_added_and_the_new_facts_count() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(base() + HOA);
            assertThat(page.locator("#year-2015")).hasCount(0);
            page.click("button[value=year]");
            page.waitForURL(base() + "/what-if/form");
            assertThat(page.locator("#year-2015")).isVisible();
            assertThat(page.locator("#rating-2015")).hasValue("");

            // a reprimand decided in 2025: Advanced Laborer is lost for 2025
            page.click("button[value=discipline]");
            page.selectOption("#dis-0-form", "REPRIMAND");
            page.fill("#dis-0-decidedOn", "10/03/2025");
            page.fill("#dis-0-until", "2026-03-10");
            page.click("#evaluate");
            Locator laborer = page.locator("#change-ADVANCED_LABORER");
            assertThat(laborer.locator(".badge.after")).hasText("Chưa đủ điều kiện");
            assertThat(laborer.locator("tr.changed th .criterion")).hasText("NO_DISCIPLINE_IN_YEAR");
            page.locator("#disciplines").scrollIntoViewIfNeeded();
            shot(page, "whatif-rows-vi");
        }
    }

    /** The page's form as the browser would post it (the fields of its inputs and selects), CSRF token included. */
    private static FormData form(Page page) {
        FormData data = FormData.create();
        @SuppressWarnings("unchecked")
        List<List<String>> pairs = (List<List<String>>) page.evaluate("() => Array.from(new FormData(document.getElementById('whatif-form')).entries())");
        for (List<String> p : pairs) data.append(p.get(0), p.get(1));
        return data;
    }

    private String storedOutcome(String award) {
        String answer = eligibility.evaluate("P-0001", 2025, LocalDate.of(2026, 1, 15), List.of(award)).json("en");
        java.util.regex.Matcher m = Pattern.compile("\"award\":\"" + award + "\".*?\"outcome\":\"(\\w+)\"").matcher(answer);
        return m.find() ? m.group(1) : answer;
    }

    private long decisions() {
        return count("SELECT count(*) FROM decision");
    }

    private long lastDecision() {
        return count("SELECT max(id) FROM decision");
    }

    private long count(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
