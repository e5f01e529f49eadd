package vn.laurel.api.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.facts.SubjectSearch;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.web.Params;
import vn.laurel.engine.caseformat.CaseFormatException;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A person's eligibility for a year: every award, each criterion with actual against required. */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PersonPages {
    private final Pages pages;
    private final AnswerViews views;
    private final ScopeGuard scope;
    private final SubjectSearch search;
    private final EligibilityService eligibility;
    private final JsonMapper json;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public PersonPages(Pages pages, AnswerViews views, ScopeGuard scope, SubjectSearch search, EligibilityService eligibility,
                       JsonMapper json, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.pages = pages;
        this.views = views;
        this.scope = scope;
        this.search = search;
        this.eligibility = eligibility;
        this.json = json;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    @Get("/people/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> person(@PathVariable("id") String rawId, @Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.ELIGIBILITY);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        int y;
        String id;
        LocalDate asOf;
        try {
            id = Params.id(rawId);
            y = year == null || year.isBlank() ? LocalDate.now(clock).getYear() - 1 : Params.year(year);
            asOf = Params.defaultAppraisalDate(y, appraisalDay, clock);
            if (y > asOf.getYear()) return pages.error(request, HttpStatus.BAD_REQUEST, "error.year");
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.BAD_REQUEST, "error.year");
        }
        try {
            scope.requireSubject(request, "id", id);
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        Optional<SubjectSearch.Person> subject = search.subject(id);
        if (subject.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        Map<String, Object> answer;
        try {
            // The GET path of the API: evaluated from the stored facts, nothing saved.
            answer = json.readValue(eligibility.evaluate(id, y, asOf, List.of()).json(lang), Argument.mapOf(String.class, Object.class));
        } catch (ProblemException e) {
            return pages.error(request, e.problem().status() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, "error.notFound");
        } catch (CaseFormatException e) {
            return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "error.facts");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the answer for " + id, e);
        }
        Map<String, Object> model = pages.model(request, "person.title");
        model.put("person", subject.get());
        model.put("year", y);
        model.put("asOf", Pages.date(asOf, lang));
        model.put("answer", answer);
        model.put("results", views.awards(answer.get("results"), lang));
        model.put("years", years(y));
        return pages.page(request, "person", model);
    }

    private List<Integer> years(int chosen) {
        int last = Math.max(chosen, LocalDate.now(clock).getYear());
        List<Integer> out = new ArrayList<>();
        for (int y = last; y >= last - 10; y--) out.add(y);
        if (!out.contains(chosen)) out.add(chosen);
        return out;
    }
}
