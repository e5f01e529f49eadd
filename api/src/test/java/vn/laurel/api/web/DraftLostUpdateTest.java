package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.drafts.DraftService;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two people with the same file open: the second save, made to the file as it was before the first,
 * is refused (409 in the service and the editor page, 412 for a REST If-Match) and the first save is
 * kept — no lost update. Saves without a base (old clients) still replace the file.
 */
@MicronautTest(transactional = false)
class DraftLostUpdateTest extends DraftsApi {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern BASE = Pattern.compile("name=\"base\" value=\"([^\"]+)\"");

    @Override
    protected String database() { return "laurel_lost_update"; }

    @Inject
    DraftService service;

    @Inject
    EmbeddedServer server;

    @Test
    void the_service_refuses_a_save_made_to_a_file_changed_since() {
        long id = create(POLICY, "two editors, service");
        byte[] opened = service.file(id, LABORER_DRL);
        String base = DraftService.fileVersion(opened);
        String original = new String(opened, StandardCharsets.UTF_8);
        service.save(id, LABORER_DRL, (original + "\n// admin change\n").getBytes(StandardCharsets.UTF_8), ADMIN, base);

        assertThatThrownBy(() -> service.save(id, LABORER_DRL, (original + "\n// policy change\n").getBytes(StandardCharsets.UTF_8), POLICY, base))
                .isInstanceOf(DraftService.StaleFile.class)
                .satisfies(e -> {
                    ProblemException p = (ProblemException) e;
                    assertThat(p.problem().status()).isEqualTo(409);
                    assertThat(p.problem().errors().toString()).contains("base").contains("changed since you opened it");
                });
        assertThat(new String(service.file(id, LABORER_DRL), StandardCharsets.UTF_8)).isEqualTo(original + "\n// admin change\n");
        // "absent": the file must not exist yet
        assertThatThrownBy(() -> service.save(id, LABORER_DRL, opened, POLICY, DraftService.ABSENT)).isInstanceOf(DraftService.StaleFile.class);
        // the current version, or no base at all, saves
        String now = DraftService.fileVersion(service.file(id, LABORER_DRL));
        service.save(id, LABORER_DRL, (original + "\n// merged\n").getBytes(StandardCharsets.UTF_8), POLICY, now);
        assertThat(new String(service.file(id, LABORER_DRL), StandardCharsets.UTF_8)).endsWith("// merged\n");
    }

    @Test
    void rest_answers_an_etag_and_refuses_a_stale_if_match_with_412() {
        long id = create(POLICY, "two editors, REST");
        String url = DRAFTS + "/" + id + "/files/" + LABORER_DRL;
        HttpResponse<String> got = client().exchange(as(POLICY, HttpRequest.GET(url)), String.class);
        String etag = got.header("ETag");
        String original = got.body();
        assertThat(etag).isEqualTo("\"sha256:" + DraftService.fileVersion(original.getBytes(StandardCharsets.UTF_8)) + "\"");

        Http.Answer first = call(ADMIN, HttpRequest.PUT(url, original + "\n// admin change\n").contentType(MediaType.TEXT_PLAIN).header("If-Match", etag));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        Http.Answer second = call(POLICY, HttpRequest.PUT(url, original + "\n// policy change\n").contentType(MediaType.TEXT_PLAIN).header("If-Match", etag));
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.contentType()).isEqualTo("application/problem+json");
        assertThat(second.body().get("errors").toString()).contains("If-Match");
        assertThat(file(id, LABORER_DRL)).isEqualTo(original + "\n// admin change\n");

        Http.Answer bad = call(POLICY, HttpRequest.PUT(url, original).contentType(MediaType.TEXT_PLAIN).header("If-Match", "\"v1\""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").toString()).contains("If-Match");
        // without If-Match, as before: the save replaces the file
        assertThat(put(POLICY, id, LABORER_DRL, original + "\n// no precondition\n").status()).isEqualTo(200);
        assertThat(file(id, LABORER_DRL)).endsWith("// no precondition\n");
    }

    @Test
    void the_editor_form_refuses_the_second_save_with_409_and_keeps_its_text() throws Exception {
        long id = create(POLICY, "two editors, pages");
        String page = "/workbench/drafts/" + id + "/files/" + LABORER_DRL;
        HttpClient admin = signedIn(ADMIN), policy = signedIn(POLICY);
        String adminForm = get(admin, page).body(), policyForm = get(policy, page).body();
        String original = file(id, LABORER_DRL);
        assertThat(group(BASE, policyForm)).isEqualTo(DraftService.fileVersion(original.getBytes(StandardCharsets.UTF_8)));

        java.net.http.HttpResponse<String> first = post(admin, page, adminForm, original + "\n// admin change\n");
        assertThat(first.statusCode()).isEqualTo(303);
        java.net.http.HttpResponse<String> second = post(policy, page, policyForm, original + "\n// policy change\n");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("// policy change").contains("Có người đã lưu tệp này").contains("id=\"current-version\"")
                .contains("target=\"_blank\"");
        assertThat(file(id, LABORER_DRL)).isEqualTo(original + "\n// admin change\n");
        // The page now carries the admin's version: saving the merged text from it is a knowing replacement.
        String merged = original + "\n// admin change\n// policy change\n";
        assertThat(post(policy, page, second.body(), merged).statusCode()).isEqualTo(303);
        assertThat(file(id, LABORER_DRL)).isEqualTo(merged);
    }

    private java.net.http.HttpResponse<String> post(HttpClient browser, String path, String formPage, String content) throws Exception {
        String form = "_csrf=" + enc(group(CSRF, formPage)) + "&base=" + enc(group(BASE, formPage)) + "&content=" + enc(content);
        return browser.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "_csrf=" + enc(group(CSRF, get(browser, "/login").body())) + "&username=" + user + "&password=" + user;
        java.net.http.HttpResponse<String> r = browser.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("sign-in of " + user).isEqualTo(303);
        return browser;
    }

    private java.net.http.HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        java.net.http.HttpResponse<String> r = browser.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r;
    }

    private static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as(p.pattern()).isTrue();
        return org.unbescape.html.HtmlEscape.unescapeHtml(m.group(1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
