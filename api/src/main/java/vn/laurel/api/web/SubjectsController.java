package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.security.Requester;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.FieldError;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/** Eligibility of a stored subject: evaluated from the facts in the store, and saved as a decision. */
@Secured({Roles.CLIENT, Roles.ADMIN})
@Controller("/api/v1/subjects")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubjectsController {
    private final EligibilityService service;
    private final MonthDay appraisalDay;
    private final Clock clock;
    private final ScopeGuard scope;

    public SubjectsController(EligibilityService service, ScopeGuard scope, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.service = service;
        this.scope = scope;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * @param year   the evaluation year
     * @param asOf   the appraisal date that selects the regime; by default the appraisal day after the
     *               year ends (15 January), or today if that is still to come
     * @param awards comma-separated award codes; by default every award for the subject's kind
     */
    @Get(value = "/{id}/eligibility", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> eligibility(@PathVariable("id") String rawId, @Nullable @QueryValue String year,
                                            @Nullable @QueryValue String asOf, @Nullable @QueryValue String awards,
                                            HttpRequest<?> request) {
        String id = Params.id(rawId);
        int y = Params.year(year);
        LocalDate date = Params.date("asOf", asOf);
        if (date == null) date = defaultAppraisalDate(y);
        if (y > date.getYear()) throw ProblemException.badField("year", "the evaluation year " + y + " is after asOf " + date);
        String lang = Language.of(request); // before deciding: a bad lang must not leave a saved decision behind a 400
        scope.requireSubject(request, "id", id);
        try {
            return HttpResponse.ok(service.decide(id, y, date, Params.codes(awards), Requester.of(request)).json(lang));
        } catch (CaseFormatException e) {
            // The case was built from the query: name the query parameter, not the case field.
            throw new ProblemException(io.micronaut.http.HttpStatus.BAD_REQUEST, e.getMessage(), e.getErrors().stream()
                    .map(f -> new FieldError(f.field().replaceAll("\\[\\d+]$", ""), f.message())).toList());
        }
    }

    LocalDate defaultAppraisalDate(int year) {
        return Params.defaultAppraisalDate(year, appraisalDay, clock);
    }
}
