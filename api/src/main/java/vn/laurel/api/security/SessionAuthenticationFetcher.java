package vn.laurel.api.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Signs a page request in from its session cookie ({@link WebSessions}). Never for the API
 * (/api/**): a cookie the browser sends by itself must not authorise an API call (no CSRF there), and
 * the API keeps its Basic accounts and bearer tokens.
 */
@Singleton
public class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    /** The request attribute holding the page request's session, for the CSRF check and sign-out. */
    public static final String SESSION_ATTRIBUTE = "laurel.web.session";
    private final WebSessions sessions;

    public SessionAuthenticationFetcher(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (isApi(request.getPath())) return Publishers.empty();
        return request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue).flatMap(sessions::find)
                .map(s -> {
                    request.setAttribute(SESSION_ATTRIBUTE, s);
                    return Publishers.just(s.user());
                })
                .orElseGet(Publishers::empty);
    }

    static boolean isApi(String path) {
        return path == null || path.equals("/api") || path.startsWith("/api/");
    }
}
