package vn.laurel.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.api.security.Roles;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule set's history, read only: its revisions (who published what, when, from which parent),
 * each revision's files, and the hash-chained change log with its verification.
 */
@Secured({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/ruleset")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RuleRevisionsController {
    static final int MAX_LIMIT = 1000;

    private final RuleStore store;
    private final RuleChangeLog changes;
    private final RuleSetHolder holder;

    public RuleRevisionsController(RuleStore store, RuleChangeLog changes, RuleSetHolder holder) {
        this.store = store;
        this.changes = changes;
        this.holder = holder;
    }

    /** What GET /api/v1/ruleset says of the revision in service. */
    static Map<String, Object> summary(RuleStore.Revision r) {
        if (r == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("author", r.author());
        m.put("createdAt", r.createdAt());
        m.put("note", r.note());
        m.put("parentId", r.parentId());
        return m;
    }

    @Get(value = "/revisions", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> revisions(@Nullable @QueryValue String before, @Nullable @QueryValue String limit) {
        Long from = before == null ? null : id("before", before);
        int n = limit == null ? 50 : limit(limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("activeRevision", holder.active().revisionId());
        body.put("revisions", store.revisions(from, n));
        return HttpResponse.ok(Json.write(body));
    }

    @Get(value = "/revisions/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> revision(@PathVariable String id) {
        RuleStore.Revision r = revisionOf(id);
        RuleBundle bundle = store.bundle(r.id());
        List<Map<String, Object>> files = new ArrayList<>();
        bundle.files().forEach((path, bytes) -> files.add(Map.of("path", path, "size", bytes.length)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", r);
        body.put("active", Long.valueOf(r.id()).equals(holder.active().revisionId()));
        body.put("files", files);
        return HttpResponse.ok(Json.write(body));
    }

    /** The revision's rules and scenarios as one zip ({@code rules/…}, {@code scenarios/…}), as {@code ./laurel rules pull} writes them. */
    @Get(value = "/revisions/{id}/files", produces = "application/zip")
    public HttpResponse<byte[]> files(@PathVariable String id) {
        RuleStore.Revision r = revisionOf(id);
        return HttpResponse.ok(store.bundle(r.id()).toZip()).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"ruleset-revision-" + r.id() + ".zip\"");
    }

    @Get(value = "/changes", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> changes(@Nullable @QueryValue String draft, @Nullable @QueryValue String before,
                                        @Nullable @QueryValue String limit) {
        Long draftId = draft == null ? null : id("draft", draft);
        Long from = before == null ? null : id("before", before);
        int n = limit == null ? 100 : limit(limit);
        return HttpResponse.ok(Json.write(Map.of("changes", changes.list(draftId, from, n))));
    }

    @Get(value = "/changes/verify", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> verify() {
        return HttpResponse.ok(Json.write(changes.verify()));
    }

    private RuleStore.Revision revisionOf(String id) {
        long n = id("id", id);
        return store.revision(n).orElseThrow(() -> ProblemException.notFound("No rule-set revision " + n));
    }

    /** A positive whole number in ASCII digits, or 400 naming the field. */
    static long id(String field, String value) {
        String v = value.trim();
        if (!v.matches("[0-9]{1,18}") || Long.parseLong(v) < 1) {
            throw ProblemException.badField(field, "\"" + value + "\" is not a positive whole number");
        }
        return Long.parseLong(v);
    }

    private static int limit(String value) {
        String v = value.trim();
        if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > MAX_LIMIT) {
            throw ProblemException.badField("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        return Integer.parseInt(v);
    }
}
