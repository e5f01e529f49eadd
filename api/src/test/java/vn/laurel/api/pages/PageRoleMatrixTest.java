package vn.laurel.api.pages;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page × every role, signed in through the form as a browser is: 200 where the role may see the
 * page (the roles of the API endpoint it stands for), a 403 page where it may not, and a redirect to
 * /login without sign-in. The expectations are written out here, not read from PageRoles, so that a
 * mistake there fails this test.
 */
@MicronautTest
class PageRoleMatrixTest extends PostgresTest {
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final List<String> ROLES = List.of("client", "clerk", "policy", "board", "auditor", "admin");

    /** Page → the demo accounts that may open it. */
    static final Map<String, List<String>> MATRIX = new LinkedHashMap<>();
    /** Pages whose role the demo client has, of subjects outside its organisation scope: 403 for the scope, not the role. */
    static final List<String> OUTSIDE_CLIENT_SCOPE = List.of("/people/DN-0001?year=2025", "/people/HGD-0001?year=2025",
            "/units/HN-UBND-DEMO-PMH?year=2025", "/what-if?subject=DN-0001&year=2025", "/what-if?subject=HGD-0001&year=2025");
    static {
        MATRIX.put("/", ROLES);
        MATRIX.put("/search?q=nguyen", ROLES);
        MATRIX.put("/people/P-0001?year=2025", List.of("client", "board", "admin"));
        MATRIX.put("/units/HN-SKHCN-DEMO?year=2025", List.of("client", "board", "admin"));
        // The earliest-year section answers on the page itself, with its roles (GET /api/v1/subjects/{id}/earliest).
        MATRIX.put("/people/P-0001?year=2025&earliest=ADVANCED_LABORER", List.of("client", "board", "admin"));
        // Issue 21: an enterprise's and a household's page, a ward formed by a merger; outside the demo client's scope.
        MATRIX.put("/people/DN-0001?year=2025", List.of("board", "admin"));
        MATRIX.put("/people/HGD-0001?year=2025", List.of("board", "admin"));
        MATRIX.put("/units/HN-UBND-DEMO-PMH?year=2025", List.of("board", "admin"));
        MATRIX.put("/search?q=minh+hoa", ROLES);
        MATRIX.put("/candidates", List.of("client", "board", "admin"));
        MATRIX.put("/what-if?subject=P-0001&year=2025", List.of("client", "admin"));
        // The what-if of an enterprise and of a household: its roles, and the demo client's scope does not reach them.
        MATRIX.put("/what-if?subject=DN-0001&year=2025", List.of("admin"));
        MATRIX.put("/what-if?subject=HGD-0001&year=2025", List.of("admin"));
        MATRIX.put("/batches", List.of("client", "admin"));
        MATRIX.put("/audit", List.of("auditor", "admin"));
        MATRIX.put("/audit/verify", List.of("auditor", "admin"));
        MATRIX.put("/audit/changes", List.of("auditor", "admin"));
        MATRIX.put("/workbench/drafts", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/history", List.of("policy", "auditor", "admin"));
        MATRIX.put("/year", List.of("board", "auditor", "admin"));
        MATRIX.put("/year?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/clusters?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/clusters/HN-KHOI-SKHCN-DEMO?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/clusters/HN-KHOI-SKHCN-DEMO/print?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/authorities?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/proposals?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/councils?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/councils/HDTDKT-SKHCN-DEMO?year=2025", List.of("board", "auditor", "admin"));
        MATRIX.put("/councils/sessions/1", List.of("board", "auditor", "admin"));
        MATRIX.put("/councils/sessions/1/ballot?subject=P-0001&award=GRASSROOTS_EMULATION_SOLDIER", List.of("board", "admin"));
        MATRIX.put("/workbench", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/awards/ADVANCED_LABORER?regime=LAW_2022", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER&criterion=RATING_GOOD_OR_BETTER", List.of("policy", "auditor", "admin"));
        // The rule editor (draft 1: workbenchDraft() opens it before the test).
        MATRIX.put("/workbench/drafts/1/files", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/files/rules/awards/advanced-laborer.drl", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/rule?file=rules/awards/advanced-laborer.drl&rule=ADVANCED_LABORER%3A+rated+good+or+better",
                List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/diff", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/parameters", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/parameters/advanced_laborer.min_service_months", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/scenarios", List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/scenarios/edit?file=scenarios/advanced-laborer/excellent-rating-is-eligible.yaml",
                List.of("policy", "auditor", "admin"));
        MATRIX.put("/workbench/drafts/1/scenarios/new?award=ADVANCED_LABORER", List.of("policy", "auditor", "admin"));
        // The preview evaluates people's facts: POLICY and ADMIN, as POST /api/v1/ruleset/preview.
        MATRIX.put("/workbench/drafts/1/preview", List.of("policy", "admin"));
        MATRIX.put("/workbench/drafts/1/preview?unit=HN-SKHCN-DEMO-VP&year=2025", List.of("policy", "admin"));
    }

    @Inject
    EmbeddedServer server;

    @Inject
    vn.laurel.api.rules.drafts.DraftService drafts;

    /** The workbench's pages of a draft need one: draft 1, opened once in this test's own database. */
    @org.junit.jupiter.api.BeforeEach
    void workbenchDraft() {
        if (drafts.list(null, null, 1).isEmpty()) drafts.create("Role matrix", null, "policy");
    }

    @Override
    protected String database() {
        return "laurel_web_roles";
    }

    @Test
    void every_page_admits_exactly_the_roles_of_its_api() throws Exception {
        List<String> wrong = new ArrayList<>();
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String page : MATRIX.keySet()) {
            HttpResponse<String> r = get(anonymous, page);
            if (r.statusCode() != 303 || !r.headers().firstValue("location").orElse("").endsWith("/login")) {
                wrong.add("signed out " + page + ": " + r.statusCode());
            }
        }
        for (String role : ROLES) {
            HttpClient browser = signedIn(role);
            for (Map.Entry<String, List<String>> e : MATRIX.entrySet()) {
                int expected = e.getValue().contains(role) ? 200 : 403;
                HttpResponse<String> r = get(browser, e.getKey());
                if (r.statusCode() != expected) wrong.add(role + " " + e.getKey() + ": " + r.statusCode() + ", expected " + expected);
                else if (expected == 403 && role.equals("client") && OUTSIDE_CLIENT_SCOPE.contains(e.getKey())) {
                    assertThat(r.body()).as(role + " " + e.getKey()).contains("nằm ngoài phạm vi tổ chức của bạn");
                } else if (expected == 403) assertThat(r.body()).as(role + " " + e.getKey()).contains("Vai trò của bạn không được xem trang này");
            }
        }
        assertThat(wrong).isEmpty();
    }

    HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher m = CSRF.matcher(get(browser, "/login").body());
        assertThat(m.find()).isTrue();
        String form = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&username=" + user + "&password=" + user;
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("sign-in of " + user).isEqualTo(303);
        return browser;
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
