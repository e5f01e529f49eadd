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
 * the answer set beside the stored one; nothing written unless the user saves, and then one decision. The
 * same for a demo household (HGD-0001: its contributions) and a demo enterprise (DN-0001: its founding day,
 * collective titles and campaign results), each with its own fields.
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
            assertThat(page.locator("#chooser-subject-error")).hasText("Mã đối tượng: không có cá nhân, doanh nghiệp hay hộ gia đình nào mang mã „P-9999“");
            assertThat(page.locator("#chooser-subject")).hasAttribute("aria-invalid", "true");
            shot(page, "whatif-chooser-error-vi");
            Response unit = page.navigate(base() + "/what-if?subject=HN-SKHCN-DEMO-TDC&year=2025");
            assertThat(unit.status()).isEqualTo(422);
            assertThat(page.locator("#chooser-subject-error")).containsText("là một đơn vị");
            page.navigate(base() + "/what-if?subject=P-9999&lang=en");
            assertThat(page.locator("#chooser-subject-error")).hasText("Code: no person, enterprise or household has the code \"P-9999\"");
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

    @Test
    void a_household_gets_its_own_form_and_a_land_contribution_makes_it_eligible_for_the_certificate_of_merit() {
        long decisionsBefore = decisions();
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            // From its page: the what-if link is there for a household
            page.navigate(base() + "/people/HGD-0001?year=2024");
            assertThat(page.locator("a.whatif")).hasAttribute("href", "/what-if?subject=HGD-0001&year=2024");
            page.click("a.whatif");
            page.waitForURL(base() + "/what-if?subject=HGD-0001&year=2024");

            // Its form: the household's fields, not a person's
            assertThat(page.locator("#whatif h2")).containsText("Hộ ông Nguyễn Văn Bình (minh hoạ)");
            assertThat(page.locator("#whatif h2 .subject-kind")).hasText("· Hộ gia đình");
            assertThat(page.locator("#hiredOn")).hasCount(0);
            assertThat(page.locator("#education")).hasCount(0);
            assertThat(page.locator("#rating-2024")).hasCount(0);
            assertThat(page.locator("#absence-2024")).hasCount(0);
            assertThat(page.locator("#title-2024")).hasCount(0);
            assertThat(page.locator("#initiatives")).hasCount(0);
            assertThat(page.locator("#disciplines")).hasCount(0);
            assertThat(page.locator("#campaignResults")).hasCount(0);
            assertThat(page.locator("#contributions h3")).hasText("Đóng góp công sức, đất đai, tài sản");
            assertThat(page.locator("#con-0-kind")).hasValue("LAND");
            assertThat(page.locator("#con-0-kind option:checked")).hasText("Đất đai");
            assertThat(page.locator("#con-0-year")).hasValue("2025");
            assertThat(page.locator("#con-0-valueVnd")).hasValue("350000000");
            assertThat(page.locator("#con-0-description")).hasValue("Hiến 120 m2 đất mở rộng ngõ (minh hoạ)");
            assertThat(page.locator("#att-2024-OUTSTANDING_IN_MOVEMENT")).hasValue("");
            assertThat(page.locator("#commendations h3")).isVisible(); // commendations and attestations, as every subject

            // 2024 had no contribution: the certificate of merit is not for it; a land contribution in 2024 makes it eligible
            page.click("button[value=contribution]");
            page.waitForURL(base() + "/what-if/form");
            page.fill("#con-1-year", "2024");
            page.selectOption("#con-1-kind", "LAND");
            page.fill("#con-1-valueVnd", "120000000");
            page.fill("#con-1-description", "Hiến 40 m2 đất làm đường");
            page.click("button[value=commendation]"); // a household's list of commendations: its own
            assertThat(page.locator("#com-0-code option")).hasText(new String[]{"(bỏ dòng này)", "Giấy khen", "Bằng khen của Thủ tướng Chính phủ"});
            page.click("#evaluate");
            Locator merit = page.locator("#change-UNIT_CERTIFICATE_OF_MERIT");
            assertThat(merit).hasClass(Pattern.compile("\\bflipped\\b"));
            assertThat(merit.locator(".badge.before")).hasText("Chưa đủ điều kiện");
            assertThat(merit.locator(".badge.after")).hasText("Đủ điều kiện");
            assertThat(merit.locator("tr.changed th .criterion")).hasText("HOUSEHOLD_CONTRIBUTION_OR_MOVEMENT");
            // the Prime Minister's certificate: not modelled for households, and the page says why
            Locator pm = page.locator("#change-PRIME_MINISTER_CERTIFICATE_OF_MERIT");
            assertThat(pm.locator(".badge.after")).hasText("Chưa có quy tắc");
            assertThat(pm.locator("ul.notes")).isVisible(); // open: no criteria, the note says why
            assertThat(pm.locator("ul.notes")).containsText("không nêu tiêu chuẩn cho hộ gia đình");
            assertThat(page.locator("#result details.case-document pre")).containsText("\"kind\" : \"HOUSEHOLD\"");
            assertThat(page.locator("#result details.case-document pre")).containsText("\"valueVnd\" : 120000000");
            assertThat(page.locator("#result details.case-document pre")).not().containsText("hiredOn");
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-household-vi");

            // A mistake in a contribution: the field named in Vietnamese, 422, nothing evaluated
            page.fill("#con-1-valueVnd", "-5");
            page.click("#evaluate");
            assertThat(page.locator("#whatif-errors")).containsText(
                    "Đóng góp công sức, đất đai, tài sản 2 · Giá trị (đồng): phải là một số nguyên từ 0 đến");
            assertThat(page.locator("#con-1-valueVnd")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#result h3")).hasCount(0);
            for (String[] bad : List.of(
                    new String[]{"con-0-kind", "GOLD", "Đóng góp công sức, đất đai, tài sản 1 · Hình thức đóng góp: „GOLD“ không có trong danh sách"},
                    new String[]{"con-0-year", "", "Đóng góp công sức, đất đai, tài sản 1 · Năm: cần điền"},
                    new String[]{"conRows", "x", "Đóng góp công sức, đất đai, tài sản: phải là một số nguyên từ 0 đến 50"},
                    new String[]{"con-0-description", "Hiến\u0000", "Đóng góp công sức, đất đai, tài sản 1 · Nội dung đóng góp: chứa ký tự điều khiển"})) {
                APIResponse r = ctx.request().post(base() + "/what-if/evaluate", RequestOptions.create()
                        .setForm(form(page).set("con-1-valueVnd", "1").set(bad[0], bad[1])).setMaxRedirects(0));
                assertThat(r.status()).as(bad[0]).isEqualTo(422);
                assertThat(r.text()).as(bad[0]).contains(bad[2]).doesNotContain("Kết quả giả định năm");
            }

            // In English
            page.navigate(base() + "/what-if?subject=HGD-0001&year=2024&lang=en");
            assertThat(page.locator("#whatif h2 .subject-kind")).hasText("· Household");
            assertThat(page.locator("#contributions h3")).hasText("Contributions of work, land or assets");
            assertThat(page.locator("label[for=con-0-valueVnd]")).hasText("Value (VND)");
            page.click("button[value=contribution]");
            page.fill("#con-1-year", "2024");
            page.selectOption("#con-1-kind", "WORK");
            page.fill("#con-1-description", "30 days of work on the lane");
            page.click("#evaluate");
            merit = page.locator("#change-UNIT_CERTIFICATE_OF_MERIT");
            assertThat(merit.locator(".badge.before")).hasText("Not eligible");
            assertThat(merit.locator(".badge.after")).hasText("Eligible");
            assertThat(page.locator("#change-PRIME_MINISTER_CERTIFICATE_OF_MERIT .badge.after")).hasText("Not modelled");
            assertThat(page.locator("#change-PRIME_MINISTER_CERTIFICATE_OF_MERIT ul.notes")).containsText("household");
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-household-en");
            page.evaluate("() => { const s = document.getElementById('con-1-kind'); s.add(new Option('SHARES', 'SHARES', true, true)); }");
            page.click("#evaluate");
            assertThat(page.locator("#whatif-errors")).containsText(
                    "Contributions of work, land or assets 2 · Kind of contribution: \"SHARES\" is not in the list");
        }
        // Evaluating, and GET, wrote nothing
        assertThat(decisions()).isEqualTo(decisionsBefore);
    }

    @Test
    void an_enterprise_gets_its_own_form_with_its_campaign_results_and_a_lowered_rating_flips_its_collective_title() {
        long decisionsBefore = decisions();
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(base() + "/people/DN-0001?year=2025");
            assertThat(page.locator("a.whatif")).hasAttribute("href", "/what-if?subject=DN-0001&year=2025");
            // chosen by its code on the chooser
            page.navigate(base() + "/what-if");
            page.fill("#chooser-subject", "DN-0001");
            page.fill("#chooser-year", "2025");
            page.click(".whatif-chooser button[type=submit]");
            page.waitForURL(base() + "/what-if?subject=DN-0001&year=2025");

            assertThat(page.locator("#whatif h2")).containsText("Công ty Cổ phần Công nghệ Minh Hoà (minh hoạ)");
            assertThat(page.locator("#whatif h2 .subject-kind")).hasText("· Doanh nghiệp");
            assertThat(page.locator("#hiredOn")).hasCount(0);
            assertThat(page.locator("#manager")).hasCount(0);
            assertThat(page.locator("#absence-2025")).hasCount(0);
            assertThat(page.locator("#contributions")).hasCount(0);
            assertThat(page.locator("#initiatives")).hasCount(0);
            assertThat(page.locator("#establishedOn")).hasValue("15/03/2012");
            assertThat(page.locator("label[for=establishedOn]")).hasText("Ngày thành lập");
            assertThat(page.locator("#rating-2025")).hasValue("EXCELLENT");
            assertThat(page.locator("label[for=title-2025-ADVANCED_LABOR_COLLECTIVE]")).hasText("Tập thể lao động tiên tiến");
            assertThat(page.locator("#title-2025-ADVANCED_LABORER")).hasCount(0);
            assertThat(page.locator("#campaignResults h3")).hasText("Kết quả phong trào thi đua");
            assertThat(page.locator("#cr-0-campaign")).hasValue("INNOVATION_DX_2025_2030");
            assertThat(page.locator("#cr-0-group option:checked")).hasText("Doanh nghiệp, viện nghiên cứu");
            assertThat(page.locator("#cr-0-group option")).hasCount(2); // "(none)" and the one group for enterprises
            assertThat(page.locator("#cr-0-indicator")).hasValue("REVIEW_SCORE");
            assertThat(page.locator("#cr-0-value")).hasValue("92");

            // Its rating lowered and its review score changed: the collective title flips; the campaign award still needs
            // review (its threshold is not published), the score it looked at changed
            page.selectOption("#rating-2025", "NOT_COMPLETED");
            page.fill("#cr-0-value", "40,5");
            page.click("#evaluate");
            Locator collective = page.locator("#change-ADVANCED_LABOR_COLLECTIVE");
            assertThat(collective).hasClass(Pattern.compile("\\bflipped\\b"));
            assertThat(collective.locator(".badge.before")).hasText("Cần xem xét");
            assertThat(collective.locator(".badge.after")).hasText("Chưa đủ điều kiện");
            Locator campaign = page.locator("#change-CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION");
            assertThat(campaign.locator(".badge.after")).hasText("Cần xem xét");
            assertThat(campaign).not().hasClass(Pattern.compile("\\bflipped\\b"));
            assertThat(page.locator("#result details.case-document pre")).containsText("\"value\" : 40.5");
            assertThat(page.locator("#result details.case-document pre")).containsText("\"establishedOn\" : \"2012-03-15\"");
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-enterprise-vi");

            // Mistakes in a campaign result, each named in Vietnamese: 422, nothing evaluated
            page.fill("#cr-0-value", "chín mươi");
            page.click("#evaluate");
            assertThat(page.locator("#whatif-errors")).containsText("Kết quả phong trào thi đua 1 · Giá trị: phải là một số");
            assertThat(page.locator("#cr-0-value")).hasValue("chín mươi");
            assertThat(page.locator("#cr-0-value")).hasAttribute("aria-invalid", "true");
            page.fill("#cr-0-value", "92");
            for (String[] bad : List.of(
                    new String[]{"cr-0-campaign", "OTHER_CAMPAIGN", "Kết quả phong trào thi đua 1 · Phong trào: „OTHER_CAMPAIGN“ không có trong danh sách"},
                    new String[]{"cr-0-group", "INDIVIDUALS", "Kết quả phong trào thi đua 1 · Nhóm đối tượng: „INDIVIDUALS“ không phải nhóm đối tượng"},
                    new String[]{"cr-0-indicator", "PROFIT", "Kết quả phong trào thi đua 1 · Chỉ tiêu: „PROFIT“ không phải chỉ tiêu của nhóm"},
                    new String[]{"cr-0-year", "2024", "Kết quả phong trào thi đua 1 · Năm: phong trào diễn ra từ năm 2025 đến năm 2030"},
                    new String[]{"cr-0-value", "1e400", "Kết quả phong trào thi đua 1 · Giá trị: phải là một số"},
                    new String[]{"establishedOn", "31/02/2012", "Ngày thành lập: phải là một ngày hợp lệ"},
                    new String[]{"title-2025", "ADVANCED_LABORER", "Năm 2025 · Danh hiệu thi đua đã được tặng: „ADVANCED_LABORER“"},
                    new String[]{"crRows", "999", "Kết quả phong trào thi đua: quá nhiều dòng (tối đa 50)"})) {
                for (String action : List.of("/what-if/evaluate", "/what-if/save")) {
                    APIResponse r = ctx.request().post(base() + action, RequestOptions.create().setForm(form(page).set(bad[0], bad[1])).setMaxRedirects(0));
                    assertThat(r.status()).as(bad[0] + " " + action).isEqualTo(422);
                    assertThat(r.text()).as(bad[0]).contains(bad[2]).doesNotContain("Kết quả giả định năm");
                }
            }
            assertThat(decisions()).isEqualTo(decisionsBefore);

            // In English, a campaign result added
            page.navigate(base() + "/what-if?subject=DN-0001&year=2025&lang=en");
            assertThat(page.locator("#whatif h2 .subject-kind")).hasText("· Enterprise");
            assertThat(page.locator("#establishedOn")).hasValue("2012-03-15");
            assertThat(page.locator("#cr-0-group option:checked")).hasText("Businesses and research institutes");
            page.click("button[value=campaignResult]");
            page.waitForURL(base() + "/what-if/form");
            page.selectOption("#cr-1-campaign", "INNOVATION_DX_2025_2030");
            page.fill("#cr-1-year", "2024");
            page.selectOption("#cr-1-group", "BUSINESSES_AND_INSTITUTES");
            page.selectOption("#cr-1-indicator", "REVIEW_SCORE");
            page.fill("#cr-1-value", "88");
            page.click("#evaluate");
            assertThat(page.locator("#whatif-errors")).containsText("Results in emulation campaigns 2 · Year: the campaign runs from 2025 to 2030");
            page.fill("#cr-1-year", "2025");
            page.selectOption("#rating-2025", "NOT_COMPLETED");
            page.click("#evaluate");
            collective = page.locator("#change-ADVANCED_LABOR_COLLECTIVE");
            assertThat(collective.locator(".badge.before")).hasText("Needs review");
            assertThat(collective.locator(".badge.after")).hasText("Not eligible");
            assertThat(page.locator("#change-CAMPAIGN_INNOVATION_DIGITAL_TRANSFORMATION .badge.after")).hasText("Needs review");
            assertThat(page.locator("#result h3")).hasText("What-if answer for 2025");
            page.locator("#result").scrollIntoViewIfNeeded();
            shot(page, "whatif-enterprise-en");

            // Saved on request: one decision on the enterprise's submitted case
            page.click("#save");
            page.waitForURL(base() + "/what-if/save");
            assertThat(page.locator("#result .saved")).containsText("Saved as decision no.");
            assertThat(decisions()).isEqualTo(decisionsBefore + 1);
        }
    }

    @Test
    void a_client_is_refused_an_enterprise_or_household_outside_its_scope_and_a_unit_is_still_not_copied() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "client");
            for (String id : List.of("DN-0001", "HGD-0001")) {
                Response r = page.navigate(base() + "/what-if?subject=" + id + "&year=2025");
                assertThat(r.status()).as(id).isEqualTo(403);
                assertThat(page.locator("main")).containsText("nằm ngoài phạm vi tổ chức của bạn");
            }
            Response unit = page.navigate(base() + "/what-if?subject=HN-SKHCN-DEMO-TDC&year=2025&lang=en");
            assertThat(unit.status()).isEqualTo(422);
            assertThat(page.locator("#chooser-subject-error")).hasText(
                    "Code: \"HN-SKHCN-DEMO-TDC\" is a unit; the What-if page is for persons, enterprises and households");
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
