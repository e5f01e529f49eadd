package vn.laurel.api.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.json.JsonMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.facts.SubjectSearch;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.security.Roles;
import vn.laurel.api.security.SessionAuthenticationFetcher;
import vn.laurel.api.security.WebSessions;
import vn.laurel.engine.caseformat.CaseFormatException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * The web workbench, part 1: sign-in and sign-out, the home page, search, and a person's eligibility
 * for a year. Server-rendered (Thymeleaf templates under views/), Vietnamese unless the user chose
 * English ({@code ?lang=en}, remembered in a cookie). Every page checks its user itself, so that a
 * page without sign-in redirects to /login while the API keeps answering 401 problem documents.
 * A GET changes nothing stored; every POST carries the CSRF token of its form.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden // pages, not API: kept out of the OpenAPI document
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PagesController {
    static final String LANG_COOKIE = "LAUREL_LANG";
    static final String LOGIN_CSRF_COOKIE = "LAUREL_LOGIN_CSRF";
    static final String CSRF_FIELD = "_csrf";
    private static final Set<String> PERSON_PAGE_ROLES = Set.of(Roles.CLIENT, Roles.ADMIN);
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;
    private final WebSessions sessions;
    private final Authenticator<HttpRequest<?>> authenticator;
    private final ScopeGuard scope;
    private final SubjectSearch search;
    private final EligibilityService eligibility;
    private final JsonMapper json;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public PagesController(Messages messages, WebSessions sessions, Authenticator<HttpRequest<?>> authenticator, ScopeGuard scope,
                           SubjectSearch search, EligibilityService eligibility, JsonMapper json,
                           @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.messages = messages;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.scope = scope;
        this.search = search;
        this.eligibility = eligibility;
        this.json = json;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    // ---- sign-in and sign-out ----

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> loginPage(HttpRequest<?> request) {
        if (user(request).isPresent()) return seeOther("/");
        return loginForm(request, HttpStatus.OK, null);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> login(@Body Map<String, Object> form, HttpRequest<?> request) {
        String expected = request.getCookies().findCookie(LOGIN_CSRF_COOKIE).map(Cookie::getValue).orElse(null);
        if (!WebSessions.sameToken(expected, field(form, CSRF_FIELD))) return forbiddenCsrf(request);
        String name = field(form, "username");
        String password = field(form, "password");
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
        currentSession(request).ifPresent(s -> sessions.close(s.id()));
        WebSessions.Session s = sessions.open(user);
        return HttpResponse.seeOther(URI.create("/"))
                .cookie(cookie(request, WebSessions.COOKIE, s.id(), null))
                .cookie(cookie(request, LOGIN_CSRF_COOKIE, "", Duration.ZERO));
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> logout(@Body Map<String, Object> form, HttpRequest<?> request) {
        Optional<WebSessions.Session> session = currentSession(request);
        if (session.isEmpty()) return seeOther("/login");
        if (!session.get().csrfMatches(field(form, CSRF_FIELD))) return forbiddenCsrf(request);
        sessions.close(session.get().id());
        return HttpResponse.seeOther(URI.create("/login")).cookie(cookie(request, WebSessions.COOKIE, "", Duration.ZERO));
    }

    // ---- pages ----

    @Get("/")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> home(HttpRequest<?> request) {
        Optional<Authentication> user = user(request);
        if (user.isEmpty()) return seeOther("/login");
        Map<String, Object> model = model(request, user.get(), "home.title");
        model.put("canSeePeople", hasAny(user.get(), PERSON_PAGE_ROLES));
        return page(request, HttpStatus.OK, "home", model);
    }

    @Get("/search")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> search(@Nullable @QueryValue String q, HttpRequest<?> request) {
        Optional<Authentication> user = user(request);
        if (user.isEmpty()) return seeOther("/login");
        Map<String, Object> model = model(request, user.get(), "search.title");
        String query = q == null ? "" : q.strip();
        model.put("q", query);
        model.put("canSeePeople", hasAny(user.get(), PERSON_PAGE_ROLES));
        model.put("year", LocalDate.now(clock).getYear() - 1);
        if (!query.isEmpty()) {
            try {
                SubjectSearch.Hits hits = search.search(query, scope.visibleUnits(request, "q"));
                model.put("people", hits.people());
                model.put("units", hits.units());
                model.put("searched", true);
            } catch (ProblemException e) {
                return error(request, user.get(), HttpStatus.FORBIDDEN, "error.scope");
            }
        }
        return page(request, HttpStatus.OK, "search", model);
    }

    @Get("/people/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> person(@PathVariable("id") String rawId, @Nullable @QueryValue String year, HttpRequest<?> request) {
        Optional<Authentication> user = user(request);
        if (user.isEmpty()) return seeOther("/login");
        if (!hasAny(user.get(), PERSON_PAGE_ROLES)) return error(request, user.get(), HttpStatus.FORBIDDEN, "error.role");
        String lang = lang(request);
        int y;
        String id;
        LocalDate asOf;
        try {
            id = Params.id(rawId);
            y = year == null || year.isBlank() ? LocalDate.now(clock).getYear() - 1 : Params.year(year);
            asOf = Params.defaultAppraisalDate(y, appraisalDay, clock);
            if (y > asOf.getYear()) return error(request, user.get(), HttpStatus.BAD_REQUEST, "error.year");
        } catch (ProblemException e) {
            return error(request, user.get(), HttpStatus.BAD_REQUEST, "error.year");
        }
        try {
            scope.requireSubject(request, "id", id);
        } catch (ProblemException e) {
            return error(request, user.get(), HttpStatus.FORBIDDEN, "error.scope");
        }
        Optional<SubjectSearch.Person> subject = search.subject(id);
        if (subject.isEmpty()) return error(request, user.get(), HttpStatus.NOT_FOUND, "error.notFound");
        Map<String, Object> answer;
        try {
            // The GET path of the API: evaluated from the stored facts, nothing saved.
            answer = json.readValue(eligibility.evaluate(id, y, asOf, List.of()).json(lang), Argument.mapOf(String.class, Object.class));
        } catch (ProblemException e) {
            return error(request, user.get(), e.problem().status() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, "error.notFound");
        } catch (CaseFormatException e) {
            return error(request, user.get(), HttpStatus.UNPROCESSABLE_ENTITY, "error.facts");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the answer for " + id, e);
        }
        Map<String, Object> model = model(request, user.get(), "person.title");
        model.put("person", subject.get());
        model.put("year", y);
        model.put("asOf", "vi".equals(lang) ? VI_DATE.format(asOf) : asOf.toString());
        model.put("answer", answer);
        model.put("results", awards(answer.get("results"), lang));
        model.put("years", years(y));
        return page(request, HttpStatus.OK, "person", model);
    }

    // ---- helpers ----

    /** One award of the answer, as the page shows it. */
    public record AwardView(String code, String name, String outcome, String outcomeText, List<CriterionRow> criteria) {}

    /** One criterion: actual against required, the article and its confidence, the sentence that explains it. */
    public record CriterionRow(String criterion, String status, String statusText, String actual, String required,
                               String legalBasis, String confidence, String explanation) {}

    private List<AwardView> awards(Object results, String lang) {
        List<AwardView> out = new ArrayList<>();
        if (!(results instanceof List<?> list)) return out;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> r)) continue;
            List<CriterionRow> rows = new ArrayList<>();
            if (r.get("criteria") instanceof List<?> cs) {
                for (Object co : cs) {
                    if (!(co instanceof Map<?, ?> c)) continue;
                    String status = text(c.get("status"), lang);
                    rows.add(new CriterionRow(text(c.get("criterion"), lang), status, messages.text(lang, "status." + status),
                            text(c.get("actual"), lang), required(c.get("required"), lang), text(c.get("legalBasis"), lang),
                            confidence(c.get("confidence"), lang), explanation(c.get("explanation"), lang)));
                }
            }
            String outcome = text(r.get("outcome"), lang);
            out.add(new AwardView(text(r.get("award"), lang), text(r.get("name"), lang), outcome, messages.text(lang, "outcome." + outcome), rows));
        }
        return out;
    }

    private String required(Object required, String lang) {
        if (!(required instanceof Map<?, ?> m)) return text(required, lang);
        String op = text(m.get("operator"), lang);
        String value = m.get("value") == null ? "" : text(m.get("value"), lang);
        String opText = messages.of(lang).getOrDefault("op." + op, op);
        return value.isEmpty() ? opText : opText + " " + value;
    }

    private String confidence(Object confidence, String lang) {
        String c = text(confidence, lang);
        return c.isEmpty() ? "" : messages.of(lang).getOrDefault("confidence." + c, c);
    }

    private String explanation(Object explanation, String lang) {
        if (explanation == null) return null;
        if (explanation instanceof Map<?, ?> m && m.get("text") != null) return text(m.get("text"), lang);
        String t = text(explanation, lang);
        return t.isEmpty() ? null : t;
    }

    /** A value of the answer as text: lists joined, true/false in the page's language, nothing as a dash for actuals. */
    private String text(Object v, String lang) {
        if (v == null) return "";
        if (v instanceof Boolean b) return messages.text(lang, b ? "value.true" : "value.false");
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(", ");
            l.forEach(x -> j.add(text(x, lang)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            if (m.get(lang) != null) return m.get(lang).toString();
            StringJoiner j = new StringJoiner(", ");
            m.forEach((k, x) -> j.add(k + ": " + text(x, lang)));
            return j.toString();
        }
        return v.toString();
    }

    private static List<Integer> years(int chosen) {
        int last = Math.max(chosen, LocalDate.now().getYear());
        List<Integer> out = new ArrayList<>();
        for (int y = last; y >= last - 10; y--) out.add(y);
        if (!out.contains(chosen)) out.add(chosen);
        return out;
    }

    private HttpResponse<?> loginForm(HttpRequest<?> request, HttpStatus status, @Nullable String errorKey) {
        String token = WebSessions.token();
        Map<String, Object> model = model(request, null, "login.title");
        model.put("loginCsrf", token);
        model.put("error", errorKey);
        MutableHttpResponse<?> r = page(request, status, "login", model);
        return r.cookie(cookie(request, LOGIN_CSRF_COOKIE, token, Duration.ofHours(1)).path("/login"));
    }

    private HttpResponse<?> forbiddenCsrf(HttpRequest<?> request) {
        return error(request, user(request).orElse(null), HttpStatus.FORBIDDEN, "error.csrf");
    }

    private MutableHttpResponse<?> error(HttpRequest<?> request, @Nullable Authentication user, HttpStatus status, String key) {
        Map<String, Object> model = model(request, user, "error.title");
        model.put("status", status.getCode());
        model.put("message", key);
        return page(request, status, "error", model);
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        MutableHttpResponse<?> r = HttpResponse.status(status).body(new ModelAndView<>(view, model)).contentType(MediaType.TEXT_HTML_TYPE);
        String asked = request.getParameters().get("lang");
        if (asked != null && Messages.LANGUAGES.contains(asked)) {
            r.cookie(cookie(request, LANG_COOKIE, asked, Duration.ofDays(365)));
        }
        return r;
    }

    private Map<String, Object> model(HttpRequest<?> request, @Nullable Authentication user, String titleKey) {
        String lang = lang(request);
        Map<String, Object> m = new HashMap<>();
        m.put("lang", lang);
        m.put("msg", messages.of(lang));
        m.put("title", messages.text(lang, titleKey));
        m.put("user", user == null ? null : user.getName());
        m.put("roles", user == null ? "" : String.join(", ", new TreeSet<>(user.getRoles())));
        m.put("csrf", currentSession(request).map(WebSessions.Session::csrfToken).orElse(null));
        m.put("viUrl", withLang(request, "vi"));
        m.put("enUrl", withLang(request, "en"));
        return m;
    }

    /** {@code ?lang=vi|en} (then remembered in a cookie), else the cookie, else Vietnamese. */
    static String lang(HttpRequest<?> request) {
        String asked = request.getParameters().get("lang");
        if (asked != null && Messages.LANGUAGES.contains(asked)) return asked;
        return request.getCookies().findCookie(LANG_COOKIE).map(Cookie::getValue).filter(Messages.LANGUAGES::contains).orElse("vi");
    }

    /** This page's address with {@code lang} set, its other query parameters kept. */
    static String withLang(HttpRequest<?> request, String lang) {
        StringBuilder b = new StringBuilder(request.getPath()).append('?');
        request.getParameters().forEach((name, values) -> {
            if (name.equals("lang")) return;
            for (String v : values) {
                b.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        });
        return b.append("lang=").append(lang).toString();
    }

    private static Optional<Authentication> user(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class);
    }

    private static Optional<WebSessions.Session> currentSession(HttpRequest<?> request) {
        return request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, WebSessions.Session.class);
    }

    private static boolean hasAny(Authentication user, Set<String> roles) {
        return user.getRoles().stream().anyMatch(roles::contains);
    }

    private static String field(Map<String, Object> form, String name) {
        if (form == null) return null;
        Object v = form.get(name);
        if (v instanceof List<?> l) v = l.isEmpty() ? null : l.get(0);
        return v == null ? null : v.toString();
    }

    /** The first item of a publisher, waited for (on the blocking executor): the authenticator is reactive. */
    static <T> T first(Publisher<T> publisher) {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override public void onSubscribe(Subscription s) { s.request(1); }
            @Override public void onNext(T t) { result.complete(t); }
            @Override public void onError(Throwable e) { result.completeExceptionally(e); }
            @Override public void onComplete() { result.complete(null); }
        });
        try {
            return result.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("sign-in failed", e);
        }
    }

    private static MutableHttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    /** HttpOnly, SameSite=Lax, path /; Secure when the request came over HTTPS. Null max age: until the browser closes. */
    private static Cookie cookie(HttpRequest<?> request, String name, String value, @Nullable Duration maxAge) {
        Cookie c = Cookie.of(name, value).httpOnly(true).sameSite(SameSite.Lax).path("/").secure(request.isSecure());
        if (maxAge != null) c.maxAge(maxAge);
        return c;
    }
}
