package vn.laurel.api.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import vn.laurel.api.proposals.Authorities;
import vn.laurel.api.proposals.ProposalRefused;
import vn.laurel.api.proposals.ProposalService;
import vn.laurel.api.proposals.ProposalViews;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.security.Roles;
import vn.laurel.engine.json.Json;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/authorities?year=Y[&unit=U][&asOf=D]}: who decides each award for each kind of subject on
 * the year's appraisal date, for the organisation of the unit (the top of the tree by default): the parameter
 * {@code authority.<AWARD>.<KIND>} in force, its legal basis and confidence, and the concrete authority a
 * candidate of that organisation is routed to. Reads only.
 */
@Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/authorities")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthoritiesController {
    private final Authorities authorities;
    private final ProposalService service;
    private final ProposalViews views;
    private final RuleSetHolder rules;
    private final MonthDay appraisalDay;

    public AuthoritiesController(Authorities authorities, ProposalService service, ProposalViews views, RuleSetHolder rules,
                                 @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.authorities = authorities;
        this.service = service;
        this.views = views;
        this.rules = rules;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    @Operation(summary = "The competent authority of every award and kind of subject, for a year and an organisation")
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> authorities(@Nullable @QueryValue String year, @Nullable @QueryValue String unit,
                                            @Nullable @QueryValue String asOf, HttpRequest<?> request) {
        String lang = ProposalsController.lang(request);
        int y = Params.year(year);
        LocalDate date = Params.date("asOf", asOf);
        if (date == null) date = Params.defaultAppraisalDate(y, appraisalDay, Clock.systemDefaultZone());
        if (unit != null && unit.length() > 200) throw ProposalsController.tooLong(views, lang, "unit");
        ProposalService.Scope scope;
        try {
            scope = service.scope(null, unit == null || unit.isBlank() ? null : Params.id(unit));
        } catch (ProposalRefused e) {
            throw ProposalsController.problem(e, views, lang);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", y);
        body.put("asOf", date.toString());
        body.put("unit", scope.unit());
        body.put("organisation", scope.organisation().code());
        body.put("items", views.authorities(authorities.table(rules.current(), date, scope.organisation()), lang));
        return HttpResponse.ok(Json.write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
