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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
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
import java.util.function.Supplier;

/** Eligibility of a stored subject, evaluated from the facts in the store: answered by a GET, saved as a decision by a POST. */
@Secured({Roles.CLIENT, Roles.BOARD, Roles.ADMIN})
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
     * The answer from the stored facts, without saving anything: a GET is safe, and may be repeated
     * (its {@code decisionId} is null). To keep the answer as a decision, POST the same URL.
     *
     * @param year   the evaluation year
     * @param asOf   the appraisal date that selects the regime; by default the appraisal day after the
     *               year ends (15 January), or today if that is still to come
     * @param awards comma-separated award codes; by default every award for the subject's kind
     */
    @Operation(summary = "Eligibility of a stored subject, not saved",
            description = "Evaluates from the stored facts and answers; nothing is written (decisionId is null). "
                    + "Until issue 13 this GET also saved a decision: clients that keep decisions now POST the same URL.")
    @Get(value = "/{id}/eligibility", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> eligibility(@PathVariable("id") String rawId, @Nullable @QueryValue String year,
                                            @Nullable @QueryValue String asOf, @Nullable @QueryValue String awards,
                                            HttpRequest<?> request) {
        Question q = question(rawId, year, asOf, awards, request);
        return answer(() -> AnswerBody.of(service.evaluate(q.id(), q.year(), q.asOf(), q.awards()), q.lang()));
    }

    /**
     * The answer from the stored facts, saved as a decision in the audit chain (its {@code decisionId}
     * in the answer): the same query parameters as the GET, no body.
     *
     * @param year   the evaluation year
     * @param asOf   the appraisal date that selects the regime (default as for the GET)
     * @param awards comma-separated award codes; by default every award for the subject's kind
     */
    @Operation(summary = "Eligibility of a stored subject, saved as a decision",
            description = "Evaluates from the stored facts and keeps the answer as a decision (basis STORED_FACTS) in the audit chain; "
                    + "the answer carries its decisionId. Same parameters as the GET.")
    @Post(value = "/{id}/eligibility", produces = MediaType.APPLICATION_JSON,
            consumes = MediaType.ALL)
    public HttpResponse<byte[]> decide(@PathVariable("id") String rawId, @Nullable @QueryValue String year,
                                       @Nullable @QueryValue String asOf, @Nullable @QueryValue String awards,
                                       HttpRequest<?> request) {
        Question q = question(rawId, year, asOf, awards, request);
        return answer(() -> AnswerBody.of(service.decide(q.id(), q.year(), q.asOf(), q.awards(), Requester.of(request)), q.lang()));
    }

    private record Question(String id, int year, LocalDate asOf, List<String> awards, String lang) {}

    /** Every parameter checked before anything is evaluated: a bad one must not leave a saved decision behind a 400. */
    private Question question(String rawId, String year, String asOf, String awards, HttpRequest<?> request) {
        String id = Params.id(rawId);
        int y = Params.year(year);
        LocalDate date = Params.date("asOf", asOf);
        if (date == null) date = defaultAppraisalDate(y);
        if (y > date.getYear()) throw ProblemException.badField("year", "the evaluation year " + y + " is after asOf " + date);
        String lang = Language.of(request); // before deciding: a bad lang must not leave a saved decision behind a 400
        scope.requireSubject(request, "id", id);
        return new Question(id, y, date, Params.codes(awards), lang);
    }

    private static HttpResponse<byte[]> answer(Supplier<byte[]> evaluation) {
        try {
            return HttpResponse.ok(evaluation.get());
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
