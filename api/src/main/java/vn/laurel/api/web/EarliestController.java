package vn.laurel.api.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import vn.laurel.api.earliest.EarliestParams;
import vn.laurel.api.earliest.EarliestService;
import vn.laurel.api.limits.YamlBodyLimit;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.security.Roles;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.projection.Assumptions;
import vn.laurel.engine.projection.Earliest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The earliest year a subject could become eligible for an award if its record continues at its present level
 * (or at a level assumed), what gates it and what each gate still needs: for a stored subject (the roles and
 * scope of its eligibility GET) or for a case document (those of a what-if). Nothing is saved.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EarliestController {
    private final EarliestService service;
    private final ScopeGuard scope;
    private final YamlBodyLimit yamlLimit;
    private final RuleSetHolder rules;
    private final MonthDay appraisalDay;
    private final Clock clock;

    public EarliestController(EarliestService service, ScopeGuard scope, YamlBodyLimit yamlLimit, RuleSetHolder rules,
                              @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.service = service;
        this.scope = scope;
        this.yamlLimit = yamlLimit;
        this.rules = rules;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * @param award       comma-separated award codes; by default every award for the subject's kind
     * @param year        the evaluation year, the record as it stands up to it; by default last year
     * @param asOf        its appraisal date (default as for the eligibility GET)
     * @param rating      a rating assumed for every projected year (else the last evaluated year's is repeated)
     * @param initiatives grassroots initiatives assumed every projected year (else the last year's are repeated)
     * @param attested    true: every attestation given each projected year; false: none (else the last year's true ones)
     * @param horizon     years projected, 1–15 (10)
     * @param rulesContinue false: an award the regime in force in a projected year has no criteria for is not
     *                    answered under an earlier regime's criteria (default true, and the answer says so)
     */
    @Operation(summary = "Earliest year a stored subject could become eligible, not saved",
            description = "Projects the subject's record year by year (its last evaluated year repeated, or the assumptions) and answers "
                    + "per award: already eligible, the earliest year with the criteria that gate it and what each still needs, "
                    + "or never as the record stands with the reason. Nothing is written.")
    @Secured({Roles.CLIENT, Roles.BOARD, Roles.ADMIN})
    @Get(value = "/subjects/{id}/earliest", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> subject(@PathVariable("id") String rawId, @Nullable @QueryValue String award,
                                        @Nullable @QueryValue String year, @Nullable @QueryValue String asOf,
                                        @Nullable @QueryValue String rating, @Nullable @QueryValue String initiatives,
                                        @Nullable @QueryValue String attested, @Nullable @QueryValue String horizon,
                                        @Nullable @QueryValue String rulesContinue,
                                        HttpRequest<?> request) {
        String id = Params.id(rawId);
        int y = year == null || year.isBlank() ? LocalDate.now(clock).getYear() - 1 : Params.year(year);
        LocalDate date = Params.date("asOf", asOf);
        if (date == null) date = Params.defaultAppraisalDate(y, appraisalDay, clock);
        if (y > date.getYear()) throw ProblemException.badField("year", "the evaluation year " + y + " is after asOf " + date);
        Assumptions assumptions = EarliestParams.assumptions(rating, initiatives, attested, horizon, rulesContinue).withAppraisalDay(appraisalDay);
        EarliestParams.requireWithinDates(y, assumptions);
        List<String> awards = Params.codes(award);
        String lang = Language.of(request);
        scope.requireSubject(request, "id", id);
        LocalDate appraised = date;
        return answer(() -> service.ofSubject(id, y, appraised, awards, assumptions), lang, true);
    }

    /**
     * The same for a case document sent in the body (JSON or YAML, the what-if's limits and checks); its
     * {@code year} and {@code asOf} are the question's. {@code award} replaces the document's {@code awards}.
     */
    @Operation(summary = "Earliest year for a case document, not saved",
            description = "As GET /api/v1/subjects/{id}/earliest, for the subject of the case document in the body; "
                    + "the document's year and asOf are the question's.")
    @Secured({Roles.CLIENT, Roles.POLICY, Roles.ADMIN})
    @Post(value = "/evaluations/earliest", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_YAML, "text/yaml", MediaType.TEXT_PLAIN})
    public HttpResponse<byte[]> caseDocument(@Nullable @Body String body, @Nullable @QueryValue String award,
                                             @Nullable @QueryValue String rating, @Nullable @QueryValue String initiatives,
                                             @Nullable @QueryValue String attested, @Nullable @QueryValue String horizon,
                                             @Nullable @QueryValue String rulesContinue,
                                             HttpRequest<?> request) {
        String lang = Language.of(request);
        Assumptions assumptions = EarliestParams.assumptions(rating, initiatives, attested, horizon, rulesContinue).withAppraisalDay(appraisalDay);
        yamlLimit.check(body);
        CaseDocument read = CaseReader.read(body == null ? "" : body, yamlLimit.bytes());
        List<FieldError> unknown = FactCodes.check(rules.current(), read);
        if (!unknown.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The case document names codes the rules do not know: "
                    + unknown.stream().map(FieldError::toString).collect(Collectors.joining("; ")), unknown);
        }
        if (read.year() == null) throw new CaseFormatException("year", "is required for an earliest year");
        EarliestParams.requireWithinDates(read.year(), assumptions);
        List<String> awards = Params.codes(award);
        CaseDocument doc = awards.isEmpty() ? read : new CaseDocument(read.name(), read.asOf(), read.submittedOn(), read.year(),
                awards, read.organisation(), read.subject(), read.members(), read.expect());
        return answer(() -> service.ofCase(doc, assumptions), lang, !awards.isEmpty());
    }

    /** The answer in the asked language; an award refused names the {@code award} parameter when the query gave it. */
    private static HttpResponse<byte[]> answer(Supplier<Earliest> earliest, String lang, boolean awardsFromQuery) {
        try {
            return HttpResponse.ok(Json.writeBytes(earliest.get(), lang));
        } catch (CaseFormatException e) {
            if (!awardsFromQuery) throw e;
            List<FieldError> errors = e.getErrors().stream()
                    .map(f -> new FieldError(f.field().replaceAll("^awards\\[\\d+]$", "award"), f.message())).toList();
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")), errors);
        }
    }
}
