package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
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
import vn.laurel.api.preview.Population;
import vn.laurel.api.preview.PreviewService;
import vn.laurel.api.security.Requester;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.limits.Bodies;
import vn.laurel.api.problem.JsonProblems;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.ActiveRuleSet;
import vn.laurel.api.rules.RuleSetArchive;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.*;

/**
 * The policy staff's workbench over HTTP: which rules are in service and since when, the history of
 * versions, reload, rollback, and a preview of whom a proposed change would affect. Revisions and the
 * change log: {@link RuleRevisionsController}.
 */
// Reading the rules in service and their history: policy and auditors; changing them: policy (see the methods).
@Secured({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/ruleset")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RuleSetController {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_LAST_DECISIONS = 100_000;

    private final RuleSetHolder holder;
    private final RuleSetArchive archive;
    private final RuleSetService service;
    private final Population population;
    private final PreviewService preview;
    private final MonthDay appraisalDay;
    private final RequestLimits limits;
    private final DraftService drafts;

    public RuleSetController(RuleSetHolder holder, RuleSetArchive archive, RuleSetService service, Population population,
                             PreviewService preview, RequestLimits limits, DraftService drafts,
                             @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.limits = limits;
        this.drafts = drafts;
        this.holder = holder;
        this.archive = archive;
        this.service = service;
        this.population = population;
        this.preview = preview;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    record RegimeView(String code, LocalDate from, LocalDate to, String folder, boolean provisional, int criteria) {}

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> active() {
        ActiveRuleSet a = holder.active();
        RuleSet r = a.rules();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", r.version());
        body.put("revision", RuleRevisionsController.summary(a.revision()));
        body.put("activationId", a.activationId());
        body.put("action", a.action());
        body.put("activatedAt", a.activatedAt());
        body.put("activatedBy", a.activatedBy());
        body.put("firstLoadedAt", archive.version(r.version()).map(RuleStore.Version::firstLoadedAt).orElse(null));
        body.put("regimes", r.regimes().stream().map(g -> view(r, g)).toList());
        body.put("files", r.files());
        return HttpResponse.ok(Json.write(body));
    }

    private static RegimeView view(RuleSet r, Regime g) {
        var compiled = r.compiled(g.code());
        return new RegimeView(g.code(), g.from(), g.to(), g.folder(), g.provisional(), compiled == null ? 0 : compiled.criteria().size());
    }

    @Get(value = "/history", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> history(@Nullable @QueryValue String limit) {
        int n = limit == null ? 100 : positive("limit", limit, 10_000);
        return HttpResponse.ok(Json.write(Map.of("activeVersion", holder.current().version(), "activations", archive.history(n))));
    }

    /** The stored files of a version, as the zip that was compiled. */
    @Get(value = "/versions/{version}/files", produces = "application/zip")
    public HttpResponse<byte[]> files(@PathVariable String version) {
        byte[] zip = archive.files(version).orElseThrow(() -> ProblemException.notFound("No rule-set version " + version));
        return HttpResponse.ok(zip).contentType("application/zip");
    }

    @Secured({Roles.POLICY, Roles.ADMIN})
    @Post(value = "/reload", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> reload(HttpRequest<?> request) {
        RuleSetService.Reloaded r = service.reload(Requester.of(request));
        if (r.draft() == null) return HttpResponse.ok(Json.write(r.change()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("draft", r.draft());
        body.put("approvalsRequired", r.approvalsRequired());
        body.put("message", "The rules directory passed the check and was made a draft: it is published once "
                + r.approvalsRequired() + " other person(s) approve it (POST /api/v1/ruleset/drafts/{id}/propose, then approve).");
        return HttpResponse.accepted().contentType(MediaType.APPLICATION_JSON_TYPE).body(Json.write(body));
    }

    /**
     * Body optional: {"version": "sha256:…"} (its newest revision) or {"revision": 12}; without either,
     * back to the version in service before the current one.
     */
    @Secured({Roles.POLICY, Roles.ADMIN})
    @Post(value = "/rollback", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<String> rollback(HttpRequest<?> request, @Nullable @Body InputStream body) {
        byte[] bytes = body == null ? new byte[0] : read(body);
        String version = null;
        Long revision = null;
        if (bytes.length > 0 && !new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            JsonNode json = json(bytes);
            if (!json.isObject()) throw ProblemException.badField("body", "must be a JSON object such as {\"version\": \"sha256:…\"}, or empty");
            json.fieldNames().forEachRemaining(f -> {
                if (!f.equals("version") && !f.equals("revision")) {
                    throw ProblemException.badField(f, "is not a field of a rollback (only \"version\" or \"revision\")");
                }
            });
            JsonNode v = json.get("version");
            if (v != null && !v.isNull()) {
                if (!v.isTextual()) throw ProblemException.badField("version", "must be a text such as \"sha256:…\"");
                version = v.asText();
            }
            JsonNode n = json.get("revision");
            if (n != null && !n.isNull()) {
                if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 1) {
                    throw ProblemException.badField("revision", "must be a revision number such as 12");
                }
                revision = n.asLong();
            }
        }
        if (version != null && revision != null) throw ProblemException.badField("revision", "give either a version or a revision, not both");
        if (version != null && !version.matches("sha256:[0-9a-f]{64}")) {
            throw ProblemException.badField("version", "\"" + version + "\" is not a rule-set version (sha256:…)");
        }
        return HttpResponse.ok(Json.write(service.rollback(Requester.of(request), version, revision)));
    }

    /**
     * The proposed rules as a zip body (population in the query), or JSON naming a stored version
     * {"version": "sha256:…", "unit": "…", "includeSubunits": true, "year": 2025} or {…, "lastDecisions": 500};
     * {"draft": 12, …} previews a draft's rules as they are now.
     */
    @Secured({Roles.POLICY, Roles.ADMIN})
    @Post(value = "/preview", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<String> preview(HttpRequest<?> request, @Body InputStream body) {
        String type = request.getContentType().map(MediaType::getName).orElse("");
        byte[] bytes = read(body);
        Map<String, String> p = new HashMap<>();
        request.getParameters().asMap().forEach((k, v) -> { if (!v.isEmpty()) p.put(k, v.get(0)); });
        RuleSet proposed;
        if (MediaType.APPLICATION_JSON.equals(type)) {
            JsonNode json = json(bytes);
            if (!json.isObject()) throw ProblemException.badField("body", "must be a JSON object");
            json.fields().forEachRemaining(e -> p.put(e.getKey(), flat(e.getValue())));
            // Naming a server directory told a caller which paths exist and read any of them: rules come in the request, or from the archive.
            if (json.has("directory")) throw ProblemException.badField("directory",
                    "is not accepted: send the proposed rules as a zip body, or name a stored version");
            String version = p.get("version");
            String draft = p.get("draft");
            if (draft != null && version != null) throw ProblemException.badField("draft", "give either a draft or a version, not both");
            if (draft != null) {
                proposed = drafts.compiled(draftId(draft));
            } else {
                if (version == null || version.isBlank()) throw ProblemException.badField("version",
                        "name a stored rule-set version (sha256:…) or a draft, or send the proposed rules as a zip body");
                if (!version.matches("sha256:[0-9a-f]{64}")) throw ProblemException.badField("version", "\"" + version + "\" is not a rule-set version (sha256:…)");
                proposed = archive.byVersion(version).orElseThrow(() -> ProblemException.badField("version", "no rule set " + version + " was ever stored"));
            }
        } else {
            if (bytes.length == 0) throw ProblemException.badField("body", "send the proposed rules as a zip");
            proposed = RuleArchive.load(bytes);
        }
        Map<String, Object> described = new LinkedHashMap<>();
        List<Population.Target> targets;
        if (p.get("lastDecisions") != null) {
            if (p.get("unit") != null) throw ProblemException.badField("unit", "give either a unit or lastDecisions, not both");
            int n = positive("lastDecisions", p.get("lastDecisions"), MAX_LAST_DECISIONS);
            described.put("lastDecisions", n);
            targets = population.lastDecisions(n);
        } else {
            String unit = p.get("unit");
            if (unit == null || unit.isBlank()) throw ProblemException.badField("unit", "give a unit code (with year), or lastDecisions");
            int year = Params.year(p.get("year"));
            LocalDate asOf = Params.date("asOf", p.get("asOf"));
            if (asOf == null) asOf = Params.defaultAppraisalDate(year, appraisalDay, Clock.systemDefaultZone());
            boolean subunits = !"false".equalsIgnoreCase(p.getOrDefault("includeSubunits", "true"));
            List<String> awards = Params.codes(p.get("awards"));
            for (String a : awards) {
                if (holder.current().award(a).isEmpty() && proposed.award(a).isEmpty()) throw ProblemException.badField("awards", "unknown award " + a);
            }
            described.put("unit", unit);
            described.put("includeSubunits", subunits);
            described.put("year", year);
            described.put("asOf", asOf);
            if (!awards.isEmpty()) described.put("awards", awards);
            targets = population.ofUnit(unit, subunits, year, asOf, awards);
        }
        limits.checkSubjects(p.get("lastDecisions") != null ? "lastDecisions" : "unit", targets.size());
        described.put("size", targets.size());
        List<Population.Target> population = targets;
        return HttpResponse.ok(Json.write(limits.wide(() -> preview.preview(proposed, population, described))));
    }

    private static long draftId(String value) {
        if (!value.strip().matches("[0-9]{1,18}") || Long.parseLong(value.strip()) < 1) {
            throw ProblemException.badField("draft", "\"" + value + "\" is not a draft number");
        }
        return Long.parseLong(value.strip());
    }

    private static int positive(String field, String value, int max) {
        try {
            int n = Params.integer(value);
            if (n < 1 || n > max) throw ProblemException.badField(field, "must be between 1 and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badField(field, "\"" + value + "\" is not a number");
        }
    }

    private static byte[] read(InputStream body) {
        return Bodies.readAll(body);
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes.length == 0) return JSON.nullNode();
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw ProblemException.badField("body", "is not JSON: " + JsonProblems.describe(e));
        }
    }

    /** A JSON value as the query would give it: ["A","B"] becomes "A,B". */
    private static String flat(JsonNode v) {
        if (!v.isArray()) return v.isNull() ? null : v.asText();
        List<String> items = new ArrayList<>();
        v.forEach(x -> items.add(x.asText()));
        return String.join(",", items);
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json == null ? null : json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
