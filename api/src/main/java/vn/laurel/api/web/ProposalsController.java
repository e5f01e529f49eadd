package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.limits.Bodies;
import vn.laurel.api.problem.JsonProblems;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.proposals.Authority;
import vn.laurel.api.proposals.ProposalList;
import vn.laurel.api.proposals.ProposalRefused;
import vn.laurel.api.proposals.ProposalService;
import vn.laurel.api.proposals.ProposalViews;
import vn.laurel.api.proposals.ProposalWorkbook;
import vn.laurel.api.security.Requester;
import vn.laurel.api.security.Roles;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.*;

/**
 * Proposal lists for the competent authorities: {@code GET /api/v1/proposals?year=Y[&authority=A]} (the latest
 * list of each authority; JSON, or an Excel workbook with {@code Accept: } {@value Downloads#XLSX}),
 * {@code POST /api/v1/proposals} (prepare a list: {@code {"year", "authority", "unit"?, "asOf"?}}),
 * {@code GET /api/v1/proposals/{id}}, {@code POST /api/v1/proposals/{id}/conferment} (the authority's decision:
 * {@code {"decisionNo", "decidedOn", "rows"?}}). Problems name the field in the caller's language.
 */
@Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/proposals")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProposalsController {
    static final int MAX_TEXT = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PREPARE = Set.of("year", "authority", "unit", "asOf");
    private static final Set<String> CONFER = Set.of("decisionNo", "decidedOn", "rows");

    private final ProposalService service;
    private final ProposalViews views;
    private final MonthDay appraisalDay;

    public ProposalsController(ProposalService service, ProposalViews views, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.service = service;
        this.views = views;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    @Operation(summary = "The latest proposal list of each competent authority for a year (JSON or XLSX)")
    @Get(produces = {MediaType.APPLICATION_JSON, Downloads.XLSX})
    public HttpResponse<?> lists(@Nullable @QueryValue String year, @Nullable @QueryValue String authority, HttpRequest<?> request) {
        String lang = lang(request);
        int y = Params.year(year);
        String a = null;
        if (authority != null) {
            if (authority.length() > Authority.MAX_CODE) throw tooLong(views, lang, "authority");
            a = Authority.parse(authority).map(Authority::code)
                    .orElseThrow(() -> ProblemException.badField("authority", views.text(lang, "proposals.error.authority", authority)));
        }
        List<Map<String, Object>> lists = new ArrayList<>();
        for (ProposalList l : service.latest(y, a)) lists.add(views.list(l, lang));
        if (wantsXlsx(request)) {
            // An empty workbook would read as "nobody proposed": with no list prepared, say so, naming what was asked.
            if (lists.isEmpty()) {
                String field = a == null ? "year" : "authority";
                String m = a == null ? views.text(lang, "proposals.error.noListYear", y) : views.text(lang, "proposals.error.noList", a, y);
                throw new ProblemException(HttpStatus.NOT_FOUND, field + ": " + m, List.of(new FieldError(field, m)));
            }
            return Downloads.file(ProposalWorkbook.write(lists, views, lang), Downloads.XLSX,
                    "proposals-" + y + (a == null ? "" : "-" + a.replace(':', '-')) + ".xlsx");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", y);
        body.put("authority", a);
        body.put("lists", lists);
        return json(HttpStatus.OK, body);
    }

    @Operation(summary = "A proposal list as prepared, with its rows, totals and conferments (JSON or XLSX)")
    @Get(value = "/{id}", produces = {MediaType.APPLICATION_JSON, Downloads.XLSX})
    public HttpResponse<?> list(@PathVariable String id, HttpRequest<?> request) {
        String lang = lang(request);
        ProposalList l = service.find(id(id, lang)).orElseThrow(() -> notFound(lang, id));
        Map<String, Object> view = views.list(l, lang);
        if (wantsXlsx(request)) {
            return Downloads.file(ProposalWorkbook.write(List.of(view), views, lang), Downloads.XLSX, "proposals-" + l.year() + "-" + l.id() + ".xlsx");
        }
        return json(HttpStatus.OK, view);
    }

    @Operation(summary = "Prepare a proposal list for a competent authority and a year (decisions saved)")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> prepare(@Nullable @Body InputStream body, HttpRequest<?> request) {
        String lang = lang(request);
        JsonNode json = read(body, PREPARE, lang);
        int year = Params.year(text(json, "year", lang));
        LocalDate asOf = Params.date("asOf", text(json, "asOf", lang));
        if (asOf == null) asOf = Params.defaultAppraisalDate(year, appraisalDay, Clock.systemDefaultZone());
        String authority = text(json, "authority", lang);
        if (authority == null || authority.isBlank()) throw required(lang, "authority");
        String unit = text(json, "unit", lang);
        try {
            ProposalList l = service.prepare(year, asOf, authority, unit == null || unit.isBlank() ? null : Params.id(unit), Requester.of(request));
            return json(HttpStatus.CREATED, views.list(l, lang)).header("Location", "/api/v1/proposals/" + l.id());
        } catch (ProposalRefused e) {
            throw problem(e, views, lang);
        }
    }

    @Operation(summary = "Record the authority's decision on a list: each row conferred becomes a title or commendation fact")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Post(value = "/{id}/conferment", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> confer(@PathVariable String id, @Nullable @Body InputStream body, HttpRequest<?> request) {
        String lang = lang(request);
        long listId = id(id, lang);
        JsonNode json = read(body, CONFER, lang);
        String decisionNo = text(json, "decisionNo", lang);
        LocalDate decidedOn = Params.date("decidedOn", text(json, "decidedOn", lang));
        List<Integer> rows = new ArrayList<>();
        JsonNode r = json.get("rows");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) throw ProblemException.badField("rows", views.text(lang, "proposals.error.rowsArray"));
            if (r.size() > ProposalService.MAX_ROWS_ASKED) {
                String m = views.text(lang, "proposals.error.tooManyRows", ProposalService.MAX_ROWS_ASKED);
                throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "rows: " + m, List.of(new FieldError("rows", m)));
            }
            for (int i = 0; i < r.size(); i++) {
                if (!r.get(i).isInt()) throw ProblemException.badField("rows[" + i + "]", views.text(lang, "proposals.error.row", r.get(i).toString()));
                rows.add(r.get(i).asInt());
            }
        }
        try {
            ProposalList l = service.confer(listId, decisionNo, decidedOn, rows, Requester.of(request));
            return json(HttpStatus.CREATED, views.list(l, lang));
        } catch (ProposalRefused e) {
            throw problem(e, views, lang);
        }
    }

    // ---- shared with AuthoritiesController

    /** The caller's language for texts: vi or en ("both" reads Vietnamese: these texts are sentences, not pairs). */
    static String lang(HttpRequest<?> request) {
        String l = Language.of(request);
        return Language.BOTH.equals(l) ? "vi" : l;
    }

    static ProblemException problem(ProposalRefused e, ProposalViews views, String lang) {
        String m = views.text(lang, e.key(), e.args());
        return new ProblemException(e.status(), e.field() + ": " + m, List.of(new FieldError(e.field(), m)));
    }

    static ProblemException tooLong(ProposalViews views, String lang, String field) {
        return ProblemException.badField(field, views.text(lang, "proposals.error.tooLong", Authority.MAX_CODE));
    }

    // ----

    private ProblemException required(String lang, String field) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + views.text(lang, "proposals.error.required"),
                List.of(new FieldError(field, views.text(lang, "proposals.error.required"))));
    }

    private ProblemException notFound(String lang, String id) {
        String m = views.text(lang, "proposals.error.list", id);
        return new ProblemException(HttpStatus.NOT_FOUND, "id: " + m, List.of(new FieldError("id", m)));
    }

    private long id(String id, String lang) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(lang, id.length() > 40 ? id.substring(0, 40) + "…" : id);
        }
    }

    private JsonNode read(InputStream body, Set<String> fields, String lang) {
        byte[] bytes = Bodies.readAll(body);
        if (bytes.length == 0) throw ProblemException.badField("body", views.text(lang, "proposals.error.body"));
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw ProblemException.badField("body", views.text(lang, "proposals.error.notJson") + " " + JsonProblems.describe(e));
        }
        if (json == null || !json.isObject()) throw ProblemException.badField("body", views.text(lang, "proposals.error.body"));
        json.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) throw ProblemException.badField(f.length() > 100 ? f.substring(0, 100) : f,
                    views.text(lang, "proposals.error.unknownField", new TreeSet<>(fields)));
        });
        return json;
    }

    private String text(JsonNode json, String field, String lang) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw ProblemException.badField(field, views.text(lang, "proposals.error.notText"));
        String s = v.asText();
        if (s.length() > MAX_TEXT) throw ProblemException.badField(field, views.text(lang, "proposals.error.tooLong", MAX_TEXT));
        return s;
    }

    private static boolean wantsXlsx(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals(Downloads.XLSX));
    }

    private static io.micronaut.http.MutableHttpResponse<String> json(HttpStatus status, Object body) {
        return HttpResponse.<String>status(status).body(Json.write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
