package vn.laurel.api.pages;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.store.SubjectSearch;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.web.Params;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.model.Subject;

import java.util.Map;
import java.util.Optional;

/**
 * A person's eligibility for a year: every award, what keeps it from being reached, each criterion
 * with actual against required and the facts it looked at, and ten years of the person's facts. The same
 * page serves an enterprise and a household (issue 21), with their kind, founding day, contributions and
 * campaign results; a unit has a page of its own.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PersonPages {
    /** Longer than any id the store keeps; a longer one is refused before it reaches a query. */
    static final int MAX_ID = 200;

    private final Pages pages;
    private final ScopeGuard scope;
    private final SubjectSearch search;
    private final SubjectAnswers answers;
    private final UnitDirectory units;
    @jakarta.inject.Inject
    EarliestSection earliest;

    private final SubjectViews views;

    public PersonPages(Pages pages, ScopeGuard scope, SubjectSearch search, SubjectAnswers answers, UnitDirectory units,
                       SubjectViews views) {
        this.pages = pages;
        this.scope = scope;
        this.search = search;
        this.answers = answers;
        this.units = units;
        this.views = views;
    }

    @Get("/people/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> person(@PathVariable("id") String rawId, @Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.ELIGIBILITY);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        Optional<SubjectAnswers.Asked> asked = answers.year(year);
        if (asked.isEmpty()) return pages.error(request, HttpStatus.BAD_REQUEST, "error.year");
        String id = Params.id(rawId);
        if (id == null || id.isEmpty() || id.length() > MAX_ID) return pages.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        try {
            scope.requireSubject(request, "id", id);
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        Optional<SubjectSearch.Person> subject = search.subject(id);
        if (subject.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        Map<String, Object> answer;
        Subject stored;
        try {
            SubjectAnswers.Answered answered = answers.answered(id, asked.get(), lang);
            answer = answered.answer();
            stored = answered.subject();
        } catch (ProblemException e) {
            return pages.error(request, e.problem().status() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, "error.notFound");
        } catch (CaseFormatException e) {
            return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "error.facts");
        }
        if ("COLLECTIVE".equals(answer.get("subjectKind"))) { // a unit is a subject too: its own page says more
            return Pages.seeOther(UnitViews.path(id, asked.get().year()));
        }
        Map<String, Object> model = pages.model(request, "person.title");
        model.put("person", subject.get());
        // An enterprise or a household: its kind, founding day, contributions and campaign results; a person's contributions
        // and campaign results when there are any. The subject as the answer read it: not read again. The what-if form
        // takes persons, enterprises and households (WhatIfPages.WHAT_IF_KINDS).
        views.fill(model, stored, lang);
        model.put("canWhatIf", WhatIfPages.WHAT_IF_KINDS.contains(stored.kind()) && Pages.hasAny(request, PageRoles.WHAT_IF));
        UnitDirectory.Unit unit = subject.get().unitCode() == null ? null : units.all().get(subject.get().unitCode());
        model.put("unitName", unit == null ? subject.get().unitCode() : unit.name());
        model.put("title", subject.get().name() + " · " + model.get("title") + " " + asked.get().year());
        answers.years(model, asked.get(), lang);
        answers.fill(model, request, id, answer, asked.get(), lang);
        model.put("earliest", earliest.view(request, id, String.valueOf(answer.get("subjectKind")), asked.get().year(), asked.get().asOf(), lang));
        return pages.page(request, "person", model);
    }
}
