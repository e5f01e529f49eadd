package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.*;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import vn.laurel.api.clusters.*;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.security.Requester;
import vn.laurel.api.security.Roles;
import vn.laurel.api.store.FactRefusedException;
import vn.laurel.api.store.RowError;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.json.Json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * The clusters and blocks (cụm, khối thi đua) and their reviews: {@code GET /api/v1/clusters[?year=]},
 * {@code GET /api/v1/clusters/{code}[?year=]}, {@code GET /api/v1/clusters/{code}/review?year=} (JSON, or
 * XLSX with {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} or
 * {@code format=xlsx}), the scores ({@code PUT …/review/scores} JSON, {@code POST …/review/scores} CSV
 * {@code unit,criterion,points}), {@code POST …/review/record}, and the cluster's term, settings and
 * scoring table ({@code PUT …/term?year=}, {@code PUT …/settings}, {@code PUT …/table}). Reads: BOARD,
 * AUDITOR, ADMIN; writes: BOARD, ADMIN. A refused write writes nothing and answers a problem naming each
 * field (and file row) at fault, in the caller's language.
 */
@Controller("/api/v1/clusters")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
public class ClustersController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1_000_000;
    private static final int MIN_YEAR = 1945;
    private static final int MAX_YEAR = 2100;

    private final ClusterReviewService service;
    private final ReviewViews views;
    private final ClusterTexts texts;

    public ClustersController(ClusterReviewService service, ReviewViews views, ClusterTexts texts) {
        this.service = service;
        this.views = views;
        this.texts = texts;
    }

    @Operation(summary = "The clusters and blocks with their member units, head and deputy in a year (default: the year under review)")
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list(@Nullable @QueryValue String year, HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            int y = yearOrCurrent(year);
            return HttpResponse.ok(Json.write(Map.of("year", y,
                    "clusters", service.clusters(y).stream().map(ClustersController::summary).toList())));
        });
    }

    @Operation(summary = "A cluster in a year: its members, head and deputy, the scoring table and settings in force")
    @Get(value = "/{code}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> cluster(@PathVariable String code, @Nullable @QueryValue String year, HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            int y = yearOrCurrent(year);
            Map<String, Object> body = summary(service.cluster(Params.id(code), y));
            body.put("table", ReviewViews.table(service.table(Params.id(code), y), lang));
            body.put("settings", ReviewViews.settings(service.settings(Params.id(code), y)));
            return HttpResponse.ok(Json.write(body));
        });
    }

    @Operation(summary = "A cluster's review of a year: the scores, the ranking (ties shared), the proposals for the flag and the "
            + "certificates of merit, each unit evaluated for the award; JSON, or XLSX by Accept or format=xlsx. Changes nothing.")
    @Get(value = "/{code}/review", produces = {MediaType.APPLICATION_JSON, Downloads.XLSX})
    public HttpResponse<?> review(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @QueryValue String format,
                                  HttpRequest<?> request) {
        String lang = lang(request);
        boolean xlsx = "xlsx".equals(format) || (format == null && request.getHeaders().accept().stream()
                .anyMatch(m -> Downloads.XLSX.equals(m.getName())) && request.getHeaders().accept().stream()
                .noneMatch(m -> MediaType.APPLICATION_JSON.equals(m.getName())));
        return guarded(lang, () -> {
            int y = year(year);
            if (format != null && !List.of("json", "xlsx").contains(format)) throw bad("format", "clusters.error.formatApi");
            ClusterReview r = service.review(Params.id(code), y);
            if (xlsx) return Downloads.xlsx(views.sheet(r, lang), "cluster-" + r.cluster().code() + "-" + y);
            return HttpResponse.ok(Json.write(views.json(r, lang))).contentType(MediaType.APPLICATION_JSON_TYPE);
        });
    }

    @Operation(summary = "Sets the year's scores to exactly these: {\"scores\": [{\"unit\", \"criterion\", \"points\"}]}; all or nothing")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Put(value = "/{code}/review/scores", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> putScores(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @Body String body,
                                          HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            int y = year(year);
            JsonNode root = object(body);
            JsonNode list = root.get("scores");
            if (list == null || !list.isArray()) throw bad("scores", "clusters.error.scoresList");
            List<ScoreSheet.Row> rows = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode s = list.get(i);
                if (!s.isObject()) throw bad("scores[" + i + "]", "clusters.error.scoreObject");
                rows.add(new ScoreSheet.Row(i, text(s, "unit"), text(s, "criterion"), text(s, "points")));
            }
            // "version": the scoresVersion of the review the caller read; given, the scores must not have changed since (409).
            List<ClusterStore.Score> saved = service.saveScores(Params.id(code), y, rows, true, true, text(root, "version"),
                    Requester.of(request));
            return HttpResponse.ok(Json.write(Map.of("cluster", Params.id(code), "year", y, "saved", saved.size())));
        });
    }

    @Operation(summary = "Merges scores from a CSV file unit,criterion,points (text/csv); all or nothing, faults by row and column")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Post(value = "/{code}/review/scores", consumes = "text/csv", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> postScores(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @Body String body,
                                           HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            int y = year(year);
            List<ClusterStore.Score> saved = service.saveScores(Params.id(code), y, ScoreSheet.csv(body), false, false, Requester.of(request));
            return HttpResponse.ok(Json.write(Map.of("cluster", Params.id(code), "year", y, "saved", saved.size())));
        });
    }

    @Operation(summary = "Records the review: each member's rank, and who leads (the unit proposed for the flag), become its "
            + "cluster-member facts of the year with the review as their source; 409 while scores are missing or a tie waits")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Post(value = "/{code}/review/record", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> record(@PathVariable String code, @Nullable @QueryValue String year, HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            int y = year(year);
            ClusterStore.Recorded r = service.record(Params.id(code), y, Requester.of(request));
            return HttpResponse.<String>status(HttpStatus.CREATED).body(Json.write(Map.of("cluster", Params.id(code), "year", y,
                    "review", r.id(), "source", r.source(), "at", r.at().toString())));
        });
    }

    @Operation(summary = "The cluster's head and deputy units for a year: {\"head\", \"deputy\"}, each a member of the cluster that year")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Put(value = "/{code}/term", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> term(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @Body String body,
                                     HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            int y = year(year);
            JsonNode root = object(body);
            service.saveTerm(Params.id(code), y, Params.id(text(root, "head")), Params.id(text(root, "deputy")), Requester.of(request));
            return HttpResponse.ok(Json.write(summary(service.cluster(Params.id(code), y))));
        });
    }

    @Operation(summary = "The cluster's settings from a date: {\"validFrom\", \"flagAward\", \"flagQuota\", \"meritAward\", \"meritCount\", \"basis\"}")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Put(value = "/{code}/settings", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> settings(@PathVariable String code, @Nullable @Body String body, HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            JsonNode root = object(body);
            ClusterSettings d = ClusterSettings.defaults();
            ClusterSettings s = new ClusterSettings(date(root, "validFrom"), or(text(root, "flagAward"), d.flagAward()),
                    integer(root, "flagQuota", d.flagQuota()), or(text(root, "meritAward"), d.meritAward()),
                    integer(root, "meritCount", d.meritCount()), text(root, "basis"));
            service.saveSettings(Params.id(code), s, Requester.of(request));
            return HttpResponse.ok(Json.write(ReviewViews.settings(s)));
        });
    }

    @Operation(summary = "A scoring table from a date: {\"validFrom\", \"criteria\": [{\"code\", \"nameVi\", \"nameEn\", \"maxPoints\"}]}")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Put(value = "/{code}/table", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> table(@PathVariable String code, @Nullable @Body String body, HttpRequest<?> request) {
        String lang = lang(request);
        return guarded(lang, () -> {
            JsonNode root = object(body);
            JsonNode list = root.get("criteria");
            if (list == null || !list.isArray()) throw bad("criteria", "clusters.error.criteriaList");
            if (list.size() > 200) throw bad(ReviewRefused.Kind.TOO_LARGE, "criteria", "clusters.error.tooMany", 200);
            List<ScoringTable.Criterion> criteria = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode k = list.get(i);
                if (!k.isObject()) throw bad("criteria[" + i + "]", "clusters.error.criterionObject");
                BigDecimal max;
                try {
                    max = k.get("maxPoints") == null || k.get("maxPoints").isNull() ? null : new BigDecimal(k.get("maxPoints").asText());
                } catch (NumberFormatException e) {
                    throw bad("criteria[" + i + "].maxPoints", "clusters.error.notNumber");
                }
                criteria.add(new ScoringTable.Criterion(text(k, "code"), text(k, "nameVi"), text(k, "nameEn"), max));
            }
            ScoringTable t = new ScoringTable(date(root, "validFrom"), criteria);
            service.saveTable(Params.id(code), t, Requester.of(request));
            return HttpResponse.ok(Json.write(ReviewViews.table(t, lang)));
        });
    }

    // ------------------------------------------------------------------ helpers

    /** The year asked, required: 1945–2100 as web.Params.year, said in the caller's language. */
    private static int year(@Nullable String year) {
        if (year == null || year.isBlank()) throw bad("year", "clusters.error.yearRequired");
        int y;
        try {
            y = Params.integer(year);
        } catch (NumberFormatException e) {
            throw bad("year", "clusters.error.notYear", year);
        }
        if (y < MIN_YEAR || y > MAX_YEAR) throw bad("year", "clusters.error.yearRange", MIN_YEAR, MAX_YEAR);
        return y;
    }

    private static int yearOrCurrent(@Nullable String year) {
        // The year under review, as year.EmulationYear says it (not imported: the pages depend on this package).
        return year == null || year.isBlank() ? LocalDate.now().getYear() - 1 : year(year);
    }

    /** A request the service cannot read: one field at fault, a sentence of the clusters bundle. */
    private static ReviewRefused bad(String field, String key, Object... args) {
        return bad(ReviewRefused.Kind.BAD_REQUEST, field, key, args);
    }

    private static ReviewRefused bad(ReviewRefused.Kind kind, String field, String key, Object... args) {
        return new ReviewRefused(kind, "clusters.error.request", List.of(), List.of(new ReviewRefused.Fault(field, key, args)));
    }

    private static String lang(HttpRequest<?> request) {
        String l = Language.of(request);
        return Language.BOTH.equals(l) ? "vi" : l;
    }

    private interface Answer { HttpResponse<?> get(); }

    @SuppressWarnings("unchecked")
    private <T> HttpResponse<T> guarded(String lang, Answer answer) {
        try {
            return (HttpResponse<T>) answer.get();
        } catch (FactRefusedException e) {
            // The store refused the facts a recording writes: two officials recording at once, most likely.
            boolean race = e.reason() == FactRefusedException.Reason.CONFLICT;
            String key = race ? "clusters.error.conflict" : "clusters.error.factRefused";
            throw new ProblemException(race ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, texts.text(lang, key), List.of());
        } catch (ReviewRefused e) {
            List<Object> errors = new ArrayList<>();
            for (ReviewRefused.Fault f : e.faults()) {
                String message = texts.text(lang, f.key(), f.args());
                errors.add(f.row() == null ? new FieldError(f.field(), message) : new RowError("file", f.row(), f.field(), message));
            }
            throw new ProblemException(HttpStatus.valueOf(e.kind().status), texts.detail(lang, e), errors);
        }
    }

    private static JsonNode object(@Nullable String body) {
        if (body == null || body.isBlank()) throw bad("body", "clusters.error.bodyRequired");
        if (body.length() > MAX_BODY) throw bad(ReviewRefused.Kind.TOO_LARGE, "body", "clusters.error.tooLong", MAX_BODY);
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad("body", "clusters.error.notJson");
        }
        if (n == null || !n.isObject()) throw bad("body", "clusters.error.notObject");
        return n;
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isContainerNode()) throw bad(field, "clusters.error.notText");
        String t = v.asText();
        if (t.length() > 2000) throw bad(field, "clusters.error.tooLong", 2000);
        return t.isBlank() ? null : t.strip();
    }

    private static int integer(JsonNode n, String field, int fallback) {
        String t = text(n, field);
        if (t == null) return fallback;
        try {
            return Params.integer(t);
        } catch (NumberFormatException e) {
            throw bad(field, "clusters.error.notWhole", t);
        }
    }

    /** A date bounded as web.Params.date bounds every date of the API: 1900-01-01 to 2100-12-31. */
    private static @Nullable LocalDate date(JsonNode n, String field) {
        String t = text(n, field);
        if (t == null) return null;
        LocalDate d;
        try {
            d = LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw bad(field, "clusters.error.notDate", t);
        }
        if (d.getYear() < 1900 || d.getYear() > MAX_YEAR) throw bad(field, "clusters.error.dateRange", "1900-01-01", MAX_YEAR + "-12-31");
        return d;
    }

    private static String or(@Nullable String v, String fallback) {
        return v == null ? fallback : v;
    }

    private static Map<String, Object> summary(ClusterReviewService.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.cluster().code());
        m.put("name", s.cluster().name());
        m.put("kind", s.cluster().kind());
        m.put("organisation", s.cluster().organisation());
        m.put("year", s.year());
        m.put("head", s.term() == null ? null : s.term().head());
        m.put("deputy", s.term() == null ? null : s.term().deputy());
        m.put("members", s.members().stream().map(x -> {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("unit", x.unit());
            u.put("name", x.name());
            u.put("rank", x.rank());
            u.put("leads", x.leads());
            u.put("source", x.source());
            return u;
        }).toList());
        return m;
    }
}
