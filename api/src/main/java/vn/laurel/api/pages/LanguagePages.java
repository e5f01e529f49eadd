package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.security.WebSessions;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The language switch of a signed-in user: a form (so a GET changes nothing) that remembers the choice
 * for the user, in every browser and after sign-out, and returns to the page it came from. Before
 * sign-in the switch is a plain link ({@code ?lang=}), remembered by the browser's cookie only.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LanguagePages {
    private final Pages pages;
    private final WebSessions sessions;

    public LanguagePages(Pages pages, WebSessions sessions) {
        this.pages = pages;
        this.sessions = sessions;
    }

    @Post(value = "/language", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> choose(@Body Map<String, Object> form, HttpRequest<?> request) {
        Optional<Authentication> user = Pages.user(request);
        if (user.isEmpty()) return Pages.seeOther("/login");
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        String lang = Pages.field(form, "lang");
        if (lang == null || !Messages.LANGUAGES.contains(lang)) return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "error.lang");
        sessions.savePreferredLanguage(user.get().getName(), lang);
        String back = Pages.localPath(Pages.field(form, "return"));
        return Pages.seeOther(back + (back.contains("?") ? "&" : "?") + "lang=" + lang)
                .cookie(Pages.cookie(request, Pages.LANG_COOKIE, lang, Duration.ofDays(365)));
    }
}
