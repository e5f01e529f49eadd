package vn.laurel.api;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import vn.laurel.api.security.SessionStore;
import vn.laurel.api.security.WebSessions;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;



/**
 * The web sessions live in PostgreSQL: two instances behind a load balancer share them, so a user
 * signed in on one is signed in on the other, signing out on either ends the session on both, and the
 * language she chose follows her.
 */
class WebSessionsPostgresTest {
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void a_session_opened_on_one_instance_is_honoured_and_ended_on_the_other() throws Exception {
        Map<String, String> database = ThrowawayPostgres.separateDatabase("laurel_web_sessions");
        try (EmbeddedServer one = TwoInstancesPostgresTest.start(TwoInstancesPostgresTest.settings(database, true)); EmbeddedServer two = TwoInstancesPostgresTest.start(TwoInstancesPostgresTest.settings(database, true))) {
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

            String loginForm = get(browser, one, "/login").body();
            String loginToken = token(loginForm);
            HttpResponse<String> signedIn = post(browser, one, "/login", Map.of("_csrf", loginToken, "username", "clerk", "password", "clerk"));
            assertThat(signedIn.statusCode()).isEqualTo(303);

            HttpResponse<String> onTwo = get(browser, two, "/search");
            assertThat(onTwo.statusCode()).isEqualTo(200);
            assertThat(onTwo.body()).contains("clerk");
            String csrf = token(onTwo.body());

            // The language chosen on the second instance is the user's, wherever she signs in next.
            assertThat(post(browser, two, "/language", Map.of("_csrf", csrf, "lang", "en", "return", "/search")).statusCode()).isEqualTo(303);
            assertThat(one.getApplicationContext().getBean(WebSessions.class).preferredLanguage("clerk")).contains("en");

            // The table holds a hash, never the cookie's value.
            String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(WebSessions.COOKIE))
                    .findFirst().orElseThrow().getValue();
            SessionStore store = one.getApplicationContext().getBean(SessionStore.class);
            assertThat(store.find(cookie)).isEmpty();
            assertThat(store.find(WebSessions.hash(cookie))).map(s -> List.copyOf(s.user().getRoles())).contains(List.of("CLERK"));

            // The sweep removes what has ended and nothing else.
            java.time.Instant longAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(13));
            store.insert(new SessionStore.Stored("0".repeat(64), "t", io.micronaut.security.authentication.Authentication.build("old", List.of("CLIENT")), longAgo, longAgo));
            assertThat(one.getApplicationContext().getBean(WebSessions.class).sweep()).isEqualTo(1);
            assertThat(store.find("0".repeat(64))).isEmpty();
            assertThat(store.find(WebSessions.hash(cookie))).isPresent();

            assertThat(post(browser, two, "/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);
            HttpResponse<String> afterSignOut = get(browser, one, "/search");
            assertThat(afterSignOut.statusCode()).isEqualTo(303);
            assertThat(afterSignOut.headers().firstValue("location")).contains("/login");
        }
    }

    static String token(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    static HttpResponse<String> get(HttpClient client, EmbeddedServer s, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.getPort() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient client, EmbeddedServer s, String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.getPort() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
