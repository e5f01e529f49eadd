package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import vn.laurel.api.security.SessionAuthenticationFetcher;
import vn.laurel.api.security.WebSessions;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;

/**
 * What every page controller shares: who is signed in, the page's language, the model every template
 * reads (texts, user, CSRF token, the navigation the user's roles open), and the answers a page gives
 * (the page itself, an error page, a redirect). A page checks its own roles through {@link #gate}, so
 * that a page without sign-in redirects to /login while the API keeps answering 401 problems.
 */
@Singleton
public class Pages {
    public static final String LANG_COOKIE = "LAUREL_LANG";
    public static final String CSRF_FIELD = "_csrf";
    /** Where a page sent a signed-out user from, for the sign-in to return there (a cookie on /login). */
    public static final String NEXT_COOKIE = "LAUREL_NEXT";

    private final Messages messages;
    private final Navigation navigation;
    private final PageRenderer renderer;

    public Pages(Messages messages, Navigation navigation, PageRenderer renderer) {
        this.messages = messages;
        this.navigation = navigation;
        this.renderer = renderer;
    }

    public Messages messages() {
        return messages;
    }

    /**
     * Null when the signed-in user may open a page for these roles; else the answer to give instead:
     * /login without sign-in, 403 page without the role.
     */
    public @Nullable MutableHttpResponse<?> gate(HttpRequest<?> request, Set<String> roles) {
        Optional<Authentication> user = user(request);
        if (user.isEmpty()) {
            // Back to this page after signing in (a bookmark, a link sent by a colleague, an expired session).
            MutableHttpResponse<?> login = seeOther("/login");
            if (request.getMethod() == io.micronaut.http.HttpMethod.GET) {
                login.cookie(cookie(request, NEXT_COOKIE, URLEncoder.encode(here(request), StandardCharsets.UTF_8), Duration.ofMinutes(10)).path("/login"));
            }
            return login;
        }
        if (!hasAny(user.get(), roles)) return error(request, HttpStatus.FORBIDDEN, "error.role");
        return null;
    }

    /** The model of a page: language, texts, title, user, CSRF token, navigation, language links. */
    public Map<String, Object> model(HttpRequest<?> request, String titleKey) {
        String lang = lang(request);
        Optional<Authentication> user = user(request);
        Map<String, Object> m = new HashMap<>();
        m.put("lang", lang);
        m.put("msg", messages.of(lang));
        m.put("title", messages.text(lang, titleKey));
        m.put("user", user.map(Authentication::getName).orElse(null));
        m.put("roles", user.map(u -> String.join(", ", new TreeSet<>(u.getRoles()))).orElse(""));
        m.put("csrf", session(request).map(WebSessions.Session::csrfToken).orElse(null));
        m.put("nav", user.map(navigation::linksFor).orElse(List.of()));
        m.put("path", request.getPath());
        m.put("here", here(request));
        m.put("viUrl", withLang(request, "vi"));
        m.put("enUrl", withLang(request, "en"));
        return m;
    }

    public MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        String html;
        try {
            html = renderer.render(view, model, request);
        } catch (PageRenderer.PageFailed e) {
            if (view.equals("error")) return HttpResponse.serverError("Laurel").contentType(MediaType.TEXT_PLAIN_TYPE);
            return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
        }
        MutableHttpResponse<?> r = HttpResponse.status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE);
        String asked = request.getParameters().get("lang");
        if (asked != null && Messages.LANGUAGES.contains(asked)) {
            r.cookie(cookie(request, LANG_COOKIE, asked, Duration.ofDays(365)));
        }
        return r;
    }

    public MutableHttpResponse<?> page(HttpRequest<?> request, String view, Map<String, Object> model) {
        return page(request, HttpStatus.OK, view, model);
    }

    /** An error page: the status and one sentence (a message key) in the page's language. */
    public MutableHttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String messageKey) {
        Map<String, Object> model = model(request, "error.title");
        model.put("status", status.getCode());
        model.put("message", messageKey);
        return page(request, status, "error", model);
    }

    public MutableHttpResponse<?> forbiddenCsrf(HttpRequest<?> request) {
        return error(request, HttpStatus.FORBIDDEN, "error.csrf");
    }

    /** True when the form carries the CSRF token of the signed-in session. */
    public boolean csrfMatches(HttpRequest<?> request, Map<String, Object> form) {
        return session(request).map(s -> s.csrfMatches(field(form, CSRF_FIELD))).orElse(false);
    }

    /** {@code ?lang=vi|en} (then remembered in a cookie), else the cookie, else Vietnamese. */
    public static String lang(HttpRequest<?> request) {
        String asked = request.getParameters().get("lang");
        if (asked != null && Messages.LANGUAGES.contains(asked)) return asked;
        return request.getCookies().findCookie(LANG_COOKIE).map(Cookie::getValue).filter(Messages.LANGUAGES::contains).orElse("vi");
    }

    /** This page's address with {@code lang} set, its other query parameters kept. */
    static String withLang(HttpRequest<?> request, String lang) {
        String here = here(request);
        return here + (here.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    /** This page's address without {@code lang}: where the language switch returns. */
    static String here(HttpRequest<?> request) {
        StringJoiner query = new StringJoiner("&");
        request.getParameters().forEach((name, values) -> {
            if (name.equals("lang")) return;
            for (String v : values) query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + '=' + URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return query.length() == 0 ? request.getPath() : request.getPath() + "?" + query;
    }

    /**
     * {@code address} when it is a path of this site (so that a form cannot send the user elsewhere: no
     * scheme, no host, no "//"), else the home page.
     */
    public static String localPath(@Nullable String address) {
        if (address == null || address.isEmpty() || address.length() > 2000) return "/";
        if (!address.startsWith("/") || address.startsWith("//") || address.startsWith("/\\")) return "/";
        for (int i = 0; i < address.length(); i++) {
            char ch = address.charAt(i);
            if (ch < 0x20 || ch == 0x7f || ch == '\\') return "/";
        }
        try {
            URI u = new URI(address);
            if (u.getScheme() != null || u.getRawAuthority() != null) return "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
        return address;
    }

    public static Optional<Authentication> user(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class);
    }

    public static Optional<WebSessions.Session> session(HttpRequest<?> request) {
        return request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, WebSessions.Session.class);
    }

    public static boolean hasAny(Authentication user, Set<String> roles) {
        return user.getRoles().stream().anyMatch(roles::contains);
    }

    public static boolean hasAny(HttpRequest<?> request, Set<String> roles) {
        return user(request).map(u -> hasAny(u, roles)).orElse(false);
    }

    /** A form field's first value, or null. */
    public static @Nullable String field(@Nullable Map<String, Object> form, String name) {
        if (form == null) return null;
        Object v = form.get(name);
        if (v instanceof List<?> l) v = l.isEmpty() ? null : l.get(0);
        return v == null ? null : v.toString();
    }

    static boolean overHttps(HttpRequest<?> request) {
        if (request.isSecure()) return true;
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        if (proto != null && proto.trim().toLowerCase(Locale.ROOT).startsWith("https")) return true;
        String forwarded = request.getHeaders().get("Forwarded");
        return forwarded != null && forwarded.toLowerCase(Locale.ROOT).replace(" ", "").contains("proto=https");
    }

    public static MutableHttpResponse<?> seeOther(String path) {
        URI to;
        try {
            to = URI.create(path);
        } catch (IllegalArgumentException e) {
            to = URI.create("/"); // an address no browser could follow (a space, a bad escape): home instead
        }
        return HttpResponse.seeOther(to);
    }

    /**
     * HttpOnly, SameSite=Lax, path /; Secure when the browser reached Laurel over HTTPS, directly or
     * through a proxy that ended TLS and said so (X-Forwarded-Proto or Forwarded: a forged header can
     * only make the cookie stricter). Null max age: until the browser closes.
     */
    public static Cookie cookie(HttpRequest<?> request, String name, String value, @Nullable Duration maxAge) {
        Cookie c = Cookie.of(name, value).httpOnly(true).sameSite(SameSite.Lax).path("/").secure(overHttps(request));
        if (maxAge != null) c.maxAge(maxAge);
        return c;
    }
}
