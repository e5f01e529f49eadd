package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
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
import vn.laurel.engine.criteria.Status;
import vn.laurel.engine.evaluation.Outcome;
import vn.laurel.engine.json.Json;

import java.time.LocalDate;
import java.util.*;

/**
 * {@code GET /api/v1/awards/{code}/candidates?year=&unit=&includeSubunits=&outcome=&sort=&page=&size=}:
 * who in a unit or subtree is eligible for the award in the year, quotas applied; as JSON, or as CSV
 * with {@code format=csv} or {@code Accept: text/csv}.
 */
@Secured({Roles.CLIENT, Roles.ADMIN})
@Controller("/api/v1/awards")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CandidatesController {
    private static final List<String> SORTS = List.of("outcome", "name", "id");
    private final CandidatesService service;
    private final SubjectsController subjects;
    private final RequestLimits limits;
    private final ScopeGuard scope;

    public CandidatesController(CandidatesService service, SubjectsController subjects, RequestLimits limits, ScopeGuard scope) {
        this.limits = limits;
        this.scope = scope;
        this.service = service;
        this.subjects = subjects;
    }

    @Get(value = "/{code}/candidates", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<String> candidates(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @QueryValue String unit,
                                           @Nullable @QueryValue String includeSubunits, @Nullable @QueryValue String asOf,
                                           @Nullable @QueryValue String outcome, @Nullable @QueryValue String sort,
                                           @Nullable @QueryValue String page, @Nullable @QueryValue String size,
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
        if (!SORTS.contains(order)) throw ProblemException.badField("sort", "must be one of " + SORTS);
        boolean subtree = includeSubunits != null && (includeSubunits.isBlank() || Boolean.parseBoolean(includeSubunits));
        boolean csv = "csv".equals(format) || request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals("text/csv"));
        int p = FactsController.number("page", page, 0, 0, 1_000_000);
        int s = FactsController.number("size", size, csv ? 100_000 : 50, 1, csv ? 100_000 : FactsController.MAX_PAGE_SIZE);

        LocalDate appraisal = date;
        CandidatesService.Candidates all = limits.wide(() -> service.candidates(code, y, appraisal, Params.id(unit), subtree));
        Map<String, Long> counts = new TreeMap<>();
        all.candidates().forEach(c -> counts.merge(c.result().outcome().name(), 1L, Long::sum));
        Outcome filter = wanted;
        List<CandidatesService.Candidate> rows = new ArrayList<>(all.candidates().stream()
                .filter(c -> filter == null || c.result().outcome() == filter).toList());
        rows.sort(switch (order) {
            case "name" -> Comparator.comparing((CandidatesService.Candidate c) -> String.valueOf(c.name())).thenComparing(CandidatesService.Candidate::subjectId);
            case "id" -> Comparator.comparing(CandidatesService.Candidate::subjectId);
            default -> Comparator.comparingInt((CandidatesService.Candidate c) -> rank(c.result().outcome()))
                    .thenComparingInt(c -> c.result().quota() == null ? Integer.MAX_VALUE : c.result().quota().rank())
                    .thenComparing(CandidatesService.Candidate::subjectId);
        });
        List<CandidatesService.Candidate> pageRows = rows.stream().skip((long) p * s).limit(s).toList();
        String lang = Language.of(request);
        if (csv) {
            return HttpResponse.ok(csv(pageRows, lang)).contentType("text/csv;charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + code + "-" + unit + "-" + y + ".csv\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("award", code);
        body.put("year", y);
        body.put("asOf", date.toString());
        body.put("regime", all.regime());
        body.put("rulesetVersion", all.rulesetVersion());
        body.put("units", all.units());
        body.put("counts", counts);
        body.put("total", rows.size());
        body.put("page", p);
        body.put("size", s);
        body.put("items", pageRows.stream().map(CandidatesController::view).toList());
        body.put("parameters", all.parameters());
        return HttpResponse.ok(Json.write(Language.localize(Json.toMap(body), lang)));
    }

    private static int rank(Outcome o) {
        return List.of(Outcome.ELIGIBLE, Outcome.ELIGIBLE_SUBJECT_TO_QUOTA, Outcome.NEEDS_REVIEW, Outcome.NOT_ELIGIBLE, Outcome.NOT_MODELLED).indexOf(o);
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
            out.append(String.join(",", cell(c.subjectId()), cell(c.name()), cell(c.unit()), c.result().outcome().name(),
                    c.result().quota() == null ? "" : String.valueOf(c.result().quota().rank()),
                    c.result().quota() == null ? "" : String.valueOf(c.result().quota().allowed()), cell(reasons))).append('\n');
        }
        return out.toString();
    }

    /** A CSV field, quoted when needed; a leading formula character is neutralised for spreadsheets. */
    private static String cell(String v) {
        if (v == null) return "";
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
