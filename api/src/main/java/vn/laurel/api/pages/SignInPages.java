package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import vn.laurel.api.security.WebSessions;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sign-in and sign-out. The sign-in form carries a token of its own (a cookie on /login, as there is
 * no session yet); signing in opens a new server-side session, ending any earlier one.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden // pages, not API: kept out of the OpenAPI document
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInPages {
    static final String LOGIN_CSRF_COOKIE = "LAUREL_LOGIN_CSRF";

    private final Pages pages;
    private final WebSessions sessions;
    private final Authenticator<HttpRequest<?>> authenticator;

    public SignInPages(Pages pages, WebSessions sessions, Authenticator<HttpRequest<?>> authenticator) {
        this.pages = pages;
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> loginPage(HttpRequest<?> request) {
        if (Pages.user(request).isPresent()) return Pages.seeOther("/");
        return loginForm(request, HttpStatus.OK, null);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> login(@Body Map<String, Object> form, HttpRequest<?> request) {
        String expected = request.getCookies().findCookie(LOGIN_CSRF_COOKIE).map(Cookie::getValue).orElse(null);
        if (!WebSessions.sameToken(expected, Pages.field(form, Pages.CSRF_FIELD))) return pages.forbiddenCsrf(request);
        String name = Pages.field(form, "username");
        String password = Pages.field(form, "password");
        Authentication user = null;
        if (name != null && password != null && name.length() <= 200 && password.length() <= 200) {
            try {
                AuthenticationResponse r = first(authenticator.authenticate(request, new UsernamePasswordCredentials(name, password)));
                if (r != null && r.isAuthenticated()) user = r.getAuthentication().orElse(null);
            } catch (RuntimeException e) {
                user = null; // no provider, or one that failed: not signed in
            }
        }
        if (user == null) return loginForm(request, HttpStatus.UNAUTHORIZED, "login.failed");
        // A session of its own (and a new id): an earlier one, if any, ends here.
        Pages.session(request).ifPresent(s -> sessions.close(s.id()));
        WebSessions.Session s = sessions.open(user);
        MutableHttpResponse<?> home = Pages.seeOther(next(request))
                .cookie(Pages.cookie(request, WebSessions.COOKIE, s.id(), null))
                .cookie(Pages.cookie(request, LOGIN_CSRF_COOKIE, "", Duration.ZERO).path("/login"))
                .cookie(Pages.cookie(request, Pages.NEXT_COOKIE, "", Duration.ZERO).path("/login"));
        // The language the user chose before, in whatever browser: the pages follow the person.
        sessions.preferredLanguage(user.getName()).filter(Messages.LANGUAGES::contains)
                .ifPresent(lang -> home.cookie(Pages.cookie(request, Pages.LANG_COOKIE, lang, Duration.ofDays(365))));
        return home;
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> logout(@Body Map<String, Object> form, HttpRequest<?> request) {
        Optional<WebSessions.Session> session = Pages.session(request);
        if (session.isEmpty()) return Pages.seeOther("/login");
        if (!session.get().csrfMatches(Pages.field(form, Pages.CSRF_FIELD))) return pages.forbiddenCsrf(request);
        sessions.close(session.get().id());
        return HttpResponse.seeOther(URI.create("/login")).cookie(Pages.cookie(request, WebSessions.COOKIE, "", Duration.ZERO));
    }

    /** The page that sent the user to sign in, if it is one of this site's; else home. */
    private static String next(HttpRequest<?> request) {
        String raw = request.getCookies().findCookie(Pages.NEXT_COOKIE).map(Cookie::getValue).orElse(null);
        if (raw == null || raw.isEmpty()) return "/";
        try {
            return Pages.localPath(java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private HttpResponse<?> loginForm(HttpRequest<?> request, HttpStatus status, @Nullable String errorKey) {
        String token = WebSessions.token();
        Map<String, Object> model = pages.model(request, "login.title");
        model.put("loginCsrf", token);
        model.put("error", errorKey);
        MutableHttpResponse<?> r = pages.page(request, status, "login", model);
        return r.cookie(Pages.cookie(request, LOGIN_CSRF_COOKIE, token, Duration.ofHours(1)).path("/login"));
    }

    /** The first item of a publisher, waited for (on the blocking executor): the authenticator is reactive. */
    static <T> T first(Publisher<T> publisher) {
        CompletableFuture<T> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override public void onSubscribe(Subscription s) { s.request(1); }
            @Override public void onNext(T t) { result.complete(t); }
            @Override public void onError(Throwable e) { result.completeExceptionally(e); }
            @Override public void onComplete() { result.complete(null); }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sign-in failed", e);
        }
    }
}
