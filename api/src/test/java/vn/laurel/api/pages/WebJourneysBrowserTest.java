package vn.laurel.api.pages;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web workbench in a real browser (Debian's chromium driven by Playwright), against PostgreSQL
 * with the demo department, the server on a real port. Each page is saved to docs/screenshots/ in
 * both languages (docs/ui.md lists them).
 */
@MicronautTest
class WebJourneysBrowserTest extends BrowserTest {
    @Override
    protected String database() {
        return "laurel_web";
    }

    @Test
    void a_client_signs_in_finds_her_by_an_unaccented_name_and_reads_her_2025_eligibility_in_both_languages() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            page.navigate(base() + "/");
            page.waitForURL(base() + "/login");
            assertThat(page.locator("h1")).hasText("Đăng nhập");
            assertThat(page.locator("html")).hasAttribute("lang", "vi");
            shot(page, "login-vi");

            page.fill("#username", "client");
            page.fill("#password", "client");
            page.click("main button[type=submit]");
            page.waitForURL(base() + "/");
            assertThat(page.locator("main")).containsText("Xin chào, client (CLIENT)");
            shot(page, "home-vi");

            page.click("header nav >> text=Tra cứu");
            page.waitForURL(base() + "/search");
            page.fill("#q", "nguyen thi hoa");
            page.press("#q", "Enter");
            assertThat(page.locator("a.person", new Page.LocatorOptions().setHasText("Nguyễn Thị Hoa"))).isVisible();
            shot(page, "search-vi");

            page.click("a.person >> text=Nguyễn Thị Hoa");
            page.waitForURL(base() + "/people/P-0001?year=2025");
            assertThat(page.locator("h1")).containsText("Nguyễn Thị Hoa");
            assertThat(page.locator("h2").first()).hasText("Điều kiện khen thưởng năm 2025");
            assertThat(page.locator("table.criteria").first()).isVisible();
            assertThat(page.locator("table.criteria thead").first()).containsText("Căn cứ pháp lý");
            assertThat(page.locator("table.criteria thead").first()).containsText("Thực tế");
            assertThat(page.locator("table.criteria tbody").first()).containsText("Luật 06/2022/QH15");
            assertThat(page.locator("section.award").first()).containsText("Lao động tiên tiến");
            shot(page, "person-vi");
            page.setViewportSize(375, 800);
            shot(page, "person-vi-375");
            page.setViewportSize(1280, 900);

            page.click("header >> text=English");
            page.waitForURL(Pattern.compile(".*/people/P-0001\\?year=2025&lang=en$"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h2").first()).hasText("Eligibility for 2025");
            assertThat(page.locator("table.criteria thead").first()).containsText("Legal basis");
            assertThat(page.locator("section.award").first()).containsText("Advanced Laborer");
            shot(page, "person-en");

            // English is remembered without ?lang
            page.navigate(base() + "/search?q=nguyen");
            assertThat(page.locator("h1")).hasText("Search");
            assertThat(page.locator("a.person", new Page.LocatorOptions().setHasText("Nguyễn Thị Hoa"))).isVisible();
            shot(page, "search-en");
            page.navigate(base() + "/");
            assertThat(page.locator("main")).containsText("Welcome, client");
            shot(page, "home-en");

            // and back to Vietnamese
            page.click("header >> text=Tiếng Việt");
            assertThat(page.locator("h1")).hasText("Trang chủ");
            page.navigate(base() + "/people/P-0001?year=2025");
            assertThat(page.locator("table.criteria thead").first()).containsText("Căn cứ pháp lý");

            // sign-out (the form carries its token) ends the session
            page.click("header form.signout button");
            page.waitForURL(base() + "/login");
            page.navigate(base() + "/search");
            page.waitForURL(base() + "/login");

            page.navigate(base() + "/login?lang=en");
            assertThat(page.locator("h1")).hasText("Sign in");
            shot(page, "login-en");
        }
    }

    @Test
    void the_language_a_user_chooses_follows_her_to_another_browser() {
        try (BrowserContext first = context()) {
            Page page = first.newPage();
            signIn(page, "policy");
            assertThat(page.locator("h1")).hasText("Trang chủ");
            page.click("header form.lang button[value=en]");
            page.waitForURL(Pattern.compile(".*/\\?lang=en$"));
            assertThat(page.locator("h1")).hasText("Home");
            // the switch refuses a form without its token, and never sends anyone off the site
            APIResponse forged = first.request().post(base() + "/language", RequestOptions.create()
                    .setForm(FormData.create().set("lang", "vi")).setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            String csrf = page.locator("header form.lang input[name=_csrf]").getAttribute("value");
            APIResponse away = first.request().post(base() + "/language", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("lang", "en").set("return", "//evil.example/x")).setMaxRedirects(0));
            assertThat(away.status()).isEqualTo(303);
            assertThat(away.headers().get("location")).isEqualTo("/?lang=en");
            APIResponse bad = first.request().post(base() + "/language", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("lang", "fr")).setMaxRedirects(0));
            assertThat(bad.status()).isEqualTo(422);
        }
        try (BrowserContext other = context()) {
            Page page = other.newPage();
            signIn(page, "policy"); // a fresh browser: no cookie but the user's choice
            assertThat(page.locator("h1")).hasText("Home");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            page.click("header form.lang button[value=vi]");
            assertThat(page.locator("h1")).hasText("Trang chủ");
        }
        try (BrowserContext third = context()) {
            Page page = third.newPage();
            signIn(page, "policy");
            assertThat(page.locator("h1")).hasText("Trang chủ");
        }
    }

    @Test
    void a_page_address_with_a_control_character_is_a_400_page_never_a_500() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            for (String path : new String[] {"/people/P-0001%00", "/units/HN%00X", "/search?q=a%00b", "/audit?subject=P%0A1"}) {
                APIResponse r = ctx.request().get(base() + path, RequestOptions.create().setMaxRedirects(0));
                assertThat(r.status()).as(path).isEqualTo(400);
                assertThat(r.headers().get("content-type")).as(path).startsWith("text/html");
                assertThat(r.text()).as(path).contains("ký tự không hợp lệ");
            }
            // a tab pasted into a search is no attack
            assertThat(ctx.request().get(base() + "/search?q=nguyen%09hoa").status()).isEqualTo(200);
            // the addresses a form posts to, reloaded: back to the form's start, not a 404
            APIResponse reload = ctx.request().get(base() + "/what-if/save?lang=en", RequestOptions.create().setMaxRedirects(0));
            assertThat(reload.status()).isEqualTo(303);
            assertThat(reload.headers().get("location")).isEqualTo("/what-if?lang=en");
            // a return address no browser could follow sends the language switch home
            String csrf = page.locator("header form.lang input[name=_csrf]").getAttribute("value");
            APIResponse odd = ctx.request().post(base() + "/language", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("lang", "vi").set("return", "/a b|{%zz")).setMaxRedirects(0));
            assertThat(odd.status()).isEqualTo(303);
            assertThat(odd.headers().get("location")).isEqualTo("/?lang=vi");
        }
    }

    @Test
    void behind_a_proxy_that_ended_tls_the_cookies_are_secure_and_over_plain_http_they_are_not() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> direct = plain.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.headers().allValues("set-cookie")).isNotEmpty().noneMatch(c -> c.contains("; Secure"));
        HttpResponse<String> proxied = plain.send(HttpRequest.newBuilder(URI.create(base() + "/login")).header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().allValues("set-cookie")).isNotEmpty().allMatch(c -> c.contains("; Secure") && c.toLowerCase().contains("httponly") && c.contains("SameSite=Lax"));
    }

    @Test
    void a_bookmarked_page_asks_for_sign_in_and_then_opens() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            page.navigate(base() + "/people/P-0001?year=2024");
            page.waitForURL(base() + "/login");
            page.fill("#username", "client");
            page.fill("#password", "client");
            page.click("main button[type=submit]");
            page.waitForURL(base() + "/people/P-0001?year=2024");
            assertThat(page.locator("h2").first()).hasText("Điều kiện khen thưởng năm 2024");
            // once used, the way back is forgotten: the next sign-in goes home
            page.click("header form.signout button");
            page.waitForURL(base() + "/login");
            page.fill("#username", "client");
            page.fill("#password", "client");
            page.click("main button[type=submit]");
            page.waitForURL(base() + "/");
        }
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            // sign-in without the token of the sign-in form
            APIResponse login = ctx.request().post(base() + "/login", RequestOptions.create()
                    .setForm(FormData.create().set("username", "client").set("password", "client")).setMaxRedirects(0));
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.text()).contains("CSRF");

            signIn(page, "client");
            APIResponse logout = ctx.request().post(base() + "/logout", RequestOptions.create()
                    .setForm(FormData.create().set("other", "1")).setMaxRedirects(0));
            assertThat(logout.status()).isEqualTo(403);
            APIResponse forged = ctx.request().post(base() + "/logout", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", "forged")).setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            // still signed in
            page.navigate(base() + "/search");
            assertThat(page.locator("h1")).hasText("Tra cứu");
        }
    }

    @Test
    void a_page_without_sign_in_redirects_to_login_and_the_api_still_answers_401_problems() throws Exception {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            page.navigate(base() + "/people/P-0001?year=2025");
            page.waitForURL(base() + "/login");
            String csp = page.navigate(base() + "/login").headers().get("content-security-policy");
            assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");

            // a session cookie does not sign in an API call
            signIn(page, "admin");
            APIResponse api = ctx.request().get(base() + "/api/v1/decisions", RequestOptions.create().setMaxRedirects(0));
            assertThat(api.status()).isEqualTo(401);
            assertThat(api.headers().get("content-type")).startsWith("application/problem+json");
        }
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/decisions")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("location")).isEmpty();
    }

    @Test
    void a_role_without_the_person_page_is_refused_it() {
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "auditor");
            com.microsoft.playwright.Response r = page.navigate(base() + "/people/P-0001?year=2025");
            assertThat(r.status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("Vai trò của bạn không được xem trang này.");
            shot(page, "error-vi");
            page.navigate(base() + "/people/P-0001?year=2025&lang=en");
            assertThat(page.locator("main")).containsText("Your role may not see this page.");
            shot(page, "error-en");
        }
    }
}
