package vn.laurel.api.security;

import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * Signs a page request in from its session cookie ({@link WebSessions}). Never for the API
 * (/api/**): a cookie the browser sends by itself must not authorise an API call (no CSRF there), and
 * the API keeps its Basic accounts and bearer tokens.
 */
@Singleton
public class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    /** The request attribute holding the page request's session, for the CSRF check and sign-out. */
    public static final String SESSION_ATTRIBUTE = "laurel.web.session";
    private static final Logger LOG = LoggerFactory.getLogger(SessionAuthenticationFetcher.class);
    private final WebSessions sessions;
    private final ExecutorService blocking;

    public SessionAuthenticationFetcher(WebSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (isApi(request.getPath()) || isAsset(request.getPath())) return Publishers.empty();
        String id = request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue).orElse(null);
        if (id == null || id.isEmpty()) return Publishers.empty();
        // The session is read from the database: off the event loop, which must never wait on I/O.
        return new AsyncSingleResultPublisher<>(blocking, () -> {
            try {
                return sessions.find(id).map(s -> {
                    request.setAttribute(SESSION_ATTRIBUTE, s);
                    return s.user();
                }).orElse(null);
            } catch (RuntimeException e) {
                // The database cannot be read: treated as not signed in (the page asks to sign in), never a 500.
                LOG.warn("cannot read the web session: {}", e.toString());
                return null;
            }
        });
    }

    static boolean isApi(String path) {
        return path == null || path.equals("/api") || path.startsWith("/api/");
    }

    /** Stylesheets, scripts, images: open to all, so a page's assets cost no session lookup. */
    static boolean isAsset(String path) {
        return path != null && path.startsWith("/assets/");
    }
}
