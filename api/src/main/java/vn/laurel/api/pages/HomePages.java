package vn.laurel.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.store.SubjectSearch;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** The home page (the pages the user's roles open) and search (people, units, enterprises and households, accents optional). */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class HomePages {
    private final Pages pages;
    private final ScopeGuard scope;
    private final SubjectSearch search;
    private final Clock clock = Clock.systemDefaultZone();

    private final ValueTexts values;

    public HomePages(Pages pages, ScopeGuard scope, SubjectSearch search, ValueTexts values) {
        this.pages = pages;
        this.scope = scope;
        this.search = search;
        this.values = values;
    }

    @Get("/")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> home(HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.SIGNED_IN);
        if (refused != null) return refused;
        Map<String, Object> model = pages.model(request, "home.title");
        model.put("canSeePeople", Pages.hasAny(request, PageRoles.ELIGIBILITY));
        return pages.page(request, "home", model);
    }

    @Get("/search")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> search(@Nullable @QueryValue String q, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.SIGNED_IN);
        if (refused != null) return refused;
        Map<String, Object> model = pages.model(request, "search.title");
        String query = q == null ? "" : q.strip();
        model.put("q", query);
        model.put("canSeePeople", Pages.hasAny(request, PageRoles.ELIGIBILITY));
        model.put("year", LocalDate.now(clock).getYear() - 1);
        if (!query.isEmpty()) {
            try {
                SubjectSearch.Hits hits = search.search(query, scope.visibleUnits(request, "q"));
                model.put("people", hits.people());
                model.put("units", hits.units());
                // Enterprises and households, their kind in words (shown only when some match).
                String lang = Pages.lang(request);
                model.put("others", hits.others().stream().map(o -> new SubjectSearch.Other(o.id(), o.name(), o.unitCode(),
                        values.codeOrSelf(o.kind(), lang))).toList());
                model.put("searched", true);
            } catch (ProblemException e) {
                return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
            }
        }
        return pages.page(request, "search", model);
    }
}
