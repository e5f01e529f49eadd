package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import vn.laurel.api.export.CandidateRows;
import vn.laurel.api.export.Csv;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.problem.Problem;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.decisions.CandidatesService;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.json.Json;

import java.time.LocalDate;
import java.util.*;

/**
 * {@code GET /api/v1/awards/{code}/candidates?year=&unit=&includeSubunits=&outcome=&sort=&page=&size=}:
 * who in a unit or subtree is eligible for the award in the year, quotas applied; as JSON, as CSV
 * with {@code format=csv} or {@code Accept: text/csv}, or as an Excel workbook with {@code format=xlsx}
 * or {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}.
 */
@Secured({Roles.CLIENT, Roles.BOARD, Roles.ADMIN})
@Controller("/api/v1/awards")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CandidatesController {
    private static final List<String> FORMATS = List.of("json", "csv", "xlsx");
    private final CandidatesService service;
    private final SubjectsController subjects;
    private final RequestLimits limits;
    private final ScopeGuard scope;
    private final CandidateRows rows;
    private final UnitDirectory directory;
    private final RuleSetHolder rules;

    public CandidatesController(CandidatesService service, SubjectsController subjects, RequestLimits limits, ScopeGuard scope,
                                CandidateRows rows, UnitDirectory directory, RuleSetHolder rules) {
        this.limits = limits;
        this.scope = scope;
        this.service = service;
        this.subjects = subjects;
        this.rows = rows;
        this.directory = directory;
        this.rules = rules;
    }

    @Operation(summary = "Who in a unit is eligible for an award in a year, quotas applied",
            description = "Evaluates everyone in the unit (with includeSubunits, its whole subtree) from the stored facts; nothing is saved. "
                    + "JSON by default; CSV with format=csv or Accept: text/csv; an Excel workbook with format=xlsx or "
                    + "Accept: " + Downloads.XLSX + ": a title (award, unit, year, appraisal date, rules), a bold frozen header row in "
                    + "the answer's language (lang, Accept-Language; Vietnamese by default) and one row per candidate — code, name, unit, "
                    + "outcome, quota rank, the criterion that decided it. CSV and XLSX carry every row unless page and size say otherwise.")
    @ApiResponse(responseCode = "200", description = "The candidates, in the format asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "A bad parameter (year, unit, asOf, outcome, sort, page, size, format), named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "403", description = "The unit lies outside the caller's organisation scope", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "404", description = "No such award or unit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Get(value = "/{code}/candidates", produces = {MediaType.APPLICATION_JSON, "text/csv", Downloads.XLSX})
    public HttpResponse<?> candidates(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @QueryValue String unit,
                                      @Nullable @QueryValue String includeSubunits, @Nullable @QueryValue String asOf,
                                      @Nullable @QueryValue String outcome,
                                      @Parameter(description = "outcome (default: best first, then quota rank), name, id or rank",
                                              schema = @Schema(type = "string", allowableValues = {"outcome", "name", "id", "rank"}))
                                      @Nullable @QueryValue String sort,
                                      @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                      @Parameter(description = "json, csv or xlsx; without it the Accept header decides",
                                              schema = @Schema(type = "string", allowableValues = {"json", "csv", "xlsx"}))
                                      @Nullable @QueryValue String format, HttpRequest<?> request) {
        int y = Params.year(year);
        if (unit == null || unit.isBlank()) throw ProblemException.badField("unit", "is required: the code of a unit");
        scope.requireUnit(request, "unit", Params.id(unit));
        LocalDate date = Params.date("asOf", asOf);
        if (date == null) date = subjects.defaultAppraisalDate(y);
        Outcome wanted = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                wanted = Outcome.valueOf(outcome.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("outcome", "must be one of " + Arrays.toString(Outcome.values()));
            }
        }
        String order = sort == null || sort.isBlank() ? "outcome" : sort.trim();
        if (!CandidateRows.SORTS.contains(order)) throw ProblemException.badField("sort", "must be one of " + CandidateRows.SORTS);
        boolean subtree = includeSubunits != null && (includeSubunits.isBlank() || Boolean.parseBoolean(includeSubunits));
        String as = format(format, request);
        boolean file = !as.equals("json");
        int p = FactsController.number("page", page, 0, 0, 1_000_000);
        int s = FactsController.number("size", size, file ? 100_000 : 50, 1, file ? 100_000 : FactsController.MAX_PAGE_SIZE);

        LocalDate appraisal = date;
        CandidatesService.Candidates all = limits.wide(() -> service.candidates(code, y, appraisal, Params.id(unit), subtree));
        Map<String, Long> counts = CandidateRows.counts(all.candidates());
        List<CandidatesService.Candidate> selected = CandidateRows.select(all.candidates(), wanted, order);
        List<CandidatesService.Candidate> pageRows = selected.stream().skip((long) p * s).limit(s).toList();
        String lang = Language.of(request);
        String name = code + "-" + Params.id(unit) + "-" + y;
        if (as.equals("csv")) {
            return HttpResponse.ok(csv(pageRows, lang)).contentType("text/csv;charset=utf-8")
                    .header("Content-Disposition", Downloads.disposition(name + ".csv"));
        }
        if (as.equals("xlsx")) {
            String l = Language.BOTH.equals(lang) ? "vi" : lang;
            Map<String, String> unitNames = new HashMap<>();
            unitNames.putAll(UnitDirectory.namesOf(directory.all().values()));
            String awardName = rules.current().award(code).map(a -> a.name().in(l)).orElse(code);
            return Downloads.xlsx(rows.table(all, pageRows, awardName, unitNames.getOrDefault(all.units().get(0), all.units().get(0)),
                    subtree, wanted, unitNames, l), name);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("award", code);
        body.put("year", y);
        body.put("asOf", date.toString());
        body.put("regime", all.regime());
        body.put("rulesetVersion", all.rulesetVersion());
        body.put("units", all.units());
        body.put("counts", counts);
        body.put("total", selected.size());
        body.put("page", p);
        body.put("size", s);
        body.put("items", pageRows.stream().map(CandidatesController::view).toList());
        body.put("parameters", all.parameters());
        return HttpResponse.ok(Json.write(Language.localize(Json.toMap(body), lang))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** {@code format} when given (json, csv, xlsx), else the first of XLSX and CSV the Accept header names, else JSON. */
    private static String format(@Nullable String format, HttpRequest<?> request) {
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(f)) throw ProblemException.badField("format", "must be one of " + FORMATS);
            return f;
        }
        List<MediaType> accept = request.getHeaders().accept();
        if (accept.stream().anyMatch(m -> m.getName().equals(Downloads.XLSX))) return "xlsx";
        if (accept.stream().anyMatch(m -> m.getName().equals("text/csv"))) return "csv";
        return "json";
    }

    private static Map<String, Object> view(CandidatesService.Candidate c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("subjectId", c.subjectId());
        v.put("name", c.name());
        v.put("unit", c.unit());
        v.put("outcome", c.result().outcome());
        v.put("quota", c.result().quota());
        v.put("openCriteria", c.result().criteria().stream().filter(k -> k.status() != Status.MET)
                .map(k -> Map.of("criterion", k.criterion(), "status", k.status(), "explanation", k.explanation())).toList());
        return v;
    }

    private static String csv(List<CandidatesService.Candidate> rows, String lang) {
        StringBuilder out = new StringBuilder("subject,name,unit,outcome,quota_rank,quota_allowed,reasons\n");
        for (CandidatesService.Candidate c : rows) {
            String reasons = String.join(" | ", c.result().criteria().stream().filter(k -> k.status() != Status.MET)
                    .map(k -> k.explanation().in(Language.BOTH.equals(lang) ? "vi" : lang)).toList());
            out.append(String.join(",", Csv.cell(c.subjectId()), Csv.cell(c.name()), Csv.cell(c.unit()), c.result().outcome().name(),
                    c.result().quota() == null ? "" : String.valueOf(c.result().quota().rank()),
                    c.result().quota() == null ? "" : String.valueOf(c.result().quota().allowed()), Csv.cell(reasons))).append('\n');
        }
        return out.toString();
    }
}
