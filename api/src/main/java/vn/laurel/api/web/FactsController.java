package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.*;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.store.FactRecords;
import vn.laurel.api.security.Requester;
import vn.laurel.api.problem.JsonProblems;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.*;
import vn.laurel.engine.json.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * The facts of a subject, one kind at a time: list (paginated), create, read, correct, retract, and
 * the history of a fact. Kinds: ratings, titles, commendations, initiatives, disciplines, absences,
 * attestations, memberships, memberAggregates, clusterMembers, contributions, campaignResults, unitEvents (a unit's
 * events: writing one changes the tree as an import does). Field names are those of the case format.
 */
// Reading facts: clerks and auditors; writing them: clerks (see the methods).
@Secured({Roles.CLERK, Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FactsController {
    static final int MAX_PAGE_SIZE = 500;
    private final FactRecords records;
    private final FactWriter writer;
    private final RuleSetHolder rules;

    public FactsController(FactRecords records, FactWriter writer, RuleSetHolder rules) {
        this.records = records;
        this.writer = writer;
        this.rules = rules;
    }

    /** A subject with its attributes and every current fact (or, with asKnownAt, the facts as known then). */
    @Get(value = "/subjects/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> subject(@PathVariable("id") String rawId, @Nullable @QueryValue String asKnownAt) {
        String id = Params.id(rawId);
        Instant at = instant(asKnownAt);
        FactRecords.SubjectRecord r = records.subject(id, at).orElseThrow(() -> ProblemException.notFound("No subject with id " + id));
        Map<String, Object> subject = new LinkedHashMap<>(r.row());
        Map<String, Object> facts = new LinkedHashMap<>();
        r.facts().forEach((kind, list) -> facts.put(kind.name(), list.stream().map(f -> view(kind, f)).toList()));
        subject.put("revisions", r.revisions());
        subject.put("facts", facts);
        if (at != null) subject.put("asKnownAt", at.toString());
        return HttpResponse.ok(Json.write(subject));
    }

    @Get(value = "/subjects/{id}/facts/{kind}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list(@PathVariable("id") String rawId, @PathVariable String kind, @Nullable @QueryValue String page,
                                     @Nullable @QueryValue String size) {
        String id = Params.id(rawId);
        FactKind k = kind(kind);
        int p = number("page", page, 0, 0, 1_000_000);
        int s = number("size", size, 50, 1, MAX_PAGE_SIZE);
        FactRecords.FactPage found = records.page(k, id, p * s, s).orElseThrow(() -> ProblemException.notFound("No subject with id " + id));
        return HttpResponse.ok(Json.write(Map.of("subject", id, "kind", k.name(), "page", p, "size", s,
                "total", found.total(), "items", found.items().stream().map(f -> view(k, f)).toList())));
    }

    @Secured({Roles.CLERK, Roles.ADMIN})
    @Post(value = "/subjects/{id}/facts/{kind}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> create(@PathVariable("id") String rawId, @PathVariable String kind, @Nullable @Body String body,
                                       HttpRequest<?> request) {
        String id = Params.id(rawId);
        FactKind k = kind(kind);
        FactWriter.Written w = writer.create(k, id, object(body), rules.current(), Requester.of(request));
        return HttpResponse.<String>status(w.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(io.micronaut.http.HttpHeaders.LOCATION, "/api/v1/facts/" + k.name() + "/" + w.fact().id())
                .body(Json.write(written(k, w)));
    }

    @Get(value = "/facts/{kind}/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> fact(@PathVariable String kind, @PathVariable String id) {
        FactKind k = kind(kind);
        long key = id(id);
        StoredFact f = records.fact(k, key).orElseThrow(() -> ProblemException.notFound("No " + k.prefix() + " with id " + id));
        return HttpResponse.ok(Json.write(view(k, f)));
    }

    @Secured({Roles.CLERK, Roles.ADMIN})
    @Put(value = "/facts/{kind}/{id}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> correct(@PathVariable String kind, @PathVariable String id, @Nullable @Body String body,
                                        HttpRequest<?> request) {
        FactKind k = kind(kind);
        FactWriter.Written w = writer.correct(k, id(id), object(body), rules.current(), Requester.of(request));
        return HttpResponse.ok(Json.write(written(k, w)));
    }

    @Secured({Roles.CLERK, Roles.ADMIN})
    @Delete(value = "/facts/{kind}/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> retract(@PathVariable String kind, @PathVariable String id, HttpRequest<?> request) {
        FactKind k = kind(kind);
        FactWriter.Written w = writer.retract(k, id(id), Requester.of(request));
        return HttpResponse.ok(Json.write(written(k, w)));
    }

    /** Every version of a fact, oldest first: what it said, from when to when, and who changed it. */
    @Get(value = "/facts/{kind}/{id}/history", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> history(@PathVariable String kind, @PathVariable String id) {
        FactKind k = kind(kind);
        long key = id(id);
        List<StoredFact> versions = records.history(k, key);
        if (versions.isEmpty()) throw ProblemException.notFound("No " + k.prefix() + " with id " + id);
        return HttpResponse.ok(Json.write(Map.of("versions", versions.stream().map(f -> view(k, f)).toList())));
    }

    static Map<String, Object> view(FactKind kind, StoredFact f) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column c : kind.columns()) {
            Object v = f.values().get(c.db());
            values.put(c.json(), v instanceof java.time.LocalDate d ? d.toString() : v);
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", f.source());
        provenance.put("recordedAt", f.recordedAt().toString());
        provenance.put("recordedBy", f.recordedBy());
        provenance.put("importId", f.importId());
        provenance.put("supersededAt", f.supersededAt() == null ? null : f.supersededAt().toString());
        provenance.put("supersededBy", f.supersededBy() == null ? null : kind.prefix() + ":" + f.supersededBy());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", kind.prefix() + ":" + f.id());
        v.put("kind", kind.name());
        v.put("current", f.isCurrent());
        v.put("values", values);
        v.put("provenance", provenance);
        return v;
    }

    private static Map<String, Object> written(FactKind k, FactWriter.Written w) {
        Map<String, Object> v = new LinkedHashMap<>(view(k, w.fact()));
        v.put("changed", w.changed());
        v.put("decisionsFlagged", w.decisionsFlagged());
        return v;
    }

    static FactKind kind(String name) {
        return FactKinds.byName(name).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "No kind of fact \"" + name + "\"; known: " + FactKinds.ALL.stream().map(FactKind::name).toList(),
                List.of(new vn.laurel.engine.caseformat.FieldError("kind", "unknown kind"))));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("id", "\"" + id + "\" is not a fact id (a number)");
        }
    }

    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Params.integer(value);
            if (n < min || n > max) throw ProblemException.badField(field, "must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badField(field, "\"" + value + "\" is not a whole number");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("asKnownAt", "\"" + value + "\" is not an instant (e.g. 2026-01-15T00:00:00Z)");
        }
    }

    /** One JSON value and nothing after it: trailing bytes are a broken or smuggled body. */
    private static final com.fasterxml.jackson.databind.ObjectMapper BODY = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) throw ProblemException.badField("body", "a JSON object is required");
        try {
            Object parsed = BODY.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw ProblemException.badField("body", "must be a JSON object");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badField("body", "is not valid JSON: " + JsonProblems.describe(e));
        }
    }
}
