package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.*;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
import vn.laurel.api.batch.BatchJobs;
import vn.laurel.api.batch.BatchProgress;
import vn.laurel.api.batch.BatchRequest;
import vn.laurel.api.batch.BatchStore;
import vn.laurel.api.limits.Bodies;
import vn.laurel.api.problem.JsonProblems;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.*;

/**
 * {@code POST /api/v1/batches} starts a batch evaluation ({"year": 2025, "unit": "…",
 * "includeSubunits": true, "awards": […], "asOf": "…", "saveDecisions": false}) and answers 202 with
 * its location; {@code GET /api/v1/batches/{id}} tells its status and progress (with an ETA), and
 * once done how many subjects came out with each outcome per award; {@code GET …/{id}/outcomes}
 * pages through the outcomes.
 */
@Controller("/api/v1/batches")
@Secured({Roles.CLIENT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class BatchesController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("year", "unit", "includeSubunits", "awards", "asOf", "saveDecisions");
    private final BatchJobs jobs;
    private final BatchStore store;
    private final MonthDay appraisalDay;
    private final ScopeGuard scope;

    public BatchesController(BatchJobs jobs, BatchStore store, ScopeGuard scope, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.jobs = jobs;
        this.scope = scope;
        this.store = store;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> start(HttpRequest<?> request, @Nullable @Body InputStream body) {
        JsonNode json = read(body);
        json.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) throw ProblemException.badField(f, "unknown field; known: " + new TreeSet<>(FIELDS));
        });
        int year = Params.year(text(json, "year"));
        LocalDate asOf = Params.date("asOf", text(json, "asOf"));
        if (asOf == null) asOf = Params.defaultAppraisalDate(year, appraisalDay, Clock.systemDefaultZone());
        String unit = text(json, "unit");
        if (unit != null && unit.isBlank()) throw ProblemException.badField("unit", "must not be blank; leave it out for the whole organisation");
        // A scoped CLIENT names a unit of its own; "the whole organisation" is beyond it.
        scope.requireUnit(request, "unit", unit);
        BatchRequest r = new BatchRequest(year, asOf, unit, bool(json, "includeSubunits", true), awards(json), bool(json, "saveDecisions", false));
        long id = jobs.submit(r, vn.laurel.api.security.Requester.of(request));
        return HttpResponse.<String>accepted().header("Location", "/api/v1/batches/" + id)
                .contentType(MediaType.APPLICATION_JSON).body(vn.laurel.engine.json.Json.write(describe(id)));
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> status(@PathVariable String id, HttpRequest<?> request) {
        return HttpResponse.ok(vn.laurel.engine.json.Json.write(describe(own(id(id), request))));
    }

    @Get(value = "/{id}/outcomes", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> outcomes(@PathVariable String id, @Nullable @QueryValue String award, @Nullable @QueryValue String outcome,
                                         @Nullable @QueryValue String page, @Nullable @QueryValue String size, HttpRequest<?> request) {
        long batch = own(id(id), request);
        int p = FactsController.number("page", page, 0, 0, Integer.MAX_VALUE / 1000);
        int s = FactsController.number("size", size, 100, 1, 1000);
        return HttpResponse.ok(vn.laurel.engine.json.Json.write(Map.of("batchId", batch, "page", p, "size", s,
                "outcomes", store.outcomes(batch, award, outcome, p * s, s))));
    }

    /** The batch, if the caller may see it: a scoped CLIENT sees only the batches it started. */
    private long own(long id, HttpRequest<?> request) {
        Map<String, Object> row = store.find(id).orElseThrow(() -> ProblemException.notFound("No batch " + id));
        scope.requireOwnBatch(request, "id", id, row.get("requested_by"));
        return id;
    }

    private Map<String, Object> describe(long id) {
        Map<String, Object> row = store.find(id).orElseThrow(() -> ProblemException.notFound("No batch " + id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", row.get("status"));
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("year", row.get("evaluation_year"));
        scope.put("asOf", row.get("as_of"));
        scope.put("unit", row.get("unit_code"));
        scope.put("includeSubunits", row.get("include_subunits"));
        scope.put("awards", row.get("awards") == null ? List.of() : List.of(((String) row.get("awards")).split(",")));
        scope.put("saveDecisions", row.get("save_decisions"));
        out.put("scope", scope);
        out.put("rulesetVersion", row.get("ruleset_version"));
        Instant started = (Instant) row.get("started_at"), finished = (Instant) row.get("finished_at");
        double elapsed = started == null ? 0 : ((finished != null ? finished : Instant.now()).toEpochMilli() - started.toEpochMilli()) / 1000.0;
        BatchProgress p = new BatchProgress(intOf(row.get("units_done")), intOf(row.get("units_total")), longOf(row.get("subjects_done")),
                longOf(row.get("persons_total")), longOf(row.get("outcomes_written")), elapsed);
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("unitsDone", p.unitsDone());
        progress.put("unitsTotal", row.get("units_total"));
        progress.put("subjectsDone", p.subjectsDone());
        progress.put("personsTotal", row.get("persons_total"));
        progress.put("outcomesWritten", p.outcomesWritten());
        progress.put("percent", "DONE".equals(row.get("status")) ? 100.0 : Math.round(p.fraction() * 1000) / 10.0);
        progress.put("subjectsPerSecond", Math.round(p.perSecond()));
        progress.put("etaSeconds", "RUNNING".equals(row.get("status")) ? p.etaSeconds() : null);
        out.put("progress", progress);
        out.put("requestedBy", row.get("requested_by"));
        out.put("requestedAt", row.get("requested_at"));
        out.put("startedAt", started);
        out.put("finishedAt", finished);
        if (row.get("failure") != null) out.put("failure", row.get("failure"));
        if ("DONE".equals(row.get("status"))) out.put("outcomes", store.counts(id));
        return out;
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No batch " + id);
        }
    }

    private static JsonNode read(InputStream body) {
        try {
            byte[] bytes = Bodies.readAll(body);
            if (bytes.length == 0) throw ProblemException.badField("body", "send the batch as JSON, at least {\"year\": 2025}");
            JsonNode json = JSON.readTree(bytes);
            if (!json.isObject()) throw ProblemException.badField("body", "must be a JSON object");
            return json;
        } catch (IOException e) {
            throw ProblemException.badField("body", "is not JSON: " + JsonProblems.describe(e));
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean bool(JsonNode json, String field, boolean dflt) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw ProblemException.badField(field, "must be true or false");
        return v.asBoolean();
    }

    private static List<String> awards(JsonNode json) {
        JsonNode v = json.get("awards");
        if (v == null || v.isNull()) return List.of();
        if (v.isTextual()) return Params.codes(v.asText());
        if (!v.isArray()) throw ProblemException.badField("awards", "must be a list of award codes");
        List<String> out = new ArrayList<>();
        for (JsonNode a : v) {
            if (!a.isTextual()) throw ProblemException.badField("awards", "must be a list of award codes");
            if (!out.contains(a.asText().trim())) out.add(a.asText().trim());
        }
        return out;
    }

    private static int intOf(Object o) { return o == null ? 0 : ((Number) o).intValue(); }

    private static long longOf(Object o) { return o == null ? 0 : ((Number) o).longValue(); }
}
